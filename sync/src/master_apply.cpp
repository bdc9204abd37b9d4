// Master data from the server (GET /v1/master) into the station ledger, all of it in one transaction: new
// records are added, records older here are updated, and records with the same or an older revision than
// here are left alone (stale data never overwrites newer). One bad record and nothing changes.
#include "lotstation/storage/master_data.hpp"
#include "sync_steps.hpp"

namespace lotstation::sync {

Result<void> applyMasterData(SyncSession& s) {
    auto answer = s.http.get("/v1/master");
    if (!answer) return std::unexpected(answer.error());
    storage::MasterData data;
    try {
        data = wire::masterFrom(answer->body);
    } catch (const wire::WireError& e) {
        return fail(ErrorKind::Invalid, std::string("the server's master data: ") + e.what());
    }
    auto applied = storage::applyMasterData(s.ledger, data);
    if (!applied) return fail(ErrorKind::Io, applied.error().message);
    s.summary.masterAdded += applied->added;
    s.summary.masterUpdated += applied->updated;
    return {};
}

} // namespace lotstation::sync
