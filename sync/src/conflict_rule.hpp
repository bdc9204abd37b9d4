#pragma once
// When a conflict opens and when it closes by itself — one rule for every store. A push's movements are
// recorded as debits (which movements took from a lot at a location); every lot + location they touched is
// judged on its balance after them: below zero opens (or updates) the open conflict there; zero or more
// closes it, naming the movement that settled it (the dip was arrival order, not a double use).
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
};

[[nodiscard]] Result<void> recordEffects(ConflictBook& book, const std::vector<storage::Movement>& applied);

[[nodiscard]] std::string nowText();

} // namespace lotstation::sync
