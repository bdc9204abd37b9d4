// Quality decisions travel between stations through a real server: a QC release at one station lets the lot
// be used at another after sync; two stations that decide opposite ways offline (one releases, one rejects)
// both end with the lot rejected, and the server lists the clash as a conflict, never a silent overwrite.
// On both central stores (SQLite and PostgreSQL).
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include "lotstation/storage/quality.hpp"

#include <algorithm>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

std::string quarantinedOil(storage::Ledger& ledger, const std::string& supplierLot) {
    auto received = ledger.receive({.sku = "OIL", .supplier = "ACME", .supplierLot = supplierLot,
                                    .quantity = 5'000'000, .location = "DOCK", .user = "ann"});
    REQUIRE_MESSAGE(received, (received ? "" : received.error().message));
    auto held = ledger.hold({.lots = {received->lotCode}, .status = storage::LotStatus::Quarantine,
                             .reason = "awaiting QC", .user = "ann"});
    REQUIRE_MESSAGE(held, (held ? "" : held.error().message));
    return received->lotCode;
}

storage::Result<void> addQa(storage::Ledger& ledger) {
    auto added = ledger.addUserFromCentral({.name = "quinn", .role = storage::UserRole::Qa, .pin = "4321"});
    if (!added) return std::unexpected(added.error());
    return {};
}

storage::LotStatus statusAt(const Station& station, const std::string& lot) {
    auto ledger = station.open();
    return ledger.lot(lot).value().status;
}

} // namespace

TEST_CASE_TEMPLATE("quality over sync: a release travels; a release and a rejection made offline are a conflict",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    REQUIRE(central.open().editMaster(addQa));
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "lab", "Q")};
    syncAll(central.url(), stations, 1);

    // Released at the dock: usable at the lab after sync.
    std::string freed;
    {
        auto dock = stations[0].open();
        freed = quarantinedOil(dock, "A-1");
    }
    syncAll(central.url(), stations, 2);
    CHECK((statusAt(stations[1], freed) == storage::LotStatus::Quarantine));
    {
        auto dock = stations[0].open();
        auto released = storage::qcRelease(dock, {.lot = freed, .signer = "quinn", .pin = "4321"});
        REQUIRE_MESSAGE(released, (released ? "" : released.error().message));
    }
    syncAll(central.url(), stations, 2);
    CHECK((statusAt(stations[1], freed) == storage::LotStatus::Available));
    {
        auto lab = stations[1].open();
        CHECK(lab.move({.lot = freed, .quantity = 1'000'000, .to = "LINE", .from = "DOCK", .user = "ann"}));
    }

    // Offline from each other: the dock releases, the lab rejects the same lot.
    std::string disputed;
    {
        auto dock = stations[0].open();
        disputed = quarantinedOil(dock, "A-2");
    }
    syncAll(central.url(), stations, 2);
    {
        auto dock = stations[0].open();
        REQUIRE(storage::qcRelease(dock, {.lot = disputed, .signer = "quinn", .pin = "4321"}));
        auto lab = stations[1].open();
        REQUIRE(storage::qcReject(lab, {.lot = disputed, .reason = "rancid", .signer = "quinn", .pin = "4321"}));
    }
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations);
    for (const auto& station : stations)
        CHECK((statusAt(station, disputed) == storage::LotStatus::Rejected));

    auto store = central.open();
    if (!central.postgres()) {
        auto centralLedger = storage::Ledger::open(central.ledgerPath()).value();
        CHECK((centralLedger.lot(disputed).value().status == storage::LotStatus::Rejected));
    }
    const auto conflicts = store.conflicts().value();
    REQUIRE(conflicts.size() == 1);
    const auto& conflict = conflicts.front();
    CHECK(conflict.lot == disputed);
    CHECK(conflict.location == "QC release vs rejection");
    REQUIRE(conflict.movements.size() == 2);
    std::vector<std::string> kinds{conflict.movements[0].kind, conflict.movements[1].kind};
    std::sort(kinds.begin(), kinds.end());
    CHECK(kinds == std::vector<std::string>{"hold", "release"});
    REQUIRE(conflict.note);
    CHECK(conflict.note->find("rancid") != std::string::npos);
    auto client = stations[0].client(central.url());
    REQUIRE(client.syncOnce());
    CHECK(client.status().conflictsOpen == 1);

    // Resolved by a person, it stays closed when more decisions about other lots arrive.
    REQUIRE(store.resolveConflict(conflict.id, "sue", "lab was right: rancid"));
    syncAll(central.url(), stations, 1);
    CHECK(store.conflicts().value().empty());
}

TEST_CASE_TEMPLATE("quality over sync: specs, inspections, signatures and documents reach every station exactly once",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    REQUIRE(central.open().editMaster(addQa));
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "lab", "Q")};
    syncAll(central.url(), stations, 1);
    std::string pngFile("\x89PNG\r\n\x1a\n", 8);
    pngFile.resize(3000, 'p');
    std::string lot;
    std::string inspectionId;
    {
        auto dock = stations[0].open();
        REQUIRE(storage::setSpecTest(dock, "OIL", {.name = "acid", .kind = storage::TestKind::Numeric, .min = "0",
                                                   .max = "0.8", .unit = "%"}, "ann"));
        lot = quarantinedOil(dock, "A-9");
        auto inspected = storage::inspect(
            dock, {.lot = lot, .results = {{"acid", "0.4"}}, .signer = "quinn", .pin = "4321",
                   .documents = {{.fileName = "coa.png", .content = pngFile, .kind = storage::AttachmentKind::Coa}}});
        REQUIRE_MESSAGE(inspected, (inspected ? "" : inspected.error().message));
        inspectionId = inspected->id;
        // The same file again, on its own: it is stored and sent once.
        REQUIRE(storage::attach(dock, {.subject = lot, .fileName = "coa-copy.png", .content = pngFile, .user = "ann"}));
        REQUIRE(storage::qcRelease(dock, {.lot = lot, .signer = "quinn", .pin = "4321"}));
    }
    auto dockClient = stations[0].client(central.url());
    const auto pushed = dockClient.syncOnce();
    REQUIRE_MESSAGE(pushed, (pushed ? "" : pushed.error().message));
    CHECK(pushed->recordsPushed == 6); // spec, inspection, 2 documents, 2 signatures

    auto labClient = stations[1].client(central.url());
    const auto pulled = labClient.syncOnce();
    REQUIRE_MESSAGE(pulled, (pulled ? "" : pulled.error().message));
    CHECK(pulled->recordsPulled == 6);
    {
        auto lab = stations[1].open();
        const auto spec = storage::currentSpec(lab, "OIL").value();
        CHECK(spec.version == 1);
        REQUIRE(spec.tests.size() == 1);
        CHECK(storage::describeLimits(spec.tests[0]) == "acid 0–0.8 %");
        const auto inspections = storage::inspectionsOf(lab, lot);
        REQUIRE(inspections.size() == 1);
        CHECK(inspections[0].id == inspectionId);
        CHECK(inspections[0].passed);
        const auto signatures = storage::signaturesOf(lab, lot);
        REQUIRE(signatures.size() == 2);
        CHECK((signatures[1].meaning == storage::SignatureMeaning::Released));
        CHECK(signatures[1].printedName == "quinn");
        const auto documents = storage::attachmentsOf(lab, lot);
        REQUIRE(documents.size() == 2);
        CHECK(documents[0].inspection == inspectionId);
        CHECK(storage::documentContent(lab, documents[1].sha256).value() == pngFile);
        CHECK(lab.verify().value().empty());
        CHECK((lab.lot(lot).value().status == storage::LotStatus::Available));
    }
    // Exactly once: syncing again moves nothing, in either direction.
    const auto again = labClient.syncOnce();
    REQUIRE(again);
    CHECK(again->recordsPulled == 0);
    const auto dockAgain = dockClient.syncOnce();
    REQUIRE(dockAgain);
    CHECK(dockAgain->recordsPushed == 0);
    // The server hands the file out once: with the first record naming it.
    httplib::Client http(central.url());
    auto page = http.Get("/v1/records", {{"Authorization", "Bearer " + stations[1].token}});
    REQUIRE(page);
    REQUIRE(page->status == 200);
    const auto answer = nlohmann::json::parse(page->body);
    int documents = 0, carried = 0;
    for (const auto& record : answer.at("records")) {
        if (record.at("kind") != "document") continue;
        ++documents;
        carried += record.at("record").contains("content") ? 1 : 0;
    }
    CHECK(documents == 2);
    CHECK(carried == 1);
    if (!central.postgres()) {
        auto centralLedger = storage::Ledger::open(central.ledgerPath()).value();
        CHECK(centralLedger.verify().value().empty());
        CHECK(storage::attachmentsOf(centralLedger, lot).size() == 2);
    }
    checkConverged(central, stations);
}
