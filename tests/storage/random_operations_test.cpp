// Many operations chosen by a seeded random generator, legal and illegal mixed: every refused one must leave
// the database exactly as it was, no balance may go negative, and verify() must find nothing at the end.
#include "ledger_fixture.hpp"

#include <random>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("random operations keep the ledger consistent and refusals write nothing") {
    Shop shop;
    std::mt19937 random(20260310);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const std::vector<std::string> locations{"DOCK", "STORE", "MIX", "FG"};
    std::vector<std::string> lots;
    std::vector<std::string> movementIds;
    int succeeded = 0;
    int refused = 0;
    for (int step = 0; step < 400; ++step) {
        const auto before = shop.state();
        const auto lot = lots.empty() ? std::string("NONE")
                                      : lots[static_cast<std::size_t>(pick(static_cast<int>(lots.size())))];
        const auto location = locations[static_cast<std::size_t>(pick(4))];
        const std::int64_t quantity = pick(3) == 0 ? 0 : 1 + pick(60);
        std::optional<Movement> written;
        std::optional<Error> error;
        auto take = [&](auto result) {
            if (result) {
                if constexpr (std::is_same_v<std::decay_t<decltype(*result)>, Movement>) written = *result;
            } else {
                error = result.error();
            }
        };
        switch (pick(8)) {
        case 0: {
            auto result = shop.l().receive({.sku = "WRAP",
                                            .supplier = pick(2) ? "OILCO" : "CHEM",
                                            .supplierLot = "S" + std::to_string(pick(6)),
                                            .quantity = quantity,
                                            .location = location,
                                            .user = "ana"});
            if (result) {
                written = result->movement;
                if (std::find(lots.begin(), lots.end(), result->lotCode) == lots.end())
                    lots.push_back(result->lotCode);
            } else {
                error = result.error();
            }
            break;
        }
        case 1:
            take(shop.l().move({.lot = lot, .quantity = quantity, .to = location, .user = "ana"}));
            break;
        case 2:
            take(shop.l().ship({.lot = lot, .quantity = quantity, .customer = "SHOP1", .user = "ana"}));
            break;
        case 3:
            take(shop.l().adjust({.lot = lot,
                                  .delta = pick(2) ? quantity : -quantity,
                                  .location = location,
                                  .reason = "random",
                                  .user = "ana"}));
            break;
        case 4:
            take(shop.l().scrap({.lot = lot, .quantity = quantity, .reason = "random", .user = "ana"}));
            break;
        case 5:
            take(shop.l().count({.lot = lot, .counted = quantity, .location = location, .user = "ana"}));
            break;
        case 6:
            if (!movementIds.empty()) {
                take(shop.l().reverse(
                    {.movementId =
                         movementIds[static_cast<std::size_t>(pick(static_cast<int>(movementIds.size())))],
                     .reason = "random",
                     .user = "sam"}));
            }
            break;
        case 7:
            if (pick(2)) {
                auto result = shop.l().hold({.lots = {lot}, .reason = "random", .user = "sam"});
                if (!result) error = result.error();
            } else {
                auto result = shop.l().release({.lots = {lot}, .reason = "random", .user = "sam"});
                if (!result) error = result.error();
            }
            break;
        }
        if (error) {
            ++refused;
            CHECK_MESSAGE(shop.state() == before, error->message);
            CHECK((error->kind != ErrorKind::Io));
        }
        if (written) {
            ++succeeded;
            movementIds.push_back(written->id);
        }
        CHECK(shop.scalar("SELECT count(*) FROM balances WHERE quantity < 0") == "0");
    }
    CHECK(succeeded > 100);
    CHECK(refused > 50);
    const auto findings = shop.l().verify().value();
    for (const auto& finding : findings)
        FAIL_CHECK(finding.message);
    CHECK(shop.scalar("SELECT max(seq) = count(*) FROM movements") == "1");
}
