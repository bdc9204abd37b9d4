#include "lotstation/station/workflows/stock_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/station/lookup.hpp"
#include "lotstation/storage/quantity.hpp"

#include <algorithm>
#include <set>

namespace lotstation::station {

namespace {

std::string whereText(std::vector<storage::Balance> balances, storage::Uom uom) {
    std::sort(balances.begin(), balances.end(),
              [](const auto& a, const auto& b) { return a.quantity > b.quantity; });
    std::string text;
    for (const auto& balance : balances)
        text += (text.empty() ? "" : ", ") + balance.location + " " +
                storage::formatQuantity(balance.quantity, uom);
    return text;
}

StockRow rowOf(const storage::LotStock& stock, const std::string& itemName, storage::Date today) {
    StockRow row;
    row.lot = stock.lot.code;
    row.sku = stock.lot.sku;
    row.itemName = itemName;
    row.uom = stock.uom;
    row.onHand = stock.onHand;
    row.expiry = stock.lot.expiry;
    if (row.expiry) row.daysLeft = daysBetween(today, *row.expiry);
    row.standing = standingOf(stock.lot, today);
    row.where = whereText(stock.balances, stock.uom);
    return row;
}

} // namespace

FlowOutcome StockFlow::apply(const StockIntent& intent, const FlowContext& context) {
    return std::visit(Overloaded{
                          [&](const stock::Refresh&) {
                              reload();
                              return FlowOutcome::quiet();
                          },
                          [&](const stock::PickItem& i) {
                              auto item = m_ledger.item(i.sku);
                              if (!item) return FlowOutcome::refused(item.error().message);
                              m_state.item = std::move(*item);
                              m_state.tab = StockTab::ByItem;
                              reload();
                              return FlowOutcome::quiet();
                          },
                          [&](const stock::ShowTab& i) {
                              m_state.tab = i.tab;
                              reload();
                              return FlowOutcome::quiet();
                          },
                          [&](const stock::DaysEntered& i) {
                              if (i.quantity.unit != storage::Uom::Piece)
                                  return FlowOutcome::refused("Days are whole numbers");
                              return apply(stock::SetDays{static_cast<int>(
                                               std::min<std::int64_t>(i.quantity.amount, 100000))},
                                           context);
                          },
                          [&](const stock::SetDays& i) {
                              if (i.days < 1 || i.days > 3650)
                                  return FlowOutcome::refused("Between 1 and 3650 days, please");
                              m_state.withinDays = i.days;
                              m_state.tab = StockTab::ExpiringSoon;
                              reload();
                              return FlowOutcome::quiet();
                          },
                      },
                      intent);
}

std::optional<FlowOutcome> StockFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    // Scanning any lot or item label shows that item's lots.
    const LookupResult found = lookUp(m_ledger, meaning);
    if (const auto* lots = std::get_if<FoundLots>(&found))
        return apply(stock::PickItem{lots->lots.front().sku}, context);
    if (const auto* item = std::get_if<FoundItem>(&found)) return apply(stock::PickItem{item->item.sku}, context);
    return std::nullopt;
}

std::vector<StockRow> StockFlow::lotsOf(const storage::Item& item) const {
    std::vector<StockRow> rows;
    auto usable = storage::fefo(m_ledger, item.sku, m_state.today);
    std::set<std::string> listed;
    if (usable)
        for (const auto& stock : *usable) {
            rows.push_back(rowOf(stock, item.name, m_state.today));
            listed.insert(stock.lot.code);
        }
    // Then the lots that may not be used (held, recalled, expired), so nobody wonders where they went.
    for (const auto& lot : lotsInStock(m_ledger, item.sku)) {
        if (listed.count(lot.code)) continue;
        auto full = m_ledger.lot(lot.code);
        if (!full) continue;
        auto balances = m_ledger.balances(lot.code);
        if (!balances) continue;
        storage::LotStock stock{*full, item.uom, lot.onHand, std::move(*balances)};
        rows.push_back(rowOf(stock, item.name, m_state.today));
    }
    return rows;
}

void StockFlow::reload() {
    m_state.today = storage::dateOf(m_ledger.now());
    m_state.lots.clear();
    m_state.expiring.clear();
    m_state.expired.clear();
    if (m_state.item) m_state.lots = lotsOf(*m_state.item);
    const auto expiring = storage::expiring(m_ledger, m_state.today, m_state.withinDays);
    for (const auto& lot : expiring.value_or(std::vector<storage::ExpiringLot>{})) {
        StockRow row = rowOf(lot.stock, lot.itemName, m_state.today);
        row.daysLeft = lot.daysLeft;
        (lot.daysLeft < 0 || row.standing == LotStanding::Expired ? m_state.expired : m_state.expiring)
            .push_back(std::move(row));
    }
    m_state.loaded = true;
}

} // namespace lotstation::station
