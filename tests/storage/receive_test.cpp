#include "ledger_fixture.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("receive creates a lot with a generated code and a movement and a balance") {
    Shop shop;
    const auto result = must(shop.l().receive({.sku = "SOAP-OIL",
                                               .supplier = "OILCO",
                                               .supplierLot = "L-2231",
                                               .quantity = *parseQuantity("25kg", Uom::Gram),
                                               .expiry = day(2027, 1, 31),
                                               .bestBefore = day(2026, 12, 31),
                                               .unitCost = *parseUnitCost("4.20/kg", Uom::Gram),
                                               .reference = "PO-77",
                                               .user = "ana"}));
    CHECK(result.lotCode == "SOAP-OIL-260310-A101");
    CHECK_FALSE(result.addedToExistingLot);
    const auto& m = result.movement;
    CHECK((m.kind == MovementKind::Receive));
    CHECK(m.seq == 1);
    CHECK(m.stationId == "station-a");
    CHECK(m.id.size() == 36);
    CHECK(m.id[14] == '7'); // UUID version 7
    CHECK(m.to == "DOCK");  // the item's default location
    CHECK_FALSE(m.from.has_value());
    CHECK(m.party == "OILCO");
    CHECK(m.reference == "PO-77");
    CHECK(m.user == "ana");
    CHECK(m.quantity == 25'000'000);
    CHECK(m.prevHash == std::string(64, '0'));
    CHECK(m.hash == movementHash(m));

    const auto lot = must(shop.l().lot("soap-oil-260310-a101"));
    CHECK(lot.sku == "SOAP-OIL");
    CHECK(lot.supplier == "OILCO");
    CHECK(lot.supplierLot == "L-2231");
    CHECK(lot.expiry == day(2027, 1, 31));
    CHECK(lot.bestBefore == day(2026, 12, 31));
    CHECK(lot.originDate == day(2026, 3, 10));
    CHECK((lot.status == LotStatus::Available));
    CHECK(lot.unitCost == 4'200);
    CHECK(shop.l().onHand(result.lotCode, "DOCK").value() == 25'000'000);
    CHECK(shop.l().onHand(result.lotCode).value() == 25'000'000);
    CHECK(must(shop.l().movement(m.id)).hash == m.hash);

    // the next lot of the same item and day counts on
    CHECK(shop.receive("SOAP-OIL", 1'000, "OILCO", "L-2232") == "SOAP-OIL-260310-A102");
    CHECK(shop.receive("LYE", 1'000, "CHEM", "C1", {}, "STORE") == "LYE-260310-A101");
}

TEST_CASE("receiving the same supplier lot again adds to the same lot") {
    Shop shop;
    const auto first = shop.receive("SOAP-OIL", 10'000'000, "OILCO", "L-1", 4'000);
    const auto second = must(shop.l().receive({.sku = "SOAP-OIL",
                                               .supplier = "OILCO",
                                               .supplierLot = "L-1",
                                               .quantity = 30'000'000,
                                               .unitCost = 5'000,
                                               .location = "STORE",
                                               .user = "ana"}));
    CHECK(second.lotCode == first);
    CHECK(second.addedToExistingLot);
    CHECK(shop.count("lots") == 1);
    CHECK(shop.l().onHand(first).value() == 40'000'000);
    CHECK(shop.l().onHand(first, "STORE").value() == 30'000'000);
    // weighted mean: (10 kg × 4.00 + 30 kg × 5.00) / 40 kg = 4.75 /kg
    CHECK(must(shop.l().lot(first)).unitCost == 4'750);
    CHECK(shop.l().lotsBySupplierLot("L-1").value().size() == 1);

    // the same supplier lot code from another supplier, or for another item, is another lot
    const auto other = shop.receive("LYE", 1'000, "CHEM", "L-1");
    CHECK(other != first);
    CHECK(shop.l().lotsBySupplierLot("L-1").value().size() == 2);
    CHECK(shop.l().lotsBySupplierLot("L-1", "CHEM").value().front().code == other);
}

TEST_CASE("receive refusals write nothing") {
    Shop shop;
    const auto lot = shop.receive("SOAP-OIL", 1'000'000, "OILCO", "L-1", {}, "DOCK", day(2027, 1, 1));
    const auto before = shop.state();
    auto attempt = [&](ReceiveRequest request) {
        auto result = shop.l().receive(request);
        REQUIRE_FALSE(result.has_value());
        CHECK(shop.state() == before);
        return result.error();
    };
    const ReceiveRequest good{
        .sku = "SOAP-OIL", .supplier = "OILCO", .supplierLot = "L-9", .quantity = 1'000, .user = "ana"};
    auto r = good;
    r.sku = "NOPE";
    CHECK((attempt(r).kind == ErrorKind::NotFound));
    r = good;
    r.supplier = "NOPE";
    CHECK(attempt(r).message == "no supplier NOPE");
    r = good;
    r.quantity = 0;
    CHECK(attempt(r).message.find("more than zero") != std::string::npos);
    r = good;
    r.user = "";
    CHECK(attempt(r).message.find("user is required") != std::string::npos);
    r = good;
    r.user = "mallory";
    CHECK(attempt(r).message == "no user mallory");
    r = good;
    r.location = "NOWHERE";
    CHECK(attempt(r).message == "no location NOWHERE");
    r = good;
    r.sku = "LYE"; // no default location
    CHECK(attempt(r).message.find("give a location") != std::string::npos);
    r = good;
    r.supplierLot = "";
    CHECK((attempt(r).kind == ErrorKind::Invalid));
    r = good;
    r.lotCode = lot; // an explicit code that exists
    CHECK(attempt(r).message == "lot code " + lot + " already exists");
    r = good;
    r.supplierLot = "L-1";
    r.expiry = day(2027, 6, 1); // the same supplier lot with another date: a misread label
    CHECK((attempt(r).kind == ErrorKind::Refused));
    r = good;
    r.supplierLot = "L-1";
    r.lotCode = "MY-OWN";
    CHECK(attempt(r).message.find("is already our lot " + lot) != std::string::npos);
    r = good;
    r.unitCost = -1;
    CHECK((attempt(r).kind == ErrorKind::Invalid));
}

TEST_CASE("explicit lot codes are kept and lots are found by code and supplier lot and GTIN") {
    Shop shop;
    const auto result = must(shop.l().receive({.sku = "BAR",
                                               .supplier = "OILCO",
                                               .supplierLot = "SUP-7",
                                               .quantity = 12,
                                               .lotCode = "BAR-OWN-1",
                                               .user = "ana"}));
    CHECK(result.lotCode == "BAR-OWN-1");
    CHECK(must(shop.l().lotByGtin("4006381333931", "BAR-OWN-1")).code == "BAR-OWN-1");
    CHECK(must(shop.l().lotByGtin("04006381333931", "SUP-7")).code == "BAR-OWN-1"); // the supplier's lot
    CHECK((shop.l().lotByGtin("04006381333931", "NOPE").error().kind == ErrorKind::NotFound));
    CHECK((shop.l().lotByGtin("4006381333932", "SUP-7").error().kind == ErrorKind::Invalid));
    CHECK((shop.l().lot("NOPE").error().kind == ErrorKind::NotFound));
}

TEST_CASE("lot codes carry the station's short code when it has one") {
    Shop withCode("B7");
    CHECK(withCode.receive("SOAP-OIL", 1'000, "OILCO", "X") == "SOAP-OIL-260310-B701");
    Shop without("");
    CHECK(without.receive("SOAP-OIL", 1'000, "OILCO", "X") == "SOAP-OIL-260310-01");
    CHECK(without.receive("SOAP-OIL", 1'000, "OILCO", "Y") == "SOAP-OIL-260310-02");
    without.time.advance(24h);
    CHECK(without.receive("SOAP-OIL", 1'000, "OILCO", "Z") == "SOAP-OIL-260311-01");
}
