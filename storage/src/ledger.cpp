// Opening a ledger: the connection's pragmas, migrations, and who this station is.
#include "lotstation/storage/ledger.hpp"

#include "crypto.hpp"
#include "ledger_core.hpp"
#include "schema.hpp"

#include <cctype>

namespace lotstation::storage {
namespace {

Result<StationIdentity> validIdentity(StationIdentity identity, Timestamp now) {
    if (identity.stationId.empty()) identity.stationId = newUuidV7(now);
    if (identity.stationId.size() > 64)
        return fail(ErrorKind::Invalid, "station id is longer than 64 characters");
    if (identity.name.empty()) identity.name = "station";
    if (identity.shortCode.size() > 4)
        return fail(ErrorKind::Invalid, "station short code '" + identity.shortCode + "' is longer than 4");
    for (auto& c : identity.shortCode) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return fail(ErrorKind::Invalid, "station short code may hold only letters and digits");
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return identity;
}

Result<StationIdentity> ensureStation(sql::Database& db, const OpenOptions& options, Timestamp now) {
    // Read and (for a new file) write in one transaction: two processes opening a new file at once agree on
    // one station.
    sql::Transaction transaction(db);
    auto read = db.prepare("SELECT station_id, name, short_code FROM station");
    if (read.step()) {
        StationIdentity stored{read.text(0), read.text(1), read.text(2)};
        if (options.identity && !options.identity->stationId.empty() &&
            options.identity->stationId != stored.stationId) {
            return fail(ErrorKind::Conflict, "this database belongs to station " + stored.stationId + " (" +
                                                 stored.name + "), not " + options.identity->stationId);
        }
        return stored;
    }
    auto identity = validIdentity(options.identity.value_or(StationIdentity{}), now);
    if (!identity) return identity;
    db.prepare("INSERT INTO station (singleton, station_id, name, short_code, created_at) VALUES (1, ?1, ?2, "
               "?3, ?4)")
        .bindAll(identity->stationId, identity->name, identity->shortCode, formatTimestamp(now))
        .run();
    db.prepare("INSERT INTO chains (station_id, last_seq, last_hash) VALUES (?1, 0, ?2)")
        .bindAll(identity->stationId, kGenesisHash)
        .run();
    transaction.commit();
    return identity;
}

} // namespace

Ledger::Ledger(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

Result<Ledger> Ledger::open(const std::filesystem::path& path, OpenOptions options) {
    if (!initCrypto()) return fail(ErrorKind::Io, "libsodium cannot initialise");
    if (!options.clock) options.clock = systemClock();
    if (path != ":memory:" && path.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(path.parent_path(), error);
        if (error) {
            return fail(ErrorKind::Io,
                        "cannot create folder " + path.parent_path().string() + ": " + error.message());
        }
    }
    return guarded([&]() -> Result<Ledger> {
        auto db = sql::Database::open(path.string(), options.busyTimeoutMs);
        // WAL: readers never block the writer; FULL: a committed movement survives a power cut.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        // A ledger of a million movements has indexes of hundreds of MB: SQLite's default 2 MB page cache
        // makes every insert re-read index pages (a pull of a day's work slowed down tenfold as the file
        // grew). 32 MB of cache and reads through a memory map keep the hot index pages at hand. The map
        // covers the whole file of a million movements (about 750 MB, pages of every table spread through
        // it): a page beyond the map is copied into the 32 MB cache on every read, which made the cost
        // reports (every lot on hand or shipped) re-read their pages.
        db.exec("PRAGMA cache_size = -32768");
        db.exec("PRAGMA mmap_size = 1073741824");
        migrate(db);
        const auto now = options.clock();
        auto identity = ensureStation(db, options, now);
        if (!identity) return std::unexpected(identity.error());
        auto impl = std::make_unique<Impl>(
            Impl{LedgerCore{std::move(db), std::move(options.clock), *identity, options.pinLockout}});
        return Ledger(std::move(impl));
    });
}

Result<void> Ledger::atomically(const std::function<Result<void>()>& body) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<void> {
        sql::Transaction transaction(core.db);
        auto result = body();
        if (result) transaction.commit();
        return result;
    });
}

StationIdentity Ledger::station() const {
    return m_impl->core.identity;
}

Result<int> Ledger::schemaVersion() const {
    return guarded([&]() -> Result<int> { return m_impl->core.db.userVersion(); });
}

Timestamp Ledger::now() const {
    return m_impl->core.clock();
}

} // namespace lotstation::storage
