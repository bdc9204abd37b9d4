#include "sync_fixture.hpp"

#include "test_support.hpp"

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace lotstation::sync::test {

using namespace lotstation::storage;

ScratchDir::ScratchDir() {
    std::random_device random;
    const std::filesystem::path shm = "/dev/shm";
    const auto base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = base / ("lotstation-sync-test-" + std::to_string(random()));
        if (std::filesystem::create_directory(candidate)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a scratch folder");
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

void seedMasterData(Ledger& ledger) {
    REQUIRE(ledger.addLocation({"DOCK", "Receiving dock", LocationKind::Dock}));
    REQUIRE(ledger.addLocation({"STORE", "Raw store", LocationKind::Store}));
    REQUIRE(ledger.addLocation({"LINE", "Soap line", LocationKind::Workstation}));
    REQUIRE(ledger.addSupplier({"ACME", "Acme Oils"}));
    REQUIRE(ledger.addCustomer({"SHOP", "Corner shop"}));
    NewItem oil;
    oil.sku = "OIL";
    oil.name = "Olive oil";
    oil.uom = Uom::Gram;
    oil.defaultLocation = "DOCK";
    REQUIRE(ledger.addItem(oil));
    NewItem soap;
    soap.sku = "SOAP";
    soap.name = "Olive soap bar";
    soap.kind = ItemKind::Finished;
    soap.uom = Uom::Piece;
    soap.shelfLifeDays = 365;
    REQUIRE(ledger.addItem(soap));
    REQUIRE(ledger.setRecipe(Recipe{"SOAP", 1, {{"OIL", 100'000}}}));
    NewUser ann;
    ann.name = "ann";
    REQUIRE(ledger.addUser(ann));
    NewUser sue;
    sue.name = "sue";
    sue.role = UserRole::Supervisor;
    REQUIRE(ledger.addUser(sue));
}

std::optional<StoreUnderTest> StoreUnderTest::make(StoreKind kind) {
    if (kind == StoreKind::Sqlite) return StoreUnderTest{kind, std::nullopt};
    auto database = PgDatabase::create();
    if (!database) return std::nullopt;
    return StoreUnderTest{kind, std::move(database)};
}

Central::Central(std::filesystem::path dir, ServerOptions options)
    : Central(StoreUnderTest{}, std::move(dir), std::move(options)) {}

Central::Central(const StoreUnderTest& where, std::filesystem::path dir, ServerOptions options)
    : dataDir(std::move(dir)), store(where.database ? where.database->url() : std::string()) {
    {
        auto admin = open();
        auto master = admin.masterData();
        REQUIRE_MESSAGE(master, (master ? "" : master.error().message));
        if (master->items.empty()) {
            auto seeded = admin.editMaster([](Ledger& ledger) -> Result<void> {
                seedMasterData(ledger);
                return {};
            });
            REQUIRE_MESSAGE(seeded, (seeded ? "" : seeded.error().message));
        }
    }
    restart(std::move(options));
}

CentralStore Central::open() const {
    auto opened = CentralStore::open(location());
    REQUIRE_MESSAGE(opened, (opened ? "" : opened.error().message));
    return std::move(*opened);
}

void Central::editMaster(const std::function<void(Ledger&)>& edit) const {
    auto edited = open().editMaster([&](Ledger& ledger) -> Result<void> {
        edit(ledger);
        return {};
    });
    REQUIRE_MESSAGE(edited, (edited ? "" : edited.error().message));
}

void Central::restore(const std::filesystem::path& backupDir) {
    stop();
    if (postgres()) {
        // pg_restore puts every table, and the order's sequence, back as they were at the backup.
        const auto command = "pg_restore --clean --if-exists --no-owner --single-transaction --dbname '" + store +
                             "' '" + (backupDir / "central.dump").string() + "'";
        REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
    } else {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(dataDir / (std::string("ledger.sqlite") + suffix));
        std::filesystem::copy_file(backupDir / "ledger.sqlite", dataDir / "ledger.sqlite");
    }
    restart();
}

void Central::restart(ServerOptions options) {
    server.reset();
    options.dataDir = dataDir;
    options.store = store;
    options.port = 0;
    auto created = SyncServer::create(std::move(options));
    REQUIRE_MESSAGE(created, (created ? "" : created.error().message));
    server.emplace(std::move(*created));
    server->start();
}

std::string Central::addStation(const std::string& name) {
    auto token = open().addStation(name);
    REQUIRE_MESSAGE(token, (token ? "" : token.error().message));
    return *token;
}

std::filesystem::path serverExecutable() {
    return std::filesystem::path(LOTSTATION_BINARY_DIR) / "sync" / "lotstation-server";
}

namespace {

std::string quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

CommandRun runServer(const std::vector<std::string>& args) {
    std::string command = quote(serverExecutable().string());
    for (const auto& arg : args)
        command += " " + quote(arg);
    command += " 2>&1";
    CommandRun run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[512];
    while (auto got = fread(buffer, 1, sizeof buffer, pipe))
        run.output.append(buffer, got);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

ServerProcess::ServerProcess(const std::filesystem::path& dataDir,
                             const std::vector<std::string>& extraArgs) {
    REQUIRE_MESSAGE(std::filesystem::exists(serverExecutable()), "build lotstation-server first");
    int out[2];
    REQUIRE(pipe(out) == 0);
    std::vector<std::string> args{
        serverExecutable().string(), "--data", dataDir.string(), "serve", "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    m_pid = fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    // The server says where it listens on its first line: "lotstation-server listening on URL (epoch ...)".
    std::string line;
    pollfd wait{out[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&wait, 1, 20000) > 0) {
        char buffer[256];
        const auto got = read(out[0], buffer, sizeof buffer);
        if (got <= 0) break;
        line.append(buffer, static_cast<std::size_t>(got));
    }
    close(out[0]);
    const auto at = line.find("listening on ");
    REQUIRE_MESSAGE(at != std::string::npos, "the server did not start: " << line);
    const auto start = at + std::string_view("listening on ").size();
    m_url = line.substr(start, line.find(' ', start) - start);
}

ServerProcess::~ServerProcess() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
}

void ServerProcess::kill() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}

Ledger Station::open() const {
    auto ledger = Ledger::open(path);
    REQUIRE_MESSAGE(ledger, (ledger ? "" : ledger.error().message));
    return std::move(*ledger);
}

SyncClient Station::client(const std::string& url, ClientOptions options) const {
    options.serverUrl = url;
    options.token = token;
    options.ledgerPath = path;
    auto client = SyncClient::open(std::move(options));
    REQUIRE_MESSAGE(client, (client ? "" : client.error().message));
    return std::move(*client);
}

Station makeStation(const ScratchDir& dir, Central& central, const std::string& name,
                    const std::string& shortCode, Clock clock) {
    Station station{name, dir / (name + ".sqlite"), central.addStation(name)};
    auto ledger = Ledger::open(station.path,
                               {.identity = StationIdentity{"", name, shortCode}, .clock = std::move(clock)});
    REQUIRE_MESSAGE(ledger, (ledger ? "" : ledger.error().message));
    return station;
}

std::vector<std::string> doWork(Ledger& ledger, int count, const std::string& tag) {
    std::vector<std::string> lots;
    for (int i = 0; i < count; ++i) {
        ReceiveRequest receive;
        receive.sku = "OIL";
        receive.supplier = "ACME";
        receive.supplierLot = tag + "-" + std::to_string(i);
        receive.quantity = 10'000'000;
        receive.location = "DOCK";
        receive.user = "ann";
        auto received = ledger.receive(receive);
        REQUIRE_MESSAGE(received, (received ? "" : received.error().message));
        MoveRequest move;
        move.lot = received->lotCode;
        move.quantity = 2'000'000;
        move.from = "DOCK";
        move.to = "STORE";
        move.user = "ann";
        auto moved = ledger.move(move);
        REQUIRE_MESSAGE(moved, (moved ? "" : moved.error().message));
        lots.push_back(received->lotCode);
    }
    return lots;
}

namespace {

struct Snapshot {
    std::map<std::pair<std::string, std::int64_t>, std::string> hashes;   // (station, seq) -> hash
    std::map<std::pair<std::string, std::string>, std::int64_t> balances; // (lot, location) -> on hand
};

Snapshot snapshotOf(const std::filesystem::path& path, const std::string& label) {
    auto opened = Ledger::open(path);
    REQUIRE_MESSAGE(opened, label << ": " << (opened ? "" : opened.error().message));
    auto& ledger = *opened;
    const auto findings = ledger.verify().value();
    for (const auto& finding : findings)
        FAIL_CHECK(label << " does not verify: " << finding.message);
    Snapshot snapshot;
    std::map<std::string, std::int64_t> lastSeq;
    std::set<std::string> lots;
    const auto arrivedAll = ledger.movementsSince(0, 100'000'000).value();
    for (const auto& arrived : arrivedAll) {
        const auto& m = arrived.movement;
        const bool fresh = snapshot.hashes.emplace(std::pair{m.stationId, m.seq}, m.hash).second;
        CHECK_MESSAGE(fresh, label << " holds movement " << m.seq << " of " << m.stationId << " twice");
        lastSeq[m.stationId] = std::max(lastSeq[m.stationId], m.seq);
        lots.insert(m.lot);
    }
    for (const auto& [station, last] : lastSeq) {
        std::int64_t present = 0;
        for (auto it = snapshot.hashes.lower_bound({station, 0});
             it != snapshot.hashes.end() && it->first.first == station; ++it)
            ++present;
        CHECK_MESSAGE(present == last, label << " has " << present << " movements of " << station
                                             << " but seq up to " << last);
    }
    for (const auto& lot : lots) {
        const auto balances = ledger.balances(lot).value();
        for (const auto& balance : balances)
            snapshot.balances[{balance.lot, balance.location}] = balance.quantity;
    }
    return snapshot;
}

// The server's side when its store is PostgreSQL: the movements in its order (each hash recomputed, each
// linked to its station's chain) and its balances.
Snapshot snapshotOfStore(const Central& central) {
    auto contents = central.open().contents();
    REQUIRE_MESSAGE(contents, (contents ? "" : contents.error().message));
    Snapshot snapshot;
    std::map<std::string, std::string> heads;
    for (const auto& m : contents->movements) {
        CHECK_MESSAGE(movementHash(m) == m.hash, "the server holds movement " << m.seq << " of " << m.stationId
                                                                             << " with a wrong hash");
        auto head = heads.try_emplace(m.stationId, std::string(64, '0')).first;
        CHECK_MESSAGE(m.prevHash == head->second,
                      "movement " << m.seq << " of " << m.stationId << " does not link to its chain");
        head->second = m.hash;
        const bool fresh = snapshot.hashes.emplace(std::pair{m.stationId, m.seq}, m.hash).second;
        CHECK_MESSAGE(fresh, "the server holds movement " << m.seq << " of " << m.stationId << " twice");
    }
    snapshot.balances = contents->balances;
    return snapshot;
}

void checkAgainst(const Snapshot& server, const std::vector<Station>& stations,
                  std::optional<std::int64_t> expected);

} // namespace

void checkConverged(const Central& central, const std::vector<Station>& stations,
                    std::optional<std::int64_t> expected) {
    if (!central.postgres()) return checkConverged(central.ledgerPath(), stations, expected);
    checkAgainst(snapshotOfStore(central), stations, expected);
}

void checkConverged(const std::filesystem::path& serverLedger, const std::vector<Station>& stations,
                    std::optional<std::int64_t> expected) {
    checkAgainst(snapshotOf(serverLedger, "the server"), stations, expected);
}

namespace {

void checkAgainst(const Snapshot& server, const std::vector<Station>& stations,
                  std::optional<std::int64_t> expected) {
    if (expected) CHECK(static_cast<std::int64_t>(server.hashes.size()) == *expected);
    for (const auto& station : stations) {
        const auto here = snapshotOf(station.path, "station " + station.name);
        CHECK_MESSAGE(here.hashes.size() == server.hashes.size(),
                      "station " << station.name << " holds " << here.hashes.size()
                                 << " movements, the server " << server.hashes.size());
        for (const auto& [key, hash] : server.hashes) {
            auto it = here.hashes.find(key);
            if (it == here.hashes.end()) {
                FAIL_CHECK("station " << station.name << " lacks movement " << key.second << " of "
                                      << key.first);
                break;
            }
            if (it->second != hash) {
                FAIL_CHECK("station " << station.name << " holds movement " << key.second << " of "
                                      << key.first << " with another hash");
                break;
            }
        }
        CHECK_MESSAGE(here.balances == server.balances,
                      "station " << station.name << " balances differ from the server's");
    }
}

} // namespace

void syncAll(const std::string& url, const std::vector<Station>& stations, int rounds) {
    for (int round = 0; round < rounds; ++round) {
        for (const auto& station : stations) {
            auto client = station.client(url);
            auto summary = client.syncOnce();
            REQUIRE_MESSAGE(summary, station.name << ": " << (summary ? "" : summary.error().message));
        }
    }
}

} // namespace lotstation::sync::test
