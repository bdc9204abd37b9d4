// The conflict rule (conflict_rule.hpp), written once for every store.
#include "conflict_rule.hpp"

#include "lotstation/storage/time.hpp"

#include <map>

namespace lotstation::sync {

std::string nowText() {
    return storage::formatTimestamp(storage::systemClock()());
}

Result<void> recordEffects(ConflictBook& book, const std::vector<storage::Movement>& applied) {
    // Every lot + location the batch touched, with the movement that last added to it (or last touched it).
    std::map<std::pair<std::string, std::string>, const storage::Movement*> touched;
    for (const auto& m : applied) {
        if (m.from) {
            if (auto added = book.addDebit(m); !added) return added;
            touched.try_emplace({m.lot, *m.from}, &m);
        }
        if (m.to) touched[{m.lot, *m.to}] = &m;
    }
    const auto now = nowText();
    for (const auto& [place, last] : touched) {
        const auto& [lot, location] = place;
        const auto balance = book.balance(lot, location);
        if (!balance) return std::unexpected(balance.error());
        if (*balance < 0) {
            if (auto flagged = book.flag(lot, location, *balance, now); !flagged) return flagged;
            continue;
        }
        // The settled ledger says there was enough after all: the dip was arrival order, not a double use.
        if (!book.mayBeOpen(lot, location)) continue;
        const auto note = "closed by itself: the balance came back to " + book.inUnit(lot, *balance) +
                          " when movement " + last->id + " (station " + last->stationId + " #" +
                          std::to_string(last->seq) + ") arrived";
        if (auto settled = book.settle(lot, location, *balance, *last, note, now); !settled) return settled;
    }
    return {};
}

} // namespace lotstation::sync
