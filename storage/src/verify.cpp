// verify(): the ledger checked against itself.
//  1. Balances: every (lot, location) re-derived from the movements (to gains, from loses) and compared with
//     the balances table, both ways.
//  2. Chains: for every station, movements in seq order must start at 1 without gaps, each must carry its
//     predecessor's hash, and each hash must match the movement's canonical text.
//  3. Chain heads and outbox: the recorded head of each chain is its last movement; every outbox row names
//     this station's movement with the same seq.
#include "batch/batch_rules.hpp"
#include "crypto.hpp"
#include "ledger_core.hpp"
#include "quality/signature_writer.hpp"
#include "rows.hpp"
#include "lotstation/storage/ledger_verify.hpp"

#include <map>
#include <utility>

namespace lotstation::storage {
namespace {

using Key = std::pair<std::int64_t, std::int64_t>; // lot id, location id

struct Names {
    std::map<std::int64_t, std::pair<std::string, Uom>> lots;
    std::map<std::int64_t, std::string> locations;
};

Names loadNames(sql::Database& db) {
    Names names;
    auto lots = db.prepare("SELECT l.id, l.code, i.uom FROM lots l JOIN items i ON i.id = l.item_id");
    while (lots.step())
        names.lots[lots.int64(0)] = {lots.text(1), parseUom(lots.text(2)).value_or(Uom::Gram)};
    auto locations = db.prepare("SELECT id, code FROM locations");
    while (locations.step())
        names.locations[locations.int64(0)] = locations.text(1);
    return names;
}

[[nodiscard]] bool checkBalances(sql::Database& db, std::vector<Finding>& findings, ProgressTicker& ticker) {
    std::map<Key, std::int64_t> derived;
    auto flows = db.prepare("SELECT lot_id, from_location_id, to_location_id, quantity FROM movements");
    while (flows.step()) {
        if (!ticker.tick()) return false;
        const auto lot = flows.int64(0);
        if (auto from = flows.optInt64(1)) derived[{lot, *from}] -= flows.int64(3);
        if (auto to = flows.optInt64(2)) derived[{lot, *to}] += flows.int64(3);
    }
    std::map<Key, std::int64_t> stored;
    auto rows = db.prepare("SELECT lot_id, location_id, quantity FROM balances");
    while (rows.step())
        stored[{rows.int64(0), rows.int64(1)}] = rows.int64(2);

    const auto names = loadNames(db);
    auto describe = [&](const Key& key, std::int64_t storedQty, std::int64_t derivedQty) {
        const auto lot = names.lots.find(key.first);
        const auto location = names.locations.find(key.second);
        const auto uom = lot != names.lots.end() ? lot->second.second : Uom::Piece;
        return "balance of lot " + (lot != names.lots.end() ? lot->second.first : std::to_string(key.first)) +
               " at " + (location != names.locations.end() ? location->second : std::to_string(key.second)) +
               " is " + formatQuantity(storedQty, uom) + ", ledger says " + formatQuantity(derivedQty, uom);
    };
    for (const auto& [key, quantity] : derived) {
        const auto found = stored.find(key);
        const auto storedQty = found == stored.end() ? 0 : found->second;
        if (storedQty != quantity)
            findings.push_back({Finding::Kind::BalanceMismatch, describe(key, storedQty, quantity)});
    }
    for (const auto& [key, quantity] : stored) {
        if (!derived.contains(key) && quantity != 0)
            findings.push_back({Finding::Kind::BalanceMismatch, describe(key, quantity, 0)});
    }
    return true;
}

[[nodiscard]] bool checkChains(sql::Database& db, std::vector<Finding>& findings, ProgressTicker& ticker) {
    std::map<std::string, std::pair<std::int64_t, std::string>> heads; // station -> last seq, last hash
    auto s = db.prepare(std::string(kMovementSelect) + "ORDER BY m.station_id, m.seq");
    while (s.step()) {
        if (!ticker.tick()) return false;
        const auto m = readMovement(s);
        auto [entry, fresh] = heads.try_emplace(m.stationId, 0, std::string(kGenesisHash));
        auto& [lastSeq, lastHash] = entry->second;
        const auto name = "movement " + std::to_string(m.seq) + " of station " + m.stationId;
        if (m.seq != lastSeq + 1) {
            findings.push_back(
                {Finding::Kind::SequenceGap,
                 "station " + m.stationId + ": movement " + std::to_string(m.seq) + " follows " +
                     (lastSeq == 0 ? std::string("nothing") : std::to_string(lastSeq)) + " (sequence gap)"});
        } else if (m.prevHash != lastHash) {
            findings.push_back(
                {Finding::Kind::BrokenChain, name + ": does not carry the hash of the movement before it"});
        }
        if (movementHash(m) != m.hash || formatTimestamp(m.at) != s.text(21))
            findings.push_back({Finding::Kind::HashMismatch, name + ": hash does not match its content"});
        lastSeq = m.seq;
        lastHash = m.hash;
    }
    auto chains = db.prepare("SELECT station_id, last_seq, last_hash FROM chains");
    while (chains.step()) {
        const auto station = chains.text(0);
        const auto found = heads.find(station);
        const std::int64_t seq = found == heads.end() ? 0 : found->second.first;
        const std::string hash = found == heads.end() ? std::string(kGenesisHash) : found->second.second;
        if (chains.int64(1) != seq || chains.text(2) != hash) {
            findings.push_back({Finding::Kind::ChainHead, "station " + station +
                                                              ": recorded chain head is movement " +
                                                              std::to_string(chains.int64(1)) +
                                                              ", the ledger ends at " + std::to_string(seq)});
        }
    }
    return true;
}

void checkOutbox(sql::Database& db, const std::string& stationId, std::vector<Finding>& findings) {
    auto s = db.prepare(
        "SELECT o.seq, m.station_id, m.seq FROM outbox o LEFT JOIN movements m ON m.id = o.movement_id");
    while (s.step()) {
        if (s.isNull(1) || s.text(1) != stationId || s.int64(2) != s.int64(0)) {
            findings.push_back(
                {Finding::Kind::Outbox, "outbox entry " + std::to_string(s.int64(0)) +
                                            " does not name this station's movement of that number"});
        }
    }
    auto missing = db.prepare("SELECT m.seq FROM movements m WHERE m.station_id = ?1 AND NOT EXISTS "
                              "(SELECT 1 FROM outbox o WHERE o.movement_id = m.id) ORDER BY m.seq LIMIT 10");
    missing.bindAll(stationId);
    while (missing.step()) {
        findings.push_back({Finding::Kind::Outbox, "movement " + std::to_string(missing.int64(0)) +
                                                       " of this station has no outbox entry"});
    }
}

} // namespace

Result<std::vector<Finding>> Ledger::verify() const {
    return verifyLedger(*this, {});
}

Result<std::vector<Finding>> verifyLedger(const Ledger& ledger, const Progress& progress) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<Finding>> {
        std::vector<Finding> findings;
        // One read transaction: every check sees the same snapshot even while another connection writes.
        sql::Transaction snapshot(core.db, sql::Transaction::Mode::Deferred);
        // Two passes over the movements (balances, then chains) are nearly all of the work.
        auto count = core.db.prepare("SELECT count(*) FROM movements");
        const auto movements = count.step() ? count.int64(0) : 0;
        ProgressTicker ticker(progress, 2 * movements, 8192);
        if (!checkBalances(core.db, findings, ticker) || !checkChains(core.db, findings, ticker))
            return cancelled("verify");
        checkOutbox(core.db, core.identity.stationId, findings);
        checkSignatures(core, findings);
        checkBatchEntries(core, findings);
        if (!ticker.finish()) return cancelled("verify");
        return findings;
    });
}

} // namespace lotstation::storage
