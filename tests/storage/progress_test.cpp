// Long work tells how far it is and stops when asked, writing nothing: verify, imports, exports and the
// FSMA 204 report of a recall, each through the one Progress callback.
#include "ledger_fixture.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/ledger_verify.hpp"
#include "lotstation/storage/recall.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

using Reports = std::vector<std::pair<std::int64_t, std::int64_t>>;

// Records every report; says stop at the report number `stopAt` (1-based; 0: never).
Progress recorder(Reports& reports, std::size_t stopAt = 0) {
    return [&reports, stopAt](std::int64_t done, std::int64_t total) {
        reports.emplace_back(done, total);
        return stopAt == 0 || reports.size() < stopAt;
    };
}

std::string lotsCsv(int rows) {
    std::string csv = "sku,quantity,supplier,supplier_lot,location\n";
    for (int i = 0; i < rows; ++i)
        csv += "SOAP-OIL,1kg,OILCO,OC-" + std::to_string(i) + ",DOCK\n";
    return csv;
}

} // namespace

TEST_CASE("verify reports both passes over the movements and a stop is a refusal that changes nothing") {
    Shop shop;
    for (int i = 0; i < 5; ++i)
        shop.receive("SOAP-OIL", 1'000'000, "OILCO", "V-" + std::to_string(i));
    Reports reports;
    auto findings = verifyLedger(shop.l(), recorder(reports));
    REQUIRE(findings);
    CHECK(findings->empty());
    REQUIRE_FALSE(reports.empty());
    CHECK((reports.back() == std::pair<std::int64_t, std::int64_t>{10, 10})); // 5 movements, two passes

    Reports stopped;
    auto cancelled = verifyLedger(shop.l(), recorder(stopped, 1));
    REQUIRE_FALSE(cancelled);
    CHECK((cancelled.error().kind == ErrorKind::Refused));
    CHECK(cancelled.error().message == "verify cancelled: nothing was written");
}

TEST_CASE("an import reports rows written of all; stopped half way it leaves nothing behind") {
    Shop shop;
    const auto before = shop.state();
    Reports reports;
    ImportOptions options{.user = "ana", .progress = recorder(reports, 2)};
    auto stopped = importCsv(shop.l(), ImportKind::Lots, lotsCsv(600), options);
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().message == "the import cancelled: nothing was written");
    REQUIRE(reports.size() == 2);
    CHECK((reports[0] == std::pair<std::int64_t, std::int64_t>{256, 600}));
    CHECK((reports[1] == std::pair<std::int64_t, std::int64_t>{512, 600}));
    CHECK(shop.state() == before); // 512 receipts were made inside the transaction, and rolled back

    reports.clear();
    options.progress = recorder(reports);
    auto imported = importCsv(shop.l(), ImportKind::Lots, lotsCsv(600), options);
    REQUIRE_MESSAGE(imported, (imported ? "" : imported.error().message));
    CHECK(imported->rows == 600);
    CHECK((reports.back() == std::pair<std::int64_t, std::int64_t>{600, 600}));
    CHECK(shop.count("lots") == 600);
}

TEST_CASE("an export counts its rows first, and a stopped one returns no text to write") {
    Shop shop;
    for (int i = 0; i < 3; ++i)
        shop.receive("SOAP-OIL", 1'000'000, "OILCO", "E-" + std::to_string(i));
    Reports reports;
    auto csv = exportCsv(shop.l(), "lots", recorder(reports));
    REQUIRE(csv);
    CHECK((reports.back() == std::pair<std::int64_t, std::int64_t>{3, 3}));
    CHECK(*csv == exportCsv(shop.l(), "lots").value()); // the same text with or without progress

    Reports stopped;
    auto cancelled = exportCsv(shop.l(), "lots", recorder(stopped, 1));
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().message == "the export cancelled: nothing was written");
}

TEST_CASE("the FSMA 204 report of a recall counts the affected lots and can be stopped") {
    Shop shop;
    const auto oil = shop.receive("SOAP-OIL", 20'000'000, "OILCO", "F-1");
    auto report = recall(shop.l(), oil, std::nullopt);
    REQUIRE(report);
    Reports reports;
    auto csv = fsmaCsv(shop.l(), *report, recorder(reports));
    REQUIRE(csv);
    CHECK(csv->find(oil) != std::string::npos);
    CHECK((reports.back() == std::pair<std::int64_t, std::int64_t>{1, 1}));
    Reports stopped;
    auto cancelled = fsmaCsv(shop.l(), *report, recorder(stopped, 1));
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().message == "the FSMA 204 report cancelled: nothing was written");
}
