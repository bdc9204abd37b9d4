#pragma once
// The electronic batch record (DESIGN §10, DOMAIN §3): a recipe's procedure (the master batch record,
// versioned) and, for every run of a recipe that has one, the executed record written step by step as it
// happens: each step performed and signed by its performer (PIN entered now), a second, different person's
// verification where the step asks for one, deviations with a reason and a supervisor's signature, and the
// finish with the yield against its limits and the label reconciliation.
//
// Entries are append-only (the database refuses UPDATE and DELETE), each hashed over its canonical text and
// chained to the run's previous entry; every signature (signatures.hpp) binds the hash of the entry it signs.
// Procedures and entries travel through the quality record log like specs (quality_sync.hpp), so a run
// started at one station can be continued and finished at another after sync.
//
// The rules (each refusal is one sentence, nothing written): steps in order; a weighing of the component's
// item, from a usable lot (quarantine is never overridable); a weighing outside its tolerance, a value outside
// its limits, a step out of order or done again, a FEFO / status override, a yield outside its limits or
// labels that do not reconcile each need a deviation on that step first (`recordDeviation`; the step
// `kFinishStep` for the finish); a verification by the step's performer; finishing with a step open.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/signatures.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

// --- the master batch record ------------------------------------------------------------------------------
enum class StepKind { LineClearance, Weigh, Instruction, Check, Pack };
[[nodiscard]] const char* toString(StepKind kind); // line-clearance weigh instruction check pack
[[nodiscard]] Result<StepKind> parseStepKind(std::string_view text);

struct ProcedureStep {
    StepKind kind = StepKind::Instruction;
    std::string title{};
    std::vector<std::string> checklist{}; // line clearance: each point confirmed
    std::string component{};              // weigh: the component's SKU
    std::int64_t target = 0;              // weigh: base units per Procedure::per of output
    std::string tolerance{};              // weigh: "5g" (a quantity) or "1%" (of the target), as written
    std::int64_t toleranceQuantity = 0;   // weigh: a quantity tolerance in base units (0 for a percentage)
    bool verify = false;                  // a second, different person must verify it
    std::string text{};                   // instruction / pack / check: what to do
    std::optional<std::string> equipment{};
    std::optional<SpecTest> value{}; // instruction: a value to record (limits optional); check: the test
};

struct Procedure {
    std::string sku{};
    int version = 0;
    std::string recordId{}; // "<station id>:<n>", names this version everywhere (sync)
    Timestamp createdAt{};
    std::string createdBy{};
    std::int64_t per = 0;   // base units of output the weigh targets are for
    std::string yieldMin{}; // % of the theoretical yield (the planned quantity), exact decimals, inclusive
    std::string yieldMax{};
    std::vector<ProcedureStep> steps{};
    std::string source{}; // the procedure as stored (normalised JSON): what `--show` prints
};

// Reads a procedure file (JSON) for the item; a syntax error names its line and column, a bad value the
// step and field ("step 3 (weigh), field 'tolerance': ..."). Component SKUs must exist and be in the recipe.
[[nodiscard]] Result<Procedure> parseProcedure(const Ledger& ledger, std::string_view sku, std::string_view json);
// Stores a new version (supervisors and admins: master data). The item needs a recipe.
[[nodiscard]] Result<Procedure> setProcedure(Ledger& ledger, std::string_view sku, std::string_view json,
                                             std::string_view user);
// The current version, or the one asked for. NotFound when the item has none (or not that version).
[[nodiscard]] Result<Procedure> procedureOf(const Ledger& ledger, std::string_view sku,
                                            std::optional<int> version = {});

// A weigh step's target for a run's planned quantity (target × planned / per, half-to-even) and its limits.
struct WeighTarget {
    std::int64_t target = 0, low = 0, high = 0;
};
[[nodiscard]] WeighTarget weighTarget(const ProcedureStep& step, std::int64_t per, std::int64_t planned);
// The yield of `output` for `planned`: its percentage as shown ("97.50", half-to-even) and whether it is within
// the procedure's limits (exactly, as the finish judges it).
[[nodiscard]] std::string yieldPercent(std::int64_t output, std::int64_t planned);
[[nodiscard]] bool yieldWithin(const Procedure& procedure, std::int64_t output, std::int64_t planned);

// --- the executed record ----------------------------------------------------------------------------------
enum class EntryKind { Start, Perform, Verify, Deviation, Finish };
[[nodiscard]] const char* toString(EntryKind kind); // start perform verify deviation finish
[[nodiscard]] Result<EntryKind> parseEntryKind(std::string_view text);

inline constexpr int kFinishStep = 0; // deviations on the finish (yield, labels) name step 0 ("finish")

// One entry of a run's record, exactly as hashed (batch_entry_fields order in canonicalBatchEntryText).
struct BatchEntry {
    std::string id{}; // UUIDv7
    std::string stationId{};
    Timestamp at{};
    std::string run{};
    EntryKind kind = EntryKind::Perform;
    std::int64_t step = 0; // 1-based; 0 for start and finish
    std::string user{};
    std::optional<std::string> procedure{};  // start: the procedure version's record id
    std::optional<std::string> sku{};        // start: the item made
    std::optional<std::string> lot{};        // weigh: the lot taken; finish: the output lot
    std::optional<std::int64_t> quantity{};  // weigh: taken; start: planned; finish: actual output
    std::optional<std::string> value{};      // a recorded value (check, instruction); finish: yield %
    std::optional<std::string> judgement{};  // "within" or "outside" its limits
    std::optional<std::string> deviation{};  // the deviation entry this entry relied on
    std::optional<std::string> reason{};     // deviation: why; start: the workstation
    std::optional<std::string> movement{};   // weigh: the consume movement; finish: the produce movement
    std::optional<std::int64_t> labelsPrinted{};
    std::optional<std::int64_t> labelsDestroyed{};
    std::string prevHash{}; // the run's previous entry (64 zeros for the first)
    std::string hash{};
};
[[nodiscard]] std::string canonicalBatchEntryText(const BatchEntry& entry);

struct StepRequest {
    std::string run{};
    std::optional<int> step{};             // default: the next open step
    std::optional<std::string> value{};    // check / instruction value
    std::optional<std::string> lot{};      // weigh
    std::optional<std::int64_t> quantity{}; // weigh, base units
    std::optional<std::string> scale{};     // weigh: read from this scale (recorded on the consume movement)
    std::string by{};
    std::string pin{};
};
struct SignedEntry {
    BatchEntry entry{};
    Signature signature{};
};
[[nodiscard]] Result<SignedEntry> performStep(Ledger& ledger, const StepRequest& request);
[[nodiscard]] Result<SignedEntry> verifyStep(Ledger& ledger, std::string_view run, int step, std::string_view by,
                                             std::string_view pin);
// A supervisor approves a deviation on a step (kFinishStep for the finish) before it is recorded.
[[nodiscard]] Result<SignedEntry> recordDeviation(Ledger& ledger, std::string_view run, int step,
                                                  std::string_view reason, std::string_view by, std::string_view pin);

struct BatchFinishRequest {
    std::string run{};
    std::int64_t output = 0;
    std::optional<std::int64_t> labelsPrinted{};
    std::optional<std::int64_t> labelsDestroyed{};
    std::optional<Date> expiry{};
    std::optional<std::string> location{};
    std::optional<std::string> lotCode{};
    std::string by{};
    std::string pin{};
};
struct BatchFinishResult {
    FinishRunResult finished{};
    SignedEntry entry{};
};
[[nodiscard]] Result<BatchFinishResult> finishBatch(Ledger& ledger, const BatchFinishRequest& request);

// Whether the run follows a batch record (it started with one), and its entries in order.
[[nodiscard]] Result<bool> hasBatchRecord(const Ledger& ledger, std::string_view run);
[[nodiscard]] Result<std::vector<BatchEntry>> batchEntries(const Ledger& ledger, std::string_view run);

// --- the record as a whole (what prints) ------------------------------------------------------------------
enum class StepState { Open, Done, Skipped };
struct StepRecord {
    int number = 0;
    ProcedureStep step{};
    StepState state = StepState::Open;
    std::optional<WeighTarget> target{};         // weigh
    std::vector<BatchEntry> performed{};         // every performance, in order
    std::vector<BatchEntry> verifications{};
    std::vector<Signature> signatures{};         // of this step's entries
    bool awaitsVerification = false;             // performed, to be verified, and not verified since
    bool deviationWaiting = false;               // a deviation approved on it, not yet relied on
};
struct DeviationRecord {
    BatchEntry entry{};
    std::string stepTitle{};
    std::optional<Signature> signature{};
    std::string what{}; // what deviated, once an entry relied on it ("2 kg outside 1.9–2.05 kg"), else empty
};
struct ComponentUse {
    std::string sku{}, name{}, lot{};
    std::optional<std::string> supplier{}, supplierLot{};
    std::optional<Date> expiry{};
    std::int64_t quantity = 0;
    Uom uom = Uom::Gram;
};
struct BatchRecord {
    Run run{};
    Item item{};
    Procedure procedure{};
    StationIdentity station{};
    std::vector<std::string> stationsInvolved{};
    bool inProgress = true;
    std::vector<DeviationRecord> deviations{};
    std::vector<StepRecord> steps{};
    std::vector<ComponentUse> components{};
    std::optional<BatchEntry> finish{};
    std::optional<Signature> finishSignature{};
    // Where the run stands: the step `run step` takes when none is named (none when every step is done or
    // skipped), and whether a deviation on the finish waits to be relied on.
    std::optional<int> nextStep{};
    bool finishDeviationWaiting = false;
    std::optional<Lot> outputLot{};
    std::vector<Signature> qaSignatures{}; // on the output lot: release / rejection / approved deviation
    std::vector<Signature> allSignatures{};
    std::string hash{}; // SHA-256 over every entry hash and signature hash in order: the record's identity
};
[[nodiscard]] Result<BatchRecord> batchRecord(const Ledger& ledger, std::string_view run);

} // namespace lotstation::storage
