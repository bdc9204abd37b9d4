#pragma once
// Shipping: pick the customer, scan the order reference, scan each finished lot going out (the quantity is
// all of it at its place unless typed on the keypad), confirm. Each line is priced from the customer's price
// list unless a price is typed for it; the price is recorded with the shipment (shipAtPrice). A reference that
// names a sales order on record (scanned, typed or picked from the open orders) ships against it: the
// customer and each line's price come from the order, a lot of a SKU not on it is refused as it is scanned,
// and the screen shows how far the order has shipped (shipAgainstOrder refuses over-shipping at the confirm). Held, quarantined, recalled and expired lots
// and codes that name no lot are refused as they are scanned. The confirm records every line of the shipment
// in one transaction (all or nothing); nothing is written before it.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/lot_choices.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/station/workflows/stock_scan.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct ShipLine {
    storage::Lot lot;
    storage::Item item;
    std::string location;      // shipped from
    std::int64_t onHand = 0;   // there
    std::int64_t quantity = 0; // to ship; all on hand until typed
    // Per g / ml / pc: the customer's price list's (sales.hpp) unless one was typed; empty: ships unpriced.
    std::optional<storage::Micros> unitPrice;
    bool priceTyped = false;
};

enum class ShipStep { Filling, ReadyToConfirm, Done };

struct ShipState {
    ShipStep step = ShipStep::Filling;
    std::optional<storage::Party> customer;
    std::optional<std::string> reference; // the order number
    bool awaitingReference = false;       // the next plain scan (or typed line) is the order number
    std::vector<ShipLine> lines;
    std::optional<std::size_t> selected;    // the line the keypad changes: the last scanned unless tapped
    std::vector<storage::Movement> shipped; // after the confirm
    std::optional<std::string> problem;
    LotChoices choices; // finished goods that may be shipped, picked from a list instead of scanned
    std::string currency = "USD"; // the ledger's, for showing prices
    std::optional<storage::OrderProgress> order; // the sales order the reference names, if it is one
    std::string orderProgress;                   // "Order R-1042: 24 of 48 shipped" (the selected line's SKU)
    std::optional<std::vector<storage::OrderProgress>> openOrders; // listed to pick from (BrowseOrders)
};

namespace ship {
struct PickCustomer {
    std::string code;
};
struct ScanReference {}; // the next plain scan is the order number
struct SetReference {
    std::string reference;
};
struct PickLot { // a lot chosen without scanning
    std::string lot;
    std::optional<std::string> from; // a place of the lot; default the one holding most
};
struct BrowseOrders {}; // the open orders of the chosen customer (or every customer's)
struct PickOrder {
    std::string reference;
};
struct CloseOrders {};
struct Browse {};
struct ScrollChoices {
    int rows; // negative: up
};
struct CloseBrowse {};
struct SelectLine {
    std::size_t index;
};
struct SetQuantity { // of the selected line
    Quantity quantity;
};
struct SetPrice { // of the selected line, typed: "4.50/pc", "12/kg"; empty: back to the price list's
    std::string text;
};
struct RemoveLine {
    std::size_t index;
};
struct Confirm {
    // who: the flow context's operator
};
struct Cancel {};
struct Next {}; // after Done: the next shipment
} // namespace ship

using ShipIntent = std::variant<ship::PickCustomer, ship::ScanReference, ship::SetReference, ship::BrowseOrders,
                                ship::PickOrder, ship::CloseOrders, ship::PickLot,
                                ship::Browse, ship::ScrollChoices, ship::CloseBrowse, ship::SelectLine,
                                ship::SetQuantity, ship::SetPrice, ship::RemoveLine, ship::Confirm, ship::Cancel, ship::Next>;

class ShipFlow final : public ScreenFlow {
  public:
    using Intent = ShipIntent;
    using State = ShipState;

    explicit ShipFlow(storage::Ledger& ledger) : m_ledger(ledger) {}

    FlowOutcome apply(const ShipIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const ShipState& state() const { return m_state; }
    // What is still needed before the confirm, in words ("customer", "a lot"); empty when ready.
    [[nodiscard]] std::vector<std::string> missing() const;

    [[nodiscard]] Screen screen() const override { return Screen::Ship; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = ShipState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    FlowOutcome addLot(ScannedLot scanned, const std::optional<std::string>& from = {});
    FlowOutcome setReference(const std::string& reference);
    void refreshOrder(); // the order's shipped figures and the line shown for the selected lot
    // A line's price when none is typed: the order's line, else the customer's price list.
    [[nodiscard]] std::optional<storage::Micros> listedPrice(const std::string& sku) const;
    FlowOutcome setQuantity(const Quantity& quantity);
    FlowOutcome confirm(const std::string& user);
    FlowOutcome refuse(std::string message);
    FlowOutcome done(FlowOutcome outcome); // recomputes the step, clears the problem unless refused

    storage::Ledger& m_ledger;
    ShipState m_state;
};

} // namespace lotstation::station
