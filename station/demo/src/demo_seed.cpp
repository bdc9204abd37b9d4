#include "lotstation/station/demo_seed.hpp"

#include "demo_quality.hpp"
#include "lotstation/storage/cost_rates.hpp"
#include "lotstation/storage/sales.hpp"

#include <chrono>
#include <memory>

namespace lotstation::station {
namespace {

using namespace std::chrono_literals;
using storage::Date;
using storage::Result;

// The demo's history is spread over the 9 days before `now`: a clock the seed moves forward by hand.
struct DemoClock {
    storage::Timestamp at;
    void advance(std::chrono::milliseconds by) { at += by; }
};

Date daysFrom(storage::Timestamp at, int days) {
    return Date{std::chrono::floor<std::chrono::days>(at) + std::chrono::days{days}};
}

class DemoSeeder {
  public:
    DemoSeeder(storage::Ledger& ledger, DemoClock& clock) : m_ledger(ledger), m_clock(clock) {}

    Result<void> masterData() {
        using storage::ItemKind;
        using storage::LocationKind;
        using storage::Uom;
        using storage::UserRole;
        for (auto [code, name, kind] : {std::tuple{"DOCK", "Receiving dock", LocationKind::Dock},
                                        std::tuple{"STORE", "Raw material store", LocationKind::Store},
                                        std::tuple{"WS1", "Soap kitchen", LocationKind::Workstation},
                                        std::tuple{"QUAR", "Quarantine shelf", LocationKind::Quarantine},
                                        std::tuple{"FG", "Finished goods", LocationKind::Finished},
                                        std::tuple{"PACK", "Packing table", LocationKind::Shipped}}) {
            if (auto added = m_ledger.addLocation({code, name, kind}); !added) return fail(added.error());
        }
        for (auto [code, name] :
             {std::pair{"OLIVA", "Oliva Mills"}, std::pair{"COCOS", "Cocos Trading"},
              std::pair{"LYECO", "Lye Chemicals Co"}, std::pair{"AROMA", "Aroma Essentials"},
              std::pair{"OATS", "Highland Oats"}, std::pair{"PACKIT", "PackIt Boxes"}}) {
            if (auto added = m_ledger.addSupplier({code, name}); !added) return fail(added.error());
        }
        for (auto [code, name] :
             {std::pair{"GREENGROCER", "The Green Grocer"}, std::pair{"SPAFLOW", "Spa Flow Hotel"},
              std::pair{"WEBSHOP", "Web shop orders"}}) {
            if (auto added = m_ledger.addCustomer({code, name}); !added) return fail(added.error());
        }
        for (auto user : {storage::NewUser{"ana", UserRole::Operator, "B-ANA", "1111", "admin"},
                          storage::NewUser{"sam", UserRole::Supervisor, "B-SAM", "2222", "admin"}}) {
            if (auto added = m_ledger.addUser(user); !added) return fail(added.error());
        }
        const std::vector<storage::NewItem> items{
            {"OLIVE-OIL",
             "Olive oil, extra virgin",
             ItemKind::Raw,
             Uom::Gram,
             {},
             true,
             {},
             "STORE",
             20'000'000},
            {"COCONUT-OIL",
             "Coconut oil, refined",
             ItemKind::Raw,
             Uom::Gram,
             {},
             true,
             {},
             "STORE",
             10'000'000},
            {"LYE", "Sodium hydroxide", ItemKind::Raw, Uom::Gram, {}, true, {}, "STORE", 5'000'000},
            {"LAVENDER-EO",
             "Lavender essential oil",
             ItemKind::Raw,
             Uom::Millilitre,
             {},
             true,
             {},
             "STORE",
             1'000'000},
            {"OATMEAL", "Colloidal oatmeal", ItemKind::Raw, Uom::Gram, {}, true, {}, "STORE", 2'000'000},
            {"BOX-BAR", "Bar box, printed", ItemKind::Packaging, Uom::Piece, {}, true, {}, "STORE", 200},
            {"SOAP-BASE",
             "Cold-process soap base",
             ItemKind::Intermediate,
             Uom::Gram,
             {},
             true,
             60,
             "WS1",
             {}},
            {"BAR-LAV", "Lavender soap bar 100 g", ItemKind::Finished, Uom::Piece, "09506000134352", true,
             365, "FG", 50},
            {"BAR-OAT",
             "Oat & honey soap bar 100 g",
             ItemKind::Finished,
             Uom::Piece,
             {},
             true,
             365,
             "FG",
             50},
        };
        for (const auto& item : items)
            if (auto added = m_ledger.addItem(item); !added) return fail(added.error());

        const std::vector<storage::Recipe> recipes{
            {"SOAP-BASE",
             10'000'000,
             {{"OLIVE-OIL", 6'000'000}, {"COCONUT-OIL", 2'600'000}, {"LYE", 1'400'000}}},
            {"BAR-LAV", 100, {{"SOAP-BASE", 11'000'000}, {"LAVENDER-EO", 300'000}, {"BOX-BAR", 100}}},
            {"BAR-OAT", 100, {{"SOAP-BASE", 11'000'000}, {"OATMEAL", 500'000}, {"BOX-BAR", 100}}},
        };
        for (const auto& recipe : recipes)
            if (auto set = m_ledger.setRecipe(recipe); !set) return fail(set.error());
        return costsAndPrices();
    }

    // What the soap kitchen's hour costs, the overhead of a batch, and each customer's price per bar.
    Result<void> costsAndPrices() {
        using storage::OverheadBasis;
        if (auto set = storage::setLabourRate(m_ledger, {.workstation = "WS1", .perHour = 24'500'000, .user = "sam"});
            !set)
            return fail(set.error());
        for (auto [basis, amount, uom] :
             {std::tuple{OverheadBasis::PerRun, std::int64_t{12'000'000}, std::optional<storage::Uom>{}},
              std::tuple{OverheadBasis::PerUnit, std::int64_t{50'000}, std::optional{storage::Uom::Piece}}})
            if (auto set = storage::setOverheadRate(m_ledger, {.basis = basis, .amount = amount, .uom = uom, .user = "sam"});
                !set)
                return fail(set.error());
        for (auto [customer, sku, price] :
             {std::tuple{"GREENGROCER", "BAR-LAV", 4'500'000}, std::tuple{"WEBSHOP", "BAR-LAV", 6'900'000},
              std::tuple{"SPAFLOW", "BAR-OAT", 5'200'000}, std::tuple{"WEBSHOP", "BAR-OAT", 6'900'000}})
            if (auto set = storage::setCustomerPrice(m_ledger, {customer, sku, price, "sam"}); !set)
                return fail(set.error());
        return {};
    }

    Result<std::string> receive(const char* sku, const char* supplier, const char* supplierLot,
                                std::int64_t quantity, int expiresInDays, storage::Micros unitCost) {
        m_clock.advance(3h);
        auto received = m_ledger.receive({.sku = sku,
                                          .supplier = supplier,
                                          .supplierLot = supplierLot,
                                          .quantity = quantity,
                                          .expiry = daysFrom(m_clock.at, expiresInDays),
                                          .unitCost = unitCost,
                                          .location = "STORE",
                                          .reference = std::string("PO-") + supplierLot,
                                          .user = "ana"});
        if (!received) return fail(received.error());
        m_summary.receivedLots.push_back(received->lotCode);
        return received->lotCode;
    }

    struct Input {
        std::string lot;
        std::int64_t quantity;
    };

    Result<std::string> produce(const char* sku, std::int64_t planned, const std::vector<Input>& inputs,
                                std::int64_t output) {
        m_clock.advance(20h);
        auto run = m_ledger.startRun({.sku = sku, .planned = planned, .workstation = "WS1", .user = "ana"});
        if (!run) return fail(run.error());
        for (const auto& input : inputs) {
            m_clock.advance(5min);
            auto consumed = m_ledger.consume(
                {.run = run->code, .lot = input.lot, .quantity = input.quantity, .user = "ana"});
            if (!consumed) return fail(consumed.error());
        }
        m_clock.advance(2h);
        auto finished = m_ledger.finishRun({.run = run->code, .output = output, .user = "ana"});
        if (!finished) return fail(finished.error());
        m_summary.runs.push_back(run->code);
        m_summary.producedLots.push_back(finished->lotCode);
        return finished->lotCode;
    }

    Result<void> ship(const std::string& lot, std::int64_t quantity, const char* customer,
                      const char* order) {
        m_clock.advance(26h);
        // At the customer's list price, as the station's Ship takes it.
        auto shipped = storage::shipAtPrice(m_ledger,
                                            {.lot = lot,
                                             .quantity = quantity,
                                             .customer = customer,
                                             .reference = std::string(order),
                                             .user = "ana"},
                                            std::nullopt);
        if (!shipped) return fail(shipped.error());
        return {};
    }

    Result<void> hold(const std::string& lot, const char* reason) {
        m_clock.advance(1h);
        auto held = m_ledger.hold(
            {.lots = {lot}, .status = storage::LotStatus::Hold, .reason = reason, .user = "sam"});
        if (!held) return fail(held.error());
        return {};
    }

    DemoSummary& summary() { return m_summary; }

  private:
    static std::unexpected<storage::Error> fail(const storage::Error& error) {
        return std::unexpected(storage::Error{error.kind, "demo: " + error.message});
    }

    storage::Ledger& m_ledger;
    DemoClock& m_clock;
    DemoSummary m_summary;
};

Result<DemoSummary> seed(DemoSeeder& demo) {
    if (auto ok = demo.masterData(); !ok) return std::unexpected(ok.error());
    // Receipts: two olive-oil lots from the same supplier, lavender oil close to its expiry.
    auto olive1 = demo.receive("OLIVE-OIL", "OLIVA", "OM-24-0917", 25'000'000, 300, 4'200);
    auto olive2 = demo.receive("OLIVE-OIL", "OLIVA", "OM-24-1002", 25'000'000, 330, 4'350);
    auto coconut = demo.receive("COCONUT-OIL", "COCOS", "CT/88812", 10'000'000, 540, 3'100);
    auto lye = demo.receive("LYE", "LYECO", "NaOH-5521", 5'000'000, 720, 1'900);
    auto lavender = demo.receive("LAVENDER-EO", "AROMA", "LAV-2024-33", 1'000'000, 45, 95'000);
    auto oats = demo.receive("OATMEAL", "OATS", "HO-7781", 3'000'000, 200, 2'500);
    auto boxes = demo.receive("BOX-BAR", "PACKIT", "PK-5000-B", 500, 3650, 120'000);
    for (const auto* received : {&olive1, &olive2, &coconut, &lye, &lavender, &oats, &boxes})
        if (!*received) return std::unexpected(received->error());

    auto base = demo.produce("SOAP-BASE", 20'000'000,
                             {{*olive1, 12'000'000}, {*coconut, 5'200'000}, {*lye, 2'800'000}}, 20'000'000);
    if (!base) return std::unexpected(base.error());
    auto lavenderBars =
        demo.produce("BAR-LAV", 100, {{*base, 11'000'000}, {*lavender, 300'000}, {*boxes, 100}}, 98);
    if (!lavenderBars) return std::unexpected(lavenderBars.error());
    auto oatBars = demo.produce("BAR-OAT", 80, {{*base, 8'800'000}, {*oats, 400'000}, {*boxes, 80}}, 80);
    if (!oatBars) return std::unexpected(oatBars.error());

    for (auto [lot, quantity, customer, order] :
         {std::tuple{*lavenderBars, 40, "GREENGROCER", "SO-1041"},
          std::tuple{*lavenderBars, 24, "WEBSHOP", "WEB-88213"},
          std::tuple{*oatBars, 36, "SPAFLOW", "SO-1042"}, std::tuple{*oatBars, 12, "WEBSHOP", "WEB-88240"}}) {
        if (auto shipped = demo.ship(lot, quantity, customer, order); !shipped)
            return std::unexpected(shipped.error());
    }
    // A late coconut-oil delivery failed its smell test: on hold until the supplier answers.
    auto coconut2 = demo.receive("COCONUT-OIL", "COCOS", "CT/89020", 10'000'000, 500, 3'050);
    if (!coconut2) return std::unexpected(coconut2.error());
    if (auto held = demo.hold(*coconut2, "rancid smell on delivery; supplier asked"); !held)
        return std::unexpected(held.error());
    return demo.summary();
}

} // namespace

Result<DemoSummary> createDemoLedger(const std::filesystem::path& path, storage::Timestamp now) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix, ignored);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);

    auto clock = std::make_shared<DemoClock>(DemoClock{now - std::chrono::days{9}});
    auto ledger = storage::Ledger::open(path, {.identity = storage::StationIdentity{"", "Demo station", "D"},
                                               .clock = [clock] { return clock->at; }});
    if (!ledger) return std::unexpected(ledger.error());
    if (auto admin = ledger->addUser({"admin", storage::UserRole::Admin, "B-ADMIN", "0000"}); !admin)
        return std::unexpected(admin.error());
    DemoSeeder seeder(*ledger, *clock);
    auto summary = seed(seeder);
    if (summary) {
        auto qc = seedQuality(*ledger, [clock](std::chrono::hours by) { clock->advance(by); });
        if (!qc) return std::unexpected(qc.error());
        summary->quarantinedLots = std::move(*qc);
        auto movements = ledger->movementCount();
        if (!movements) return std::unexpected(movements.error());
        summary->movements = *movements;
    }
    return summary;
}

} // namespace lotstation::station
