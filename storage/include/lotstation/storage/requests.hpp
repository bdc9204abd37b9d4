#pragma once
// Parameter structs of the ledger's operations (hello_imgui style: plain structs, designated initialisers).
// Quantities are base units (parse them with parseQuantity for the item's uom); `user` names a registered
// user and is recorded on every movement. Where a location is optional the ledger takes the only location
// holding the lot, and refuses with a list of candidates when there are several.
#include "lotstation/storage/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {

struct NewItem {
    std::string sku{};
    std::string name{};
    ItemKind kind = ItemKind::Raw;
    Uom uom = Uom::Gram;
    std::optional<std::string> gtin{}; // 8, 12, 13 or 14 digits with a correct check digit
    bool lotTracked = true;
    std::optional<int> shelfLifeDays{};
    std::optional<std::string> defaultLocation{};
    std::optional<std::int64_t> reorderPoint{};
};

struct NewUser {
    std::string name{};
    UserRole role = UserRole::Operator;
    std::optional<std::string> badge{};
    std::optional<std::string> pin{}; // stored only as an Argon2id hash
    // Who adds this user: an admin of this ledger. Only while the ledger has no admin yet (a station being
    // set up, its first admin) may it be left empty.
    std::string by{};
};

// A rule broken on purpose: both a reason and a supervisor (or admin) are required, and both are recorded on
// the movement. The caller authenticates the supervisor (Ledger::recordPinAttempt) before asking.
struct Override {
    std::string reason{};
    std::string supervisor{};
};

struct ReceiveRequest {
    std::string sku{};
    std::string supplier{};    // supplier code
    std::string supplierLot{}; // the supplier's lot code; the same one again adds to the same lot
    std::int64_t quantity = 0;
    std::optional<Date> expiry{};
    std::optional<Date> bestBefore{};
    std::optional<Micros> unitCost{};       // per g / ml / pc
    std::optional<std::string> location{};  // default: the item's default location
    std::optional<std::string> lotCode{};   // explicit internal code for a new lot; default: generated
    std::optional<std::string> reference{}; // PO, delivery note
    std::optional<std::string> scale{}; // the quantity was read from this scale: recorded on the movement
    std::string user{};
};

struct ReceiveResult {
    std::string lotCode{};
    bool addedToExistingLot = false;
    Movement movement{};
};

struct StartRunRequest {
    std::string sku{}; // the item to make; it needs a recipe
    std::int64_t planned = 0;
    std::optional<std::string> workstation{}; // location code
    std::optional<std::string> runCode{};     // default: generated
    std::string user{};
};

struct ConsumeRequest {
    std::string run{};
    std::string lot{};
    std::int64_t quantity = 0;
    std::optional<std::string> location{};
    std::optional<Override> override{};
    std::optional<std::string> scale{}; // the quantity was read from this scale: recorded on the movement
    std::string user{};
};

struct FinishRunRequest {
    std::string run{};
    std::int64_t output = 0;
    std::optional<Date> expiry{}; // default: produced date + the item's shelf life
    std::optional<Date> bestBefore{};
    std::optional<std::string> location{}; // default: the item's default location, else the workstation
    std::optional<std::string> lotCode{};  // default: generated
    std::optional<std::string> scale{}; // the quantity was read from this scale: recorded on the movement
    std::string user{};
};

struct FinishRunResult {
    std::string lotCode{};
    Movement movement{};
    Run run{};
};

struct ShipRequest {
    std::string lot{};
    std::int64_t quantity = 0;
    std::string customer{};
    std::optional<std::string> reference{}; // order number
    std::optional<std::string> location{};
    std::string user{};
};

struct MoveRequest {
    std::string lot{};
    std::int64_t quantity = 0;
    std::string to{};
    std::optional<std::string> from{};
    std::string user{};
};

// adjust: a signed change (+ found, - lost) with a reason. count: the quantity counted at a location; the
// movement records the difference (0 is recorded too: a confirmed count). scrap: quantity thrown away.
struct AdjustRequest {
    std::string lot{};
    std::int64_t delta = 0;
    std::optional<std::string> location{};
    std::string reason{};
    std::string user{};
};

struct CountRequest {
    std::string lot{};
    std::int64_t counted = 0;
    std::optional<std::string> location{};
    std::optional<std::string> reason{};
    std::optional<std::string> scale{}; // the quantity was read from this scale: recorded on the movement
    std::string user{};
};

struct ScrapRequest {
    std::string lot{};
    std::int64_t quantity = 0;
    std::optional<std::string> location{};
    std::string reason{};
    std::string user{};
};

// hold: lots go to `status` (hold, quarantine, recalled or expired); release: back to available (or
// depleted when nothing is on hand). Every lot changes in one transaction, or none does.
struct StatusChangeRequest {
    std::vector<std::string> lots{};
    LotStatus status = LotStatus::Hold;
    std::string reason{};
    std::string user{};
};

struct ReverseRequest {
    std::string movementId{};
    std::string reason{};
    std::string user{};
};

// A movement recorded by another station, arriving through sync. `lot` defines the lot when this station has
// not seen it yet (required then; ignored when the lot is known).
struct RemoteMovement {
    Movement movement{};
    std::optional<Lot> lot{};
    std::optional<Item> item{}; // when the lot's item is unknown here too
};

enum class ApplyOutcome { Applied, AlreadyPresent };

struct ApplyBatchResult {
    std::vector<ApplyOutcome> outcomes; // one per movement of the committed prefix, in order
    std::optional<Error> error;         // why the movement after that prefix was not applied
};

struct ArrivedMovement {
    std::int64_t position = 0; // arrival order in this ledger, from 1
    Movement movement;
};

struct OutboxEntry {
    std::int64_t seq = 0; // this station's sequence number
    Movement movement{};
};

} // namespace lotstation::storage
