// Crash safety of the ledger: a child process records movements into a real SQLite file as fast as it can and
// reports each movement id on a pipe only after the operation has returned (committed); the parent SIGKILLs
// it at a random moment, many times over, reopening the same file each round. Afterwards every movement
// reported committed must be in the ledger, Ledger::verify() must find nothing (balances = ledger, hash
// chains, gapless sequences), at most one movement per kill may be committed-but-unreported, and SQLite's
// integrity_check must pass.
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <set>
#include <sqlite3.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

namespace storage = lotstation::storage;
using namespace std::chrono_literals;

void setUpLedger(const std::filesystem::path& path) {
    auto ledger = storage::Ledger::open(path, {.identity = storage::StationIdentity{"", "Crash test", "K"}});
    REQUIRE(ledger.has_value());
    REQUIRE(ledger->addUser({.name = "op", .role = storage::UserRole::Supervisor}).has_value());
    REQUIRE(ledger->addLocation({"DOCK", "Dock", storage::LocationKind::Dock}).has_value());
    REQUIRE(ledger->addLocation({"STORE", "Store", storage::LocationKind::Store}).has_value());
    REQUIRE(ledger->addSupplier({"SUP", "Supplier"}).has_value());
    REQUIRE(
        ledger->addItem({.sku = "OIL", .name = "Oil", .uom = storage::Uom::Gram, .defaultLocation = "DOCK"})
            .has_value());
}

// The child: receive, move and adjust in a loop, forever, reporting each committed movement id. Exits only
// when killed (or with 3 when something refuses, which the parent treats as a failure).
[[noreturn]] void recordForever(const std::filesystem::path& path, int reportFd, unsigned seed) {
    auto ledger = storage::Ledger::open(path);
    if (!ledger) _exit(3);
    const auto report = [reportFd](const storage::Movement& movement) {
        const auto line = movement.id + "\n"; // < PIPE_BUF: one atomic write
        if (write(reportFd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
    };
    for (unsigned i = seed;; ++i) {
        const auto supplierLot = "SL-" + std::to_string(i % 5);
        const auto received = ledger->receive({.sku = "OIL",
                                               .supplier = "SUP",
                                               .supplierLot = supplierLot,
                                               .quantity = 1000 + i % 7,
                                               .unitCost = 4200,
                                               .user = "op"});
        if (!received) _exit(3);
        report(received->movement);
        const auto& lot = received->lotCode;
        if (i % 2 == 0) {
            const auto moved =
                ledger->move({.lot = lot, .quantity = 300, .to = "STORE", .from = "DOCK", .user = "op"});
            if (!moved) _exit(3);
            report(*moved);
        }
        if (i % 3 == 0) {
            const auto adjusted = ledger->adjust(
                {.lot = lot, .delta = -1, .location = "DOCK", .reason = "spill", .user = "op"});
            if (!adjusted) _exit(3);
            report(*adjusted);
        }
    }
}

std::string integrityCheck(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open";
    }
    std::string result;
    sqlite3_exec(
        db, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) += values[0] ? values[0] : "";
            return 0;
        },
        &result, nullptr);
    sqlite3_close(db);
    return result;
}

} // namespace

TEST_CASE("crash safety: movements reported committed survive SIGKILL at random moments") {
    lotstation::test::TempDir dir;
    const auto path = dir.file("station.db");
    setUpLedger(path);

    constexpr int kRounds = 30;
    std::mt19937 random{20261124};
    std::uniform_int_distribution<int> killAfterMs{50, 600};
    std::set<std::string> reported;
    int kills = 0;
    const auto started = std::chrono::steady_clock::now();

    for (int round = 0; round < kRounds; ++round) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(fds[0]);
            recordForever(path, fds[1], static_cast<unsigned>(round) * 1000U);
        }
        close(fds[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds{killAfterMs(random)});
        kill(child, SIGKILL);
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        INFO("round " << round << ": the child must die by the kill, not exit (exit code "
                      << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ")");
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);
        ++kills;

        std::string lines;
        char buffer[4096];
        for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
            lines.append(buffer, static_cast<std::size_t>(n));
        close(fds[0]);
        for (std::size_t at = 0, end; (end = lines.find('\n', at)) != std::string::npos; at = end + 1)
            reported.insert(lines.substr(at, end - at));
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    REQUIRE(integrityCheck(path) == "ok");
    auto ledger = storage::Ledger::open(path);
    REQUIRE(ledger.has_value());
    std::size_t missing = 0;
    for (const auto& id : reported) {
        if (!ledger->movement(id)) ++missing;
    }
    CHECK(missing == 0);
    const auto findings = ledger->verify().value();
    for (const auto& finding : findings)
        FAIL_CHECK("verify: " << finding.message);
    const auto inLedger = ledger->movementCount().value();
    CHECK(inLedger >= static_cast<std::int64_t>(reported.size()));
    // A kill can land between a commit and its report: at most one such movement per kill.
    CHECK(inLedger - static_cast<std::int64_t>(reported.size()) <= kills);
    CHECK(reported.size() > static_cast<std::size_t>(kRounds)); // the child got real work done
    MESSAGE("crash safety: " << kRounds << " rounds, " << kills << " SIGKILLs, " << reported.size()
                             << " movements reported committed, " << inLedger << " in the ledger, " << seconds
                             << " s");

    // The ledger still takes new movements after all that.
    CHECK(
        ledger
            ->receive({.sku = "OIL", .supplier = "SUP", .supplierLot = "AFTER", .quantity = 5, .user = "op"})
            .has_value());
    CHECK(ledger->verify().value().empty());
}
