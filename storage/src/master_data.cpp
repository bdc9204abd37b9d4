// Items, suppliers, customers and locations: add and read.
#include "lotstation/formats/gtin.hpp"
#include "ledger_core.hpp"
#include "rows.hpp"
#include "validation.hpp"

namespace lotstation::storage {
namespace {

Result<Party> addParty(LedgerCore& core, std::string_view table, std::string_view what, const Party& party) {
    auto code = validCode(party.code, std::string(what) + " code");
    if (!code) return std::unexpected(code.error());
    auto existing = std::string(table) == "suppliers" ? findSupplier(core, *code) : findCustomer(core, *code);
    if (existing) return fail(ErrorKind::Conflict, std::string(what) + " " + *code + " already exists");
    Party stored{*code, party.name.empty() ? *code : party.name};
    core.db.cached("INSERT INTO " + std::string(table) + " (code, name) VALUES (?1, ?2)")
        .bindAll(stored.code, stored.name)
        .run();
    return stored;
}

std::vector<Party> listParties(LedgerCore& core, std::string_view table) {
    auto s = core.db.cached("SELECT code, name FROM " + std::string(table) + " ORDER BY code");
    std::vector<Party> out;
    while (s.step())
        out.push_back(Party{s.text(0), s.text(1)});
    return out;
}

} // namespace

Result<Item> Ledger::addItem(const NewItem& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Item> {
        auto sku = validCode(request.sku, "SKU");
        if (!sku) return std::unexpected(sku.error());
        if (findItem(core, *sku)) return fail(ErrorKind::Conflict, "item " + *sku + " already exists");
        std::optional<std::string> gtin;
        if (request.gtin && !request.gtin->empty()) {
            auto normal = formats::normaliseGtin(*request.gtin);
            if (!normal) return std::unexpected(normal.error());
            if (auto other = findItemGtin(core, *normal))
                return fail(ErrorKind::Conflict, "GTIN " + *normal + " already belongs to " + *other);
            gtin = *normal;
        }
        if (request.shelfLifeDays && *request.shelfLifeDays < 0)
            return fail(ErrorKind::Invalid, "shelf life cannot be negative");
        if (request.reorderPoint && *request.reorderPoint < 0)
            return fail(ErrorKind::Invalid, "reorder point cannot be negative");
        std::optional<std::int64_t> locationId;
        if (request.defaultLocation) {
            auto location = requireLocation(core, *request.defaultLocation);
            if (!location) return std::unexpected(location.error());
            locationId = location->id;
        }
        std::optional<std::int64_t> shelfLife;
        if (request.shelfLifeDays) shelfLife = *request.shelfLifeDays;
        core.db
            .cached("INSERT INTO items (sku, name, kind, uom, gtin, lot_tracked, shelf_life_days, "
                    "default_location_id, reorder_point) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bindAll(*sku, request.name.empty() ? *sku : request.name, toString(request.kind),
                     toString(request.uom), gtin, std::int64_t{request.lotTracked ? 1 : 0}, shelfLife,
                     locationId, request.reorderPoint)
            .run();
        return findItem(core, *sku)->item;
    });
}

Result<Item> Ledger::item(std::string_view sku) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<Item> {
        auto row = requireItem(core, sku);
        if (!row) return std::unexpected(row.error());
        return row->item;
    });
}

Result<Item> Ledger::itemByGtin(std::string_view gtin) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<Item> {
        auto normal = formats::normaliseGtin(gtin);
        if (!normal) return std::unexpected(normal.error());
        auto sku = findItemGtin(core, *normal);
        if (!sku) return fail(ErrorKind::NotFound, "no item has GTIN " + *normal);
        return findItem(core, *sku)->item;
    });
}

Result<std::vector<Item>> Ledger::items() const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<std::vector<Item>> {
        std::vector<std::string> skus;
        {
            auto s = core.db.cached("SELECT sku FROM items ORDER BY sku");
            while (s.step())
                skus.push_back(s.text(0));
        }
        std::vector<Item> out;
        for (const auto& sku : skus)
            out.push_back(findItem(core, sku)->item);
        return out;
    });
}

Result<Party> Ledger::addSupplier(const Party& supplier) {
    return inWriteTransaction(m_impl->core,
                              [&] { return addParty(m_impl->core, "suppliers", "supplier", supplier); });
}

Result<Party> Ledger::supplier(std::string_view code) const {
    return guarded([&]() -> Result<Party> {
        if (auto row = findSupplier(m_impl->core, code)) return row->party;
        return fail(ErrorKind::NotFound, "no supplier " + std::string(code));
    });
}

Result<std::vector<Party>> Ledger::suppliers() const {
    return guarded([&]() -> Result<std::vector<Party>> { return listParties(m_impl->core, "suppliers"); });
}

Result<Party> Ledger::addCustomer(const Party& customer) {
    return inWriteTransaction(m_impl->core,
                              [&] { return addParty(m_impl->core, "customers", "customer", customer); });
}

Result<Party> Ledger::customer(std::string_view code) const {
    return guarded([&]() -> Result<Party> {
        if (auto row = findCustomer(m_impl->core, code)) return row->party;
        return fail(ErrorKind::NotFound, "no customer " + std::string(code));
    });
}

Result<std::vector<Party>> Ledger::customers() const {
    return guarded([&]() -> Result<std::vector<Party>> { return listParties(m_impl->core, "customers"); });
}

Result<Location> Ledger::addLocation(const Location& location) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Location> {
        auto code = validCode(location.code, "location code");
        if (!code) return std::unexpected(code.error());
        if (findLocation(core, *code))
            return fail(ErrorKind::Conflict, "location " + *code + " already exists");
        Location stored{*code, location.name.empty() ? *code : location.name, location.kind};
        core.db.cached("INSERT INTO locations (code, name, kind) VALUES (?1, ?2, ?3)")
            .bindAll(stored.code, stored.name, toString(stored.kind))
            .run();
        return stored;
    });
}

Result<Location> Ledger::location(std::string_view code) const {
    return guarded([&]() -> Result<Location> {
        auto row = requireLocation(m_impl->core, code);
        if (!row) return std::unexpected(row.error());
        return row->location;
    });
}

Result<std::vector<Location>> Ledger::locations() const {
    return guarded([&]() -> Result<std::vector<Location>> {
        auto s = m_impl->core.db.cached("SELECT code, name, kind FROM locations ORDER BY code");
        std::vector<Location> out;
        while (s.step())
            out.push_back(
                Location{s.text(0), s.text(1), parseLocationKind(s.text(2)).value_or(LocationKind::Store)});
        return out;
    });
}

} // namespace lotstation::storage
