// CentralStore: the administration face over whichever store its location names.
#include "central_backend.hpp"
#include "central_core.hpp"
#include "pg/pg_central.hpp"

namespace lotstation::sync {

bool isPostgresUrl(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<std::unique_ptr<CentralBackend>> openBackend(const std::string& location) {
    if (isPostgresUrl(location)) {
        auto pg = pg::openPgCentral(location);
        if (!pg) return std::unexpected(pg.error());
        return std::unique_ptr<CentralBackend>(std::move(*pg));
    }
    auto sqlite = openCentral(location);
    if (!sqlite) return std::unexpected(sqlite.error());
    return std::unique_ptr<CentralBackend>(std::move(*sqlite));
}

CentralStore::CentralStore(std::unique_ptr<CentralBackend> backend) : m_backend(std::move(backend)) {}
CentralStore::CentralStore(CentralStore&&) noexcept = default;
CentralStore& CentralStore::operator=(CentralStore&&) noexcept = default;
CentralStore::~CentralStore() = default;

storage::Result<CentralStore> CentralStore::open(const std::string& location) {
    auto backend = openBackend(location);
    if (!backend) return std::unexpected(backend.error());
    return CentralStore(std::move(*backend));
}

std::string CentralStore::epoch() const {
    return m_backend->epoch;
}

storage::Result<std::string> CentralStore::addStation(std::string_view name) {
    if (name.empty() || name.size() > 64)
        return fail(ErrorKind::Invalid, "a station name has 1 to 64 characters");
    return m_backend->addStation(name);
}

storage::Result<std::string> CentralStore::rotateToken(std::string_view name) {
    return m_backend->rotateToken(name);
}

storage::Result<std::vector<StationRecord>> CentralStore::stations() const {
    return m_backend->stations();
}

storage::Result<void> CentralStore::editMaster(const MasterEdit& edit) {
    return m_backend->editMaster(edit);
}

storage::Result<storage::MasterData> CentralStore::masterData() const {
    return m_backend->masterData();
}

storage::Result<std::vector<Conflict>> CentralStore::conflicts(bool includeResolved) const {
    return m_backend->conflicts(includeResolved);
}

storage::Result<Conflict> CentralStore::resolveConflict(std::int64_t id, std::string_view by,
                                                        std::string_view note) {
    if (by.empty()) return fail(ErrorKind::Invalid, "say who resolves the conflict");
    return m_backend->resolveConflict(id, by, note);
}

storage::Result<std::filesystem::path> CentralStore::backup(const std::filesystem::path& dir) const {
    return m_backend->backup(dir);
}

storage::Result<StoreContents> CentralStore::contents() const {
    return m_backend->contents();
}

} // namespace lotstation::sync
