// Electronic signatures: the chain, the PIN check, reading them back (signatures.hpp).
#include "signature_writer.hpp"

#include "../canonical_fields.hpp"
#include "../crypto.hpp"
#include "../rows.hpp"
#include "lotstation/storage/access.hpp"
#include "lotstation/storage/signature_fields.hpp"

#include <array>
#include <utility>

namespace lotstation::storage {
namespace {

constexpr std::array<std::pair<SignatureMeaning, const char*>, 6> kMeanings{{
    {SignatureMeaning::Performed, "performed"},
    {SignatureMeaning::Verified, "verified"},
    {SignatureMeaning::Reviewed, "reviewed"},
    {SignatureMeaning::Released, "released"},
    {SignatureMeaning::Rejected, "rejected"},
    {SignatureMeaning::ApprovedDeviation, "approved-deviation"},
}};

constexpr std::string_view kSignatureSelect =
    "SELECT id, station_id, seq, at, signer, printed_name, meaning, record_kind, record_id, subject, "
    "record_hash, statement, reason, prev_hash, hash FROM signatures ";

template <typename Row> Signature readSignature(const Row& s) {
    Signature out;
    out.id = s.text(0);
    out.stationId = s.text(1);
    out.seq = s.int64(2);
    out.at = parseTimestamp(s.text(3)).value_or(Timestamp{});
    out.signer = s.text(4);
    out.printedName = s.text(5);
    out.meaning = parseSignatureMeaning(s.text(6)).value_or(SignatureMeaning::Performed);
    out.recordKind = s.text(7);
    out.recordId = s.text(8);
    out.subject = s.text(9);
    out.recordHash = s.text(10);
    out.statement = s.text(11);
    out.reason = s.optText(12);
    out.prevHash = s.text(13);
    out.hash = s.text(14);
    return out;
}

std::vector<Signature> select(LedgerCore& core, std::string_view where, std::string_view a,
                              std::optional<std::string_view> b = {}) {
    auto s = core.db.cached(std::string(kSignatureSelect) + std::string(where) + " ORDER BY pos");
    if (b)
        s.bindAll(a, *b);
    else
        s.bindAll(a);
    std::vector<Signature> out;
    while (s.step())
        out.push_back(readSignature(s));
    return out;
}

} // namespace

const char* toString(SignatureMeaning meaning) {
    for (const auto& [value, name] : kMeanings)
        if (value == meaning) return name;
    return "performed";
}

Result<SignatureMeaning> parseSignatureMeaning(std::string_view text) {
    for (const auto& [value, name] : kMeanings)
        if (text == name) return value;
    return fail(ErrorKind::Invalid, "'" + std::string(text) +
                                        "' is not a signature meaning (performed, verified, reviewed, "
                                        "released, rejected, approved-deviation)");
}

bool needsQaRole(SignatureMeaning meaning) {
    return meaning == SignatureMeaning::Released || meaning == SignatureMeaning::Rejected ||
           meaning == SignatureMeaning::ApprovedDeviation;
}

std::string statementFor(SignatureMeaning meaning, std::string_view subject) {
    const std::string lot(subject);
    switch (meaning) {
    case SignatureMeaning::Released:
        return "I release lot " + lot + " for use";
    case SignatureMeaning::Rejected:
        return "I reject lot " + lot;
    case SignatureMeaning::ApprovedDeviation:
        return "I approve the deviation on lot " + lot;
    case SignatureMeaning::Performed:
        return "I performed this on " + lot;
    case SignatureMeaning::Verified:
        return "I verified this on " + lot;
    case SignatureMeaning::Reviewed:
        return "I reviewed this on " + lot;
    }
    return lot;
}

std::string canonicalSignatureText(const Signature& s) {
    std::string out = "lotstation-signature/1\n";
    visitSignatureFields(s, canonical::CanonicalLines{out});
    return out;
}

Result<User> authenticateSigner(Ledger& ledger, std::string_view signer, std::string_view pin,
                                SignatureMeaning meaning) {
    if (signer.empty()) return fail(ErrorKind::Invalid, "who signs? a signature needs a name or badge");
    if (pin.empty())
        return fail(ErrorKind::Invalid, "a signature needs the signer's PIN, entered now (a badge alone is "
                                        "not a signature)");
    auto user = ledger.recordPinAttempt(signer, pin); // a wrong PIN counts toward the lock-out
    if (!user) return user;
    if (needsQaRole(meaning) && !allowed(user->role, Action::QcDisposition))
        return fail(ErrorKind::Refused, refusalMessage(*user, Action::QcDisposition));
    return user;
}

Signature appendSignature(LedgerCore& core, const User& signer, const SignRequest& request) {
    Signature s;
    s.stationId = core.identity.stationId;
    {
        auto head = core.db.cached("SELECT last_seq, last_hash FROM signature_chains WHERE station_id = ?1");
        head.bindAll(s.stationId);
        if (head.step()) {
            s.seq = head.int64(0) + 1;
            s.prevHash = head.text(1);
        } else {
            s.seq = 1;
            s.prevHash = std::string(kGenesisHash);
        }
    }
    s.at = core.clock();
    s.id = newUuidV7(s.at);
    s.signer = signer.name;
    s.printedName = signer.name;
    s.meaning = request.meaning;
    s.recordKind = request.recordKind;
    s.recordId = request.recordId;
    s.subject = request.subject;
    s.recordHash = sha256Hex(request.signedText);
    s.statement = request.statement;
    s.reason = request.reason;
    s.hash = sha256Hex(canonicalSignatureText(s));
    core.db
        .cached("INSERT INTO signatures (id, station_id, seq, at, signer, printed_name, meaning, record_kind, "
                "record_id, subject, record_hash, statement, reason, prev_hash, hash) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
        .bindAll(s.id, s.stationId, s.seq, formatTimestamp(s.at), s.signer, s.printedName,
                 toString(s.meaning), s.recordKind, s.recordId, s.subject, s.recordHash, s.statement, s.reason,
                 s.prevHash, s.hash)
        .run();
    core.db
        .cached("INSERT INTO signature_chains (station_id, last_seq, last_hash) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (station_id) DO UPDATE SET last_seq = ?2, last_hash = ?3")
        .bindAll(s.stationId, s.seq, s.hash)
        .run();
    return s;
}

Result<Signature> sign(Ledger& ledger, const SignRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Signature> {
        if (request.recordKind.empty() || request.recordId.empty() || request.subject.empty())
            return fail(ErrorKind::Invalid, "a signature names the record it signs and its lot or run");
        if (request.statement.empty())
            return fail(ErrorKind::Invalid, "a signature states its meaning in words");
        auto signer = authenticateSigner(ledger, request.signer, request.pin, request.meaning);
        if (!signer) return std::unexpected(signer.error());
        sql::Transaction transaction(core.db);
        auto signature = appendSignature(core, *signer, request);
        transaction.commit();
        return signature;
    });
}

std::vector<Signature> allSignatures(LedgerCore& core) {
    auto s = core.db.cached(std::string(kSignatureSelect) + "ORDER BY station_id, seq");
    std::vector<Signature> out;
    while (s.step())
        out.push_back(readSignature(s));
    return out;
}

std::optional<Signature> findSignature(LedgerCore& core, std::string_view id) {
    auto found = select(core, "WHERE id = ?1", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Signature> signaturesOf(const Ledger& ledger, std::string_view subject) {
    return select(LedgerAccess::core(ledger), "WHERE subject = ?1", subject);
}

std::vector<Signature> signaturesOfRecord(const Ledger& ledger, std::string_view recordKind,
                                          std::string_view recordId) {
    return select(LedgerAccess::core(ledger), "WHERE record_kind = ?1 AND record_id = ?2", recordKind,
                  recordId);
}

} // namespace lotstation::storage
