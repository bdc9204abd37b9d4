#include "lotstation/station/workflows/records_flow.hpp"

#include "lotstation/storage/access.hpp"
#include "lotstation/storage/master_data.hpp"
#include "lotstation/sync/master_edit.hpp"

#include <algorithm>
#include <array>

namespace lotstation::station {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

constexpr std::array<RecordKind, 7> kKinds{RecordKind::Item,     RecordKind::Recipe,   RecordKind::Supplier,
                                           RecordKind::Customer, RecordKind::Location, RecordKind::User,
                                           RecordKind::Business};

storage::Action actionFor(RecordKind kind) {
    return kind == RecordKind::User ? storage::Action::ManageUsers : storage::Action::ManageMasterData;
}

// The record's code as the draft holds it.
std::string codeOf(const RecordDraft& draft) {
    switch (draft.kind) {
    case RecordKind::Item:
        return draft.item.sku;
    case RecordKind::Recipe:
        return draft.recipe.sku;
    case RecordKind::Supplier:
    case RecordKind::Customer:
        return draft.party.code;
    case RecordKind::Location:
        return draft.location.code;
    case RecordKind::User:
        return draft.user.name;
    case RecordKind::Business:
        return draft.setting;
    }
    return {};
}

storage::MasterKind masterKindOf(RecordKind kind) {
    switch (kind) {
    case RecordKind::Item:
        return storage::MasterKind::Item;
    case RecordKind::Recipe:
        return storage::MasterKind::Recipe;
    case RecordKind::Supplier:
        return storage::MasterKind::Supplier;
    case RecordKind::Customer:
        return storage::MasterKind::Customer;
    case RecordKind::Location:
        return storage::MasterKind::Location;
    case RecordKind::User:
    case RecordKind::Business: // not a master record: its own append-only history
        return storage::MasterKind::User;
    }
    return storage::MasterKind::Item;
}

// What was saved, in words, or why not (g++ 12's std::expected has no transform yet).
template <class T, class Words> storage::Result<std::string> said(const storage::Result<T>& saved, Words words) {
    if (!saved) return std::unexpected(saved.error());
    return words(*saved);
}

} // namespace

std::string_view recordKindId(RecordKind kind) {
    static constexpr std::array<std::string_view, 7> ids{"item",     "recipe", "supplier", "customer",
                                                         "location", "user",   "business"};
    return ids.at(static_cast<std::size_t>(kind));
}

std::string_view recordKindTitle(RecordKind kind) {
    static constexpr std::array<std::string_view, 7> titles{"Items",     "Recipes", "Suppliers", "Customers",
                                                            "Locations", "Users",   "Business"};
    return titles.at(static_cast<std::size_t>(kind));
}

std::span<const RecordKind> allRecordKinds() {
    return kKinds;
}

RecordsFlow::RecordsFlow(storage::Ledger& ledger) : m_ledger(ledger) {
    readRows();
}

RecordsFlow::RecordsFlow(const FlowDeps& deps) : m_ledger(deps.ledger), m_ledgerPath(deps.files.ledgerPath) {
    readRows();
}

FlowOutcome RecordsFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

std::optional<std::string> RecordsFlow::whyNot(RecordKind kind, const FlowContext& context) const {
    const auto action = actionFor(kind);
    if (!context.user)
        return kind == RecordKind::User ? "Log in as an admin to change users"
                                        : "Log in as a supervisor or admin to change records";
    auto user = m_ledger.user(*context.user);
    if (!user) return user.error().message;
    if (!storage::allowed(user->role, action)) return storage::refusalMessage(*user, action);
    return std::nullopt;
}

FlowOutcome RecordsFlow::apply(const RecordsIntent& intent, const FlowContext& context) {
    using namespace records;
    if (!std::holds_alternative<ShowKind>(intent) && !std::holds_alternative<Cancel>(intent)) {
        const RecordKind kind = m_state.draft ? m_state.draft->kind : m_state.kind;
        const RecordKind asked = std::holds_alternative<NewItemWithGtin>(intent)         ? RecordKind::Item
                                 : std::holds_alternative<NewSupplierForReceipt>(intent) ? RecordKind::Supplier
                                                                                         : kind;
        if (auto why = whyNot(asked, context)) return refuse(*why);
    }
    return std::visit(
        Overloaded{
            [&](const ShowKind& i) {
                m_state.kind = i.kind;
                m_state.draft.reset();
                m_state.problem.reset();
                m_state.history.clear();
                readRows();
                return FlowOutcome::quiet();
            },
            [&](const New&) {
                if (m_state.kind == RecordKind::Business)
                    return refuse("The business has one currency and one lot-code pattern: tap one to change it");
                return startNew(m_state.kind, context);
            },
            [&](const NewItemWithGtin& i) {
                m_state.kind = RecordKind::Item;
                readRows();
                auto started = startNew(RecordKind::Item, context);
                m_state.draft->item.gtin = i.gtin;
                m_state.backToReceipt = true;
                return started;
            },
            [&](const NewSupplierForReceipt&) {
                m_state.kind = RecordKind::Supplier;
                readRows();
                auto started = startNew(RecordKind::Supplier, context);
                m_state.backToReceipt = true;
                return started;
            },
            [&](const Edit& i) { return edit(i.code, context); },
            [&](const SetText& i) { return setText(i.field, i.text); },
            [&](const SetQuantity& i) { return setQuantity(i.field, i.quantity); },
            [&](const AddComponent& i) { return addComponent(i.sku); },
            [&](const SetComponent& i) -> FlowOutcome {
                if (!m_state.draft) return FlowOutcome::quiet();
                auto& components = m_state.draft->recipe.components;
                const auto found = std::find_if(components.begin(), components.end(),
                                                [&](const auto& c) { return c.sku == i.sku; });
                if (found == components.end()) return refuse(i.sku + " is not in this recipe");
                found->quantity = i.quantity.amount;
                m_state.problem.reset();
                return FlowOutcome::quiet();
            },
            [&](const RemoveComponent& i) {
                if (m_state.draft)
                    std::erase_if(m_state.draft->recipe.components, [&](const auto& c) { return c.sku == i.sku; });
                return FlowOutcome::quiet();
            },
            [&](const Save&) { return save(context); },
            [&](const Cancel&) {
                cancel();
                return FlowOutcome::quiet();
            },
            [&](const ResetPin&) -> FlowOutcome {
                if (!m_state.draft || m_state.draft->kind != RecordKind::User || m_state.draft->isNew)
                    return FlowOutcome::quiet();
                if (const auto server = sync::linkedServer(m_ledgerPath); !server.empty())
                    return refuse("PINs of a linked station are kept by the server at " + server +
                                  ": reset it there (lotstation-server user update NAME --pin P)");
                auto reset = storage::resetPin(m_ledger, m_state.draft->user.name, *context.user);
                if (!reset) return refuse(reset.error().message);
                m_state.draft->hasPin = false;
                readHistory();
                readRows();
                return FlowOutcome::accepted(reset->name + " chooses a new PIN at the next log-in");
            },
            [&](const PrintLabel&) { return printLabel(); },
        },
        intent);
}

FlowOutcome RecordsFlow::startNew(RecordKind kind, const FlowContext&) {
    RecordDraft draft;
    draft.kind = kind;
    draft.isNew = true;
    if (kind == RecordKind::Recipe) draft.recipe.outputQuantity = 0;
    m_state.draft = std::move(draft);
    m_state.problem.reset();
    m_state.saved.reset();
    m_state.history.clear();
    m_state.backToReceipt = false;
    return FlowOutcome::quiet();
}

FlowOutcome RecordsFlow::edit(const std::string& code, const FlowContext&) {
    if (m_state.kind == RecordKind::Business) return editBusiness(code);
    RecordDraft draft;
    draft.kind = m_state.kind;
    draft.isNew = false;
    switch (m_state.kind) {
    case RecordKind::Item: {
        auto item = m_ledger.item(code);
        if (!item) return refuse(item.error().message);
        draft.item = storage::asNewItem(*item);
        break;
    }
    case RecordKind::Recipe: {
        // A recipe is edited for its output item; one that does not exist yet is new.
        auto item = m_ledger.item(code);
        if (!item) return refuse(item.error().message);
        auto recipe = m_ledger.recipe(item->sku);
        draft.isNew = !recipe.has_value();
        draft.recipe = recipe ? *recipe : storage::Recipe{item->sku, 0, {}};
        m_state.draft = draft; // learnItem writes into the open draft
        learnItem(item->sku);
        for (const auto& component : draft.recipe.components)
            learnItem(component.sku);
        draft.names = m_state.draft->names;
        draft.units = m_state.draft->units;
        break;
    }
    case RecordKind::Supplier:
    case RecordKind::Customer: {
        auto party = m_state.kind == RecordKind::Supplier ? m_ledger.supplier(code) : m_ledger.customer(code);
        if (!party) return refuse(party.error().message);
        draft.party = *party;
        break;
    }
    case RecordKind::Location: {
        auto location = m_ledger.location(code);
        if (!location) return refuse(location.error().message);
        draft.location = *location;
        break;
    }
    case RecordKind::User: {
        auto user = m_ledger.user(code);
        if (!user) return refuse(user.error().message);
        draft.user = storage::NewUser{user->name, user->role, user->badge, {}, {}};
        draft.hasPin = user->hasPin;
        break;
    }
    case RecordKind::Business:
        break;
    }
    m_state.draft = std::move(draft);
    m_state.problem.reset();
    m_state.saved.reset();
    m_state.backToReceipt = false;
    readHistory();
    return FlowOutcome::quiet();
}

FlowOutcome RecordsFlow::save(const FlowContext& context) {
    if (!m_state.draft) return FlowOutcome::quiet();
    const RecordDraft& draft = *m_state.draft;
    const std::string& by = *context.user;
    if (codeOf(draft).empty())
        return refuse(draft.kind == RecordKind::User ? "Type the user's name first" : "Type the code first");
    storage::Result<std::string> saved = std::string();
    const bool onServer = draft.kind != RecordKind::Business && !sync::linkedServer(m_ledgerPath).empty();
    if (onServer) saved = saveOnServer(draft, by);
    else switch (draft.kind) {
    case RecordKind::Item:
        saved = said(storage::saveItem(m_ledger, draft.item, by), [](const auto& i) { return i.name; });
        break;
    case RecordKind::Recipe:
        if (draft.recipe.outputQuantity <= 0) return refuse("Say how much output the quantities are for");
        if (draft.recipe.components.empty()) return refuse("Scan or pick a component first");
        saved = said(storage::saveRecipe(m_ledger, draft.recipe, by), [](const auto& r) {
            return "the recipe of " + r.sku;
        });
        break;
    case RecordKind::Supplier:
        saved = said(storage::saveSupplier(m_ledger, draft.party, by), [](const auto& p) { return p.name; });
        break;
    case RecordKind::Customer:
        saved = said(storage::saveCustomer(m_ledger, draft.party, by), [](const auto& p) { return p.name; });
        break;
    case RecordKind::Location:
        saved = said(storage::saveLocation(m_ledger, draft.location, by), [](const auto& l) { return l.name; });
        break;
    case RecordKind::User:
        saved = said(storage::saveUser(m_ledger, draft.user, by), [](const auto& u) { return u.name; });
        break;
    case RecordKind::Business:
        saved = saveBusiness(draft, by);
        break;
    }
    if (!saved) return refuse(saved.error().message);
    FlowOutcome outcome = FlowOutcome::accepted("Saved " + *saved);
    // A new shelf gets its label, a new person their badge, right away: they are needed before the next scan.
    if (draft.isNew && draft.kind == RecordKind::Location)
        outcome.otherLabels.push_back({LabelFor::Location, draft.location.code});
    if (draft.isNew && draft.kind == RecordKind::User && draft.user.badge)
        outcome.otherLabels.push_back({LabelFor::Badge, draft.user.name});
    outcome.masterDataChanged = true;
    outcome.leaveScreen = m_state.backToReceipt;
    if (m_state.backToReceipt && draft.kind == RecordKind::Supplier) outcome.madeSupplier = draft.party.code;
    m_state.saved = "Saved " + *saved;
    m_state.draft.reset();
    m_state.problem.reset();
    m_state.history.clear();
    m_state.backToReceipt = false;
    readRows();
    return outcome;
}

FlowOutcome RecordsFlow::printLabel() const {
    if (!m_state.draft || m_state.draft->isNew) return FlowOutcome::quiet();
    const RecordDraft& draft = *m_state.draft;
    FlowOutcome outcome = FlowOutcome::quiet();
    if (draft.kind == RecordKind::Location) {
        outcome = FlowOutcome::accepted("Printing the label of " + draft.location.code);
        outcome.otherLabels.push_back({LabelFor::Location, draft.location.code});
    } else if (draft.kind == RecordKind::User && draft.user.badge) {
        outcome = FlowOutcome::accepted("Printing the badge of " + draft.user.name);
        outcome.otherLabels.push_back({LabelFor::Badge, draft.user.name});
    }
    return outcome;
}

void RecordsFlow::cancel() {
    m_state.draft.reset();
    m_state.problem.reset();
    m_state.history.clear();
    m_state.backToReceipt = false;
    readRows(); // the next visit lists what other screens added meanwhile
}

std::map<std::string, std::string> RecordsFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.draft && !codeOf(*m_state.draft).empty())
        values["records." + std::string(recordKindId(m_state.draft->kind))] = codeOf(*m_state.draft);
    return values;
}

void RecordsFlow::readHistory() {
    m_state.history.clear();
    if (!m_state.draft || m_state.draft->isNew || m_state.draft->kind == RecordKind::Business) return;
    auto changes = storage::masterChanges(m_ledger, masterKindOf(m_state.draft->kind), codeOf(*m_state.draft));
    if (!changes) return;
    if (changes->size() > 4) changes->resize(4);
    m_state.history = std::move(*changes);
}

} // namespace lotstation::station
