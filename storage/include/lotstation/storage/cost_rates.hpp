#pragma once
// Labour and overhead rates (master data, append-only: a new rate supersedes, the old stays on record) and
// labour entries on finished runs (append-only: a correction is a new entry naming the one it replaces).
// The rate in force when a run finished is the one its cost uses.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

enum class OverheadBasis { PerRun, PerLabourHour, PerUnit, MaterialPercent };
[[nodiscard]] const char* toString(OverheadBasis basis); // "per run", "per labour hour", ...

// "24.50/h" -> micro-units per hour. Refuses negatives, other units and absurd amounts.
[[nodiscard]] Result<Micros> parseHourlyRate(std::string_view text);
// "1.5h", "90min", "45m", "30s", "1:30" (h:mm) -> seconds. Refuses negatives, fractions of a second and
// more than 10,000 hours.
[[nodiscard]] Result<std::int64_t> parseDuration(std::string_view text);
// "8", "8.5", "12.25%" -> hundredths of a percent.
[[nodiscard]] Result<std::int64_t> parsePercent(std::string_view text);
[[nodiscard]] std::string formatDuration(std::int64_t seconds); // "1.5 h", "0.25 h", "20 min"

struct RateRecord {
    std::int64_t id = 0;
    bool labour = true;
    std::optional<OverheadBasis> basis{}; // overhead only
    std::optional<std::string> workstation{};
    std::optional<std::string> worker{};
    std::optional<Uom> uom{}; // per-unit overhead
    std::int64_t amount = 0;  // micros per hour / run / g|ml|pc; hundredths of a percent
    Timestamp effectiveAt{};
    std::string setBy{};
};

struct LabourRateRequest {
    std::string workstation{};               // a location code
    std::optional<std::string> worker{};     // a user: a rate for that person only
    Micros perHour = 0;
    std::string user{};                      // a supervisor or admin
};
struct OverheadRateRequest {
    OverheadBasis basis = OverheadBasis::PerRun;
    std::int64_t amount = 0; // micros per run / per person-hour / per g|ml|pc; hundredths of a percent
    std::optional<Uom> uom{}; // PerUnit: the output unit it applies to
    std::string user{};
};
[[nodiscard]] Result<RateRecord> setLabourRate(Ledger& ledger, const LabourRateRequest& request);
[[nodiscard]] Result<RateRecord> setOverheadRate(Ledger& ledger, const OverheadRateRequest& request);
// Every rate ever set, oldest first.
[[nodiscard]] std::vector<RateRecord> rateHistory(const Ledger& ledger);

struct LabourEntry {
    std::int64_t id = 0;
    std::string run{};
    std::int64_t seconds = 0;
    int people = 1;
    std::optional<std::string> worker{};
    std::optional<std::int64_t> corrects{};
    Timestamp recordedAt{};
    std::string recordedBy{};
};
struct LabourRequest {
    std::string run{};
    std::int64_t seconds = 0;
    int people = 1;
    std::optional<std::string> worker{};      // who did the work (a user), for a per-person rate
    std::optional<std::int64_t> corrects{};   // the entry this one replaces
    std::string user{};
};
// Refused: a run that is not finished, 0 people or more than 1,000, an unknown worker, correcting an entry of
// another run or one already corrected.
[[nodiscard]] Result<LabourEntry> recordLabour(Ledger& ledger, const LabourRequest& request);
// The run's entries in force (corrected ones left out), oldest first.
[[nodiscard]] std::vector<LabourEntry> labourEntries(const Ledger& ledger, std::string_view run);

} // namespace lotstation::storage
