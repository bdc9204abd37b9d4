#pragma once
// Stock & expiry: per item (picked or scanned), its lots in first-expiry-first-out order with what is on
// hand, the use-by date and the standing, usable lots first; across all items, the lots expiring within N
// days and those already expired. Read-only: nothing here writes to the ledger. "Today" is the ledger's.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/lot_facts.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class StockTab { ByItem, ExpiringSoon, Expired };

struct StockRow {
    std::string lot;
    std::string sku;
    std::string itemName;
    storage::Uom uom = storage::Uom::Piece;
    std::int64_t onHand = 0;
    std::optional<storage::Date> expiry;
    std::optional<int> daysLeft; // with an expiry
    LotStanding standing = LotStanding::Released;
    std::string where; // "STORE 12 kg, DOCK 3 kg": the locations, largest first
};

struct StockState {
    bool loaded = false; // the lists are read when the screen opens (Refresh) and after each change
    StockTab tab = StockTab::ExpiringSoon;
    int withinDays = 30;
    std::optional<storage::Item> item;
    std::vector<StockRow> lots;     // the item's: usable ones in FEFO order, then the others
    std::vector<StockRow> expiring; // every item's, expiring within `withinDays` (not yet expired)
    std::vector<StockRow> expired;  // every item's lots past use-by that still have stock
    storage::Date today{};
};

namespace stock {
struct Refresh {};
struct PickItem {
    std::string sku;
};
struct ShowTab {
    StockTab tab;
};
struct SetDays {
    int days;
};
struct DaysEntered { // from the keypad: whole days only
    Quantity quantity;
};
} // namespace stock

using StockIntent = std::variant<stock::Refresh, stock::PickItem, stock::ShowTab, stock::SetDays, stock::DaysEntered>;

class StockFlow final : public ScreenFlow {
  public:
    using Intent = StockIntent;
    using State = StockState;

    explicit StockFlow(const storage::Ledger& ledger) : m_ledger(ledger) {}

    FlowOutcome apply(const StockIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const StockState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Stock; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = StockState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override { return {}; }

  private:
    void reload();
    [[nodiscard]] std::vector<StockRow> lotsOf(const storage::Item& item) const;

    const storage::Ledger& m_ledger;
    StockState m_state;
};

} // namespace lotstation::station
