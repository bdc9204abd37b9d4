// lotstation-bench-ledger: builds a ledger of N movements (default 1,000,000 over 100,000 lots, genealogy
// five transformations deep) through the ledger API, then prints write rates and latencies, query latencies
// (on hand, traces, recall, FEFO), the same traces done one SELECT per hop (the peer), verify time and file
// size.
//   lotstation-bench-ledger [--movements N] [--samples N] [--db PATH] [--keep] [--smoke]
// --smoke: a few thousand movements and a few samples, seconds in all (CTest runs it so the bench keeps
// running); exits 1 when any step fails or the two trace methods disagree.
#include "bench_support.hpp"
#include "genealogy_builder.hpp"
#include "lotstation/storage/queries.hpp"
#include "lotstation/storage/recall.hpp"
#include "lotstation/storage/trace.hpp"
#include "naive_trace.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <unistd.h>

using namespace lotstation;
using namespace lotstation::bench;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::int64_t movements = 1'000'000;
    int samples = 300;
    int batchedWrites = 20'000;
    int singleWrites = 1'000;
    fs::path db;
    bool keep = false;
};

[[noreturn]] void usage(const char* message) {
    std::fprintf(
        stderr,
        "%s\nusage: lotstation-bench-ledger [--movements N] [--samples N] [--db PATH] [--keep] [--smoke]\n",
        message);
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage("missing value");
            return argv[++i];
        };
        if (arg == "--movements")
            options.movements = std::atoll(value().c_str());
        else if (arg == "--samples")
            options.samples = std::atoi(value().c_str());
        else if (arg == "--db")
            options.db = value();
        else if (arg == "--keep")
            options.keep = true;
        else if (arg == "--smoke")
            options = Options{.movements = 3'000,
                              .samples = 10,
                              .batchedWrites = 2'000,
                              .singleWrites = 20,
                              .db = options.db,
                              .keep = options.keep};
        else
            usage("unknown option");
    }
    if (options.movements < 1'000) usage("--movements must be at least 1000");
    if (options.samples < 1) usage("--samples must be at least 1");
    if (options.db.empty())
        options.db = fs::temp_directory_path() / ("lotstation-bench-" + std::to_string(getpid()) + ".db");
    return options;
}

template <typename T> T must(storage::Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s failed: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
    return std::move(*result);
}

struct Samples {
    std::vector<double> wall; // ms
    std::vector<double> cpu;  // ms of this thread's CPU time
};

// Times `body` `n` times.
Samples sample(int n, const std::function<void(int)>& body) {
    Samples out;
    for (int i = 0; i < n; ++i) {
        const auto cpu = threadCpuMs();
        Stopwatch watch;
        body(i);
        out.wall.push_back(watch.ms());
        out.cpu.push_back(threadCpuMs() - cpu);
    }
    return out;
}

void row(const char* what, const Samples& s, const char* note = "") {
    std::printf("  %-32s p50 %7.3f  p95 %7.3f  p99 %7.3f ms | cpu p50 %7.3f  p95 %7.3f ms  %s\n", what,
                percentile(s.wall, 50), percentile(s.wall, 95), percentile(s.wall, 99), percentile(s.cpu, 50),
                percentile(s.cpu, 95), note);
}

// The disk's own floor for a durable commit: a 4 KB append and fdatasync, as SQLite's WAL commit does.
Samples fsyncFloor(const fs::path& near, int n) {
    const auto path = near.string() + "-fsync-probe";
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    std::vector<char> page(4096, 'x');
    auto samples = sample(n, [&](int) {
        if (::write(fd, page.data(), page.size()) < 0 || ::fdatasync(fd) != 0) std::perror("fsync probe");
    });
    ::close(fd);
    fs::remove(path);
    return samples;
}

std::uintmax_t fileSize(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

void removeDatabase(const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(db.string() + suffix);
}

} // namespace

int main(int argc, char** argv) {
    const auto options = parse(argc, argv);
    removeDatabase(options.db);
    std::printf("lotstation-bench-ledger: %lld movements, database %s\n",
                static_cast<long long>(options.movements), options.db.c_str());
    auto ledger =
        must(storage::Ledger::open(options.db, {storage::StationIdentity{"bench", "bench", "B"}}), "open");

    // --- build
    // ------------------------------------------------------------------------------------------------
    const auto built = must(buildLedger(ledger, options.movements, true), "build");
    std::size_t lots = 0;
    for (const auto& level : built.levels)
        lots += level.size();
    std::printf("\nbuild (ledger API, %lld-operation transactions)\n", 5'000LL);
    std::printf("  %lld movements over %zu lots (levels:", static_cast<long long>(built.movements), lots);
    for (const auto& level : built.levels)
        std::printf(" %zu", level.size());
    std::printf(") in %.1f s = %.0f movements/s\n", built.seconds,
                static_cast<double>(built.movements) / built.seconds);

    Rng rng(7);
    auto anyLot = [&]() -> const std::string& {
        const auto& level = built.levels[pick(rng, built.levels.size())];
        return level[pick(rng, level.size())];
    };

    // --- writes
    // -----------------------------------------------------------------------------------------------
    std::printf("\nrecording movements (synchronous=FULL, WAL)\n");
    {
        const int kMoves = options.batchedWrites, kPerBatch = 1'000;
        Stopwatch watch;
        for (int b = 0; b < kMoves / kPerBatch; ++b) {
            auto done = ledger.atomically([&]() -> storage::Result<void> {
                for (int i = 0; i < kPerBatch; ++i) {
                    auto moved = ledger.move({.lot = built.levels[1][pick(rng, built.levels[1].size())],
                                              .quantity = 1,
                                              .to = "STORE",
                                              .from = "WS",
                                              .user = "bench"});
                    if (!moved) return std::unexpected(moved.error());
                }
                return {};
            });
            if (!done) {
                std::fprintf(stderr, "batch failed: %s\n", done.error().message.c_str());
                return 1;
            }
        }
        std::printf("  batched (%d per transaction)          %10.0f movements/s\n", kPerBatch,
                    kMoves / watch.seconds());
    }
    {
        const int kSingle = options.singleWrites;
        Stopwatch watch;
        const auto ms = sample(kSingle, [&](int) {
            must(ledger.move({.lot = built.levels[1][pick(rng, built.levels[1].size())],
                              .quantity = 1,
                              .to = "STORE",
                              .from = "WS",
                              .user = "bench"}),
                 "move");
        });
        std::printf("  one per transaction                  %10.0f movements/s\n", kSingle / watch.seconds());
        row("one movement (own transaction)", ms, "(target p99 < 5 ms)");
        row("peer: 4 KB write + fdatasync", fsyncFloor(options.db, kSingle), "(the disk's floor)");
    }

    // --- reads
    // ------------------------------------------------------------------------------------------------
    const storage::Date today{std::chrono::year{2026} / 11 / 24};
    const auto n = options.samples;
    std::printf("\nqueries (%d samples each, random lots)\n", n);
    std::vector<std::string> finished, received;
    for (int i = 0; i < n; ++i) {
        finished.push_back(built.levels.back()[pick(rng, built.levels.back().size())]);
        received.push_back(built.levels[0][pick(rng, built.levels[0].size())]);
    }
    std::vector<std::string> any;
    for (int i = 0; i < n; ++i)
        any.push_back(anyLot());
    std::size_t backLots = 0, forwardLots = 0, forwardShipments = 0, fefoLots = 0, recallStock = 0;
    row("on hand by lot", sample(n, [&](int i) {
            (void)must(storage::stockByLot(ledger, any[static_cast<std::size_t>(i)]), "stock");
        }));
    const auto back = sample(n, [&](int i) {
        backLots +=
            must(storage::backwardTrace(ledger, finished[static_cast<std::size_t>(i)]), "trace").lots.size();
    });
    row("backward trace (finished lot)", back, "(target p95 < 50 ms)");
    const auto forward = sample(n, [&](int i) {
        const auto t = must(storage::forwardTrace(ledger, received[static_cast<std::size_t>(i)]), "trace");
        forwardLots += t.lots.size();
        forwardShipments += t.shipments.size();
    });
    row("forward trace (received lot)", forward, "(target p95 < 50 ms)");
    const auto recall = sample(n, [&](int i) {
        recallStock +=
            must(storage::recall(ledger, received[static_cast<std::size_t>(i)]), "recall").stock.size();
    });
    row("recall report (received lot)", recall, "(target p95 < 50 ms)");
    const auto fefo = sample(n, [&](int i) {
        fefoLots +=
            must(storage::fefo(ledger, built.fefoItems[static_cast<std::size_t>(i) % built.fefoItems.size()],
                               today),
                 "fefo")
                .size();
    });
    row("FEFO list (made item)", fefo);
    std::printf("  mean sizes: backward %zu lots; forward %zu lots, %zu shipments; recall %zu stock lines; "
                "FEFO %zu lots\n",
                backLots / static_cast<std::size_t>(n), forwardLots / static_cast<std::size_t>(n),
                forwardShipments / static_cast<std::size_t>(n), recallStock / static_cast<std::size_t>(n),
                fefoLots / static_cast<std::size_t>(n));

    // --- peer: one SELECT per hop
    // -------------------------------------------------------------------------------
    int status = 0; // 1 when a check below fails: the bench is a smoke test too
    std::printf("\npeer: the same traces, one SELECT per hop from C++ (prepared statements)\n");
    {
        NaiveTracer naive(options.db);
        std::size_t disagree = 0, shipments = 0;
        const auto naiveBackOnly =
            sample(n, [&](int i) { (void)naive.backward(finished[static_cast<std::size_t>(i)]); });
        const auto naiveForwardOnly =
            sample(n, [&](int i) { (void)naive.forward(received[static_cast<std::size_t>(i)], shipments); });
        // Untimed: both ways must find the same lots.
        for (int i = 0; i < n; ++i) {
            const auto& down = received[static_cast<std::size_t>(i)];
            if (naive.forward(down, shipments) !=
                must(storage::forwardTrace(ledger, down), "trace").lots.size())
                ++disagree;
            const auto& up = finished[static_cast<std::size_t>(i)];
            if (naive.backward(up) != must(storage::backwardTrace(ledger, up), "trace").lots.size())
                ++disagree;
        }
        row("naive backward trace", naiveBackOnly);
        row("naive forward trace", naiveForwardOnly);
        std::printf("  cpu p95, CTE trace / naive walk: backward %.2f, forward %.2f (the trace also builds "
                    "the result "
                    "value: runs, summed edges, order); lot sets disagree in %zu of %d\n",
                    percentile(back.cpu, 95) / percentile(naiveBackOnly.cpu, 95),
                    percentile(forward.cpu, 95) / percentile(naiveForwardOnly.cpu, 95), disagree, 2 * n);
        if (disagree > 0) status = 1;
    }

    // --- verify and size
    // --------------------------------------------------------------------------------------
    {
        Stopwatch watch;
        const auto findings = must(ledger.verify(), "verify");
        std::printf("\nverify (balances re-derived, hash chain walked): %.2f s, %zu findings\n",
                    watch.seconds(), findings.size());
        if (!findings.empty()) status = 1;
    }
    {
        sqlite3* db = nullptr;
        if (sqlite3_open(options.db.c_str(), &db) == SQLITE_OK)
            sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        const auto bytes = fileSize(options.db) + fileSize(options.db.string() + "-wal");
        std::printf("database size: %.1f MB (%.0f bytes per movement)\n", static_cast<double>(bytes) / 1e6,
                    static_cast<double>(bytes) / static_cast<double>(must(ledger.movementCount(), "count")));
    }
    if (!options.keep) removeDatabase(options.db);
    return status;
}
