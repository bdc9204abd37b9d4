// Procedure versions (the master batch record): stored as their normalised JSON, read back through the same
// parser, a new version on every change; runs keep the version they started on (their start entry names it).
#include "batch_rules.hpp"

#include "../crypto.hpp"
#include "../rows.hpp"

namespace lotstation::storage {
namespace {

std::optional<Procedure> readRow(LedgerCore& core, sql::CachedStatement& s) {
    if (!s.step()) return std::nullopt;
    const auto item = findItemById(core, s.int64(0));
    if (!item) return std::nullopt;
    auto parsed = readProcedureFile(core, item->item.sku, s.text(5), nullptr);
    if (!parsed) return std::nullopt;
    parsed->version = static_cast<int>(s.int64(1));
    parsed->recordId = s.text(2);
    parsed->createdAt = parseTimestamp(s.text(3)).value_or(Timestamp{});
    parsed->createdBy = s.text(4);
    return std::move(*parsed);
}

constexpr std::string_view kSelect = "SELECT item_id, version, record_id, created_at, created_by, body FROM procedures ";

} // namespace

std::optional<Procedure> findProcedure(LedgerCore& core, std::string_view recordId) {
    auto s = core.db.cached(std::string(kSelect) + "WHERE record_id = ?1");
    s.bindAll(recordId);
    return readRow(core, s);
}

std::optional<Procedure> findProcedureOf(LedgerCore& core, std::int64_t itemId, int version) {
    auto s = core.db.cached(std::string(kSelect) +
                            "WHERE item_id = ?1 AND (?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1");
    s.bindAll(itemId, static_cast<std::int64_t>(version));
    return readRow(core, s);
}

void insertProcedure(LedgerCore& core, std::int64_t itemId, const Procedure& procedure) {
    // Two stations that changed one procedure offline both made version N: the later arrival becomes the next.
    auto taken = core.db.cached("SELECT coalesce(max(version), 0) FROM procedures WHERE item_id = ?1");
    taken.bindAll(itemId);
    taken.step();
    const auto highest = taken.int64(0);
    const std::int64_t version = procedure.version > highest ? procedure.version : highest + 1;
    core.db
        .cached("INSERT INTO procedures (record_id, item_id, version, created_at, created_by, body) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6)")
        .bindAll(procedure.recordId, itemId, version, formatTimestamp(procedure.createdAt), procedure.createdBy,
                 procedure.source)
        .run();
}

Result<Procedure> parseProcedure(const Ledger& ledger, std::string_view sku, std::string_view json) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Procedure> {
        auto recipe = ledger.recipe(sku);
        if (!recipe) {
            if (recipe.error().kind != ErrorKind::NotFound || !findItem(core, sku)) return std::unexpected(recipe.error());
            return fail(ErrorKind::Refused, std::string(sku) + " has no recipe: set one before its procedure");
        }
        return readProcedureFile(core, sku, json, &*recipe);
    });
}

Result<Procedure> setProcedure(Ledger& ledger, std::string_view sku, std::string_view json, std::string_view user) {
    auto& core = LedgerAccess::core(ledger);
    auto parsed = parseProcedure(ledger, sku, json);
    if (!parsed) return parsed;
    return inWriteTransaction(core, [&]() -> Result<Procedure> {
        auto who = requireUser(core, user);
        if (!who) return std::unexpected(who.error());
        const auto item = findItem(core, parsed->sku);
        Procedure stored = *parsed;
        stored.createdAt = core.clock();
        stored.createdBy = who->name;
        stored.recordId = core.identity.stationId + ":" + newUuidV7(stored.createdAt);
        stored.version = 0;
        insertProcedure(core, item->id, stored);
        return *findProcedure(core, stored.recordId);
    });
}

Result<Procedure> procedureOf(const Ledger& ledger, std::string_view sku, std::optional<int> version) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Procedure> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        if (auto found = findProcedureOf(core, item->id, version.value_or(0))) return *found;
        if (version)
            return fail(ErrorKind::NotFound, item->item.sku + " has no procedure version " + std::to_string(*version));
        return fail(ErrorKind::NotFound, item->item.sku + " has no procedure (master batch record)");
    });
}

} // namespace lotstation::storage
