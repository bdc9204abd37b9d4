#pragma once
// Shared by the sync tests: scratch folders, a central server (in this process or a real child process),
// stations with real ledgers, movements made the way operators make them, and the ONE checker every
// scenario ends with.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/sync/central_store.hpp"
#include "lotstation/sync/client.hpp"
#include "lotstation/sync/server.hpp"
#include "pg_fixture.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace lotstation::sync::test {

// A fresh folder removed at the end. In RAM (/dev/shm) when there is one: these tests are about the
// protocol, and a disk sync per movement would make thousands of movements take minutes.
class ScratchDir {
  public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// Items, locations, suppliers, customers, users and a recipe every scenario uses.
void seedMasterData(storage::Ledger& ledger);

// The two central stores the sync scenarios run against (TEST_CASE_TEMPLATE over LOTSTATION_STORES).
enum class StoreKind { Sqlite, Postgres };
struct SqliteStore {
    static constexpr StoreKind kind = StoreKind::Sqlite;
};
struct PostgresStore {
    static constexpr StoreKind kind = StoreKind::Postgres;
};
#define LOTSTATION_STORES ::lotstation::sync::test::SqliteStore, ::lotstation::sync::test::PostgresStore

// Where a scenario's store lives: its data folder, or a PostgreSQL database of its own.
struct StoreUnderTest {
    StoreKind kind = StoreKind::Sqlite;
    std::optional<PgDatabase> database;
    // Empty when the store is PostgreSQL and no cluster is configured (see LOTSTATION_CENTRAL).
    [[nodiscard]] static std::optional<StoreUnderTest> make(StoreKind kind);
};

// A server in this process on an ephemeral loopback port.
struct Central {
    std::filesystem::path dataDir;
    std::string store; // a postgresql:// URL; empty: the SQLite store in dataDir
    std::optional<SyncServer> server;

    explicit Central(std::filesystem::path dir, ServerOptions options = {});
    Central(const StoreUnderTest& where, std::filesystem::path dir, ServerOptions options = {});
    void restart(ServerOptions options = {});
    void stop() { server.reset(); }
    [[nodiscard]] std::string url() const { return server->url(); }
    [[nodiscard]] std::string addStation(const std::string& name);
    [[nodiscard]] std::string location() const { return store.empty() ? dataDir.string() : store; }
    [[nodiscard]] CentralStore open() const; // the administration face of the same store
    // Changes master data on the server as an administrator does (each call REQUIREd inside).
    void editMaster(const std::function<void(storage::Ledger&)>& edit) const;
    [[nodiscard]] bool postgres() const { return !store.empty(); }
    [[nodiscard]] std::filesystem::path ledgerPath() const { return dataDir / "ledger.sqlite"; }
    // The store as it was at a backup (made with CentralStore::backup into `backupDir`); serving again.
    void restore(const std::filesystem::path& backupDir);
};

// The real lotstation-server executable as a child process (killed with SIGKILL in fault tests).
class ServerProcess {
  public:
    ServerProcess(const std::filesystem::path& dataDir, const std::vector<std::string>& extraArgs = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    [[nodiscard]] const std::string& url() const { return m_url; }
    void kill(); // SIGKILL, then reaped

  private:
    pid_t m_pid = -1;
    std::string m_url;
};

[[nodiscard]] std::filesystem::path serverExecutable();

// lotstation-server run with `args` to its end: its exit code and what it wrote (stdout and stderr).
struct CommandRun {
    int exitCode = -1;
    std::string output;
};
[[nodiscard]] CommandRun runServer(const std::vector<std::string>& args);

// A station: its database file, name and token. Each gets a short code so generated lot codes differ.
struct Station {
    std::string name;
    std::filesystem::path path;
    std::string token;

    [[nodiscard]] storage::Ledger open() const;
    [[nodiscard]] SyncClient client(const std::string& url, ClientOptions options = {}) const;
};

[[nodiscard]] Station makeStation(const ScratchDir& dir, Central& central, const std::string& name,
                                  const std::string& shortCode,
                                  storage::Clock clock = storage::systemClock());

// Operator work: `count` receipts of OIL at DOCK, each followed by a move of part of it to STORE.
// Returns the lot codes received.
std::vector<std::string> doWork(storage::Ledger& ledger, int count, const std::string& tag);

// THE checker: on the server and every station, each station's sequences 1..n are present exactly once,
// every movement's hash is the same everywhere, every ledger verifies, and the balance of every lot at
// every location is the same everywhere. `expected` (when given) is the number of movements in all.
void checkConverged(const std::filesystem::path& serverLedger, const std::vector<Station>& stations,
                    std::optional<std::int64_t> expected = std::nullopt);
void checkConverged(const Central& central, const std::vector<Station>& stations,
                    std::optional<std::int64_t> expected = std::nullopt);

// syncOnce on every station, `rounds` times over, so that each sees what the others pushed.
void syncAll(const std::string& url, const std::vector<Station>& stations, int rounds = 2);

} // namespace lotstation::sync::test

// `name`: a Central on the store TestType names (inside TEST_CASE_TEMPLATE(..., TestType, LOTSTATION_STORES)).
// Without a PostgreSQL cluster the PostgreSQL variant fails under CI and skips elsewhere.
#define LOTSTATION_CENTRAL(name, ...)                                                                         \
    auto name##_where = ::lotstation::sync::test::StoreUnderTest::make(TestType::kind);                      \
    if (!name##_where) {                                                                                     \
        if (::lotstation::sync::test::pgRequired()) FAIL(std::string(::lotstation::sync::test::kNoPg));      \
        LOTSTATION_SKIP(std::string(::lotstation::sync::test::kNoPg));                                       \
    }                                                                                                        \
    ::lotstation::sync::test::Central name(*name##_where, __VA_ARGS__)
