#include "lotstation/storage/lot_code_pattern.hpp"

#include "../cost/cost_access.hpp"
#include "codes.hpp"
#include "lot_code_expansion.hpp"

#include <cctype>

namespace lotstation::storage {

Result<void> checkLotCodePattern(std::string_view pattern) {
    auto pieces = splitLotCodePattern(pattern);
    if (!pieces) return std::unexpected(pieces.error());
    if (pattern.size() > 60) return fail(ErrorKind::Invalid, "a lot-code pattern of at most 60 characters, please");
    if (pattern.find("{ST}") == std::string_view::npos)
        return fail(ErrorKind::Invalid, "the lot-code pattern needs {ST}, the station's short code: without it two "
                                        "stations working offline would give two lots the same code");
    return {};
}

std::string lotCodePattern(const Ledger& ledger) {
    return currentLotCodePattern(LedgerAccess::core(ledger));
}

Result<std::string> setLotCodePattern(Ledger& ledger, std::string_view pattern, std::string_view user) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<std::string> {
        auto who = requireCostManager(core, user, "setting the lot-code pattern");
        if (!who) return std::unexpected(who.error());
        std::string wanted(pattern);
        while (!wanted.empty() && std::isspace(static_cast<unsigned char>(wanted.back())))
            wanted.pop_back();
        while (!wanted.empty() && std::isspace(static_cast<unsigned char>(wanted.front())))
            wanted.erase(wanted.begin());
        if (auto ok = checkLotCodePattern(wanted); !ok) return std::unexpected(ok.error());
        if (wanted == lotCodePattern(ledger)) return wanted;
        core.db.cached("INSERT INTO lot_code_patterns (pattern, set_at, set_by) VALUES (?1, ?2, ?3)")
            .bindAll(wanted, formatTimestamp(core.clock()), who->name)
            .run();
        return wanted;
    });
}

std::string exampleLotCode(std::string_view pattern, std::string_view sku, Date day, std::string_view shortCode) {
    auto pieces = splitLotCodePattern(pattern);
    if (!pieces) return {};
    const LotCodeValues values{.sku = sku, .day = day, .shortCode = shortCode};
    return expandLotCodePiece(pieces->before, values) + "01" + expandLotCodePiece(pieces->after, values);
}

} // namespace lotstation::storage
