// The database itself refuses: a read-only ledger file and a full disk. The person sees a clear error, the
// command fails, and the ledger is exactly as it was (and still verifies).
//
// Both run the real command line in a forked child so that what they change (the user id, the file size
// limit, SIGXFSZ) never touches the test process. A full disk is simulated with RLIMIT_FSIZE: writes that
// would grow a file past the limit fail with EFBIG, which SQLite reports as a full disk.
#include "ledger_fixture.hpp"

#include <csignal>
#include <cstdio>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using lotstation::test::CommandOutcome;
using lotstation::test::HardeningLedger;

// Runs the command line in a child after `prepare` ran there; returns its exit code and stderr.
template <typename Prepare> CommandOutcome runInChild(const std::vector<std::string>& args, Prepare prepare) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        prepare();
        const auto outcome = HardeningLedger::runRaw(args);
        const auto report = std::to_string(outcome.exitCode) + "\n" + outcome.err;
        const auto written = write(fds[1], report.data(), report.size());
        _exit(written == static_cast<ssize_t>(report.size()) ? 0 : 9);
    }
    close(fds[1]);
    std::string report;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        report.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    INFO("child report: " << report);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const auto newline = report.find('\n');
    REQUIRE(newline != std::string::npos);
    return {std::stoi(report.substr(0, newline)), {}, report.substr(newline + 1)};
}

std::vector<std::string> withDb(const HardeningLedger& ledger, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", ledger.databasePath().string()});
    return args;
}

} // namespace

TEST_CASE("bad input: a read-only ledger refuses writes with a clear error and stays unchanged") {
    HardeningLedger ledger;
    const auto before = ledger.snapshot();
    // Root ignores file permissions, so the child gives up root first (nobody/nogroup).
    REQUIRE(chmod(ledger.dir().path().c_str(), 0755) == 0);
    REQUIRE(chmod(ledger.databasePath().c_str(), 0444) == 0);
    const auto dropRoot = [] {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(8);
    };
    const std::vector<std::vector<std::string>> writes{
        {"receive", "OIL", "1kg", "--supplier", "SUP", "--supplier-lot", "S-RO"},
        {"hold", HardeningLedger::kOilLot, "--reason", "read-only test"},
        {"location", "add", "NEW", "--name", "New"},
    };
    for (const auto& args : writes) {
        const auto outcome = runInChild(withDb(ledger, args), dropRoot);
        INFO(args.front() << " on a read-only ledger says: " << outcome.err);
        CHECK(outcome.exitCode == 1);
        CHECK(outcome.err.find("lotstation: the ledger file is read-only: nothing was recorded") !=
              std::string::npos);
    }
    REQUIRE(chmod(ledger.databasePath().c_str(), 0644) == 0);
    CHECK(ledger.snapshot() == before);
}

TEST_CASE("bad input: a file size limit fails the write cleanly and the ledger stays consistent") {
    // RLIMIT_FSIZE works without privileges (CI): writes past the limit fail with EFBIG, an I/O error.
    HardeningLedger ledger;
    const auto before = ledger.snapshot();
    const auto limited = [] {
        std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
        const rlimit limit{.rlim_cur = 1024, .rlim_max = RLIM_INFINITY};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(8);
    };
    const auto outcome = runInChild(
        withDb(ledger, {"receive", "OIL", "1kg", "--supplier", "SUP", "--supplier-lot", "S-FULL"}), limited);
    INFO("a file size limit says: " << outcome.err);
    CHECK(outcome.exitCode == 1);
    CHECK(outcome.err.find("lotstation: disk full: nothing was recorded") != std::string::npos);
    CHECK(ledger.snapshot() == before);

    // Without the limit, the same receipt goes through.
    const auto retried =
        ledger.run({"receive", "OIL", "1kg", "--supplier", "SUP", "--supplier-lot", "S-FULL"});
    CHECK(retried.exitCode == 0);
    const auto after = ledger.snapshot();
    CHECK(after.movements == before.movements + 1);
    CHECK(after.findings == 0);
}

TEST_CASE("bad input: a full disk fails the write cleanly and the ledger stays consistent") {
    // A real full file system: a tiny tmpfs, filled up, in a private mount namespace of a child process (so
    // nothing is mounted for anyone else, and it vanishes with the child). Needs root; skipped otherwise.
    if (geteuid() != 0) LOTSTATION_SKIP("mounting a tmpfs needs root");
    HardeningLedger ledger;
    const auto mountPoint = ledger.dir().file("tiny-disk");
    std::filesystem::create_directory(mountPoint);
    const auto copy = mountPoint / "station.db";
    const auto receipt = std::vector<std::string>{
        "--db", copy.string(), "receive", "OIL", "1kg", "--supplier", "SUP", "--supplier-lot", "S-FULL"};
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        std::string report;
        const auto send = [&](const std::string& text) {
            report += text;
            const auto written = write(fds[1], report.data(), report.size());
            _exit(written == static_cast<ssize_t>(report.size()) ? 0 : 9);
        };
        if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            send("skip\ncannot make a private mount namespace");
        if (mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=1m") != 0)
            send("skip\ncannot mount a tmpfs");
        std::error_code error;
        std::filesystem::copy_file(ledger.databasePath(), copy, error);
        if (error) send("fail\ncannot copy the ledger: " + error.message());
        const auto before = HardeningLedger::snapshotOf(copy);
        // Fill the disk to the last byte.
        {
            const auto filler = fopen((mountPoint / "filler").c_str(), "wb");
            const std::string block(4096, 'x');
            while (fwrite(block.data(), 1, block.size(), filler) == block.size() && fflush(filler) == 0) {
            }
            fclose(filler);
        }
        const auto outcome = HardeningLedger::runRaw(receipt);
        std::filesystem::remove(mountPoint / "filler", error);
        const auto after = HardeningLedger::snapshotOf(copy);
        const auto retried = HardeningLedger::runRaw(receipt);
        const auto afterRetry = HardeningLedger::snapshotOf(copy);
        send("ran\n" + std::to_string(outcome.exitCode) + "\n" + (before == after ? "same" : "changed") +
             "\n" + std::to_string(retried.exitCode) + "\n" +
             std::to_string(afterRetry.movements - before.movements) + "\n" +
             std::to_string(afterRetry.findings) + "\n" + before.openError + "\n" + outcome.err);
    }
    close(fds[1]);
    std::string report;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        report.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::vector<std::string> lines;
    for (std::size_t at = 0;;) {
        const auto end = report.find('\n', at);
        lines.push_back(report.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    if (lines.front() == "skip") LOTSTATION_SKIP(lines.at(1));
    INFO("child report: " << report);
    REQUIRE(lines.front() == "ran");
    REQUIRE(lines.size() >= 8);
    CHECK(lines[1] == "1");    // the receipt failed
    CHECK(lines[2] == "same"); // and wrote nothing
    CHECK(lines[3] == "0");    // with space again it goes through
    CHECK(lines[4] == "1");    // exactly one movement more
    CHECK(lines[5] == "0");    // and the ledger verifies
    CHECK(lines[6].empty());   // the copy opened fine before
    // SQLite reports the full tmpfs as an I/O error (the WAL's shared-memory file cannot grow); the ledger
    // tells the person what happened and that nothing was recorded.
    CHECK(report.find("lotstation: disk full: nothing was recorded") != std::string::npos);
}
