#include "master_audit.hpp"

namespace lotstation::storage {

std::string toString(MasterKind kind) {
    switch (kind) {
    case MasterKind::Item:
        return "item";
    case MasterKind::Supplier:
        return "supplier";
    case MasterKind::Customer:
        return "customer";
    case MasterKind::Location:
        return "location";
    case MasterKind::User:
        return "user";
    case MasterKind::Recipe:
        return "recipe";
    }
    return "item";
}

namespace {
MasterKind kindNamed(const std::string& text) {
    for (const auto kind : {MasterKind::Item, MasterKind::Supplier, MasterKind::Customer, MasterKind::Location,
                            MasterKind::User, MasterKind::Recipe})
        if (toString(kind) == text) return kind;
    return MasterKind::Item;
}
} // namespace

void ChangeDetails::compare(std::string_view field, const std::string& before, const std::string& after) {
    if (before == after) return;
    note(std::string(field) + ": " + (before.empty() ? "—" : before) + " → " + (after.empty() ? "—" : after));
}

void ChangeDetails::note(std::string text) {
    if (!m_text.empty()) m_text += "; ";
    m_text += text;
}

std::int64_t currentRevision(LedgerCore& core, MasterKind kind, std::string_view record) {
    const char* sql = nullptr;
    switch (kind) {
    case MasterKind::Item:
        sql = "SELECT revision FROM items WHERE sku = ?1";
        break;
    case MasterKind::Supplier:
        sql = "SELECT revision FROM suppliers WHERE code = ?1";
        break;
    case MasterKind::Customer:
        sql = "SELECT revision FROM customers WHERE code = ?1";
        break;
    case MasterKind::Location:
        sql = "SELECT revision FROM locations WHERE code = ?1";
        break;
    case MasterKind::User:
        sql = "SELECT revision FROM users WHERE name = ?1";
        break;
    case MasterKind::Recipe:
        sql = "SELECT r.revision FROM recipes r JOIN items i ON i.id = r.item_id WHERE i.sku = ?1";
        break;
    }
    auto s = core.db.cached(sql);
    s.bindAll(record);
    return s.step() ? s.int64(0) : 0;
}

void recordChange(LedgerCore& core, std::string_view user, MasterKind kind, std::string_view record,
                  std::string_view change, const std::string& details) {
    core.db
        .cached("INSERT INTO master_changes (at, user, kind, record, change, details, revision) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bindAll(formatTimestamp(core.clock()), user, toString(kind), record, change, details,
                 currentRevision(core, kind, record))
        .run();
}

Result<std::vector<MasterChange>> masterChanges(const Ledger& ledger, std::optional<MasterKind> kind,
                                                std::optional<std::string> record) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<MasterChange>> {
        auto s = core.db.cached("SELECT id, at, user, kind, record, change, details, revision FROM master_changes "
                                "WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR record = ?2 COLLATE NOCASE) "
                                "ORDER BY id DESC");
        s.bindAll(kind ? std::optional<std::string>(toString(*kind)) : std::nullopt, record);
        std::vector<MasterChange> out;
        while (s.step()) {
            MasterChange change;
            change.id = s.int64(0);
            change.at = parseTimestamp(s.text(1)).value_or(Timestamp{});
            change.user = s.text(2);
            change.kind = kindNamed(s.text(3));
            change.record = s.text(4);
            change.change = s.text(5);
            change.details = s.text(6);
            change.revision = s.int64(7);
            out.push_back(std::move(change));
        }
        return out;
    });
}

} // namespace lotstation::storage
