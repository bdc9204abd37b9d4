#pragma once
// Costs: what the business earned and holds, for supervisors and admins (storage::Action::SeeCosts; anyone
// else is refused in the ledger's words). Margins per product over a period (revenue, cost of goods shipped,
// margin), the stock on hand at its full cost, and the stock expiring within N days (money at risk). Every
// amount is the ledger's exact micro-units (cost_reports.hpp); the view rounds to the currency's minor unit.
// Read-only: nothing here writes.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/cost_reports.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class CostsPeriod { Last30Days, ThisYear, AllTime };

[[nodiscard]] const char* toString(CostsPeriod period); // "Last 30 days", "This year", "All time"

struct ProductMargin {
    std::string sku;
    std::string name;
    std::int64_t shipments = 0;
    std::optional<storage::Micros> revenue; // empty: a shipment without a price
    std::optional<storage::Micros> cost;    // empty: a lot whose cost is unknown
    std::optional<storage::Micros> margin;
    std::optional<std::int64_t> marginBasisPoints; // margin / revenue, hundredths of a percent
};

struct AtRiskLot {
    std::string lot;
    std::string itemName;
    std::optional<storage::Date> expiry;
    std::optional<storage::Micros> value;
};

struct CostsState {
    bool loaded = false; // read when the screen opens (Refresh) and when the period or days change
    std::optional<std::string> refused; // why this person sees nothing: "ana is an operator: ... needs ..."
    std::optional<std::string> problem; // a report that could not be read
    std::string currency = "USD";       // the ledger's (ISO 4217)
    CostsPeriod period = CostsPeriod::Last30Days;
    storage::Period dates;               // the period as dates, for the caption
    std::vector<ProductMargin> products; // largest revenue first
    ProductMargin total;                 // every product together, rounded once
    storage::Micros chartMax = 0;        // the largest revenue or cost of a product: the bars' full width
    storage::Micros stockValue = 0;      // today's stock at full cost, lots of known cost
    std::int64_t stockLots = 0;
    std::int64_t stockUnknown = 0; // lots on hand whose cost is unknown (not in the value)
    int riskDays = 30;
    storage::Micros atRiskValue = 0;
    std::int64_t atRiskUnknown = 0;
    std::vector<AtRiskLot> atRisk; // soonest expiry first
    storage::Date today{};
};

namespace costs {
struct Refresh {};
struct ShowPeriod {
    CostsPeriod period;
};
struct SetRiskDays {
    int days;
};
struct RiskDaysEntered { // from the keypad: whole days only
    Quantity quantity;
};
} // namespace costs

using CostsIntent = std::variant<costs::Refresh, costs::ShowPeriod, costs::SetRiskDays, costs::RiskDaysEntered>;

// "USD 160.78" (the ledger's currency, rounded half-to-even to its minor unit), or "unknown".
[[nodiscard]] std::string moneyText(const std::optional<storage::Micros>& amount, std::string_view currency);
// A margin in hundredths of a percent as people read it: 3820 -> "38.2 %", -1250 -> "-12.5 %" (half-even).
[[nodiscard]] std::string percentText(std::int64_t basisPoints);

// A bar's length as a share of the chart's width, in thousandths (0..1000): exact integers, no rounding drift.
[[nodiscard]] int barPermille(storage::Micros value, storage::Micros chartMax);

class CostsFlow final : public ScreenFlow {
  public:
    using Intent = CostsIntent;
    using State = CostsState;

    explicit CostsFlow(const storage::Ledger& ledger) : m_ledger(ledger) {}

    FlowOutcome apply(const CostsIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const CostsState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Costs; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning&, const FlowContext&) override {
        return std::nullopt;
    }
    void cancel() override { m_state = CostsState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override { return {}; }

  private:
    [[nodiscard]] std::optional<std::string> whyNot(const FlowContext& context) const;
    FlowOutcome reload(const FlowContext& context);
    [[nodiscard]] std::optional<std::string> readMargins();
    [[nodiscard]] std::optional<std::string> readStock();

    const storage::Ledger& m_ledger;
    CostsState m_state;
};

} // namespace lotstation::station
