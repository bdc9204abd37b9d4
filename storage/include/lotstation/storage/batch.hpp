#pragma once
// Groups ledger operations into one all-or-nothing transaction (SQLiteCpp's Transaction, over a Ledger):
// one commit — one fsync — for many movements, and nothing left behind when anything fails. Each operation
// inside still validates and rolls back on its own (a savepoint), so a refused one does not spoil the batch
// unless the caller gives up on it. Rolls back in its destructor unless commit() was called.
#include "lotstation/storage/ledger.hpp"

#include <memory>

namespace lotstation::storage {

class LedgerBatch {
  public:
    [[nodiscard]] static Result<LedgerBatch> begin(Ledger& ledger);

    LedgerBatch(LedgerBatch&&) noexcept;
    LedgerBatch& operator=(LedgerBatch&&) noexcept;
    ~LedgerBatch();

    [[nodiscard]] Result<void> commit();

  private:
    struct State;
    explicit LedgerBatch(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace lotstation::storage
