// Recall: forward trace, stock of every affected lot by location, shipments; optionally everything on hold
// in one Ledger::hold call (one transaction: all lots change or none does).
#include "lotstation/storage/recall.hpp"

#include "ledger_core.hpp"

#include <algorithm>

namespace lotstation::storage {

Result<RecallReport> recall(Ledger& ledger, std::string_view lot, const std::optional<RecallHold>& hold) {
    auto traced = forwardTrace(ledger, lot);
    if (!traced) return std::unexpected(traced.error());
    RecallReport report;
    if (hold) {
        StatusChangeRequest request;
        for (const auto& affected : traced->lots)
            request.lots.push_back(affected.code);
        request.status = hold->status;
        request.reason = hold->reason;
        request.user = hold->user;
        auto written = ledger.hold(request);
        if (!written) return std::unexpected(written.error());
        report.holds = std::move(*written);
        traced = forwardTrace(ledger, lot); // statuses as they are now
        if (!traced) return std::unexpected(traced.error());
    }
    report.trace = std::move(*traced);
    for (const auto& affected : report.trace.lots) {
        auto stock = stockByLot(ledger, affected.code);
        if (!stock) return std::unexpected(stock.error());
        report.stock.insert(report.stock.end(), stock->begin(), stock->end());
    }
    std::ranges::sort(report.stock, [](const StockLine& a, const StockLine& b) {
        return std::tie(a.sku, a.lot, a.location) < std::tie(b.sku, b.lot, b.location);
    });
    for (const auto& run : report.trace.runs) {
        if (run.status == RunStatus::Open) report.openRuns.push_back(run.code);
    }
    return report;
}

} // namespace lotstation::storage
