// lotstation-bench-cost: margins, stock valuation (today and at a past date), value at risk and waste on a
// ledger of N movements (default 1,000,000, built by the ledger benchmark's builder), p50 / p95 over samples;
// the peer is one plain SQL sum of balance × recorded unit cost (reading the same rows, no full cost).
//   lotstation-bench-cost [--movements N] [--samples N] [--db PATH] [--keep] [--smoke]
// --db with an existing file reuses it (building a million movements takes minutes); --smoke: 20,000
// movements, 5 samples (CTest runs it).
#include "bench_support.hpp"
#include "genealogy_builder.hpp"
#include "lotstation/storage/cost_reports.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
    std::fprintf(stderr, "%s\nusage: lotstation-bench-cost [--movements N] [--samples N] [--db PATH] [--keep] [--smoke]\n",
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
        if (arg == "--movements") options.movements = std::stoll(value());
        else if (arg == "--samples") options.samples = std::stoi(value());
        else if (arg == "--db") options.db = value();
        else if (arg == "--keep") options.keep = true;
        else if (arg == "--smoke") {
            options.movements = 20'000;
            options.samples = 5;
        } else usage("unknown argument");
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

} // namespace

int main(int argc, char** argv) {
    auto options = parse(argc, argv);
    const bool temporary = options.db.empty();
    if (temporary) options.db = fs::temp_directory_path() / ("lotstation-bench-cost-" + std::to_string(getpid()) + ".db");
    const bool reuse = !temporary && fs::exists(options.db);
    auto ledger = storage::Ledger::open(options.db);
    if (!ledger) usage(ledger.error().message.c_str());
    if (!reuse) {
        std::printf("building %lld movements...\n", static_cast<long long>(options.movements));
        auto built = buildLedger(*ledger, options.movements, false);
        if (!built) usage(built.error().message.c_str());
        std::printf("  built %lld movements in %.1f s\n", static_cast<long long>(built->movements), built->seconds);
    }
    std::printf("lotstation-bench-cost on %lld movements (%s), %d samples\n",
                static_cast<long long>(ledger->movementCount()), options.db.c_str(), options.samples);
    std::size_t rows = 0;
    measure("margins by product (all time)", options.samples, [&] {
        auto r = storage::marginReport(*ledger, {}, storage::MarginGrouping::Product);
        rows = r ? r->size() : 0;
        return r.has_value();
    });
    std::printf("    (%zu products)\n", rows);
    measure("margins by month", options.samples, [&] {
        return storage::marginReport(*ledger, {}, storage::MarginGrouping::Month).has_value();
    });
    measure("margins by lot", options.samples, [&] {
        return storage::marginReport(*ledger, {}, storage::MarginGrouping::Lot).has_value();
    });
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
    measure("value at risk, 30 days", options.samples, [&] { return storage::valueAtRisk(*ledger, 30).has_value(); });
    measure("waste (all time)", options.samples, [&] { return storage::wasteReport(*ledger, {}).has_value(); });

    // Peer: the cheapest possible valuation, one SQL sum over balances × recorded unit cost.
    sqlite3* raw = nullptr;
    sqlite3_open_v2(options.db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    measure("peer: SQL sum(balance x unit_cost)", options.samples, [&] {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(raw, "SELECT sum(b.quantity * coalesce(l.unit_cost, 0)) FROM balances b JOIN lots l ON l.id = b.lot_id",
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
