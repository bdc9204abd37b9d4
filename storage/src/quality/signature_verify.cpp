// verify()'s part for signatures: each signature's hash, its station chain (gapless, linked), the chain head,
// and the hash of the record it signs, recomputed from the record as it stands now.
#include "quality_rows.hpp"
#include "signature_writer.hpp"

#include "../batch/batch_rules.hpp"
#include "../crypto.hpp"

#include <map>

namespace lotstation::storage {

std::optional<std::string> signedTextOf(LedgerCore& core, std::string_view recordKind, std::string_view recordId) {
    if (recordKind == "movement") {
        if (auto movement = findMovement(core, recordId)) return canonicalMovementText(*movement);
        return std::nullopt;
    }
    if (recordKind == "inspection") {
        if (auto inspection = findInspection(core, recordId)) return canonicalInspectionText(*inspection);
        return std::nullopt;
    }
    if (recordKind == "batch-entry") {
        if (auto entry = findBatchEntry(core, recordId)) return canonicalBatchEntryText(*entry);
        return std::nullopt;
    }
    return std::nullopt;
}

void checkSignatures(LedgerCore& core, std::vector<Finding>& findings) {
    auto bad = [&](const Signature& s, const std::string& what) {
        findings.push_back({Finding::Kind::Signature, "signature " + std::to_string(s.seq) + " of station " +
                                                          s.stationId + " (" + toString(s.meaning) + ", " +
                                                          s.subject + ", by " + s.signer + "): " + what});
    };
    std::map<std::string, std::pair<std::int64_t, std::string>> heads; // station -> last seq, last hash
    for (const auto& s : allSignatures(core)) {
        auto& [seq, hash] = heads.try_emplace(s.stationId, 0, std::string(kGenesisHash)).first->second;
        if (s.seq != seq + 1) bad(s, "comes after signature " + std::to_string(seq) + ": the chain has a gap");
        if (s.prevHash != hash) bad(s, "does not carry the hash of the signature before it");
        if (sha256Hex(canonicalSignatureText(s)) != s.hash) bad(s, "hash does not match its content (altered)");
        if (auto text = signedTextOf(core, s.recordKind, s.recordId)) {
            if (sha256Hex(*text) != s.recordHash)
                bad(s, "the signed " + s.recordKind + " " + s.recordId + " was altered after signing");
        } else if (s.recordKind == "movement" || s.recordKind == "inspection" || s.recordKind == "batch-entry") {
            bad(s, "the signed " + s.recordKind + " " + s.recordId + " is missing");
        }
        seq = s.seq;
        hash = s.hash;
    }
    auto s = core.db.cached("SELECT station_id, last_seq, last_hash FROM signature_chains");
    while (s.step()) {
        const auto head = heads.find(s.text(0));
        if (head == heads.end() || head->second.first != s.int64(1) || head->second.second != s.text(2))
            findings.push_back({Finding::Kind::Signature,
                                "station " + s.text(0) + ": the signature chain's head is not its last signature"});
    }
}

} // namespace lotstation::storage
