#pragma once
// A small real ledger for the bad-input table, driven through the real command line in-process, plus a
// snapshot of everything a bad input could have changed: if the snapshot is equal before and after, nothing
// was written.
#include "lotstation/station/command_line.hpp"
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace lotstation::test {

struct CommandOutcome {
    int exitCode = 0;
    std::string out;
    std::string err;
};

// What a write would change: movements, balances and status of every lot, and all master data.
struct LedgerSnapshot {
    std::int64_t movements = 0;
    std::map<std::string, std::map<std::string, std::int64_t>> balances; // lot -> location -> quantity
    std::map<std::string, std::string> lotStatus;
    std::size_t items = 0, locations = 0, suppliers = 0, customers = 0, users = 0;
    std::size_t findings = 0; // Ledger::verify()
    std::string openError;    // why the ledger could not be opened, if it could not
    bool operator==(const LedgerSnapshot&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const LedgerSnapshot& s) {
    return out << s.movements << " movements, " << s.balances.size() << " lots with stock, " << s.items
               << " items, " << s.findings << " verify findings";
}

class HardeningLedger {
  public:
    // Lots the table refers to.
    static constexpr const char* kOilLot = "OIL-LOT-1"; // 2 kg of OIL (g) at STORE
    static constexpr const char* kBarLot = "BAR-LOT-1"; // 10 BAR (pc) at STORE

    HardeningLedger() {
        const std::vector<std::vector<std::string>> setup{
            {"init", "--station", "Bad input bench", "--short-code", "H"},
            {"location", "add", "STORE", "--name", "Store"},
            {"location", "add", "DOCK", "--name", "Dock", "--kind", "dock"},
            {"supplier", "add", "SUP", "--name", "Supplier"},
            {"customer", "add", "SHOP", "--name", "Shop"},
            {"user", "add", "ana", "--role", "operator"},
            {"user", "add", "sam", "--role", "supervisor"},
            {"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "STORE"},
            {"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--kind", "finished", "--location",
             "STORE"},
            {"receive", "OIL", "2kg", "--supplier", "SUP", "--supplier-lot", "S-1", "--lot", kOilLot,
             "--unit-cost", "4.00/kg", "--expires", "2030-01-31"},
            {"receive", "BAR", "10", "--supplier", "SUP", "--supplier-lot", "S-2", "--lot", kBarLot},
        };
        for (const auto& args : setup) {
            const auto outcome = run(args);
            INFO("setup: " << args.front() << ": " << outcome.err);
            REQUIRE(outcome.exitCode == 0);
        }
    }

    [[nodiscard]] std::filesystem::path databasePath() const { return m_dir.file("station.db"); }
    [[nodiscard]] const TempDir& dir() const { return m_dir; }

    [[nodiscard]] CommandOutcome run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", databasePath().string()});
        return runRaw(args);
    }
    [[nodiscard]] static CommandOutcome runRaw(const std::vector<std::string>& args) {
        std::ostringstream out;
        std::ostringstream err;
        const int code = station::runCommandLine(args, {out, err}, nullptr);
        return {code, out.str(), err.str()};
    }

    [[nodiscard]] LedgerSnapshot snapshot() const {
        auto taken = snapshotOf(databasePath());
        REQUIRE(taken.openError.empty());
        return taken;
    }

    // Usable in a forked child too: never throws, says why it could not open instead.
    [[nodiscard]] static LedgerSnapshot snapshotOf(const std::filesystem::path& path) {
        LedgerSnapshot s;
        auto ledger = storage::Ledger::open(path);
        if (!ledger) {
            s.openError = ledger.error().message;
            return s;
        }
        s.movements = ledger->movementCount().value();
        for (const auto* code : {kOilLot, kBarLot}) {
            const auto balances = ledger->balances(code).value();
            for (const auto& balance : balances)
                s.balances[balance.lot][balance.location] = balance.quantity;
            if (const auto lot = ledger->lot(code)) s.lotStatus[code] = storage::toString(lot->status);
        }
        s.items = ledger->items().value().size();
        s.locations = ledger->locations().value().size();
        s.suppliers = ledger->suppliers().value().size();
        s.customers = ledger->customers().value().size();
        s.users = ledger->users().value().size();
        s.findings = ledger->verify().value().size();
        return s;
    }

  private:
    TempDir m_dir;
};

} // namespace lotstation::test
