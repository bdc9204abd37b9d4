#pragma once
// Moving stock: scan the lot (or pick it), scan the destination's location label (or pick it), all of it
// unless a quantity is typed, confirm. One move movement, written at the confirm and not before.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/lot_choices.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/station/workflows/stock_scan.hpp"
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class MoveStep { Filling, ReadyToConfirm, Done };

struct MoveState {
    MoveStep step = MoveStep::Filling;
    std::optional<ScannedLot> lot;
    std::optional<std::string> from; // where most of the lot is
    std::int64_t onHand = 0;         // there
    std::optional<storage::Location> to;
    std::optional<std::int64_t> quantity; // empty: all of it
    std::optional<storage::Movement> moved;
    std::optional<std::string> problem;
    LotChoices choices; // the lot picked from a list instead of scanned
};

namespace move {
struct PickLot {
    std::string lot;
    std::optional<std::string> from; // a place of the lot; default the one holding most
};
struct Browse {};
struct ScrollChoices {
    int rows; // negative: up
};
struct CloseBrowse {};
struct PickDestination {
    std::string location;
};
struct SetQuantity {
    Quantity quantity;
};
struct Confirm {
    // who: the flow context's operator
};
struct Cancel {};
struct Next {};
} // namespace move

using MoveIntent =
    std::variant<move::PickLot, move::Browse, move::ScrollChoices, move::CloseBrowse, move::PickDestination,
                 move::SetQuantity, move::Confirm, move::Cancel, move::Next>;

class MoveFlow final : public ScreenFlow {
  public:
    using Intent = MoveIntent;
    using State = MoveState;

    explicit MoveFlow(storage::Ledger& ledger) : m_ledger(ledger) {}

    FlowOutcome apply(const MoveIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const MoveState& state() const { return m_state; }
    [[nodiscard]] std::vector<std::string> missing() const; // "lot", "destination"

    [[nodiscard]] Screen screen() const override { return Screen::Move; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = MoveState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    FlowOutcome setLot(ScannedLot scanned, const std::optional<std::string>& from = {});
    FlowOutcome setDestination(storage::Location location);
    FlowOutcome confirm(const std::string& user);
    FlowOutcome refuse(std::string message);
    FlowOutcome done(FlowOutcome outcome);

    storage::Ledger& m_ledger;
    MoveState m_state;
};

} // namespace lotstation::station
