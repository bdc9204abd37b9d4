// The movement hash is a contract with every chain ever written: these hashes were computed once, outside
// this code (SHA-256 of the text below, by hand from the format in src/canonical.cpp), and must never change.
#include "ledger_fixture.hpp"
#include "lotstation/storage/movement_fields.hpp"
#include "lotstation/storage/queries.hpp"

#include <vector>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

Movement overriddenConsume() {
    Movement m;
    m.id = "0190f0e4-0000-7000-8000-00000000002a";
    m.stationId = "0190f0e4-0000-7000-8000-00000000000b";
    m.seq = 42;
    m.at = startTime();
    m.user = "ana";
    m.kind = MovementKind::Consume;
    m.lot = "OIL-260301-01";
    m.quantity = 1'500'000;
    m.from = "WS1";
    m.run = "R-7";
    m.reference = "";
    m.reason = "expired but\nchecked: ok \u2713";
    m.unitCost = 4'200;
    m.approvedBy = "sam";
    m.overridden = "expired,fefo";
    m.prevHash = std::string(63, '0') + "1";
    return m;
}

} // namespace

TEST_CASE("movement hashes stay byte-identical: known texts and known hashes") {
    auto consume = overriddenConsume();
    CHECK(canonicalMovementText(consume) ==
          "lotstation-movement/1\nid=36:0190f0e4-0000-7000-8000-00000000002a\n"
          "station=36:0190f0e4-0000-7000-8000-00000000000b\nseq=2:42\nat=24:2026-03-10T08:00:00.000Z\n"
          "user=3:ana\nkind=7:consume\nlot=13:OIL-260301-01\nquantity=7:1500000\nfrom=3:WS1\nto-\n"
          "run=3:R-7\nparty-\nreference=0:\nreason=27:expired but\nchecked: ok \u2713\nunit_cost=4:4200\n"
          "reverses-\nlot_status-\napproved_by=3:sam\noverridden=12:expired,fefo\n"
          "prev_hash=64:0000000000000000000000000000000000000000000000000000000000000001\n");
    CHECK(movementHash(consume) == "3ae0a77b1bd7e8908e89e526d2daea4c3eb6851e0c3fc20dc40801ecddf7c7a7");

    Movement hold;
    hold.id = "0190f0e4-0000-7000-8000-00000000002b";
    hold.stationId = consume.stationId;
    hold.seq = 43;
    hold.at = startTime() + std::chrono::milliseconds(1'250);
    hold.user = "sam";
    hold.kind = MovementKind::Hold;
    hold.lot = "OIL-260301-01";
    hold.reason = "supplier recall";
    hold.lotStatus = LotStatus::Recalled;
    hold.prevHash = movementHash(consume);
    CHECK(movementHash(hold) == "c3978a2e86fd81831930089592541428c30905962d2da2760d6ba2cc1edc298f");
}

TEST_CASE("the field list names every field of the hash text once, in its order") {
    const auto consume = overriddenConsume();
    std::vector<std::string> names;
    visitMovementFields(consume, [&](const char* name, const auto&) { names.emplace_back(name); });
    const std::vector<std::string> order{"id",       "station",    "seq",         "at",         "user",
                                         "kind",     "lot",        "quantity",    "from",       "to",
                                         "run",      "party",      "reference",   "reason",     "unit_cost",
                                         "reverses", "lot_status", "approved_by", "overridden", "prev_hash",
                                         "scale"};
    CHECK(names == order);
}

TEST_CASE("a movement weighed on a scale has format 2: format 1's lines, then the scale; known hash") {
    auto weighed = overriddenConsume();
    weighed.scale = "mt-sics on /dev/pts/3";
    const std::string text = canonicalMovementText(weighed);
    CHECK(text.rfind("lotstation-movement/2\n", 0) == 0);
    CHECK(text.ends_with("prev_hash=64:0000000000000000000000000000000000000000000000000000000000000001\n"
                         "scale=21:mt-sics on /dev/pts/3\n"));
    // sha256sum of the text above, computed outside this code.
    CHECK(movementHash(weighed) == "fc6a4d46f7327470b3d9fba5583abbddef35e961db0c6095c115a5c352bf39e4");
}

TEST_CASE("weighed receipts, consumptions, outputs and counts record the scale; the chain verifies") {
    Shop s;
    const auto oil = must(s.l().receive({.sku = "SOAP-OIL",
                                         .supplier = "OILCO",
                                         .supplierLot = "O-9",
                                         .quantity = 12'345'000,
                                         .location = "DOCK",
                                         .scale = "continuous on /dev/ttyUSB0",
                                         .user = "ana"}));
    CHECK(oil.movement.scale == "continuous on /dev/ttyUSB0");
    const auto counted = must(s.l().count({.lot = oil.lotCode, .counted = 12'300'000, .location = "DOCK",
                                           .reason = "spilled", .scale = "mt-sics on /dev/ttyUSB1", .user = "ana"}));
    CHECK(counted.scale == "mt-sics on /dev/ttyUSB1");
    const auto typed = must(s.l().count({.lot = oil.lotCode, .counted = 12'300'000, .location = "DOCK", .user = "ana"}));
    CHECK_FALSE(typed.scale.has_value());
    CHECK(canonicalMovementText(typed).rfind("lotstation-movement/1\n", 0) == 0);
    s.reopen();
    const auto history = must(lotHistory(s.l(), oil.lotCode));
    REQUIRE(history.size() == 3);
    CHECK(history[0].movement.scale == "continuous on /dev/ttyUSB0");
    CHECK(history[1].movement.scale == "mt-sics on /dev/ttyUSB1");
    CHECK(must(s.l().verify()).empty());

    const auto before = s.state();
    CHECK(s.l().count({.lot = oil.lotCode, .counted = 1, .location = "DOCK", .reason = "x",
                       .scale = std::string("bad\nname"), .user = "ana"})
              .error()
              .message == "a scale's name cannot hold control characters");
    CHECK(s.state() == before);
}
