#pragma once
// The station's lot ledger: master data, the append-only hash-chained movement log, balances per lot and
// location kept in step with it, and the outbox the sync client ships from. One SQLite file (WAL,
// synchronous=FULL, foreign keys on), migrated at open.
//
// Every operation validates first and then writes all-or-nothing in one transaction: the movement(s), the
// balance updates, the lot's status and the outbox row. On error nothing is written and the Error says why.
//
// Operations and reads never throw: every read that touches the database returns a Result, so a failing disk
// (gone, full, corrupt, locked) is an Io error value the caller shows, never an exception through its frame.
//
// Not thread-safe: one Ledger per thread (open the same file again on another thread; SQLite's WAL mode and
// busy timeout handle the rest).
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/model.hpp"
#include "lotstation/storage/requests.hpp"
#include "lotstation/storage/time.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

// Wrong PINs: after `maxWrongPins` wrong ones in a row for a user, recordPinAttempt refuses that user for
// `lockout`, even with the right PIN. Kept in the database (a restart does not reset it).
struct PinLockout {
    int maxWrongPins = 5;
    std::chrono::milliseconds lockout = std::chrono::minutes(5);
};

struct OpenOptions {
    // Used when the database is new. For an existing database: must name the same station id when set
    // (a different one is an error: the file belongs to another station). An empty stationId is generated.
    std::optional<StationIdentity> identity;
    Clock clock = systemClock();
    int busyTimeoutMs = 5000;
    PinLockout pinLockout{};
};

class LedgerAccess; // storage/-internal door for the query layer

class Ledger {
  public:
    // Opens (creating the file and its folder when missing) and migrates. ":memory:" opens a private
    // in-memory ledger.
    [[nodiscard]] static Result<Ledger> open(const std::filesystem::path& path, OpenOptions options = {});

    Ledger(Ledger&&) noexcept;
    Ledger& operator=(Ledger&&) noexcept;
    ~Ledger();

    [[nodiscard]] StationIdentity station() const;
    [[nodiscard]] Result<int> schemaVersion() const;
    [[nodiscard]] Timestamp now() const; // the ledger's clock

    // --- master data --------------------------------------------------------------------------------------
    [[nodiscard]] Result<Item> addItem(const NewItem& item);
    [[nodiscard]] Result<Item> item(std::string_view sku) const;
    [[nodiscard]] Result<Item> itemByGtin(std::string_view gtin) const;
    [[nodiscard]] Result<std::vector<Item>> items() const;

    [[nodiscard]] Result<Party> addSupplier(const Party& supplier);
    [[nodiscard]] Result<Party> supplier(std::string_view code) const;
    [[nodiscard]] Result<std::vector<Party>> suppliers() const;
    [[nodiscard]] Result<Party> addCustomer(const Party& customer);
    [[nodiscard]] Result<Party> customer(std::string_view code) const;
    [[nodiscard]] Result<std::vector<Party>> customers() const;

    [[nodiscard]] Result<Location> addLocation(const Location& location);
    [[nodiscard]] Result<Location> location(std::string_view code) const;
    [[nodiscard]] Result<std::vector<Location>> locations() const;

    // Adds a user; NewUser::by must name an admin once the ledger has one (access.hpp).
    [[nodiscard]] Result<User> addUser(const NewUser& user);
    // Adds a user the central administration made: the sync server's own console, and the users it sends
    // to stations as master data (authorised there, not by a person at this station). `by` is not checked.
    [[nodiscard]] Result<User> addUserFromCentral(const NewUser& user);
    [[nodiscard]] Result<User> user(std::string_view name) const;
    [[nodiscard]] Result<User> userByBadge(std::string_view badge) const;
    [[nodiscard]] Result<std::vector<User>> users() const;
    // A login or approval attempt: name or badge plus PIN. Writes: every wrong PIN is counted in the
    // database; after OpenOptions::pinLockout's limit the name or badge is locked out for a while (Refused:
    // "too many wrong PINs: try again in 5 min"), the right PIN included; a right PIN resets the count (an Io
    // error when the count cannot be written). A wrong PIN and an unknown user give the same message.
    [[nodiscard]] Result<User> recordPinAttempt(std::string_view nameOrBadge, std::string_view pin);

    // Replaces the item's recipe (components must exist and differ from the item).
    [[nodiscard]] Result<Recipe> setRecipe(const Recipe& recipe);
    [[nodiscard]] Result<Recipe> recipe(std::string_view sku) const;

    // --- movements ----------------------------------------------------------------------------------------
    [[nodiscard]] Result<ReceiveResult> receive(const ReceiveRequest& request);
    [[nodiscard]] Result<Run> startRun(const StartRunRequest& request);
    [[nodiscard]] Result<Movement> consume(const ConsumeRequest& request);
    [[nodiscard]] Result<FinishRunResult> finishRun(const FinishRunRequest& request);
    [[nodiscard]] Result<Movement> ship(const ShipRequest& request);
    [[nodiscard]] Result<Movement> move(const MoveRequest& request);
    [[nodiscard]] Result<Movement> adjust(const AdjustRequest& request);
    [[nodiscard]] Result<Movement> count(const CountRequest& request);
    [[nodiscard]] Result<Movement> scrap(const ScrapRequest& request);
    [[nodiscard]] Result<std::vector<Movement>> hold(const StatusChangeRequest& request);
    [[nodiscard]] Result<std::vector<Movement>> release(const StatusChangeRequest& request);
    // A new reversal movement that undoes a receive, consume, produce, move, ship, adjust, count or scrap.
    // Refused: reversing a reversal (record the original again instead), reversing a movement twice,
    // reversing hold / release (use release / hold), and anything that would take more than is on hand.
    [[nodiscard]] Result<Movement> reverse(const ReverseRequest& request);

    // Inserts another station's movement: checks its hash and that it links to that station's previous one
    // (seq = last + 1, prevHash = last hash), then updates balances and the lot's status. Never refused for a
    // business reason (stock may go negative: that is a conflict for a supervisor, not for the station).
    // Redelivery of an identical movement is AlreadyPresent; the same (station, seq) with other content is an
    // error.
    [[nodiscard]] Result<ApplyOutcome> applyRemoteMovement(const RemoteMovement& remote);
    // The same for a batch in one transaction (one disk sync instead of one per movement): movements are
    // applied in order; the first that fails stops the batch, the good prefix before it commits.
    [[nodiscard]] ApplyBatchResult applyRemoteMovements(std::span<const RemoteMovement> remotes);
    // The same, and `alongside` (given what the batch did) writes in the batch's own transaction before it
    // commits: both commit together, or nothing does (an error value here). Use this rather than a batch
    // inside atomically(): there the batch is a savepoint, and under an open savepoint SQLite copies every
    // page each of the batch's statements touches into its sub-journal (a temp file) — most of the time of a
    // pulled page went there.
    using AlongsideBatch = std::function<Result<void>(const ApplyBatchResult&)>;
    [[nodiscard]] Result<ApplyBatchResult> applyRemoteMovements(std::span<const RemoteMovement> remotes,
                                                                const AlongsideBatch& alongside);

    // Runs `body` (any number of the operations above) as one transaction: everything it wrote commits
    // together when it returns a value, and nothing is kept when it returns an error (or the database fails).
    // For imports ("a bad row and nothing is imported"), recalls and batched writes. An operation that fails
    // inside still undoes only its own writes, so `body` may also carry on after an error it expected.
    [[nodiscard]] Result<void> atomically(const std::function<Result<void>()>& body);

    // --- reads --------------------------------------------------------------------------------------------
    [[nodiscard]] Result<Lot> lot(std::string_view code) const;
    // The supplier's lot code; several lots when different suppliers / items share it.
    [[nodiscard]] Result<std::vector<Lot>>
    lotsBySupplierLot(std::string_view supplierLot, std::optional<std::string_view> supplier = {}) const;
    // GS1 (01) GTIN + (10) lot: our lot code of that item, else the supplier lot code of that item.
    [[nodiscard]] Result<Lot> lotByGtin(std::string_view gtin, std::string_view lot) const;
    [[nodiscard]] Result<Run> run(std::string_view code) const;
    [[nodiscard]] Result<Movement> movement(std::string_view id) const;
    [[nodiscard]] Result<std::int64_t> movementCount() const;
    [[nodiscard]] Result<std::vector<Balance>> balances(std::string_view lotCode) const; // non-zero rows
    [[nodiscard]] Result<std::int64_t> onHand(std::string_view lotCode, std::string_view location) const;
    [[nodiscard]] Result<std::int64_t> onHand(std::string_view lotCode) const; // all locations

    // This station's movements with seq > afterSeq, in order, at most `limit`.
    [[nodiscard]] Result<std::vector<OutboxEntry>> outbox(std::int64_t afterSeq, std::size_t limit) const;
    // Every station's movements in the order they arrived in this ledger (position ascending, position >
    // afterPosition), at most `limit`. A sync server hands these out as its global order. Positions only
    // grow: nothing is ever deleted.
    [[nodiscard]] Result<std::vector<ArrivedMovement>> movementsSince(std::int64_t afterPosition,
                                                                      std::size_t limit) const;

    // Re-derives every balance from the ledger and compares, walks every station's hash chain and checks the
    // sequences are gapless. Empty = the ledger is consistent.
    [[nodiscard]] Result<std::vector<Finding>> verify() const;

  private:
    friend class LedgerAccess;
    struct Impl;
    explicit Ledger(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// The exact text a movement's hash is computed over: a header line "lotstation-movement/1", then one line per
// field in the fixed order of movement_fields.hpp (id station seq at user kind lot quantity from to run party
// reference reason unit_cost reverses lot_status approved_by overridden prev_hash), each
// "name=<byte length>:<value>" or "name-" for an absent value. A movement weighed on a scale has format 2:
// header "lotstation-movement/2", the same lines, then "scale=..." (a movement without one keeps format 1). Exposed so that sync and audits can recompute hashes independently (see
// src/canonical.cpp).
[[nodiscard]] std::string canonicalMovementText(const Movement& movement);
[[nodiscard]] std::string movementHash(const Movement& movement); // SHA-256 of the above, lower-case hex

} // namespace lotstation::storage
