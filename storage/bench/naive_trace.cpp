#include "naive_trace.hpp"

#include <deque>
#include <set>
#include <sqlite3.h>
#include <stdexcept>
#include <vector>

namespace lotstation::bench {
namespace {

class Query {
  public:
    Query(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
    }
    ~Query() { sqlite3_finalize(m_statement); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& start(std::int64_t value) {
        sqlite3_reset(m_statement);
        sqlite3_bind_int64(m_statement, 1, value);
        return *this;
    }
    Query& start(const std::string& value) {
        sqlite3_reset(m_statement);
        sqlite3_bind_text(m_statement, 1, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool step() { return sqlite3_step(m_statement) == SQLITE_ROW; }
    std::int64_t integer(int column) { return sqlite3_column_int64(m_statement, column); }
    std::string text(int column) {
        const auto* value = sqlite3_column_text(m_statement, column);
        return value ? reinterpret_cast<const char*>(value) : "";
    }
    bool null(int column) { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }

  private:
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace

struct NaiveTracer::State {
    sqlite3* db = nullptr;
    std::size_t bytesRead = 0; // the details are read, as a real caller would, not skipped
    std::unique_ptr<Query> lotByCode, lotById, inputsOfRun, runsConsuming, outputsOfRun, shipmentsOfLot;

    explicit State(const std::filesystem::path& path) {
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
        lotByCode = std::make_unique<Query>(db, "SELECT id FROM lots WHERE code = ?1");
        lotById = std::make_unique<Query>(
            db,
            "SELECT l.code, i.sku, i.name, l.status, l.run_code, s.code FROM lots l JOIN items i ON i.id = "
            "l.item_id LEFT JOIN suppliers s ON s.id = l.supplier_id WHERE l.id = ?1");
        inputsOfRun = std::make_unique<Query>(
            db, "SELECT c.lot_id, c.quantity FROM movements c WHERE c.run_code = ?1 AND c.kind = 'consume' "
                "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id)");
        runsConsuming = std::make_unique<Query>(
            db, "SELECT c.run_code, c.quantity FROM movements c WHERE c.lot_id = ?1 AND c.kind = 'consume' "
                "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id)");
        outputsOfRun = std::make_unique<Query>(db, "SELECT id FROM lots WHERE run_code = ?1");
        shipmentsOfLot = std::make_unique<Query>(
            db,
            "SELECT c.party, c.quantity, c.reference, c.at FROM movements c WHERE c.lot_id = ?1 AND c.kind = "
            "'ship' AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id)");
    }
    ~State() {
        lotByCode.reset();
        lotById.reset();
        inputsOfRun.reset();
        runsConsuming.reset();
        outputsOfRun.reset();
        shipmentsOfLot.reset();
        sqlite3_close(db);
    }

    std::int64_t idOf(const std::string& code) {
        auto& q = lotByCode->start(code);
        return q.step() ? q.integer(0) : 0;
    }

    // The lot's details (as the CTE trace reads them); returns its run code.
    std::string details(std::int64_t id) {
        auto& q = lotById->start(id);
        if (!q.step()) return {};
        bytesRead +=
            q.text(0).size() + q.text(1).size() + q.text(2).size() + q.text(3).size() + q.text(5).size();
        return q.text(4);
    }
};

NaiveTracer::NaiveTracer(const std::filesystem::path& database)
    : m_state(std::make_unique<State>(database)) {}
NaiveTracer::~NaiveTracer() = default;

std::size_t NaiveTracer::backward(const std::string& lot) {
    auto& s = *m_state;
    std::set<std::int64_t> seen{s.idOf(lot)};
    std::deque<std::int64_t> queue{*seen.begin()};
    while (!queue.empty()) {
        const auto id = queue.front();
        queue.pop_front();
        const auto run = s.details(id);
        if (run.empty()) continue;
        std::vector<std::int64_t> inputs;
        auto& q = s.inputsOfRun->start(run);
        while (q.step())
            inputs.push_back(q.integer(0));
        for (const auto input : inputs) {
            if (seen.insert(input).second) queue.push_back(input);
        }
    }
    return seen.size();
}

std::size_t NaiveTracer::forward(const std::string& lot, std::size_t& shipments) {
    auto& s = *m_state;
    shipments = 0;
    std::set<std::int64_t> seen{s.idOf(lot)};
    std::deque<std::int64_t> queue{*seen.begin()};
    while (!queue.empty()) {
        const auto id = queue.front();
        queue.pop_front();
        (void)s.details(id);
        std::vector<std::string> runs;
        auto& consumed = s.runsConsuming->start(id);
        while (consumed.step())
            runs.push_back(consumed.text(0));
        for (const auto& run : runs) {
            auto& outputs = s.outputsOfRun->start(run);
            while (outputs.step()) {
                if (seen.insert(outputs.integer(0)).second) queue.push_back(outputs.integer(0));
            }
        }
        auto& shipped = s.shipmentsOfLot->start(id);
        while (shipped.step())
            ++shipments;
    }
    return seen.size();
}

} // namespace lotstation::bench
