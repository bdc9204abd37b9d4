#pragma once
// Recall: from one lot (scanned, or its item and then the lot picked), everything upstream and downstream:
// the lots it came from and their suppliers, the lots made from it, the stock of every affected lot by
// location, and the customers it was shipped to. "Hold all" (a reason, then a confirm) puts every affected
// lot on hold in one ledger transaction; the report exports as the FSMA 204 CSV and a PDF into the export
// folder. A state machine over the ledger; views only read its state.
#include "lotstation/station/recall_export.hpp"
#include "lotstation/station/workflows/lot_facts.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/recall.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct RecallState {
    std::optional<storage::Item> item;           // picked to choose a lot from
    std::vector<ItemLot> lotsOfItem;             // that item's lots in stock, to pick one
    std::optional<storage::RecallReport> report; // the forward trace, stock and shipments of the lot
    std::optional<storage::Trace> backward;      // where the lot came from
    std::optional<std::string> holdReason;       // chosen; "Hold all" then asks to confirm
    std::optional<RecallFiles> exported;         // the last export's files
    std::optional<std::string> problem;          // the last refusal
    std::size_t heldNow = 0;                     // lots the last "Hold all" put on hold

    // Affected lots that are not on hold, recalled or expired yet: what "Hold all" would hold.
    [[nodiscard]] std::size_t lotsStillFree() const;
};

namespace recall {
struct OpenLot {
    std::string code;
};
struct PickItem {
    std::string sku;
};
struct ChooseReason {
    std::string reason;
};
struct HoldAll { // the confirm: one transaction over every affected lot
    // who: the flow context's operator
};
struct Export {};
struct Clear {};
} // namespace recall

using RecallIntent = std::variant<recall::OpenLot, recall::PickItem, recall::ChooseReason, recall::HoldAll,
                                  recall::Export, recall::Clear>;

class RecallFlow final : public ScreenFlow {
  public:
    using Intent = RecallIntent;
    using State = RecallState;

    // Exports go into `exportFolder` (the station's user export folder; a test's temporary folder).
    explicit RecallFlow(const FlowDeps& deps) : RecallFlow(deps.ledger, deps.files.exportFolder) {}
    RecallFlow(storage::Ledger& ledger, std::filesystem::path exportFolder)
        : m_ledger(ledger), m_exportFolder(std::move(exportFolder)) {}

    FlowOutcome apply(const RecallIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const RecallState& state() const { return m_state; }
    [[nodiscard]] const std::filesystem::path& exportFolder() const { return m_exportFolder; }

    [[nodiscard]] Screen screen() const override { return Screen::Recall; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = RecallState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    FlowOutcome openLot(const std::string& code);
    FlowOutcome holdAll(const std::string& user);
    FlowOutcome exportFiles();
    FlowOutcome refuse(std::string message);

    storage::Ledger& m_ledger;
    std::filesystem::path m_exportFolder;
    RecallState m_state;
};

} // namespace lotstation::station
