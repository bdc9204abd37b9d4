#pragma once
// Counting a location: scan its label (or pick it), the station lists the lots the ledger expects there;
// scan each lot on the shelf and type what is counted. Expected and counted stand side by side with the
// difference before anything is written; a difference needs a reason from a short list. The confirm records
// one count movement per counted lot (the ledger computes the adjustment), all in one transaction.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/station/workflows/stock_scan.hpp"
#include "lotstation/station/workflows/supervisor_approval.hpp"
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct CountLine {
    ScannedLot lot;
    std::int64_t expected = 0;           // on hand at the location per the ledger
    std::optional<std::int64_t> counted; // typed; not counted yet when empty
    std::optional<std::string> scale;    // the count was weighed on this scale
    [[nodiscard]] std::int64_t difference() const { return counted.value_or(expected) - expected; }
};

enum class CountStep { ScanLocation, Counting, Done };

struct CountState {
    CountStep step = CountStep::ScanLocation;
    std::optional<storage::Location> location;
    std::vector<CountLine> lines;
    std::optional<std::size_t> selected; // the line the keypad fills: the last scanned unless tapped
    std::optional<std::string> reason;   // needed when a counted quantity differs
    std::vector<storage::Movement> recorded;
    std::optional<std::string> problem;
};

namespace count {
struct PickLocation {
    std::string location;
};
struct PickLot {
    std::string lot;
};
struct SelectLine {
    std::size_t index;
};
struct SetCounted { // of the selected line
    Quantity quantity;
};
struct PickReason {
    std::string reason; // an id of countReasons() or a typed reason
};
struct Confirm {
    // who: the flow context's operator
};
struct Cancel {};
struct Next {}; // after Done: the next location
} // namespace count

using CountIntent = std::variant<count::PickLocation, count::PickLot, count::SelectLine, count::SetCounted,
                                 count::PickReason, count::Confirm, count::Cancel, count::Next>;

// The short list a count difference is explained with.
[[nodiscard]] std::span<const ReasonOption> countReasons();

class CountFlow final : public ScreenFlow {
  public:
    using Intent = CountIntent;
    using State = CountState;

    explicit CountFlow(storage::Ledger& ledger) : m_ledger(ledger) {}

    FlowOutcome apply(const CountIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const CountState& state() const { return m_state; }
    [[nodiscard]] bool anyCounted() const;
    [[nodiscard]] bool anyDifference() const;

    [[nodiscard]] Screen screen() const override { return Screen::Count; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = CountState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    FlowOutcome setLocation(storage::Location location);
    FlowOutcome addLot(ScannedLot scanned);
    FlowOutcome setCounted(const Quantity& quantity);
    FlowOutcome confirm(const std::string& user);
    FlowOutcome refuse(std::string message);
    FlowOutcome good(FlowOutcome outcome);

    storage::Ledger& m_ledger;
    CountState m_state;
};

} // namespace lotstation::station
