// lotstation-bench-cost: margins, stock valuation (today and at a past date), value at risk and waste on a
// ledger of N movements (default 1,000,000), p50 / p95 over samples. The ledger is built through the public
// API in cycles of 13 movements: three raw lots received (with costs), consumed whole by a run (with a labour
// entry), 100 bars made, four priced shipments to different customers, two moves; every tenth cycle a scrap;
// labour and all four overhead rates set; the ledger's clock moves 100 cycles a day, so the history ends today
// and spans about two years on a million movements (a week ago is a week's movements, not all of them);
// the peer is one plain SQL sum of balance × recorded unit cost (reading the same rows, no full cost).
//   lotstation-bench-cost [--movements N] [--samples N] [--db PATH] [--keep] [--smoke]
// --db with an existing file reuses it (building a million movements takes minutes); --smoke: 3,000
// movements, 3 samples (CTest runs it).
#include "bench_support.hpp"
#include "lotstation/storage/cost_rates.hpp"
#include "lotstation/storage/cost_reports.hpp"
#include "lotstation/storage/sales.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <functional>
#include <sqlite3.h>
#include <string>
#include <string_view>

using namespace lotstation;
using namespace lotstation::bench;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::int64_t movements = 1'000'000;
    int samples = 30;
    fs::path db;
    bool keep = false;
};

[[noreturn]] void usage(const char* message) {
    std::fprintf(
        stderr,
        "%s\nusage: lotstation-bench-cost [--movements N] [--samples N] [--db PATH] [--keep] [--smoke]\n",
        message);
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage("missing value");
            return argv[++i];
        };
        if (arg == "--movements")
            options.movements = std::stoll(value());
        else if (arg == "--samples")
            options.samples = std::stoi(value());
        else if (arg == "--db")
            options.db = value();
        else if (arg == "--keep")
            options.keep = true;
        else if (arg == "--smoke") {
            options.movements = 3'000;
            options.samples = 3;
        } else
            usage("unknown argument");
    }
    return options;
}

void measure(const char* name, int samples, const std::function<bool()>& body) {
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < samples; ++i) {
        const Stopwatch watch;
        const auto cpuStart = threadCpuMs();
        if (!body()) {
            std::fprintf(stderr, "%s failed\n", name);
            std::exit(1);
        }
        wall.push_back(watch.ms());
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    std::printf("  %-34s p50 %8.1f ms  p95 %8.1f ms  (cpu p95 %8.1f ms)\n", name, percentile(wall, 50),
                percentile(wall, 95), percentile(cpu, 95));
}

template <typename T> T must(storage::Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
    return std::move(*result);
}

constexpr int kRaw = 50;
constexpr int kFinished = 20;

void seed(storage::Ledger& l) {
    using namespace storage;
    must(l.addUser({.name = "boss", .role = UserRole::Admin}), "user");
    must(l.addLocation({"DOCK", "Dock", LocationKind::Dock}), "location");
    must(l.addLocation({"WS", "Bench", LocationKind::Workstation}), "location");
    must(l.addLocation({"FG", "Finished", LocationKind::Finished}), "location");
    must(l.addLocation({"STORE", "Store", LocationKind::Store}), "location");
    must(l.addSupplier({"SUP", "Supplier"}), "supplier");
    for (int c = 0; c < kFinished; ++c)
        must(l.addCustomer({"C" + std::to_string(c), "Customer"}), "customer");
    Recipe recipe;
    recipe.outputQuantity = 100;
    for (int r = 0; r < kRaw; ++r) {
        must(l.addItem({.sku = "RAW" + std::to_string(r),
                        .name = "Raw",
                        .uom = Uom::Gram,
                        .defaultLocation = "DOCK"}),
             "item");
        recipe.components.push_back({"RAW" + std::to_string(r), 1'000'000});
    }
    for (int f = 0; f < kFinished; ++f) {
        const auto sku = "BAR" + std::to_string(f);
        must(l.addItem({.sku = sku,
                        .name = "Bar",
                        .kind = ItemKind::Finished,
                        .uom = Uom::Piece,
                        .shelfLifeDays = 365,
                        .defaultLocation = "FG"}),
             "item");
        recipe.sku = sku;
        must(l.setRecipe(recipe), "recipe");
    }
    must(setLabourRate(l, {.workstation = "WS", .perHour = 24'500'000, .user = "boss"}), "rate");
    must(setOverheadRate(l, {.basis = OverheadBasis::PerRun, .amount = 12'000'000, .user = "boss"}), "rate");
    must(setOverheadRate(l, {.basis = OverheadBasis::PerLabourHour, .amount = 6'000'000, .user = "boss"}),
         "rate");
    must(setOverheadRate(
             l, {.basis = OverheadBasis::PerUnit, .amount = 50'000, .uom = Uom::Piece, .user = "boss"}),
         "rate");
    must(setOverheadRate(l, {.basis = OverheadBasis::MaterialPercent, .amount = 800, .user = "boss"}),
         "rate");
}

void cycle(storage::Ledger& l, std::int64_t i) {
    using namespace storage;
    const auto day = std::chrono::sys_days{std::chrono::year{2027} / 1 / 1} + std::chrono::days{i / 100};
    std::string lots[3];
    for (int k = 0; k < 3; ++k) {
        lots[k] = must(l.receive({.sku = "RAW" + std::to_string((3 * i + k) % kRaw),
                                  .supplier = "SUP",
                                  .supplierLot = "S" + std::to_string(i) + "-" + std::to_string(k),
                                  .quantity = 10'000'000,
                                  .expiry = Date{day},
                                  .unitCost = 1'000 + (i * 37 + k) % 5'000,
                                  .user = "boss"}),
                       "receive")
                      .lotCode;
    }
    const auto run = must(l.startRun({.sku = "BAR" + std::to_string(i % kFinished),
                                      .planned = 100,
                                      .workstation = "WS",
                                      .user = "boss"}),
                          "run")
                         .code;
    for (const auto& lot : lots)
        must(l.consume({.run = run, .lot = lot, .quantity = 10'000'000, .user = "boss"}), "consume");
    const auto bars = must(l.finishRun({.run = run, .output = 100, .user = "boss"}), "finish").lotCode;
    must(recordLabour(l, {.run = run,
                          .seconds = 1800 + (i % 7) * 300,
                          .people = 1 + static_cast<int>(i % 3),
                          .user = "boss"}),
         "labour");
    for (int k = 0; k < 4; ++k)
        must(shipAtPrice(l,
                         {.lot = bars,
                          .quantity = 20,
                          .customer = "C" + std::to_string((i + k) % kFinished),
                          .user = "boss"},
                         4'000'000 + (i % 11) * 50'000),
             "ship");
    must(l.move({.lot = bars, .quantity = 20, .to = "STORE", .user = "boss"}), "move");
    if (i % 10 == 0)
        must(l.scrap({.lot = bars, .quantity = 1, .location = "STORE", .reason = "dropped", .user = "boss"}),
             "scrap");
    else
        must(l.move({.lot = bars, .quantity = 10, .to = "FG", .from = "STORE", .user = "boss"}), "move");
}

// The ledger's time while building: 100 cycles a day, ending now.
struct BuildClock {
    storage::Timestamp at;
};

void build(storage::Ledger& l, std::int64_t target, BuildClock& clock) {
    const Stopwatch watch;
    const auto cycles = target / 13 + 1;
    const auto end = clock.at;
    clock.at = end - std::chrono::milliseconds{cycles * 864'000};
    seed(l);
    std::int64_t i = 0;
    while (l.movementCount().value() < target) {
        auto batch = l.atomically([&]() -> storage::Result<void> {
            for (int n = 0; n < 200; ++n) {
                clock.at += std::chrono::milliseconds{864'000};
                cycle(l, i++);
            }
            return {};
        });
        if (!batch) {
            std::fprintf(stderr, "build: %s\n", batch.error().message.c_str());
            std::exit(1);
        }
    }
    std::printf("  built %lld movements (%lld cycles) in %.1f s\n",
                static_cast<long long>(l.movementCount().value()), static_cast<long long>(i),
                watch.seconds());
}

} // namespace

int main(int argc, char** argv) {
    auto options = parse(argc, argv);
    const bool temporary = options.db.empty();
    if (temporary)
        options.db =
            fs::temp_directory_path() / ("lotstation-bench-cost-" + std::to_string(getpid()) + ".db");
    const bool reuse = !temporary && fs::exists(options.db);
    auto clock = std::make_shared<BuildClock>(BuildClock{storage::systemClock()()});
    storage::OpenOptions open;
    if (!reuse) open.clock = [clock] { return clock->at; };
    auto ledger = storage::Ledger::open(options.db, open);
    if (!ledger) usage(ledger.error().message.c_str());
    if (!reuse) {
        std::printf("building %lld movements...\n", static_cast<long long>(options.movements));
        build(*ledger, options.movements, *clock);
        clock->at = storage::systemClock()();
    }
    // The first report after new movements reckons the costs of the lots they touched (here: all of them)
    // and keeps them (lot_unit_costs); the samples below are the reports after that.
    {
        const Stopwatch watch;
        if (!storage::marginReport(*ledger, {}, storage::MarginGrouping::Product)) usage("margins failed");
        std::printf("  first report after building (reckons and keeps every lot's cost): %.1f ms\n", watch.ms());
    }
    std::printf("lotstation-bench-cost on %lld movements (%s), %d samples\n",
                static_cast<long long>(ledger->movementCount().value()), options.db.c_str(), options.samples);
    std::size_t rows = 0;
    measure("margins by product (all time)", options.samples, [&] {
        auto r = storage::marginReport(*ledger, {}, storage::MarginGrouping::Product);
        rows = r ? r->size() : 0;
        return r.has_value();
    });
    std::printf("    (%zu products)\n", rows);
    measure("margins by month", options.samples,
            [&] { return storage::marginReport(*ledger, {}, storage::MarginGrouping::Month).has_value(); });
    measure("margins by lot", options.samples,
            [&] { return storage::marginReport(*ledger, {}, storage::MarginGrouping::Lot).has_value(); });
    measure("valuation today", options.samples, [&] {
        auto v = storage::stockValuation(*ledger, std::nullopt);
        rows = v ? v->lots.size() : 0;
        return v.has_value();
    });
    std::printf("    (%zu lots on hand)\n", rows);
    const auto today = storage::dateOf(ledger->now());
    const storage::Date weekAgo{std::chrono::sys_days{today} - std::chrono::days{7}};
    measure("valuation a week ago", options.samples,
            [&] { return storage::stockValuation(*ledger, weekAgo).has_value(); });
    measure("value at risk, 30 days", options.samples,
            [&] { return storage::valueAtRisk(*ledger, 30).has_value(); });
    measure("waste (all time)", options.samples,
            [&] { return storage::wasteReport(*ledger, {}).has_value(); });

    // Peer: the cheapest possible valuation, one SQL sum over balances × recorded unit cost.
    sqlite3* raw = nullptr;
    sqlite3_open_v2(options.db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    measure("peer: SQL sum(balance x unit_cost)", options.samples, [&] {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(raw,
                           "SELECT sum(b.quantity * coalesce(l.unit_cost, 0)) FROM balances b JOIN lots l ON "
                           "l.id = b.lot_id",
                           -1, &s, nullptr);
        const bool ok = sqlite3_step(s) == SQLITE_ROW;
        sqlite3_finalize(s);
        return ok;
    });
    sqlite3_close(raw);
    std::printf("target (DESIGN 9): margins / valuation reports on 1,000,000 movements p95 < 200 ms\n");
    if (temporary && !options.keep) {
        std::error_code error;
        fs::remove(options.db, error);
        fs::remove(fs::path(options.db.string() + "-wal"), error);
        fs::remove(fs::path(options.db.string() + "-shm"), error);
    }
    return 0;
}
