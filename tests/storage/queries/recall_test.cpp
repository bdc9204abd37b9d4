#include "genealogy_fixture.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/recall.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::querytest;

namespace {

std::vector<std::string> stockText(const std::vector<StockLine>& stock) {
    std::vector<std::string> out;
    for (const auto& s : stock)
        out.push_back(s.lot + "@" + s.location + "=" + std::to_string(s.quantity));
    return out;
}

} // namespace

TEST_CASE("recall report: affected lots, their stock by location, every shipment and customer") {
    Genealogy g;
    const auto before = g.l().movementCount().value();
    const auto report = must(recall(g.l(), "OIL-A"));
    CHECK(g.l().movementCount().value() == before); // a report alone writes nothing
    std::vector<std::string> affected;
    for (const auto& lot : report.trace.lots)
        affected.push_back(lot.code);
    CHECK(affected == std::vector<std::string>{"OIL-A", "BASE-1", "SOAP-2", "SOAP-1"});
    CHECK(stockText(report.stock) == std::vector<std::string>{"OIL-A@DOCK=1800000", "OIL-A@STORE=1000000",
                                                              "SOAP-1@FG=30", "SOAP-2@FG=25"});
    REQUIRE(report.trace.shipments.size() == 3);
    CHECK(report.trace.customers.size() == 3);
    CHECK(report.trace.customers[2].name == "Online, Orders");
    CHECK(report.openRuns.empty());
    CHECK(report.holds.empty());
    CHECK((must(g.l().lot("SOAP-1")).status == LotStatus::Available));
}

TEST_CASE("recall with hold puts every affected lot on hold in one transaction") {
    Genealogy g;
    g.run("RUN-S3", "SOAP", 10);
    g.consume("RUN-S3", "OIL-A", 50'000, "DOCK", g.keepOilB); // material in process
    const auto before = g.l().movementCount().value();
    const auto report =
        must(recall(g.l(), "OIL-A", RecallHold{LotStatus::Recalled, "supplier recall of OC-778", "sam"}));
    REQUIRE(report.holds.size() == 4);
    CHECK(g.l().movementCount().value() == before + 4);
    std::vector<std::string> held;
    for (std::size_t i = 0; i < report.holds.size(); ++i) {
        const auto& m = report.holds[i];
        held.push_back(m.lot);
        CHECK((m.kind == MovementKind::Hold));
        CHECK((m.lotStatus == LotStatus::Recalled));
        CHECK((m.reason == "supplier recall of OC-778"));
        CHECK(m.user == "sam");
        if (i > 0) CHECK(m.seq == report.holds[i - 1].seq + 1);
    }
    CHECK(held == std::vector<std::string>{"OIL-A", "BASE-1", "SOAP-2", "SOAP-1"});
    for (const auto& code : held)
        CHECK((must(g.l().lot(code)).status == LotStatus::Recalled));
    for (const auto& lot : report.trace.lots)
        CHECK((lot.status == LotStatus::Recalled)); // the report shows the new statuses
    CHECK(report.openRuns == std::vector<std::string>{"RUN-S3"});
    CHECK(g.l().verify().value().empty());
    // unaffected lots keep their status
    CHECK((must(g.l().lot("OIL-B")).status == LotStatus::Available));

    // again: nothing new to write
    const auto again = must(recall(g.l(), "OIL-A", RecallHold{LotStatus::Recalled, "again", "sam"}));
    CHECK(again.holds.empty());
    CHECK(g.l().movementCount().value() == before + 4);
}

TEST_CASE("a refused recall hold writes nothing") {
    Genealogy g;
    const auto before = g.l().movementCount().value();
    const auto noUser = recall(g.l(), "LYE-A", RecallHold{LotStatus::Recalled, "supplier recall", "nobody"});
    REQUIRE_FALSE(noUser);
    CHECK(noUser.error().message == "no user nobody");
    const auto noReason = recall(g.l(), "LYE-A", RecallHold{LotStatus::Recalled, "  ", "sam"});
    REQUIRE_FALSE(noReason);
    CHECK((noReason.error().kind == ErrorKind::Invalid));
    CHECK(g.l().movementCount().value() == before);
    for (const auto* code : {"LYE-A", "BASE-1", "SOAP-1", "SOAP-2"})
        CHECK((must(g.l().lot(code)).status != LotStatus::Recalled));
    CHECK_FALSE(recall(g.l(), "NOPE"));
}

TEST_CASE("FSMA 204 CSV: one row per receiving, transformation and shipping event of the affected lots") {
    Genealogy g;
    const auto report = must(recall(g.l(), "OIL-A"));
    const auto text = fsmaCsv(g.l(), report).value();
    const auto rows = must(parseCsv(text));
    REQUIRE(rows.size() == 8);
    CHECK(rows[0].fields == std::vector<std::string>{"event_type", "event_date", "traceability_lot_code",
                                                     "supplier_lot_code", "product_description", "quantity",
                                                     "unit_of_measure", "location_description",
                                                     "reference_document_type", "reference_document_number",
                                                     "immediate_previous_source",
                                                     "immediate_subsequent_recipient", "movement_id",
                                                     "quality_record"});
    auto row = [&](std::size_t i) {
        auto fields = rows[i].fields;
        REQUIRE(fields.size() == 14);
        CHECK(fields[13].empty()); // no quality records in this story
        fields.pop_back();
        CHECK(fields[12].size() == 36); // the movement id
        fields.pop_back();
        return fields;
    };
    CHECK(row(1) == std::vector<std::string>{"receiving", "2026-11-24", "OIL-A", "OC-778", "Olive oil (OIL)",
                                             "10000", "g", "DOCK Receiving dock",
                                             "purchase order / delivery note", "PO-OC-778",
                                             "OILCO Oil Company", ""});
    CHECK(row(2) == std::vector<std::string>{"transformation", "2026-11-24", "BASE-1", "", "Soap base (BASE)",
                                             "10000", "g", "WS Mixing bench", "production run", "RUN-BASE",
                                             "LYE-A (3000 g); OIL-A (7000 g)", ""});
    CHECK(row(3) == std::vector<std::string>{"transformation", "2026-11-24", "SOAP-1", "",
                                             "Lavender soap bar (SOAP)", "60", "pc", "FG Finished goods",
                                             "production run", "RUN-S1", "BASE-1 (6000 g)", ""});
    CHECK(row(4) == std::vector<std::string>{"transformation", "2026-11-24", "SOAP-2", "",
                                             "Lavender soap bar (SOAP)", "40", "pc", "FG Finished goods",
                                             "production run", "RUN-S2", "BASE-1 (4000 g); OIL-A (200 g)",
                                             ""});
    CHECK(row(5) == std::vector<std::string>{"shipping", "2026-11-24", "SOAP-1", "",
                                             "Lavender soap bar (SOAP)", "20", "pc", "FG Finished goods",
                                             "sales order", "PO-C1-001", "", "C1 Corner Shop"});
    CHECK(row(6)[9] == "ORD-C2-17");
    CHECK(row(7) == std::vector<std::string>{"shipping", "2026-11-24", "SOAP-2", "",
                                             "Lavender soap bar (SOAP)", "15", "pc", "FG Finished goods",
                                             "sales order", "WEB-3003", "", "C3 Online, Orders"});
    // the comma in the customer's name is quoted, lines end in CRLF
    CHECK(text.find("\"C3 Online, Orders\"") != std::string::npos);
    CHECK(text.find("\r\n") == text.find('\n') - 1);
    CHECK(text.find(g.shipC1Reversed) == std::string::npos);
}
