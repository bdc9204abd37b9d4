#pragma once
// Receiving a supplier delivery: scan the case label (GS1 data fills item, supplier lot, expiry and
// quantity), pick or scan what is missing, confirm. Nothing is written before the confirm; the confirm writes
// the receive movement in one transaction and asks for the new lot's label. A state machine over the ledger;
// views only read its state.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

// What the scan interpreter read from a supplier's case label (GS1 AIs 01, 10, 17, 15 and a net quantity).
struct SupplierLabel {
    std::optional<std::string> gtin;
    std::optional<std::string> lot;
    std::optional<storage::Date> expiry;
    std::optional<storage::Date> bestBefore;
    std::optional<Quantity> quantity; // AI 310n (kg), 315n (l), 30 / 37 (pieces) in base units
};

enum class ReceiveField { Item, Supplier, SupplierLot, Quantity, Location };

struct ReceiveDraft {
    std::optional<storage::Item> item;
    std::optional<std::string> supplier;    // supplier code
    std::optional<std::string> supplierLot; // the supplier's own lot code
    std::optional<Quantity> quantity;
    std::optional<storage::Date> expiry;
    std::optional<storage::Date> bestBefore;
    std::optional<std::string> location; // empty: the item's default location
    std::optional<std::string> reference;
};

enum class ReceiveStep { Filling, ReadyToConfirm, Done };

struct ReceiveState {
    ReceiveStep step = ReceiveStep::Filling;
    ReceiveDraft draft;
    std::vector<ReceiveField> missing{ReceiveField::Item, ReceiveField::Supplier, ReceiveField::SupplierLot,
                                      ReceiveField::Quantity, ReceiveField::Location};
    std::optional<std::string> problem;             // the last refusal, shown until the next step
    std::optional<storage::ReceiveResult> received; // after the confirm
    std::optional<std::string> unknownGtin;         // a label's GTIN no item has: offer New item with it
    // The quantity is over 1,000 times the item's largest earlier receipt (storage/receipt_check.hpp): the
    // sentence saying so. The confirm then needs the person's yes (Confirm{.large = true}).
    std::optional<std::string> largeQuantity;
};

namespace receive {
struct LabelScanned {
    SupplierLabel label;
};
struct CodeScanned { // anything else scanned: a SKU, a location label or the supplier's lot code
    std::string text;
};
struct PickItem {
    std::string sku;
};
struct PickSupplier {
    std::string code;
};
struct PickLocation {
    std::string code;
};
struct SetQuantity {
    Quantity quantity;
};
struct SetReference {
    std::string reference;
};
struct Confirm {
    // who: the flow context's operator
    bool large = false; // yes, the unusually large quantity is right
};
struct Cancel {};
struct Next {}; // after Done: start on the next delivery, keeping the supplier
} // namespace receive

using ReceiveIntent = std::variant<receive::LabelScanned, receive::CodeScanned, receive::PickItem,
                                   receive::PickSupplier, receive::PickLocation, receive::SetQuantity,
                                   receive::SetReference, receive::Confirm, receive::Cancel, receive::Next>;

[[nodiscard]] const char* toString(ReceiveField field); // "item", "supplier", "supplier lot", ...

// What a supplier's case label says, in the receive workflow's terms.
[[nodiscard]] SupplierLabel supplierLabelOf(const scan::Gs1Data& data);

class ReceiveFlow final : public ScreenFlow {
  public:
    using Intent = ReceiveIntent;
    using State = ReceiveState;

    explicit ReceiveFlow(storage::Ledger& ledger) : m_ledger(ledger) {}

    FlowOutcome apply(const ReceiveIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const ReceiveState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Receive; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override {
        m_state = ReceiveState{};
        m_unknownLabel.reset();
    }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;
    // Back from a new item made for the label's unknown GTIN: the label is read again.
    [[nodiscard]] std::optional<FlowOutcome> resumed(const FlowContext& context, const FlowOutcome& above) override;

  private:
    FlowOutcome label(const SupplierLabel& label);
    std::optional<SupplierLabel> m_unknownLabel; // the label whose GTIN no item had, read again on resumed
    FlowOutcome code(const std::string& text);
    FlowOutcome setItem(storage::Item item);
    FlowOutcome confirm(const std::string& user, bool large);
    FlowOutcome refuse(std::string message);
    FlowOutcome done(FlowOutcome outcome); // recomputes what is missing, clears the problem on success
    [[nodiscard]] std::optional<std::string> unitProblem() const;

    storage::Ledger& m_ledger;
    ReceiveState m_state;
};

} // namespace lotstation::station
