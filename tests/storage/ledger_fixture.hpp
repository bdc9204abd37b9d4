#pragma once
// A small soap maker on a real ledger (a temp file, or :memory:), with a clock the test moves by hand.
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"

#include <memory>
#include <sqlite3.h>
#include <string>

namespace lotstation::storage::test {

using namespace std::chrono_literals;

// 2026-03-10 08:00:00 UTC
inline Timestamp startTime() {
    return Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10}} + 8h;
}

inline Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

struct TestClock {
    std::shared_ptr<Timestamp> now = std::make_shared<Timestamp>(startTime());
    Clock clock() const {
        return [now = now] {
            *now += 1ms; // every reading moves on, like a real clock
            return *now;
        };
    }
    void advance(std::chrono::milliseconds by) const { *now += by; }
};

template <typename T> T must(Result<T> result) {
    if (!result) FAIL("unexpected error: " << result.error().message);
    return std::move(*result);
}

// Opens a ledger and seeds master data: locations, suppliers, customers, items, users, the BAR recipe.
struct Shop {
    lotstation::test::TempDir dir;
    TestClock time;
    std::filesystem::path path = dir.file("ledger.db");
    std::optional<Ledger> ledger;

    explicit Shop(std::string shortCode = "A1", bool seed = true) {
        ledger.emplace(must(Ledger::open(
            path, OpenOptions{StationIdentity{"station-a", "Dock tablet", shortCode}, time.clock()})));
        if (seed) seedMasterData();
    }

    Ledger& l() { return *ledger; }

    void reopen() {
        ledger.reset();
        ledger.emplace(must(Ledger::open(path, OpenOptions{std::nullopt, time.clock()})));
    }

    void seedMasterData() {
        must(l().addLocation({"DOCK", "Receiving dock", LocationKind::Dock}));
        must(l().addLocation({"STORE", "Raw store", LocationKind::Store}));
        must(l().addLocation({"MIX", "Mixing bench", LocationKind::Workstation}));
        must(l().addLocation({"FG", "Finished goods", LocationKind::Finished}));
        must(l().addSupplier({"OILCO", "Oil Company"}));
        must(l().addSupplier({"CHEM", "Chemicals Ltd"}));
        must(l().addCustomer({"SHOP1", "Corner shop"}));
        must(l().addCustomer({"SHOP2", "Market stall"}));
        must(l().addItem({.sku = "SOAP-OIL",
                          .name = "Olive oil",
                          .kind = ItemKind::Raw,
                          .uom = Uom::Gram,
                          .defaultLocation = "DOCK"}));
        must(
            l().addItem({.sku = "LYE", .name = "Sodium hydroxide", .kind = ItemKind::Raw, .uom = Uom::Gram}));
        must(l().addItem(
            {.sku = "LAV", .name = "Lavender oil", .kind = ItemKind::Raw, .uom = Uom::Millilitre}));
        must(l().addItem(
            {.sku = "WRAP", .name = "Paper wrap", .kind = ItemKind::Packaging, .uom = Uom::Piece}));
        must(l().addItem({.sku = "BAR",
                          .name = "Lavender soap bar",
                          .kind = ItemKind::Finished,
                          .uom = Uom::Piece,
                          .gtin = "4006381333931",
                          .shelfLifeDays = 365,
                          .defaultLocation = "FG"}));
        must(l().addUser({.name = "ana", .role = UserRole::Operator, .badge = "B-100"}));
        must(l().addUser({.name = "sam", .role = UserRole::Supervisor, .badge = "B-200"}));
        // 100 bars from 10 kg oil, 1.4 kg lye, 50 ml lavender
        must(l().setRecipe({"BAR", 100, {{"SOAP-OIL", 10'000'000}, {"LYE", 1'400'000}, {"LAV", 50'000}}}));
    }

    // Receives and returns the new lot code.
    std::string receive(const std::string& sku, std::int64_t quantity, const std::string& supplier,
                        const std::string& supplierLot, std::optional<Micros> unitCost = {},
                        std::optional<std::string> location = "DOCK", std::optional<Date> expiry = {}) {
        return must(l().receive({.sku = sku,
                                 .supplier = supplier,
                                 .supplierLot = supplierLot,
                                 .quantity = quantity,
                                 .expiry = expiry,
                                 .unitCost = unitCost,
                                 .location = location,
                                 .user = "ana"}))
            .lotCode;
    }

    // Everything an operation could write, as one string: compare before and after a refused operation.
    std::string state() {
        return scalar(
            "SELECT (SELECT count(*) FROM movements) || '|' || (SELECT count(*) FROM outbox) || '|' || "
            "(SELECT count(*) FROM lots) || '|' || (SELECT count(*) FROM runs) || '|' || "
            "coalesce((SELECT group_concat(lot_id || '@' || location_id || '=' || quantity) FROM "
            "(SELECT * FROM balances ORDER BY lot_id, location_id)), '') || '|' || "
            "coalesce((SELECT group_concat(code || ':' || status || ':' || coalesce(unit_cost, '-')) "
            "FROM (SELECT * FROM lots ORDER BY id)), '') || '|' || "
            "coalesce((SELECT group_concat(status) FROM (SELECT * FROM runs ORDER BY id)), '')");
    }

    std::string scalar(const std::string& sql) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
        std::string out;
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        REQUIRE(sqlite3_column_text(s, 0) != nullptr); // a NULL here would make every comparison vacuous
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        sqlite3_close(db);
        return out;
    }

    std::int64_t count(const char* table) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &s, nullptr);
        sqlite3_step(s);
        const auto n = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        sqlite3_close(db);
        return n;
    }
};

// A second, raw connection to the same file: what someone with the sqlite3 shell could do.
class RawConnection {
  public:
    explicit RawConnection(const std::filesystem::path& path) { sqlite3_open(path.c_str(), &m_db); }
    ~RawConnection() { sqlite3_close(m_db); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Empty on success, else SQLite's message.
    std::string exec(const std::string& sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
        std::string text = rc == SQLITE_OK ? "" : (message ? message : "error");
        sqlite3_free(message);
        return text;
    }

  private:
    sqlite3* m_db = nullptr;
};

} // namespace lotstation::storage::test
