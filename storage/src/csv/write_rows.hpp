#pragma once
// The write half of every CSV import: rows already checked are written in one transaction; a failure names
// the line and undoes everything, and so does a cancel through `progress` (rows written of all).
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/ledger.hpp"
#include "table_reader.hpp"

#include <string>
#include <utility>
#include <vector>

namespace lotstation::storage::csv {

template <typename Row, typename Write>
Result<ImportSummary> writeAll(Ledger& ledger, const Table& table,
                               const std::vector<std::pair<std::size_t, Row>>& rows, const Progress& progress,
                               Write write) {
    ImportSummary summary{rows.size(), {}, table.ignored()};
    ProgressTicker ticker(progress, static_cast<std::int64_t>(rows.size()), 256);
    auto written = ledger.atomically([&]() -> Result<void> {
        for (const auto& [line, row] : rows) {
            auto done = write(row);
            if (!done)
                return fail(done.error().kind, "line " + std::to_string(line) + ": " + done.error().message);
            summary.created.push_back(*done);
            if (!ticker.tick()) return cancelled("the import");
        }
        if (!ticker.finish()) return cancelled("the import");
        return {};
    });
    if (!written) return std::unexpected(written.error());
    return summary;
}

} // namespace lotstation::storage::csv
