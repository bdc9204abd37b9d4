// Changing master records in place. The revision is stamped by the database (master_revisions.hpp).
#include "crypto.hpp"
#include "lotstation/formats/gtin.hpp"
#include "master_fields.hpp"
#include "rows.hpp"
#include "validation.hpp"

namespace lotstation::storage {

NewItem asNewItem(const Item& item) {
    return NewItem{item.sku,         item.name,       item.kind,          item.uom,
                   item.gtin,        item.lotTracked, item.shelfLifeDays, item.defaultLocation,
                   item.reorderPoint};
}

Result<ItemColumns> itemColumns(LedgerCore& core, const NewItem& item) {
    auto sku = validCode(item.sku, "SKU");
    if (!sku) return std::unexpected(sku.error());
    ItemColumns out;
    out.sku = *sku;
    out.name = item.name.empty() ? *sku : item.name;
    out.kind = toString(item.kind);
    out.uom = toString(item.uom);
    out.lotTracked = item.lotTracked ? 1 : 0;
    if (item.gtin && !item.gtin->empty()) {
        auto normal = formats::normaliseGtin(*item.gtin);
        if (!normal) return std::unexpected(normal.error());
        if (auto other = findItemGtin(core, *normal); other && !sameCode(*other, *sku))
            return fail(ErrorKind::Conflict, "GTIN " + *normal + " already belongs to " + *other);
        out.gtin = *normal;
    }
    if (item.shelfLifeDays && *item.shelfLifeDays < 0)
        return fail(ErrorKind::Invalid, "shelf life cannot be negative");
    if (item.shelfLifeDays) out.shelfLifeDays = *item.shelfLifeDays;
    if (item.reorderPoint && *item.reorderPoint < 0)
        return fail(ErrorKind::Invalid, "reorder point cannot be negative");
    out.reorderPoint = item.reorderPoint;
    if (item.defaultLocation) {
        auto location = requireLocation(core, *item.defaultLocation);
        if (!location) return std::unexpected(location.error());
        out.defaultLocationId = location->id;
    }
    if (auto existing = findItem(core, *sku); existing && existing->item.uom != item.uom) {
        auto lots = core.db.cached("SELECT 1 FROM lots WHERE item_id = ?1 LIMIT 1");
        lots.bindAll(existing->id);
        if (lots.step())
            return fail(ErrorKind::Conflict, "the unit of " + *sku + " cannot change from " +
                                                 toString(existing->item.uom) + " to " + toString(item.uom) +
                                                 ": lots of it exist, counted in " +
                                                 toString(existing->item.uom));
    }
    return out;
}

Result<std::optional<std::string>> freeBadge(LedgerCore& core, const std::optional<std::string>& badge,
                                             std::string_view name) {
    if (!badge || badge->empty()) return std::optional<std::string>();
    auto valid = validCode(*badge, "badge code");
    if (!valid) return std::unexpected(valid.error());
    auto other = core.db.cached("SELECT name FROM users WHERE badge = ?1");
    other.bindAll(*valid);
    if (other.step() && !sameCode(other.text(0), name))
        return fail(ErrorKind::Conflict, "badge " + *valid + " already belongs to " + other.text(0));
    return std::optional<std::string>(*valid);
}

Result<Item> updateItem(Ledger& ledger, const NewItem& item) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<Item> {
        auto existing = requireItem(core, item.sku);
        if (!existing) return std::unexpected(existing.error());
        auto c = itemColumns(core, item);
        if (!c) return std::unexpected(c.error());
        core.db
            .cached("UPDATE items SET name = ?2, kind = ?3, uom = ?4, gtin = ?5, lot_tracked = ?6, "
                    "shelf_life_days = ?7, default_location_id = ?8, reorder_point = ?9 WHERE id = ?1")
            .bindAll(existing->id, c->name, c->kind, c->uom, c->gtin, c->lotTracked, c->shelfLifeDays,
                     c->defaultLocationId, c->reorderPoint)
            .run();
        return findItem(core, c->sku)->item;
    });
}

Result<Location> updateLocation(Ledger& ledger, const Location& location) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<Location> {
        auto existing = requireLocation(core, location.code);
        if (!existing) return std::unexpected(existing.error());
        Location stored{existing->location.code,
                        location.name.empty() ? existing->location.code : location.name, location.kind};
        core.db.cached("UPDATE locations SET name = ?2, kind = ?3 WHERE id = ?1")
            .bindAll(existing->id, stored.name, toString(stored.kind))
            .run();
        return stored;
    });
}

namespace {

Result<Party> updateParty(LedgerCore& core, bool supplier, const Party& party) {
    auto existing = supplier ? findSupplier(core, party.code) : findCustomer(core, party.code);
    const std::string what = supplier ? "supplier" : "customer";
    if (!existing) return fail(ErrorKind::NotFound, "no " + what + " " + party.code);
    Party stored{existing->party.code, party.name.empty() ? existing->party.code : party.name};
    core.db
        .cached(supplier ? "UPDATE suppliers SET name = ?2 WHERE id = ?1"
                         : "UPDATE customers SET name = ?2 WHERE id = ?1")
        .bindAll(existing->id, stored.name)
        .run();
    return stored;
}

} // namespace

Result<Party> updateSupplier(Ledger& ledger, const Party& supplier) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&] { return updateParty(core, true, supplier); });
}

Result<Party> updateCustomer(Ledger& ledger, const Party& customer) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&] { return updateParty(core, false, customer); });
}

Result<User> updateUser(Ledger& ledger, const NewUser& user) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<User> {
        auto existing = requireUser(core, user.name);
        if (!existing) return std::unexpected(existing.error());
        auto badge = freeBadge(core, user.badge, existing->name);
        if (!badge) return std::unexpected(badge.error());
        std::optional<std::string> pinHash;
        if (user.pin) {
            if (user.pin->size() < 4) return fail(ErrorKind::Invalid, "a PIN has at least 4 characters");
            pinHash = hashPin(*user.pin);
            if (!pinHash) return fail(ErrorKind::Io, "not enough memory to hash the PIN");
        }
        core.db
            .cached(
                "UPDATE users SET role = ?2, badge = ?3, pin_hash = coalesce(?4, pin_hash) WHERE name = ?1")
            .bindAll(existing->name, toString(user.role), *badge, pinHash)
            .run();
        return *findUser(core, existing->name);
    });
}

} // namespace lotstation::storage
