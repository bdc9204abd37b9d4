#include "ledger_fixture.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

// A few movements of every kind so that every column has something in it.
struct Busy : Shop {
    std::string oil, bar;
    Busy() {
        oil = receive("SOAP-OIL", 20'000'000, "OILCO", "OIL-1", 4'200, "MIX");
        const auto run =
            must(l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "ana"}));
        must(l().consume({.run = run.code, .lot = oil, .quantity = 10'000'000, .user = "ana"}));
        bar = must(l().finishRun({.run = run.code, .output = 100, .user = "ana"})).lotCode;
        must(l().ship({.lot = bar, .quantity = 10, .customer = "SHOP1", .reference = "SO-9", .user = "ana"}));
        must(l().move({.lot = oil, .quantity = 1'000'000, .to = "STORE", .from = "MIX", .user = "ana"}));
        must(l().hold({.lots = {bar}, .reason = "label smudged", .user = "sam"}));
    }
};

bool mentions(const std::vector<Finding>& findings, Finding::Kind kind, const std::string& text) {
    for (const auto& finding : findings) {
        if (finding.kind == kind && finding.message.find(text) != std::string::npos) return true;
    }
    return false;
}

} // namespace

TEST_CASE("a consistent ledger verifies clean") {
    Busy shop;
    CHECK(shop.l().movementCount().value() == 6);
    CHECK(shop.l().verify().value().empty());
}

TEST_CASE("movements are append-only in the database itself") {
    Busy shop;
    RawConnection raw(shop.path);
    CHECK(raw.exec("UPDATE movements SET quantity = 1 WHERE seq = 1") ==
          "movements are append-only: UPDATE refused");
    CHECK(raw.exec("DELETE FROM movements WHERE seq = 6") == "movements are append-only: DELETE refused");
    CHECK(raw.exec("DELETE FROM movements") == "movements are append-only: DELETE refused");
    CHECK(shop.l().movementCount().value() == 6);
    CHECK(shop.l().verify().value().empty());
}

TEST_CASE("verify reports a balance altered behind the station's back") {
    Busy shop;
    RawConnection raw(shop.path);
    REQUIRE(raw.exec("UPDATE balances SET quantity = quantity + 50000 WHERE location_id = "
                     "(SELECT id FROM locations WHERE code = 'STORE')") == "");
    const auto findings = shop.l().verify().value();
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().message ==
          "balance of lot " + shop.oil + " at STORE is 1.05 kg, ledger says 1 kg");
    // a balance row that should not exist at all
    REQUIRE(raw.exec("INSERT INTO balances VALUES ((SELECT id FROM lots WHERE code = '" + shop.bar +
                     "'), (SELECT id FROM locations WHERE code = 'DOCK'), 7)") == "");
    CHECK(mentions(shop.l().verify().value(), Finding::Kind::BalanceMismatch,
                   "balance of lot " + shop.bar + " at DOCK is 7 pc, ledger says 0 pc"));
}

TEST_CASE("verify reports a movement whose content no longer matches its hash") {
    Busy shop;
    RawConnection raw(shop.path);
    REQUIRE(raw.exec("DROP TRIGGER movements_no_update") == "");
    REQUIRE(raw.exec("UPDATE movements SET reference = 'SO-10' WHERE seq = 4") == "");
    auto findings = shop.l().verify().value();
    REQUIRE(findings.size() == 1);
    CHECK((findings.front().kind == Finding::Kind::HashMismatch));
    CHECK(findings.front().message == "movement 4 of station station-a: hash does not match its content");

    // a quantity changed: the hash and the balance both give it away
    REQUIRE(raw.exec("UPDATE movements SET quantity = 90 WHERE seq = 4") == "");
    findings = shop.l().verify().value();
    CHECK(mentions(findings, Finding::Kind::HashMismatch, "movement 4 of station station-a"));
    CHECK(mentions(findings, Finding::Kind::BalanceMismatch, "ledger says 10 pc"));

    // a forger who also recomputes the hash breaks the link to the next movement instead
    Busy other;
    RawConnection raw2(other.path);
    REQUIRE(raw2.exec("DROP TRIGGER movements_no_update") == "");
    auto fifth = must(other.l().movement(other.l().outbox(4, 1).value().front().movement.id));
    fifth.reason = "rewritten";
    const auto forged = movementHash(fifth);
    REQUIRE(raw2.exec("UPDATE movements SET reason = 'rewritten', hash = '" + forged + "' WHERE seq = 5") ==
            "");
    findings = other.l().verify().value();
    CHECK_FALSE(mentions(findings, Finding::Kind::HashMismatch, "movement 5 "));
    CHECK(mentions(findings, Finding::Kind::BrokenChain, "movement 6 of station station-a"));
}

TEST_CASE("verify reports a deleted movement as a sequence gap") {
    Busy shop;
    RawConnection raw(shop.path);
    REQUIRE(raw.exec("DROP TRIGGER movements_no_delete") == "");
    REQUIRE(raw.exec("PRAGMA foreign_keys = OFF") == "");
    REQUIRE(raw.exec("DELETE FROM outbox WHERE seq = 5") == "");
    REQUIRE(raw.exec("DELETE FROM movements WHERE seq = 5") == "");
    const auto findings = shop.l().verify().value();
    CHECK(mentions(findings, Finding::Kind::SequenceGap, "station station-a: movement 6 follows 4"));
    CHECK(mentions(findings, Finding::Kind::BalanceMismatch, "at STORE is 1 kg, ledger says 0 g"));
}

TEST_CASE("station sequence is gapless and every movement has its outbox row in the same transaction") {
    Busy shop;
    const auto outbox = shop.l().outbox(0, 100).value();
    REQUIRE(outbox.size() == 6);
    std::string previous(64, '0');
    for (std::size_t i = 0; i < outbox.size(); ++i) {
        CHECK(outbox[i].seq == static_cast<std::int64_t>(i + 1));
        CHECK(outbox[i].movement.seq == outbox[i].seq);
        CHECK(outbox[i].movement.prevHash == previous);
        CHECK(outbox[i].movement.hash == movementHash(outbox[i].movement));
        previous = outbox[i].movement.hash;
    }
    CHECK(shop.l().outbox(4, 10).value().size() == 2);
    CHECK(shop.l().outbox(0, 2).value().size() == 2);
    // a refused operation takes no sequence number
    CHECK_FALSE(
        shop.l().ship({.lot = shop.bar, .quantity = 1'000, .customer = "SHOP1", .user = "ana"}).has_value());
    const auto next = must(shop.l().ship(
        {.lot = shop.oil, .quantity = 1, .customer = "SHOP1", .location = "MIX", .user = "ana"}));
    CHECK(next.seq == 7);
    CHECK(shop.count("outbox") == 7);
    CHECK(shop.scalar("SELECT max(seq) - min(seq) + 1 = count(*) FROM movements") == "1");
}

TEST_CASE("reopening a database keeps everything and continues the chain") {
    Busy shop;
    const auto before = shop.state();
    const auto last = shop.l().outbox(5, 1).value().front().movement;
    shop.reopen();
    CHECK(shop.state() == before);
    CHECK(shop.l().station().stationId == "station-a");
    CHECK(shop.l().station().shortCode == "A1");
    CHECK(must(shop.l().lot(shop.bar)).run.has_value());
    CHECK(must(shop.l().recipe("BAR")).components.size() == 3);
    CHECK(shop.l().verify().value().empty());
    const auto next = must(shop.l().adjust(
        {.lot = shop.oil, .delta = 1'000, .location = "STORE", .reason = "spill wiped", .user = "ana"}));
    CHECK(next.seq == 7);
    CHECK(next.prevHash == last.hash);
    CHECK(shop.l().verify().value().empty());
}

TEST_CASE("the canonical movement text is documented and distinguishes absent from empty") {
    Movement m;
    m.id = "0190f0e4-0000-7000-8000-000000000000";
    m.stationId = "S";
    m.seq = 3;
    m.at = startTime();
    m.user = "ana";
    m.kind = MovementKind::Ship;
    m.lot = "BAR-1";
    m.quantity = 10;
    m.from = "FG";
    m.party = "SHOP1";
    m.reference = "";
    m.prevHash = std::string(64, 'a');
    const auto text = canonicalMovementText(m);
    CHECK(text ==
          "lotstation-movement/1\n"
          "id=36:0190f0e4-0000-7000-8000-000000000000\n"
          "station=1:S\nseq=1:3\nat=24:2026-03-10T08:00:00.000Z\nuser=3:ana\nkind=4:ship\nlot=5:BAR-1\n"
          "quantity=2:10\nfrom=2:FG\nto-\nrun-\nparty=5:SHOP1\nreference=0:\nreason-\nunit_cost-\n"
          "reverses-\nlot_status-\napproved_by-\noverridden-\nprev_hash=64:" +
              std::string(64, 'a') + "\n");
    auto changed = m;
    changed.reference.reset();
    CHECK(movementHash(changed) != movementHash(m));
    CHECK(movementHash(m).size() == 64);
}

TEST_CASE("an in-memory ledger works the same") {
    TestClock time;
    auto ledger = must(Ledger::open(":memory:", OpenOptions{StationIdentity{"mem", "m", ""}, time.clock()}));
    must(ledger.addLocation({"DOCK", "Dock", LocationKind::Dock}));
    must(ledger.addSupplier({"S", "S"}));
    must(ledger.addUser({.name = "u"}));
    must(ledger.addItem({.sku = "X", .uom = Uom::Piece}));
    const auto received = must(ledger.receive(
        {.sku = "X", .supplier = "S", .supplierLot = "1", .quantity = 5, .location = "DOCK", .user = "u"}));
    CHECK(received.lotCode == "X-260310-01");
    CHECK(ledger.onHand(received.lotCode).value() == 5);
    CHECK(ledger.verify().value().empty());
}
