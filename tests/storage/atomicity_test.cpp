#include "ledger_fixture.hpp"

#include <thread>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("a failure half-way through an operation rolls back the movement the balance and the new lot") {
    Shop shop;
    const auto lot = shop.receive("SOAP-OIL", 1'000'000, "OILCO", "L-1");
    RawConnection raw(shop.path);
    // The outbox row is the last thing a movement writes: make it fail.
    REQUIRE(raw.exec("CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox "
                     "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END") == "");
    const auto before = shop.state();
    const auto received = shop.l().receive({.sku = "SOAP-OIL",
                                            .supplier = "OILCO",
                                            .supplierLot = "L-2",
                                            .quantity = 5,
                                            .location = "DOCK",
                                            .user = "ana"});
    REQUIRE_FALSE(received.has_value());
    CHECK((received.error().kind == ErrorKind::Io));
    CHECK(received.error().message.find("disk on fire") != std::string::npos);
    const auto moved = shop.l().move({.lot = lot, .quantity = 5, .to = "STORE", .user = "ana"});
    CHECK((moved.error().kind == ErrorKind::Io));
    const auto held = shop.l().hold({.lots = {lot}, .reason = "x", .user = "sam"});
    CHECK((held.error().kind == ErrorKind::Io));
    CHECK(shop.state() == before);
    CHECK(shop.l().verify().value().empty());

    REQUIRE(raw.exec("DROP TRIGGER outbox_fails") == "");
    const auto next = must(shop.l().move({.lot = lot, .quantity = 5, .to = "STORE", .user = "ana"}));
    CHECK(next.seq == 2); // the failed attempts used no sequence numbers
    CHECK(shop.l().verify().value().empty());
}

TEST_CASE("a database locked by another writer gives a storage error and writes nothing") {
    Shop shop;
    shop.ledger.reset();
    shop.ledger.emplace(must(Ledger::open(shop.path, OpenOptions{std::nullopt, shop.time.clock(), 50})));
    const auto before = shop.state();
    RawConnection raw(shop.path);
    REQUIRE(raw.exec("BEGIN IMMEDIATE") == "");
    const auto result = shop.l().receive({.sku = "SOAP-OIL",
                                          .supplier = "OILCO",
                                          .supplierLot = "L-2",
                                          .quantity = 5,
                                          .location = "DOCK",
                                          .user = "ana"});
    REQUIRE_FALSE(result.has_value());
    CHECK((result.error().kind == ErrorKind::Io));
    CHECK(result.error().message.find("locked") != std::string::npos);
    REQUIRE(raw.exec("ROLLBACK") == "");
    CHECK(shop.state() == before);
    CHECK(must(shop.l().receive({.sku = "SOAP-OIL",
                                 .supplier = "OILCO",
                                 .supplierLot = "L-2",
                                 .quantity = 5,
                                 .location = "DOCK",
                                 .user = "ana"}))
              .movement.seq == 1);
}

TEST_CASE("two ledgers on one file in two threads keep one gapless chain") {
    Shop shop;
    const auto lot = shop.receive("WRAP", 10'000, "CHEM", "W", {}, "STORE");
    auto worker = [&] {
        auto ledger =
            must(Ledger::open(shop.path, OpenOptions{std::nullopt, systemClock()})); // own clock per thread
        for (int i = 0; i < 25; ++i) {
            const auto moved =
                ledger.move({.lot = lot, .quantity = 1, .to = "DOCK", .from = "STORE", .user = "ana"});
            if (!moved) FAIL_CHECK(moved.error().message);
        }
    };
    std::thread first(worker);
    std::thread second(worker);
    first.join();
    second.join();
    CHECK(shop.l().movementCount().value() == 51);
    CHECK(shop.l().onHand(lot, "DOCK").value() == 50);
    CHECK(shop.l().verify().value().empty());
}

TEST_CASE("operations grouped with atomically commit together or not at all") {
    Shop shop;
    const auto before = shop.state();
    const auto failed = shop.l().atomically([&]() -> Result<void> {
        for (const char* supplierLot : {"R1", "R2", "R3"}) {
            auto received = shop.l().receive({.sku = "WRAP",
                                              .supplier = "CHEM",
                                              .supplierLot = supplierLot,
                                              .quantity = 10,
                                              .location = "STORE",
                                              .user = "ana"});
            if (!received) return std::unexpected(received.error());
        }
        auto bad = shop.l().receive({.sku = "NOPE",
                                     .supplier = "CHEM",
                                     .supplierLot = "R4",
                                     .quantity = 10,
                                     .location = "STORE",
                                     .user = "ana"});
        if (!bad) return std::unexpected(Error{bad.error().kind, "line 5: " + bad.error().message});
        return {};
    });
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().message == "line 5: no item NOPE");
    CHECK(shop.state() == before);

    // an expected inner refusal undoes only itself
    const auto mixed = shop.l().atomically([&]() -> Result<void> {
        auto lot = shop.l().receive({.sku = "WRAP",
                                     .supplier = "CHEM",
                                     .supplierLot = "R1",
                                     .quantity = 10,
                                     .location = "STORE",
                                     .user = "ana"});
        if (!lot) return std::unexpected(lot.error());
        auto tooMuch = shop.l().move({.lot = lot->lotCode, .quantity = 11, .to = "DOCK", .user = "ana"});
        CHECK_FALSE(tooMuch.has_value());
        for (int i = 0; i < 10; ++i) {
            auto moved = shop.l().move(
                {.lot = lot->lotCode, .quantity = 1, .to = "DOCK", .from = "STORE", .user = "ana"});
            if (!moved) return std::unexpected(moved.error());
        }
        return {};
    });
    REQUIRE(mixed.has_value());
    CHECK(shop.l().movementCount().value() == 11);
    CHECK(shop.count("outbox") == 11);
    CHECK(shop.l().verify().value().empty());
    CHECK(shop.scalar("SELECT max(seq) = count(*) FROM movements") == "1");
}

TEST_CASE("a storage failure inside atomically undoes only that operation when the body carries on") {
    Shop shop;
    const auto lot = shop.receive("WRAP", 100, "CHEM", "W", {}, "STORE");
    RawConnection raw(shop.path);
    REQUIRE(raw.exec("CREATE TRIGGER seven_fails BEFORE INSERT ON outbox "
                     "WHEN (SELECT quantity FROM movements WHERE id = NEW.movement_id) = 7 "
                     "BEGIN SELECT RAISE(ABORT, 'seven is unlucky'); END") == "");
    const auto result = shop.l().atomically([&]() -> Result<void> {
        auto unlucky = shop.l().move({.lot = lot, .quantity = 7, .to = "DOCK", .user = "ana"});
        REQUIRE_FALSE(unlucky.has_value());
        CHECK((unlucky.error().kind == ErrorKind::Io));
        auto fine = shop.l().move({.lot = lot, .quantity = 1, .to = "DOCK", .user = "ana"});
        if (!fine) return std::unexpected(fine.error());
        CHECK(fine->seq == 2); // the undone movement left no gap
        return {};
    });
    REQUIRE(result.has_value());
    CHECK(shop.l().movementCount().value() == 2);
    CHECK(shop.l().onHand(lot, "DOCK").value() == 1);
    CHECK(shop.l().onHand(lot, "STORE").value() == 99);
    CHECK(shop.l().verify().value().empty());
}
