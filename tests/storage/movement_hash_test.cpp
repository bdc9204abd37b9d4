// The movement hash is a contract with every chain ever written: these hashes were computed once, outside
// this code (SHA-256 of the text below, by hand from the format in src/canonical.cpp), and must never change.
#include "ledger_fixture.hpp"
#include "lotstation/storage/movement_fields.hpp"

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
                                         "reverses", "lot_status", "approved_by", "overridden", "prev_hash"};
    CHECK(names == order);
}
