#include "lotstation/storage/batch.hpp"

#include "ledger_core.hpp"

namespace lotstation::storage {

struct LedgerBatch::State {
    explicit State(sql::Database& db) : transaction(db) {}
    sql::Transaction transaction;
};

LedgerBatch::LedgerBatch(std::unique_ptr<State> state) : m_state(std::move(state)) {}
LedgerBatch::LedgerBatch(LedgerBatch&&) noexcept = default;
LedgerBatch& LedgerBatch::operator=(LedgerBatch&&) noexcept = default;
LedgerBatch::~LedgerBatch() = default;

Result<LedgerBatch> LedgerBatch::begin(Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<LedgerBatch> {
        if (core.db.inTransaction())
            return fail(ErrorKind::Conflict, "a batch is already open on this ledger");
        return LedgerBatch(std::make_unique<State>(core.db));
    });
}

Result<void> LedgerBatch::commit() {
    if (!m_state) return fail(ErrorKind::Invalid, "the batch was already committed");
    return guarded([&]() -> Result<void> {
        m_state->transaction.commit();
        m_state.reset();
        return {};
    });
}

} // namespace lotstation::storage
