// The quality record log: every record a ledger stores is logged with it (gapless per station), and another
// station applies it exactly once; gaps, other content under a sequence, a tampered signature and a document
// whose bytes are not what its hash says are refused with nothing written.
#include "quality_fixture.hpp"

#include "lotstation/storage/quality_sync.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

struct TwoStations {
    QualityShop dock;
    lotstation::test::TempDir dir;
    TestClock time;
    Ledger lab = must(Ledger::open(dir.file("lab.db"), OpenOptions{StationIdentity{"station-b", "Lab", "L"},
                                                                   time.clock()}));
    std::string lot;

    TwoStations() {
        must(lab.addLocation({"DOCK", "Dock", LocationKind::Dock}));
        must(lab.addSupplier({"OILCO", "Oil Company"}));
        lot = dock.receive("SOAP-OIL", 1'000'000, "OILCO", "OC-REC");
        const auto entries = dock.l().outbox(0, 100).value();
        for (const auto& entry : entries) {
            const auto defined = must(dock.l().lot(entry.movement.lot));
            must(lab.applyRemoteMovement({entry.movement, defined, must(dock.l().item(defined.sku))}));
        }
    }
};

} // namespace

TEST_CASE("quality records: logged with each record, applied once elsewhere, bad ones refused") {
    TwoStations s;
    must(attach(s.dock.l(), {.subject = s.lot, .fileName = "coa.png", .content = pngBytes(200), .user = "ana"}));
    must(s.dock.inspectLot(s.lot, {{"acid", "0.5"}, {"odour", "mild"}, {"seal", "pass"}}));
    must(attach(s.dock.l(), {.subject = s.lot, .fileName = "again.png", .content = pngBytes(200), .user = "ana"}));
    const auto records = must(qualityOutbox(s.dock.l(), 0, 100));
    // 3 spec versions, a document, the inspection, its signature, the same document again
    REQUIRE(records.size() == 7);
    for (std::size_t i = 0; i < records.size(); ++i)
        CHECK(records[i].seq == static_cast<std::int64_t>(i + 1));
    CHECK(std::string(recordKindOf(records[0])) == "spec");
    CHECK(std::get<DocumentRecord>(records[3].value).content.has_value());
    CHECK_FALSE(std::get<DocumentRecord>(records[6].value).content.has_value()); // the same file travels once

    // A gap is refused; nothing written.
    CHECK((applyRemoteQualityRecord(s.lab, records[1]).error().kind == ErrorKind::Refused));
    CHECK(qualityRecordHead(s.lab, "station-a").value() == 0);
    for (const auto& record : records)
        CHECK((must(applyRemoteQualityRecord(s.lab, record)) == ApplyOutcome::Applied));
    CHECK((must(applyRemoteQualityRecord(s.lab, records[4])) == ApplyOutcome::AlreadyPresent));
    CHECK(must(currentSpec(s.lab, "SOAP-OIL")).version == 3);
    CHECK(inspectionsOf(s.lab, s.lot).size() == 1);
    CHECK(attachmentsOf(s.lab, s.lot).size() == 2);
    CHECK(s.lab.verify().value().empty());
    // Other content under a sequence held: refused, never overwritten.
    auto other = records[4];
    other.seq = 2;
    CHECK((applyRemoteQualityRecord(s.lab, other).error().kind == ErrorKind::Conflict));

    // A tampered signature and a document whose bytes do not match its hash: refused, nothing written.
    must(s.dock.inspectLot(s.lot, {{"acid", "0.6"}}));
    must(attach(s.dock.l(), {.subject = s.lot, .fileName = "new.png", .content = pngBytes(300), .user = "ana"}));
    auto more = must(qualityOutbox(s.dock.l(), 7, 100));
    REQUIRE(more.size() == 3); // inspection, signature, document
    CHECK((must(applyRemoteQualityRecord(s.lab, more[0])) == ApplyOutcome::Applied));
    auto forged = more[1];
    std::get<Signature>(forged.value).printedName = "someone else";
    CHECK((applyRemoteQualityRecord(s.lab, forged).error().kind == ErrorKind::Conflict));
    CHECK((must(applyRemoteQualityRecord(s.lab, more[1])) == ApplyOutcome::Applied));
    auto swapped = more[2];
    std::get<DocumentRecord>(swapped.value).content = pngBytes(301);
    CHECK((applyRemoteQualityRecord(s.lab, swapped).error().kind == ErrorKind::Invalid));
    CHECK(qualityRecordHead(s.lab, "station-a").value() == 9);
    CHECK((must(applyRemoteQualityRecord(s.lab, more[2])) == ApplyOutcome::Applied));
    CHECK(s.lab.verify().value().empty());
}
