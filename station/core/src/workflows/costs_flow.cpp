#include "lotstation/station/workflows/costs_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/storage/access.hpp"
#include "lotstation/storage/currency.hpp"

#include <algorithm>
#include <map>

namespace lotstation::station {

namespace {

storage::Period periodOf(CostsPeriod period, storage::Date today) {
    switch (period) {
    case CostsPeriod::Last30Days:
        return {storage::Date{std::chrono::sys_days{today} - std::chrono::days{29}}, today};
    case CostsPeriod::ThisYear:
        return {storage::Date{today.year() / std::chrono::January / 1}, today};
    case CostsPeriod::AllTime:
        break;
    }
    return {};
}

// Names of items by SKU, read once per refresh.
class ItemNames {
  public:
    explicit ItemNames(const storage::Ledger& ledger) : m_ledger(ledger) {}
    const std::string& of(const std::string& sku) {
        auto found = m_names.find(sku);
        if (found != m_names.end()) return found->second;
        auto item = m_ledger.item(sku);
        return m_names.emplace(sku, item ? item->name : sku).first->second;
    }

  private:
    const storage::Ledger& m_ledger;
    std::map<std::string, std::string> m_names;
};

ProductMargin marginOf(const storage::MarginRow& row) {
    return {.sku = row.key,
            .name = {},
            .shipments = row.shipments,
            .revenue = row.revenue,
            .cost = row.cost,
            .margin = row.margin,
            .marginBasisPoints = row.marginBasisPoints};
}

} // namespace

const char* toString(CostsPeriod period) {
    switch (period) {
    case CostsPeriod::Last30Days:
        return "Last 30 days";
    case CostsPeriod::ThisYear:
        return "This year";
    case CostsPeriod::AllTime:
        return "All time";
    }
    return "?";
}

std::string moneyText(const std::optional<storage::Micros>& amount, std::string_view currency) {
    return amount ? storage::formatCurrency(*amount, currency) : std::string("unknown");
}

std::string percentText(std::int64_t basisPoints) {
    // Tenths of a percent, rounded half-to-even from hundredths.
    const bool negative = basisPoints < 0;
    std::int64_t magnitude = negative ? -basisPoints : basisPoints;
    std::int64_t tenths = magnitude / 10;
    const std::int64_t rest = magnitude % 10;
    if (rest > 5 || (rest == 5 && tenths % 2 == 1)) ++tenths;
    return std::string(negative && tenths != 0 ? "-" : "") + std::to_string(tenths / 10) + "." +
           std::to_string(tenths % 10) + " %";
}

int barPermille(storage::Micros value, storage::Micros chartMax) {
    if (chartMax <= 0 || value <= 0) return 0;
    if (value >= chartMax) return 1000;
    __extension__ typedef __int128 Wide; // value × 1000 may not fit 64 bits
    return static_cast<int>(static_cast<Wide>(value) * 1000 / chartMax);
}

FlowOutcome CostsFlow::apply(const CostsIntent& intent, const FlowContext& context) {
    return std::visit(Overloaded{
                          [&](const costs::Refresh&) { return reload(context); },
                          [&](const costs::ShowPeriod& i) {
                              m_state.period = i.period;
                              return reload(context);
                          },
                          [&](const costs::RiskDaysEntered& i) {
                              if (i.quantity.unit != storage::Uom::Piece)
                                  return FlowOutcome::refused("Days are whole numbers");
                              return apply(costs::SetRiskDays{static_cast<int>(
                                               std::min<std::int64_t>(i.quantity.amount, 100000))},
                                           context);
                          },
                          [&](const costs::SetRiskDays& i) {
                              if (i.days < 1 || i.days > 3650)
                                  return FlowOutcome::refused("Between 1 and 3650 days, please");
                              m_state.riskDays = i.days;
                              return reload(context);
                          },
                      },
                      intent);
}

std::optional<std::string> CostsFlow::whyNot(const FlowContext& context) const {
    if (!context.user) return "Log in as a supervisor to see costs and margins";
    auto user = m_ledger.user(*context.user);
    if (!user) return user.error().message;
    if (!storage::allowed(user->role, storage::Action::SeeCosts))
        return storage::refusalMessage(*user, storage::Action::SeeCosts);
    return std::nullopt;
}

FlowOutcome CostsFlow::reload(const FlowContext& context) {
    const int riskDays = m_state.riskDays;
    const CostsPeriod period = m_state.period;
    m_state = CostsState{};
    m_state.riskDays = riskDays;
    m_state.period = period;
    m_state.loaded = true;
    if (auto why = whyNot(context)) {
        m_state.refused = *why;
        return FlowOutcome::refused(*why);
    }
    m_state.currency = storage::ledgerCurrency(m_ledger);
    m_state.today = storage::dateOf(m_ledger.now());
    m_state.dates = periodOf(period, m_state.today);
    if (auto problem = readMargins()) m_state.problem = std::move(problem);
    if (auto problem = readStock()) m_state.problem = std::move(problem);
    if (m_state.problem) return FlowOutcome::refused(*m_state.problem);
    return FlowOutcome::quiet();
}

std::optional<std::string> CostsFlow::readMargins() {
    auto rows = storage::marginReport(m_ledger, m_state.dates, storage::MarginGrouping::Product);
    if (!rows) return rows.error().message;
    auto total = storage::marginReport(m_ledger, m_state.dates, storage::MarginGrouping::Total);
    if (!total) return total.error().message;
    ItemNames names(m_ledger);
    for (const auto& row : *rows) {
        auto product = marginOf(row);
        product.name = names.of(product.sku);
        m_state.chartMax = std::max({m_state.chartMax, product.revenue.value_or(0), product.cost.value_or(0)});
        m_state.products.push_back(std::move(product));
    }
    std::stable_sort(m_state.products.begin(), m_state.products.end(), [](const auto& a, const auto& b) {
        return a.revenue.value_or(-1) > b.revenue.value_or(-1);
    });
    if (!total->empty()) m_state.total = marginOf(total->front());
    m_state.total.sku.clear();
    m_state.total.name = "All products";
    return std::nullopt;
}

std::optional<std::string> CostsFlow::readStock() {
    auto stock = storage::stockValuation(m_ledger, std::nullopt);
    if (!stock) return stock.error().message;
    m_state.stockValue = stock->total;
    m_state.stockLots = static_cast<std::int64_t>(stock->lots.size());
    m_state.stockUnknown = stock->unknownLots;
    auto risk = storage::valueAtRisk(m_ledger, m_state.riskDays);
    if (!risk) return risk.error().message;
    m_state.atRiskValue = risk->total;
    m_state.atRiskUnknown = risk->unknownLots;
    ItemNames names(m_ledger);
    for (const auto& row : risk->lots)
        m_state.atRisk.push_back({row.lot, names.of(row.sku), row.expiry, row.value});
    std::stable_sort(m_state.atRisk.begin(), m_state.atRisk.end(), [](const auto& a, const auto& b) {
        if (a.expiry && b.expiry) return std::chrono::sys_days{*a.expiry} < std::chrono::sys_days{*b.expiry};
        return a.expiry.has_value() && !b.expiry.has_value();
    });
    return std::nullopt;
}

} // namespace lotstation::station
