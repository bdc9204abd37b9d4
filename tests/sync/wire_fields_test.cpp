// Movements through both JSON codecs: every field of storage's one list (movement_fields.hpp) survives, the
// fast text writer says exactly what the document writer says, and the hash still matches the fields.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/movement_fields.hpp"
#include "wire.hpp"

#include <doctest/doctest.h>

using namespace lotstation;
using storage::Movement;

namespace {

Movement everyField() {
    Movement m;
    m.id = "0190f0e4-0000-7000-8000-00000000002a";
    m.stationId = "0190f0e4-0000-7000-8000-00000000000b";
    m.seq = 42;
    m.at = storage::parseTimestamp("2026-03-10T08:00:00.125Z").value();
    m.user = "ana \"quoted\"";
    m.kind = storage::MovementKind::Reversal;
    m.lot = "OIL-260301-01";
    m.quantity = 1'500'000;
    m.from = "WS1";
    m.to = "STORE";
    m.run = "R-7";
    m.party = "OLIVA";
    m.reference = "";
    m.reason = "line one\nline two \u2713";
    m.unitCost = 4'200;
    m.reverses = "0190f0e4-0000-7000-8000-000000000029";
    m.lotStatus = storage::LotStatus::Hold;
    m.approvedBy = "sam";
    m.overridden = "expired,fefo";
    m.prevHash = std::string(64, 'a');
    m.scale = "mt-sics on /dev/ttyUSB0";
    m.hash = storage::movementHash(m);
    return m;
}

} // namespace

TEST_CASE("every movement field survives both JSON writers and the reader") {
    const auto original = everyField();
    const auto document = sync::wire::toJson(original);
    std::string text;
    sync::wire::appendJson(text, original);
    CHECK(sync::wire::Json::parse(text) == document);

    const auto back = sync::wire::movementFrom(sync::wire::Json::parse(text), "movement");
    CHECK(storage::canonicalMovementText(back) == storage::canonicalMovementText(original));
    CHECK(back.hash == original.hash);
    CHECK(storage::movementHash(back) == original.hash);
    // Each field is in the JSON under its name from the list (plus the hash).
    std::size_t fields = 0;
    storage::visitMovementFields(original, [&](const char* name, const auto&) {
        CHECK_MESSAGE(document.contains(name), name);
        ++fields;
    });
    CHECK(document.size() == fields + 1);
}

TEST_CASE("absent fields stay absent through the codecs") {
    auto bare = everyField();
    bare.from.reset();
    bare.run.reset();
    bare.unitCost.reset();
    bare.lotStatus.reset();
    bare.hash = storage::movementHash(bare);
    std::string text;
    sync::wire::appendJson(text, bare);
    const auto json = sync::wire::Json::parse(text);
    CHECK_FALSE(json.contains("from"));
    CHECK_FALSE(json.contains("unit_cost"));
    CHECK_FALSE(json.contains("lot_status"));
    const auto back = sync::wire::movementFrom(json, "movement");
    CHECK_FALSE(back.from);
    CHECK_FALSE(back.lotStatus);
    CHECK(storage::movementHash(back) == bare.hash);
}
