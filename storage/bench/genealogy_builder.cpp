#include "genealogy_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace lotstation::bench {
namespace {

using namespace lotstation::storage;

constexpr std::int64_t kBatch = 5'000;            // operations per transaction
constexpr std::int64_t kReceived = 1'000'000'000; // 1000 kg in mg
constexpr int kSuppliers = 100;
constexpr int kCustomers = 200;
// Made lots of every level share this expiry: the FEFO rule then lets runs use them in any order.
constexpr Date kMadeExpiry{std::chrono::year{2029} / 12 / 31};

std::string sku(int level, int index) {
    char text[16];
    std::snprintf(text, sizeof text, "L%d-%02d", level, index);
    return text;
}

// Runs step(0..count-1) in transactions of kBatch steps (Ledger::atomically), reporting progress.
class Writer {
  public:
    Writer(Ledger& ledger, bool progress) : m_ledger(ledger), m_progress(progress) {}

    // `step(i)` returns how many movements it recorded.
    template <typename Step> Result<void> run(std::int64_t count, Step&& step) {
        for (std::int64_t start = 0; start < count; start += kBatch) {
            const auto end = std::min(count, start + kBatch);
            auto done = m_ledger.atomically([&]() -> Result<void> {
                for (auto i = start; i < end; ++i) {
                    auto recorded = step(i);
                    if (!recorded) return std::unexpected(recorded.error());
                    m_movements += *recorded;
                }
                return {};
            });
            if (!done) return done;
            if (m_progress && m_movements / 100'000 != m_reported / 100'000) {
                std::fprintf(stderr, "  %lld movements, %.1f s\n", static_cast<long long>(m_movements),
                             m_clock.seconds());
                m_reported = m_movements;
            }
        }
        return {};
    }

    [[nodiscard]] std::int64_t movements() const { return m_movements; }

  private:
    Ledger& m_ledger;
    bool m_progress;
    std::int64_t m_movements = 0;
    std::int64_t m_reported = 0;
    Stopwatch m_clock;
};

// Made lots: every lot twice, in random order.
std::vector<std::size_t> shuffledSlots(std::size_t lots, Rng& rng) {
    std::vector<std::size_t> slots;
    for (std::size_t i = 0; i < lots; ++i)
        slots.insert(slots.end(), {i, i});
    std::shuffle(slots.begin(), slots.end(), rng);
    return slots;
}

// Received lots in the order FEFO allows: per item (lot i is of item i % kItemsPerLevel) by expiry, each lot
// twice in a row; the items' queues interleaved at random.
template <typename Expiry> std::vector<std::size_t> fefoSlots(std::size_t lots, Expiry&& expiryOf, Rng& rng) {
    std::vector<std::vector<std::size_t>> queues(kItemsPerLevel);
    for (std::size_t i = 0; i < lots; ++i)
        queues[i % kItemsPerLevel].push_back(i);
    std::vector<std::size_t> draw; // which queue each slot comes from
    for (std::size_t q = 0; q < queues.size(); ++q) {
        auto& queue = queues[q];
        std::ranges::sort(queue, [&](std::size_t a, std::size_t b) {
            const auto x = expiryOf(static_cast<std::int64_t>(a)), y = expiryOf(static_cast<std::int64_t>(b));
            return x != y ? x < y : a < b;
        });
        draw.insert(draw.end(), 2 * queue.size(), q);
    }
    std::shuffle(draw.begin(), draw.end(), rng);
    std::vector<std::size_t> next(queues.size(), 0); // slots taken from each queue so far
    std::vector<std::size_t> slots;
    slots.reserve(draw.size());
    for (const auto q : draw)
        slots.push_back(queues[q][next[q]++ / 2]);
    return slots;
}

template <typename T> Result<void> check(const Result<T>& result) {
    if (!result) return std::unexpected(result.error());
    return {};
}

Result<void> masterData(Ledger& ledger) {
    for (const auto& [code, kind] :
         {std::pair{"DOCK", LocationKind::Dock}, std::pair{"STORE", LocationKind::Store},
          std::pair{"WS", LocationKind::Workstation}, std::pair{"FG", LocationKind::Finished}}) {
        if (auto r = check(ledger.addLocation({code, code, kind})); !r) return r;
    }
    if (auto r = check(ledger.addUser({.name = "bench", .role = UserRole::Supervisor})); !r) return r;
    for (int i = 0; i < kSuppliers; ++i) {
        if (auto r = check(ledger.addSupplier({"S" + std::to_string(i), "Supplier " + std::to_string(i)}));
            !r)
            return r;
    }
    for (int i = 0; i < kCustomers; ++i) {
        if (auto r = check(ledger.addCustomer({"C" + std::to_string(i), "Customer " + std::to_string(i)}));
            !r)
            return r;
    }
    for (int level = 0; level < kLevels; ++level) {
        for (int i = 0; i < kItemsPerLevel; ++i) {
            const auto kind = level == 0
                                  ? ItemKind::Raw
                                  : (level == kLevels - 1 ? ItemKind::Finished : ItemKind::Intermediate);
            if (auto r = check(ledger.addItem({.sku = sku(level, i),
                                               .name = "Item " + sku(level, i),
                                               .kind = kind,
                                               .uom = Uom::Gram,
                                               .shelfLifeDays = 730,
                                               .defaultLocation = level == 0 ? "DOCK" : "WS"}));
                !r)
                return r;
        }
    }
    for (int level = 1; level < kLevels; ++level) {
        for (int i = 0; i < kItemsPerLevel; ++i) {
            Recipe recipe{sku(level, i), 1'000'000, {}};
            for (int c = 0; c < kItemsPerLevel; ++c)
                recipe.components.push_back({sku(level - 1, c), 1'000'000});
            if (auto r = check(ledger.setRecipe(recipe)); !r) return r;
        }
    }
    return {};
}

} // namespace

Result<BuiltLedger> buildLedger(Ledger& ledger, std::int64_t targetMovements, bool progress) {
    Stopwatch clock;
    BuiltLedger out;
    if (auto r = masterData(ledger); !r) return std::unexpected(r.error());
    for (int i = 0; i < kItemsPerLevel; ++i)
        out.fefoItems.push_back(sku(1, i));

    // Lots per level: n(k+1) = 2 n(k) / 3, the levels adding up to M / 10.
    const auto lots = std::max<std::int64_t>(targetMovements / 10, 400);
    double weight = 0;
    for (int k = 0; k < kLevels; ++k)
        weight += std::pow(2.0 / 3.0, k);
    std::vector<std::int64_t> count{static_cast<std::int64_t>(static_cast<double>(lots) / weight)};
    for (int k = 1; k < kLevels; ++k)
        count.push_back(count.back() * 2 / 3);
    out.levels.resize(kLevels);
    std::vector<std::vector<std::int64_t>> quantity(kLevels); // produced / received, per lot
    Rng rng(20261124);
    Writer writer(ledger, progress);

    using Recorded = Result<std::int64_t>;
    auto recorded = [](const auto& result, std::int64_t movements) -> Recorded {
        if (!result) return std::unexpected(result.error());
        return movements;
    };

    out.levels[0].resize(static_cast<std::size_t>(count[0]));
    quantity[0].assign(static_cast<std::size_t>(count[0]), kReceived);
    auto receivedExpiry = [](std::int64_t i) {
        return Date{std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} +
                    std::chrono::days{365 + (i * 7) % 900}};
    };
    auto received = writer.run(count[0], [&](std::int64_t i) -> Recorded {
        const auto code = "A0-" + std::to_string(i);
        out.levels[0][static_cast<std::size_t>(i)] = code;
        const auto expiry = receivedExpiry(i);
        return recorded(ledger.receive({.sku = sku(0, static_cast<int>(i % kItemsPerLevel)),
                                        .supplier = "S" + std::to_string(i % kSuppliers),
                                        .supplierLot = "SL-" + std::to_string(i),
                                        .quantity = kReceived,
                                        .expiry = expiry,
                                        .unitCost = 1'000 + (i * 37) % 5'000,
                                        .location = "DOCK",
                                        .lotCode = code,
                                        .user = "bench"}),
                        1);
    });
    if (!received) return std::unexpected(received.error());

    for (int level = 1; level < kLevels; ++level) {
        const auto k = static_cast<std::size_t>(level);
        const auto& below = out.levels[k - 1];
        const auto& belowQuantity = quantity[k - 1];
        // Every lot below twice: three consecutive slots feed one run.
        const auto slots =
            level == 1 ? fefoSlots(below.size(), receivedExpiry, rng) : shuffledSlots(below.size(), rng);
        const std::int64_t share = level == 1 ? 2 : 4; // received lots are used up (FEFO), made ones not
        const std::string from = level == 1 ? "DOCK" : "WS";
        const std::string to = level == kLevels - 1 ? "FG" : "WS";
        out.levels[k].resize(static_cast<std::size_t>(count[k]));
        quantity[k].resize(static_cast<std::size_t>(count[k]));
        auto made = writer.run(count[k], [&](std::int64_t r) -> Recorded {
            const auto run = "R" + std::to_string(level) + "-" + std::to_string(r);
            const auto code = "A" + std::to_string(level) + "-" + std::to_string(r);
            auto started = ledger.startRun({.sku = sku(level, static_cast<int>(r % kItemsPerLevel)),
                                            .planned = 1'000'000,
                                            .workstation = "WS",
                                            .runCode = run,
                                            .user = "bench"});
            if (!started) return std::unexpected(started.error());
            std::int64_t output = 0;
            for (std::size_t s = 0; s < 3; ++s) {
                const auto input = slots[static_cast<std::size_t>(r) * 3 + s];
                const auto take = belowQuantity[input] / share;
                auto consumed = ledger.consume(
                    {.run = run, .lot = below[input], .quantity = take, .location = from, .user = "bench"});
                if (!consumed) return std::unexpected(consumed.error());
                output += take;
            }
            auto finished = ledger.finishRun({.run = run,
                                              .output = output,
                                              .expiry = kMadeExpiry,
                                              .location = to,
                                              .lotCode = code,
                                              .user = "bench"});
            out.levels[k][static_cast<std::size_t>(r)] = code;
            quantity[k][static_cast<std::size_t>(r)] = output;
            return recorded(finished, 4);
        });
        if (!made) return std::unexpected(made.error());
    }

    // Finished lots go out in five parts; every 500th shipment is reversed (a cancelled order).
    const auto& finishedLots = out.levels.back();
    auto shipped =
        writer.run(static_cast<std::int64_t>(finishedLots.size()), [&](std::int64_t i) -> Recorded {
            std::int64_t movements = 0;
            for (std::int64_t part = 0; part < 5; ++part) {
                const auto number = i * 5 + part;
                auto m = ledger.ship({.lot = finishedLots[static_cast<std::size_t>(i)],
                                      .quantity = quantity.back()[static_cast<std::size_t>(i)] / 10,
                                      .customer = "C" + std::to_string(pick(rng, kCustomers)),
                                      .reference = "SO-" + std::to_string(number),
                                      .location = "FG",
                                      .user = "bench"});
                if (!m) return std::unexpected(m.error());
                ++movements;
                if (number % 500 == 499) {
                    auto reversed =
                        ledger.reverse({.movementId = m->id, .reason = "order cancelled", .user = "bench"});
                    if (!reversed) return std::unexpected(reversed.error());
                    ++movements;
                }
            }
            return movements;
        });
    if (!shipped) return std::unexpected(shipped.error());

    // Moves fill up to the target: 1 g between a lot's home and the store, back and forth, random made lots
    // (the received ones are used up).
    std::vector<const std::string*> all;
    std::vector<std::string> homes;
    for (int level = 1; level < kLevels; ++level) {
        for (const auto& code : out.levels[static_cast<std::size_t>(level)]) {
            all.push_back(&code);
            homes.push_back(level == kLevels - 1 ? "FG" : "WS");
        }
    }
    std::vector<std::int64_t> inStore(all.size(), 0);
    auto moved = writer.run(std::max<std::int64_t>(0, targetMovements - writer.movements()),
                            [&](std::int64_t) -> Recorded {
                                const auto i = pick(rng, all.size());
                                const bool back = inStore[i] > 0 && rng() % 2 == 0;
                                auto m = ledger.move({.lot = *all[i],
                                                      .quantity = 1'000,
                                                      .to = back ? homes[i] : std::string("STORE"),
                                                      .from = back ? std::string("STORE") : homes[i],
                                                      .user = "bench"});
                                if (m) inStore[i] += back ? -1'000 : 1'000;
                                return recorded(m, 1);
                            });
    if (!moved) return std::unexpected(moved.error());
    out.movements = writer.movements();
    out.seconds = clock.seconds();
    return out;
}

} // namespace lotstation::bench
