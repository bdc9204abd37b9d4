// Records on a station linked to a central server: the change is made on the server, with the server's rules
// and audit, then synced back; nothing is written here when the server cannot be reached.
#include "lotstation/station/workflows/records_flow.hpp"
#include "lotstation/sync/master_edit.hpp"

namespace lotstation::station {
namespace {

sync::MasterRecord recordOf(const RecordDraft& draft) {
    switch (draft.kind) {
    case RecordKind::Item:
        return draft.item;
    case RecordKind::Recipe:
        return draft.recipe;
    case RecordKind::Supplier:
        return sync::SupplierEdit{draft.party};
    case RecordKind::Customer:
        return sync::CustomerEdit{draft.party};
    case RecordKind::Location:
        return draft.location;
    case RecordKind::User:
    case RecordKind::Business:
        break;
    }
    return draft.user;
}

std::string nameOf(const RecordDraft& draft) {
    switch (draft.kind) {
    case RecordKind::Item:
        return draft.item.name;
    case RecordKind::Recipe:
        return "the recipe of " + draft.recipe.sku;
    case RecordKind::Supplier:
    case RecordKind::Customer:
        return draft.party.name;
    case RecordKind::Location:
        return draft.location.name;
    case RecordKind::User:
    case RecordKind::Business:
        break;
    }
    return draft.user.name;
}

} // namespace

storage::Result<std::string> RecordsFlow::saveOnServer(const RecordDraft& draft, const std::string& by) {
    auto saved = sync::saveOnServer(m_ledgerPath, {recordOf(draft), by});
    if (!saved) {
        if (saved.error().kind == ErrorKind::Unavailable)
            return fail(ErrorKind::Unavailable, "This station's records are kept on its server, and " +
                                                    saved.error().message + ". Try again when it is online.");
        return std::unexpected(saved.error());
    }
    return nameOf(draft) + " on the server";
}

} // namespace lotstation::station
