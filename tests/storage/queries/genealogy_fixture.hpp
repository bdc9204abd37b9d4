#pragma once
// A soap maker's genealogy with known answers, built through the real Ledger API on a real SQLite file:
//
//   OILCO: OIL-A 10 kg @4.20/kg ─┬─ 7 kg ──► RUN-BASE ──► BASE-1 10 kg ─┬─ 6 kg ─► RUN-S1 ─► SOAP-1 60 pc
//   LYECO: LYE-A  5 kg @2.00/kg ─┼─ 3 kg ──┘   (1 kg of OIL-B consumed   └─ 4 kg ─► RUN-S2 ─► SOAP-2 40 pc
//          OIL-B  5 kg @4.50/kg ─┘             and reversed: not used)             ▲
//                               OIL-A ──────────────── 200 g (superfat) ───────────┘
//   SOAP-1: 20 pc → C1 (PO-C1-001), 10 pc → C2 (ORD-C2-17); SOAP-2: 15 pc → C3 (WEB-3003),
//           5 pc → C1 shipped and reversed (not a shipment).
//   OIL-A: 1 kg moved DOCK → STORE afterwards. Extra OIL lots for FEFO: OIL-C (held), OIL-D (expired),
//   OIL-E (same expiry as OIL-A, with a best-before).
// "Today" is 2026-11-24.
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"

#include <memory>
#include <optional>
#include <string>

namespace lotstation::storage::querytest {

using namespace std::chrono_literals;

inline Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline const Date kToday = ymd(2026, 11, 24);

template <typename T> T must(Result<T> result) {
    if (!result) FAIL("unexpected error: " << result.error().message);
    return std::move(*result);
}

struct ManualClock {
    std::shared_ptr<Timestamp> now =
        std::make_shared<Timestamp>(Timestamp{std::chrono::sys_days{kToday}} + 8h);
    Clock clock() const {
        return [now = now] {
            *now += 1ms;
            return *now;
        };
    }
};

struct Genealogy {
    lotstation::test::TempDir dir;
    ManualClock time;
    std::filesystem::path path = dir.file("genealogy.db");
    std::optional<Ledger> ledger;
    std::string shipC1Reversed; // id of the reversed shipment
    std::string consumeOilBReversed;
    // OIL-B expires first: taking another OIL lot while it has stock needs a supervisor's override (FEFO).
    const Override keepOilB{"OIL-B kept for the lavender batch", "sam"};

    Ledger& l() { return *ledger; }

    explicit Genealogy(bool build = true) {
        ledger.emplace(
            must(Ledger::open(path, OpenOptions{StationIdentity{"station-q", "Office", "Q"}, time.clock()})));
        masterData();
        if (build) genealogy();
    }

    void masterData() {
        must(l().addLocation({"DOCK", "Receiving dock", LocationKind::Dock}));
        must(l().addLocation({"STORE", "Raw store", LocationKind::Store}));
        must(l().addLocation({"WS", "Mixing bench", LocationKind::Workstation}));
        must(l().addLocation({"FG", "Finished goods", LocationKind::Finished}));
        must(l().addSupplier({"OILCO", "Oil Company"}));
        must(l().addSupplier({"LYECO", "Lye Company"}));
        must(l().addCustomer({"C1", "Corner Shop"}));
        must(l().addCustomer({"C2", "Market Stall"}));
        must(l().addCustomer({"C3", "Online, Orders"}));
        must(l().addUser({.name = "ana", .role = UserRole::Operator}));
        must(l().addUser({.name = "sam", .role = UserRole::Supervisor}));
        must(l().addItem({.sku = "OIL",
                          .name = "Olive oil",
                          .kind = ItemKind::Raw,
                          .uom = Uom::Gram,
                          .defaultLocation = "DOCK"}));
        must(l().addItem({.sku = "LYE",
                          .name = "Sodium hydroxide",
                          .kind = ItemKind::Raw,
                          .uom = Uom::Gram,
                          .defaultLocation = "DOCK"}));
        must(l().addItem(
            {.sku = "BASE", .name = "Soap base", .kind = ItemKind::Intermediate, .uom = Uom::Gram}));
        must(l().addItem({.sku = "SOAP",
                          .name = "Lavender soap bar",
                          .kind = ItemKind::Finished,
                          .uom = Uom::Piece,
                          .shelfLifeDays = 365,
                          .defaultLocation = "FG"}));
        // 1 kg base from 700 g oil and 300 g lye; 10 bars from 1 kg base and 50 g oil (superfat)
        must(l().setRecipe({"BASE", 1'000'000, {{"OIL", 700'000}, {"LYE", 300'000}}}));
        must(l().setRecipe({"SOAP", 10, {{"BASE", 1'000'000}, {"OIL", 50'000}}}));
    }

    void receive(const std::string& code, const std::string& sku, std::int64_t quantity,
                 const std::string& supplier, const std::string& supplierLot, std::optional<Micros> unitCost,
                 std::optional<Date> expiry, std::optional<Date> bestBefore = {}) {
        must(l().receive({.sku = sku,
                          .supplier = supplier,
                          .supplierLot = supplierLot,
                          .quantity = quantity,
                          .expiry = expiry,
                          .bestBefore = bestBefore,
                          .unitCost = unitCost,
                          .lotCode = code,
                          .reference = "PO-" + supplierLot,
                          .user = "ana"}));
    }

    Movement consume(const std::string& run, const std::string& lot, std::int64_t quantity,
                     std::optional<std::string> location = {}, std::optional<Override> override = {}) {
        return must(l().consume({.run = run,
                                 .lot = lot,
                                 .quantity = quantity,
                                 .location = location,
                                 .override = override,
                                 .user = "ana"}));
    }

    void run(const std::string& code, const std::string& sku, std::int64_t planned) {
        must(l().startRun(
            {.sku = sku, .planned = planned, .workstation = "WS", .runCode = code, .user = "ana"}));
    }

    void finish(const std::string& run, std::int64_t output, const std::string& lot) {
        must(l().finishRun({.run = run, .output = output, .lotCode = lot, .user = "ana"}));
    }

    Movement ship(const std::string& lot, std::int64_t quantity, const std::string& customer,
                  const std::string& reference) {
        return must(l().ship(
            {.lot = lot, .quantity = quantity, .customer = customer, .reference = reference, .user = "ana"}));
    }

    void genealogy() {
        receive("OIL-A", "OIL", 10'000'000, "OILCO", "OC-778", 4'200, ymd(2027, 6, 30));
        receive("OIL-B", "OIL", 5'000'000, "OILCO", "OC-779", 4'500, ymd(2027, 3, 31));
        receive("LYE-A", "LYE", 5'000'000, "LYECO", "LY-12", 2'000, ymd(2028, 1, 1));

        run("RUN-BASE", "BASE", 10'000'000);
        // OIL-B expires first (FEFO), so taking OIL-A needs a supervisor's override.
        consume("RUN-BASE", "OIL-A", 7'000'000, {}, keepOilB);
        consume("RUN-BASE", "LYE-A", 3'000'000);
        consumeOilBReversed = consume("RUN-BASE", "OIL-B", 1'000'000).id;
        must(l().reverse({.movementId = consumeOilBReversed, .reason = "wrong drum", .user = "sam"}));
        finish("RUN-BASE", 10'000'000, "BASE-1");

        run("RUN-S1", "SOAP", 60);
        consume("RUN-S1", "BASE-1", 6'000'000);
        finish("RUN-S1", 60, "SOAP-1");

        run("RUN-S2", "SOAP", 40);
        consume("RUN-S2", "BASE-1", 4'000'000);
        consume("RUN-S2", "OIL-A", 200'000, {}, keepOilB);
        finish("RUN-S2", 40, "SOAP-2");

        ship("SOAP-1", 20, "C1", "PO-C1-001");
        ship("SOAP-1", 10, "C2", "ORD-C2-17");
        ship("SOAP-2", 15, "C3", "WEB-3003");
        shipC1Reversed = ship("SOAP-2", 5, "C1", "PO-C1-002").id;
        must(l().reverse({.movementId = shipC1Reversed, .reason = "order cancelled", .user = "sam"}));

        must(l().move({.lot = "OIL-A", .quantity = 1'000'000, .to = "STORE", .user = "ana"}));

        // FEFO neighbours
        receive("OIL-C", "OIL", 2'000'000, "OILCO", "OC-780", 4'000, ymd(2026, 12, 5));
        must(l().hold({.lots = {"OIL-C"}, .status = LotStatus::Hold, .reason = "smells off", .user = "sam"}));
        receive("OIL-D", "OIL", 1'000'000, "OILCO", "OC-700", 4'000, ymd(2026, 11, 20));
        receive("OIL-E", "OIL", 3'000'000, "OILCO", "OC-781", 4'300, ymd(2027, 6, 30), ymd(2027, 5, 1));
    }
};

} // namespace lotstation::storage::querytest
