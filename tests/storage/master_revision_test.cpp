// Master data revisions: every add and change stamps a growing revision; applyMasterData copies between
// ledgers newer-only and all-or-nothing.
#include "lotstation/storage/master_data.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace lotstation::storage;

namespace {

Ledger memory() {
    auto ledger = Ledger::open(":memory:");
    REQUIRE(ledger);
    return std::move(*ledger);
}

std::int64_t revisionOf(const MasterData& data, const std::string& sku) {
    auto it = std::ranges::find_if(data.items, [&](const auto& r) { return r.value.sku == sku; });
    REQUIRE(it != data.items.end());
    return it->revision;
}

} // namespace

TEST_CASE("master revisions: adding and changing a record stamps a larger revision each time") {
    auto ledger = memory();
    REQUIRE(ledger.addLocation({"DOCK", "Dock", LocationKind::Dock}));
    NewItem oil;
    oil.sku = "OIL";
    oil.name = "Olive oil";
    REQUIRE(ledger.addItem(oil));
    const auto first = revisionOf(*readMasterData(ledger), "OIL");
    CHECK(first > 0);
    oil.name = "Extra virgin olive oil";
    REQUIRE(updateItem(ledger, oil));
    const auto second = revisionOf(*readMasterData(ledger), "OIL");
    CHECK(second > first);
    CHECK(ledger.item("OIL")->name == "Extra virgin olive oil");

    oil.uom = Uom::Millilitre;
    REQUIRE(updateItem(ledger, oil)); // no lots yet: the unit may still change
    NewItem missing;
    missing.sku = "NOPE";
    CHECK_FALSE(updateItem(ledger, missing).has_value());
    oil.defaultLocation = "NOWHERE";
    CHECK_FALSE(updateItem(ledger, oil).has_value());
}

TEST_CASE(
    "master revisions: applyMasterData adds updates newer records skips older ones and is all or nothing") {
    auto server = memory();
    auto station = memory();
    REQUIRE(server.addLocation({"DOCK", "Dock", LocationKind::Dock}));
    REQUIRE(server.addSupplier({"ACME", "Acme"}));
    NewItem oil;
    oil.sku = "OIL";
    oil.name = "Olive oil";
    oil.defaultLocation = "DOCK";
    REQUIRE(server.addItem(oil));
    REQUIRE(server.addUser(NewUser{"ann", UserRole::Operator, "B1", "1234"}));

    auto copied = applyMasterData(station, *readMasterData(server));
    REQUIRE(copied);
    CHECK(copied->added == 4);
    CHECK(station.recordPinAttempt("ann", "1234").has_value());
    const auto old = *readMasterData(server);

    oil.name = "Renamed";
    REQUIRE(updateItem(server, oil));
    auto newer = applyMasterData(station, *readMasterData(server));
    REQUIRE(newer);
    CHECK(newer->updated == 1);
    CHECK(newer->unchanged == 3);
    CHECK(station.item("OIL")->name == "Renamed");

    auto stale = applyMasterData(station, old); // an older snapshot arriving late
    REQUIRE(stale);
    CHECK(stale->updated == 0);
    CHECK(station.item("OIL")->name == "Renamed");

    auto bad = *readMasterData(server);
    bad.items.front().value.name = "Changed again";
    bad.items.front().revision += 10;
    bad.recipes.push_back({Recipe{"OIL", 1, {{"GHOST", 5}}}, 99});
    auto refused = applyMasterData(station, bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("recipes[0] (OIL)") != std::string::npos);
    CHECK(station.item("OIL")->name == "Renamed");
}
