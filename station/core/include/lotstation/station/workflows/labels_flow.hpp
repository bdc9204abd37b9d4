#pragma once
// Labels: reprint any lot's label. Scan the lot (or pick its item, then the lot), check what the label will
// say, set the number of copies on the keypad, print. The printing itself is the host's (LabelPrinter):
// the flow only asks for it.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/core/error.hpp"
#include "lotstation/station/image.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/lot_facts.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"

#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct LabelsState {
    std::optional<labels::LotLabelData> content; // what the label will say
    std::string payload;                         // what its code will hold
    LotStanding standing = LotStanding::Released;
    int copies = 1;
    std::optional<storage::Item> item;
    std::vector<ItemLot> lotsOfItem; // to pick the lot from
    std::optional<std::string> problem;
    int printed = 0;                      // copies asked for since the lot was opened
    std::shared_ptr<const Image> preview; // the label as it will print; empty without a renderer
    std::uint64_t previewVersion = 0;     // grows with every new preview, for the window's texture
};

// Renders what a lot label will look like (LabelPrinter::preview with the chosen template).
using LabelPreviewer = std::function<std::expected<Image, Error>(const labels::LotLabelData&)>;

namespace labelsflow {
struct OpenLot {
    std::string code;
};
struct PickItem {
    std::string sku;
};
struct SetCopies {
    int copies;
};
struct CopiesEntered { // from the keypad: whole labels only
    Quantity quantity;
};
struct Print {};
} // namespace labelsflow

using LabelsIntent =
    std::variant<labelsflow::OpenLot, labelsflow::PickItem, labelsflow::SetCopies, labelsflow::CopiesEntered, labelsflow::Print>;

inline constexpr int kMaxCopies = 200;

class LabelsFlow final : public ScreenFlow {
  public:
    using Intent = LabelsIntent;
    using State = LabelsState;

    // The preview in the lot template chosen in Settings, drawn by the files' label printer.
    explicit LabelsFlow(const FlowDeps& deps);
    explicit LabelsFlow(const storage::Ledger& ledger, LabelPreviewer previewer = {})
        : m_ledger(ledger), m_previewer(std::move(previewer)) {}

    FlowOutcome apply(const LabelsIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const LabelsState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Labels; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = LabelsState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override { return {}; }

  private:
    FlowOutcome openLot(const std::string& code);
    FlowOutcome refuse(std::string message);

    const storage::Ledger& m_ledger;
    LabelPreviewer m_previewer;
    LabelsState m_state;
    std::uint64_t m_previews = 0;
};

} // namespace lotstation::station
