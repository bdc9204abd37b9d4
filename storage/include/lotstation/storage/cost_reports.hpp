#pragma once
// What the business earned and holds: margins of shipments (revenue − cost of goods shipped) per lot,
// product, customer or month; stock valuation at a date; value at risk of expiry; waste (scrapped value).
// Reversed movements do not count. Sums are exact and rounded once per row.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/money.hpp"
#include "lotstation/storage/progress.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {


struct Period {
    std::optional<Date> from{}; // inclusive
    std::optional<Date> to{};   // inclusive
};

enum class MarginGrouping { Lot, Product, Customer, Month, Total }; // Total: one row, key "total"
[[nodiscard]] Result<MarginGrouping> parseMarginGrouping(std::string_view text);

struct MarginRow {
    std::string key{}; // lot code, SKU, customer code or "2026-11"
    std::int64_t shipments = 0;
    std::optional<Micros> revenue{}; // empty when a shipment in the row has no price
    std::optional<Micros> cost{};    // empty when a lot's cost is unknown
    std::optional<Micros> margin{};
    std::optional<std::int64_t> marginBasisPoints{}; // margin / revenue, hundredths of a percent
};
// Refused: a period that ends before it starts.
[[nodiscard]] Result<std::vector<MarginRow>> marginReport(const Ledger& ledger, Period period,
                                                          MarginGrouping by, const Progress& progress = {});

struct ValuationRow {
    std::string lot{};
    std::string sku{};
    Uom uom = Uom::Gram;
    std::int64_t quantity = 0; // on hand at the date, all locations
    std::optional<Date> expiry{};
    std::optional<Micros> unitCost{};
    std::optional<Micros> value{};
};
struct Valuation {
    Date at{};
    std::vector<ValuationRow> lots{};
    Micros total = 0;             // of the lots whose cost is known
    std::int64_t unknownLots = 0; // on hand, cost unknown
};
// On hand at the end of the date (default: now) × each lot's full unit cost.
[[nodiscard]] Result<Valuation> stockValuation(const Ledger& ledger, std::optional<Date> at,
                                               const Progress& progress = {});
// Today's stock whose expiry is within `days` days (or past): the money at risk.
[[nodiscard]] Result<Valuation> valueAtRisk(const Ledger& ledger, int days);

struct WasteRow {
    std::string lot{};
    std::string sku{};
    Uom uom = Uom::Gram;
    std::int64_t quantity = 0; // scrapped, net of reversals
    std::optional<Micros> value{};
    std::string reasons{};
};
[[nodiscard]] Result<std::vector<WasteRow>> wasteReport(const Ledger& ledger, Period period);

} // namespace lotstation::storage
