// Records: what a field's text or choice becomes in the draft, the rows listed per kind, and what a scan
// fills in (an item's GTIN, a recipe's component, a user's badge).
#include "lotstation/formats/gtin.hpp"
#include "lotstation/station/workflows/records_flow.hpp"

#include <charconv>

namespace lotstation::station {
namespace {

std::optional<std::string> optional(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional(text);
}

} // namespace

FlowOutcome RecordsFlow::setText(RecordField field, const std::string& text) {
    if (!m_state.draft) return refuse("Tap New or a record first");
    RecordDraft& draft = *m_state.draft;
    m_state.problem.reset();
    // The code is the record's identity: it is typed once, for a new record.
    if (field == RecordField::Code && !draft.isNew) return refuse("The code of a saved record stays as it is");
    switch (field) {
    case RecordField::Code:
        if (draft.kind == RecordKind::Item) draft.item.sku = text;
        if (draft.kind == RecordKind::Supplier || draft.kind == RecordKind::Customer) draft.party.code = text;
        if (draft.kind == RecordKind::Location) draft.location.code = text;
        if (draft.kind == RecordKind::User) draft.user.name = text;
        if (draft.kind == RecordKind::Recipe) {
            auto item = m_ledger.item(text);
            if (!item) return refuse(item.error().message);
            auto existing = m_ledger.recipe(item->sku);
            if (existing) draft.isNew = false;
            draft.recipe = existing ? *existing : storage::Recipe{item->sku, 0, {}};
            learnItem(item->sku);
            for (const auto& component : draft.recipe.components)
                learnItem(component.sku);
        }
        break;
    case RecordField::Name:
        draft.item.name = text;
        draft.party.name = text;
        draft.location.name = text;
        break;
    case RecordField::ItemKind: {
        auto kind = storage::parseItemKind(text);
        if (!kind) return refuse(kind.error().message);
        draft.item.kind = *kind;
        break;
    }
    case RecordField::Unit: {
        auto uom = storage::parseUom(text);
        if (!uom) return refuse(uom.error().message);
        if (draft.item.uom != *uom) draft.item.reorderPoint.reset(); // it was counted in the old unit
        draft.item.uom = *uom;
        break;
    }
    case RecordField::Gtin: {
        if (text.empty()) {
            draft.item.gtin.reset();
            break;
        }
        auto gtin = formats::normaliseGtin(text);
        if (!gtin) return refuse(gtin.error().message);
        draft.item.gtin = *gtin;
        break;
    }
    case RecordField::ShelfLife: {
        if (text.empty()) {
            draft.item.shelfLifeDays.reset();
            break;
        }
        int days = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
        if (error != std::errc() || end != text.data() + text.size() || days < 0 || days > 36500)
            return refuse("Shelf life is a number of days, e.g. 365");
        draft.item.shelfLifeDays = days;
        break;
    }
    case RecordField::DefaultLocation:
        draft.item.defaultLocation = optional(text);
        break;
    case RecordField::LotTracked:
        draft.item.lotTracked = text != "no";
        break;
    case RecordField::LocationKind: {
        auto kind = storage::parseLocationKind(text);
        if (!kind) return refuse(kind.error().message);
        draft.location.kind = *kind;
        break;
    }
    case RecordField::Role: {
        auto role = storage::parseUserRole(text);
        if (!role) return refuse(role.error().message);
        draft.user.role = *role;
        break;
    }
    case RecordField::Badge:
        draft.user.badge = optional(text);
        break;
    case RecordField::Setting:
        setSetting(text);
        break;
    case RecordField::ReorderPoint:
    case RecordField::RecipeOutput:
        return refuse("Type the quantity on the keypad");
    }
    return FlowOutcome::quiet();
}

FlowOutcome RecordsFlow::setQuantity(RecordField field, const Quantity& quantity) {
    if (!m_state.draft) return refuse("Tap New or a record first");
    if (field == RecordField::ReorderPoint) {
        if (quantity.unit != m_state.draft->item.uom) return refuse("The reorder point is in the item's unit");
        m_state.draft->item.reorderPoint = quantity.amount;
    } else if (field == RecordField::RecipeOutput) {
        m_state.draft->recipe.outputQuantity = quantity.amount;
    }
    m_state.problem.reset();
    return FlowOutcome::quiet();
}

FlowOutcome RecordsFlow::addComponent(const std::string& sku) {
    if (!m_state.draft || m_state.draft->kind != RecordKind::Recipe) return refuse("Open a recipe first");
    auto& recipe = m_state.draft->recipe;
    if (recipe.sku.empty()) return refuse("Pick what the recipe makes first");
    auto item = m_ledger.item(sku);
    if (!item) return refuse(item.error().message);
    if (item->sku == recipe.sku) return refuse(item->name + " cannot be made from itself");
    for (const auto& component : recipe.components)
        if (component.sku == item->sku) return refuse(item->name + " is in the recipe already: type its quantity");
    recipe.components.push_back({item->sku, 0});
    learnItem(item->sku);
    m_state.problem.reset();
    return FlowOutcome::accepted(item->name + " added: type how much");
}

std::optional<FlowOutcome> RecordsFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (!m_state.draft) return std::nullopt;
    const RecordKind kind = m_state.draft->kind;
    std::optional<std::string> gtin;
    if (const auto* gs1 = std::get_if<scan::Gs1Data>(&meaning)) gtin = gs1->gtin;
    if (const auto* link = std::get_if<scan::DigitalLink>(&meaning)) gtin = link->data.gtin;
    const auto* key = std::get_if<scan::LookupKey>(&meaning);
    if (key && key->gtin) gtin = key->gtin;
    if (kind == RecordKind::Item && gtin) return apply(records::SetText{RecordField::Gtin, *gtin}, context);
    if (kind == RecordKind::User) {
        if (const auto* badge = std::get_if<scan::OwnBadge>(&meaning))
            return apply(records::SetText{RecordField::Badge, badge->badge}, context);
        if (key) return apply(records::SetText{RecordField::Badge, key->key}, context);
    }
    if (kind == RecordKind::Recipe) {
        // A component's label: our lot label names its item; a supplier's case label its GTIN.
        if (const auto* lot = std::get_if<scan::OwnLot>(&meaning)) {
            auto found = m_ledger.lot(lot->lot);
            if (!found) return refuse(found.error().message);
            return apply(records::AddComponent{found->sku}, context);
        }
        if (gtin) {
            auto item = m_ledger.itemByGtin(*gtin);
            if (!item) return refuse("GTIN " + *gtin + " is not a known item: add it under Items first");
            return apply(records::AddComponent{item->sku}, context);
        }
        if (key) {
            if (auto lot = m_ledger.lot(key->key)) return apply(records::AddComponent{lot->sku}, context);
            return apply(records::AddComponent{key->key}, context);
        }
    }
    if (kind == RecordKind::Location && key && m_state.draft->isNew)
        return apply(records::SetText{RecordField::Code, key->key}, context);
    return std::nullopt;
}

void RecordsFlow::learnItem(const std::string& sku) {
    if (!m_state.draft) return;
    if (auto item = m_ledger.item(sku)) {
        m_state.draft->names[item->sku] = item->name;
        m_state.draft->units[item->sku] = item->uom;
    }
}

void RecordsFlow::readRows() {
    m_state.rows.clear();
    auto add = [&](std::string code, std::string name, std::string detail) {
        m_state.rows.push_back({std::move(code), std::move(name), std::move(detail)});
    };
    switch (m_state.kind) {
    case RecordKind::Item:
    case RecordKind::Recipe: {
        const auto items = m_ledger.items().value_or(std::vector<storage::Item>{});
        for (const auto& item : items) {
            if (m_state.kind == RecordKind::Recipe) {
                auto recipe = m_ledger.recipe(item.sku);
                if (!recipe) continue;
                add(item.sku, item.name,
                    item.sku + " · " + std::to_string(recipe->components.size()) + " components per " +
                        storage::formatQuantity(recipe->outputQuantity, item.uom));
                continue;
            }
            std::string detail = item.sku + " · " + storage::toString(item.kind) + " · " + storage::toString(item.uom);
            if (item.gtin) detail += " · GTIN " + *item.gtin;
            add(item.sku, item.name, detail);
        }
        break;
    }
    case RecordKind::Supplier:
        for (const auto& party : m_ledger.suppliers().value_or(std::vector<storage::Party>{}))
            add(party.code, party.name, party.code);
        break;
    case RecordKind::Customer:
        for (const auto& party : m_ledger.customers().value_or(std::vector<storage::Party>{}))
            add(party.code, party.name, party.code);
        break;
    case RecordKind::Location:
        for (const auto& location : m_ledger.locations().value_or(std::vector<storage::Location>{}))
            add(location.code, location.name, location.code + " · " + storage::toString(location.kind));
        break;
    case RecordKind::User:
        for (const auto& user : m_ledger.users().value_or(std::vector<storage::User>{}))
            add(user.name, user.name,
                std::string(storage::toString(user.role)) + (user.badge ? " · badge " + *user.badge : "") +
                    (user.hasPin ? "" : " · chooses a PIN at first log-in"));
        break;
    case RecordKind::Business:
        m_state.rows = businessRows();
        break;
    }
}

} // namespace lotstation::station
