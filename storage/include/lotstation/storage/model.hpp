#pragma once
// The ledger's vocabulary (DESIGN §2) as plain values. Codes (SKU, lot code, location code, ...) are the
// identities that cross module and station borders; database row ids never leave storage/.
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/money.hpp"
#include "lotstation/storage/quantity.hpp"
#include "lotstation/storage/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

enum class ItemKind { Raw, Packaging, Intermediate, Finished };
enum class LocationKind { Dock, Store, Workstation, Quarantine, Finished, Shipped };
// Rejected: QC refused the lot; it can only be scrapped or returned to its supplier (quality.hpp).
enum class LotStatus { Available, Quarantine, Hold, Recalled, Expired, Depleted, Rejected };
// Qa stands beside the production ladder (operator < supervisor < admin): only qa releases or rejects a lot
// after QC, and qa may do what an operator may (access.hpp).
enum class UserRole { Operator, Supervisor, Admin, Qa };
// When lots of an item wait for a QC release: on receipt, when produced, both or never (quality.hpp).
enum class QcPolicy { None, Receipt, Release, Both };
enum class RunStatus { Open, Finished };
enum class MovementKind {
    Receive,
    Consume,
    Produce,
    Move,
    Ship,
    Adjust,
    Count,
    Scrap,
    Hold,
    Release,
    Reversal
};

// Lower-case names as stored in the database and shown to people: "raw", "workstation", "on hold" is "hold".
[[nodiscard]] const char* toString(ItemKind value);
[[nodiscard]] const char* toString(LocationKind value);
[[nodiscard]] const char* toString(LotStatus value);
[[nodiscard]] const char* toString(UserRole value);
[[nodiscard]] const char* toString(RunStatus value);
[[nodiscard]] const char* toString(MovementKind value);
[[nodiscard]] Result<ItemKind> parseItemKind(std::string_view text);
[[nodiscard]] Result<LocationKind> parseLocationKind(std::string_view text);
[[nodiscard]] Result<LotStatus> parseLotStatus(std::string_view text);
[[nodiscard]] Result<UserRole> parseUserRole(std::string_view text);
[[nodiscard]] Result<RunStatus> parseRunStatus(std::string_view text);
[[nodiscard]] Result<MovementKind> parseMovementKind(std::string_view text);

// Who this station is. `shortCode` (1-4 letters/digits, e.g. "A1") goes into generated lot and run codes so
// that two stations working offline never generate the same code; with none set, codes carry no station part.
struct StationIdentity {
    std::string stationId{}; // globally unique, e.g. a UUID; generated at first open when left empty
    std::string name{};
    std::string shortCode{};
};

struct Item {
    std::string sku{};
    std::string name{};
    ItemKind kind = ItemKind::Raw;
    Uom uom = Uom::Gram;
    std::optional<std::string> gtin{}; // normalised to 14 digits, check digit verified
    bool lotTracked = true;
    std::optional<int> shelfLifeDays{};
    std::optional<std::string> defaultLocation{}; // location code
    std::optional<std::int64_t> reorderPoint{};   // base units
    QcPolicy qcPolicy = QcPolicy::None;           // master data like the rest; set by setQcPolicy
};

struct Party { // a supplier or a customer
    std::string code{};
    std::string name{};
};

struct Location {
    std::string code{};
    std::string name{};
    LocationKind kind = LocationKind::Store;
};

struct User {
    std::string name{};
    UserRole role = UserRole::Operator;
    std::optional<std::string> badge{};
    bool hasPin = false;
};

struct Lot {
    std::string code{}; // our internal lot code
    std::string sku{};
    std::optional<std::string> supplier{};    // supplier code, for received lots
    std::optional<std::string> supplierLot{}; // the supplier's own lot code, kept apart from ours
    std::optional<std::string> run{};         // run code, for produced lots
    Date originDate{};                        // received or produced on
    std::optional<Date> expiry{};             // use-by (GS1 AI 17)
    std::optional<Date> bestBefore{};         // GS1 AI 15
    LotStatus status = LotStatus::Available;
    std::optional<Micros> unitCost{}; // per g / ml / pc of the item; empty when unknown
    std::string createdBy{};          // station id that created the lot
};

struct RecipeComponent {
    std::string sku{};
    std::int64_t quantity = 0; // base units of the component per `Recipe::outputQuantity` of output
};

struct Recipe {
    std::string sku{};               // the item it makes
    std::int64_t outputQuantity = 0; // base units of output the component quantities are for
    std::vector<RecipeComponent> components{};
};

struct Run {
    std::string code{}; // e.g. "RUN-261124-A101"
    std::string sku{};
    std::int64_t planned = 0;
    std::optional<std::int64_t> actual{};
    std::optional<std::string> workstation{}; // location code
    std::string operatorName{};
    Timestamp startedAt{};
    std::optional<Timestamp> finishedAt{};
    RunStatus status = RunStatus::Open;
    std::optional<std::string> outputLot{};
};

// One ledger entry, exactly as hashed (see canonicalMovementText in ledger.hpp for the serialization).
// Quantity is a magnitude (>= 0) in base units of the lot's item: `from` loses it, `to` gains it; a location
// left empty is outside the station (a supplier, a customer, a run's mixing bowl, the bin).
struct Movement {
    std::string id{}; // UUIDv7, lower-case hex with dashes
    std::string stationId{};
    std::int64_t seq = 0; // gapless per station, from 1
    Timestamp at{};
    std::string user{};
    MovementKind kind = MovementKind::Receive;
    std::string lot{}; // lot code
    std::int64_t quantity = 0;
    std::optional<std::string> from{}; // location codes
    std::optional<std::string> to{};
    std::optional<std::string> run{};       // run code (consume, produce)
    std::optional<std::string> party{};     // supplier code (receive) or customer code (ship)
    std::optional<std::string> reference{}; // PO, order number, delivery note
    std::optional<std::string> reason{};
    std::optional<Micros> unitCost{};        // per g / ml / pc
    std::optional<std::string> reverses{};   // id of the movement this one reverses
    std::optional<LotStatus> lotStatus{};    // the lot's status after a hold / release
    std::optional<std::string> approvedBy{}; // supervisor who approved an override
    std::optional<std::string> overridden{}; // which rules were overridden, e.g. "expired,not-in-recipe"
    std::string prevHash{};                  // 64 hex chars; 64 zeros for a station's first movement
    std::optional<std::string> scale{};      // the quantity was read from this scale ("mt-sics on /dev/ttyUSB0")
    std::string hash{};                      // SHA-256 of the canonical text, 64 lower-case hex chars
};

struct Balance {
    std::string lot{};
    std::string location{};
    std::int64_t quantity = 0; // base units; may be negative only after conflicting remote movements
};

// One problem `Ledger::verify` found, in words, plus where it is.
struct Finding {
    enum class Kind { BalanceMismatch, HashMismatch, BrokenChain, SequenceGap, ChainHead, Outbox, Signature };
    Kind kind{};
    std::string message{};
};

} // namespace lotstation::storage
