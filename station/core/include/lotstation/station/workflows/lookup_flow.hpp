#pragma once
// Look up: scan anything (our lot label, a supplier's GS1 label, a location label, a typed code) and see
// what it is. A lot shows its card: item, standing, dates, origin, stock by location, the lots it was made
// from and made into (one level; tapping one opens it), its history with who and when, and its quality
// record: inspections, signatures and documents. From the card a
// supervisor holds or releases the lot (a reason, then a confirm; the ledger decides who may) and anyone can
// reprint its label. A location shows what is stored there. Nothing is written before the confirm.
#include "lotstation/station/lookup.hpp"
#include "lotstation/station/workflows/batch_run.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/lot_facts.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/lot_cost.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/queries.hpp"
#include "lotstation/storage/trace.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct LotCard {
    storage::Lot lot;
    storage::Item item;
    LotStanding standing = LotStanding::Released;
    std::optional<std::string> supplierName;
    std::int64_t onHand = 0;
    std::vector<storage::StockLine> stock;      // by location
    std::vector<storage::TraceLot> inputs;      // what it was made from (one level up)
    std::vector<storage::TraceLot> outputs;     // what was made from it (one level down)
    std::vector<storage::Shipment> shipments;   // of this lot
    std::vector<storage::HistoryEntry> history; // newest first
    // Quality (storage/quality.hpp): inspections with their results, every signature on the lot (printed
    // name, time, meaning in words) and the documents attached, each oldest first.
    std::vector<storage::Inspection> inspections;
    std::vector<storage::Signature> signatures;
    std::vector<storage::Attachment> documents;
    // What it cost (lot_cost.hpp): a produced lot's breakdown; a received lot's is its unit cost (lot.unitCost).
    // Shown to those who may see costs (storage::Action::SeeCosts).
    std::optional<storage::LotCost> cost;
    std::string currency; // the ledger's, for showing amounts
    bool batchRecord = false; // made by a run that followed its batch record: the record can be opened
};

struct LocationCard {
    storage::Location location;
    std::vector<storage::StockLine> stock;
};

enum class StatusAction { Hold, Release };

struct PendingStatus {
    StatusAction action = StatusAction::Hold;
    std::string reason;
};

struct LookupState {
    std::optional<std::string> read;      // what was looked up, as read
    std::optional<LotCard> lot;           // a lot was found
    std::optional<LocationCard> location; // a location was found
    std::optional<storage::Item> item;    // an item (SKU / GTIN) was found: its lots are `choices`
    std::vector<ItemLot> choices;         // several lots answer (a shared supplier lot, an item)
    std::optional<PendingStatus> pending; // a hold / release waiting for its confirm
    std::optional<std::string> problem;   // the last refusal
    std::optional<RecordOnScreen> record; // the open lot's batch record, when opened
    storage::Date today{};                // the ledger's, for the standing of listed lots
};

namespace lookup {
struct Open { // a typed, tapped or scanned code
    std::string code;
};
struct ChooseReason { // starts a hold or release of the open lot; the confirm writes it
    StatusAction action;
    std::string reason;
};
struct ConfirmStatus {
    // who: the flow context's operator
};
struct CancelStatus {};
struct Reprint {};
struct Clear {};
struct ShowRecord {}; // the open (produced) lot's batch record
struct SaveRecord {}; // its PDF into the export folder
struct CloseRecord {};
} // namespace lookup

using LookupIntent = std::variant<lookup::Open, lookup::ChooseReason, lookup::ConfirmStatus,
                                  lookup::CancelStatus, lookup::Reprint, lookup::Clear, lookup::ShowRecord,
                                  lookup::SaveRecord, lookup::CloseRecord>;

// The card of one lot as the ledger has it now (today from the ledger's clock).
[[nodiscard]] storage::Result<LotCard> lotCard(const storage::Ledger& ledger, std::string_view lotCode);

class LookupFlow final : public ScreenFlow {
  public:
    using Intent = LookupIntent;
    using State = LookupState;

    explicit LookupFlow(const FlowDeps& deps) : LookupFlow(deps.ledger, deps.files.exportFolder) {}
    // A batch record's PDF is saved into `exportFolder` (the station's export folder; a test's temporary one).
    explicit LookupFlow(storage::Ledger& ledger, std::filesystem::path exportFolder = {})
        : m_ledger(ledger), m_exportFolder(std::move(exportFolder)) {}

    FlowOutcome apply(const LookupIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const LookupState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Lookup; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = LookupState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    FlowOutcome show(const LookupResult& result, std::string read);
    FlowOutcome openLot(const std::string& code);
    FlowOutcome confirmStatus(const std::string& user);
    FlowOutcome refuse(std::string message);
    FlowOutcome showRecord();
    FlowOutcome saveRecord();

    storage::Ledger& m_ledger;
    std::filesystem::path m_exportFolder;
    LookupState m_state;
};

} // namespace lotstation::station
