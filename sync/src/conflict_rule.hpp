#pragma once
// When a conflict opens and when it closes by itself — one rule for every store. A push's movements are
// recorded as debits (which movements took from a lot at a location); every lot + location they touched is
// judged on its balance after them: below zero opens (or updates) the open conflict there; zero or more
// closes it, naming the movement that settled it (the dip was arrival order, not a double use). Then the QC
// decisions among them: a release and a rejection of one lot made offline at two stations open a conflict.
#include "lotstation/storage/model.hpp"

#include <string>
#include <vector>

namespace lotstation::sync {

// The store's side, inside the push's transaction.
class ConflictBook {
  public:
    virtual ~ConflictBook() = default;
    [[nodiscard]] virtual Result<void> addDebit(const storage::Movement& m) = 0;
    [[nodiscard]] virtual Result<std::int64_t> balance(const std::string& lot, const std::string& location) = 0;
    // Opens a conflict at lot + location, or updates the balance of the open one.
    [[nodiscard]] virtual Result<void> flag(const std::string& lot, const std::string& location,
                                            std::int64_t balance, const std::string& now) = 0;
    // Closes the open conflict at lot + location, if any, as settled by `by`.
    [[nodiscard]] virtual Result<void> settle(const std::string& lot, const std::string& location,
                                              std::int64_t balance, const storage::Movement& by,
                                              const std::string& note, const std::string& now) = 0;
    // False when lot + location surely has no open conflict (nothing to settle there).
    [[nodiscard]] virtual bool mayBeOpen(const std::string& /*lot*/, const std::string& /*location*/) {
        return true;
    }
    // A quantity of `lot` in its item's unit ("-4 kg").
    [[nodiscard]] virtual std::string inUnit(const std::string& lot, std::int64_t quantity) = 0;

    // For the QC decision rule (disposition_conflicts.cpp): the lot's hold and release movements in the
    // store's order. A store that cannot answer yet returns none (no release-vs-rejection conflicts there).
    [[nodiscard]] virtual Result<std::vector<storage::Movement>> statusHistory(const std::string& lot) {
        (void)lot;
        return std::vector<storage::Movement>{};
    }
    // Opens a conflict that is not a balance at `place` (kDispositionClashPlace), naming `movements`, unless
    // one is open there.
    [[nodiscard]] virtual Result<void> flagDecisions(const std::string& lot, const std::string& place,
                                                     const std::vector<storage::Movement>& movements,
                                                     const std::string& note, const std::string& now) {
        (void)lot, (void)place, (void)movements, (void)note, (void)now;
        return {};
    }
};

// Where a QC release and a QC rejection of one lot by two stations that did not know of each other are
// listed (storage/quality.hpp dispositionClash): both movements stay; every ledger keeps the lot rejected.
inline constexpr const char* kDispositionClashPlace = "QC release vs rejection";
[[nodiscard]] Result<void> flagDispositionClashes(ConflictBook& book, const std::vector<storage::Movement>& applied);

[[nodiscard]] Result<void> recordEffects(ConflictBook& book, const std::vector<storage::Movement>& applied);

[[nodiscard]] std::string nowText();

} // namespace lotstation::sync
