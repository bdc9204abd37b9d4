// The quality story in recall output: inspections, signed dispositions and documents of the affected lots
// appear as rows of the FSMA 204 CSV (by reference) and in the FDA workbook's Quality sheet.
#include "quality_fixture.hpp"

#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/fda_sheets.hpp"
#include "lotstation/storage/recall.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("quality: a recall's FSMA CSV and FDA workbook carry inspections, dispositions and documents") {
    QualityShop q;
    const auto lot = q.receive("SOAP-OIL", 10'000'000, "OILCO", "OC-REC");
    const auto coa = must(attach(q.l(), {.subject = lot, .fileName = "coa.png", .content = pngBytes(100),
                                         .kind = AttachmentKind::Coa, .user = "ana"}));
    const auto failed = must(q.inspectLot(lot, {{"acid", "0.95"}, {"odour", "mild"}, {"seal", "pass"}}));
    must(q.inspectLot(lot, {{"acid", "0.5"}}));
    const auto released = must(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}));

    const auto report = must(recall(q.l(), lot));
    const auto rows = must(parseCsv(must(fsmaCsv(q.l(), report))));
    REQUIRE(rows.size() == 6); // header, receiving, document, two inspections, release
    CHECK(rows[0].fields.back() == "quality_record");
    CHECK(rows[1].fields[0] == "receiving");
    CHECK(rows[1].fields[13].empty());
    const auto& doc = rows[2].fields;
    CHECK(doc == std::vector<std::string>{"quality document", doc[1], lot, "OC-REC", "Olive oil (SOAP-OIL)", "", "",
                                          "", "certificate of analysis", "sha256:" + coa.sha256, "", "", "",
                                          "coa.png (png, 100 bytes) (by ana)"});
    CHECK(rows[3].fields[0] == "quality inspection");
    CHECK(rows[3].fields[8] == "inspection record");
    CHECK(rows[3].fields[9] == failed.id);
    CHECK(rows[3].fields[13] == "fail (spec version 3) (by quinn)");
    CHECK(rows[4].fields[13] == "pass (spec version 3) (by quinn)");
    const auto& release = rows[5].fields;
    CHECK(release[0] == "quality released");
    CHECK(release[8] == "QC signature");
    CHECK(release[9] == released.signatures.at(0).id);
    CHECK(release[12] == released.movements.at(0).id);
    CHECK(release[13] == "I release lot " + lot + " for use (by quinn)");

    const auto sheets = must(fdaSheets(q.l(), report));
    REQUIRE(sheets.size() == 4);
    CHECK(sheets[3].name == "Quality");
    REQUIRE(sheets[3].rows.size() == 4);
    CHECK(std::get<std::string>(sheets[3].rows[3][3]) == "released");
}
