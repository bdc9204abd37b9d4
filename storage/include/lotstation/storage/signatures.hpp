#pragma once
// Electronic signatures in the Part 11 manner (DOMAIN §2): a signature is a record of its own, made only with
// the signer's PIN entered at that moment (a badge alone is no signature; a wrong PIN counts toward the PIN
// lock-out), holding the printed name, the time, the meaning and the SHA-256 of exactly what was signed.
// Signatures are append-only (the database refuses UPDATE and DELETE) and hash-chained per station like
// movements; Ledger::verify() recomputes every signature's hash, its chain, and the hash of the record it
// signs (for the record kinds storage knows), so an altered signature or an altered signed record shows.
//
// Generic: any record can be signed. A caller names the record (kind + id), the lot or run it belongs to
// (`subject`, so signatures list per lot or run) and gives the exact bytes it stands for; the service keeps
// their hash. Record kinds storage checks in verify(): "movement" (the movement's canonical text) and
// "inspection" (quality.hpp). Other kinds are chained and hash-checked; their bytes are the caller's business.
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

enum class SignatureMeaning { Performed, Verified, Reviewed, Released, Rejected, ApprovedDeviation };

// "performed", "verified", "reviewed", "released", "rejected", "approved-deviation".
[[nodiscard]] const char* toString(SignatureMeaning meaning);
[[nodiscard]] Result<SignatureMeaning> parseSignatureMeaning(std::string_view text);
// Released, rejected and approved deviations are QC dispositions: only the qa role signs them.
[[nodiscard]] bool needsQaRole(SignatureMeaning meaning);

struct Signature {
    std::string id{}; // UUIDv7
    std::string stationId{};
    std::int64_t seq = 0; // gapless per station, from 1 (a chain of its own, apart from movements)
    Timestamp at{};
    std::string signer{};      // user name
    std::string printedName{}; // as shown and printed with the signed record
    SignatureMeaning meaning = SignatureMeaning::Performed;
    std::string recordKind{}; // "movement", "inspection", "batch-step", ...
    std::string recordId{};
    std::string subject{};    // the lot or run code the record belongs to
    std::string recordHash{}; // SHA-256 (hex) of exactly what was signed
    std::string statement{};  // the meaning in words: "I release lot X for use"
    std::optional<std::string> reason{};
    std::string prevHash{};
    std::string hash{};
};

// What to sign and who signs. `signer` is a name or badge; `pin` is re-entered now.
struct SignRequest {
    std::string signer{};
    std::string pin{};
    SignatureMeaning meaning = SignatureMeaning::Performed;
    std::string recordKind{};
    std::string recordId{};
    std::string subject{};
    std::string signedText{}; // the exact bytes the signature stands for
    std::string statement{};
    std::optional<std::string> reason{};
};

// Checks the PIN (counted toward the lock-out), the role the meaning needs, then appends the signature.
// Errors: wrong user or PIN (Refused), a signer without the qa role for a disposition (Refused), missing
// record or statement (Invalid). Nothing but the PIN count is written on an error. Inside
// Ledger::atomically() a failure of the body after a wrong PIN also rolls the PIN count back: check the PIN
// with Ledger::recordPinAttempt first when that matters.
[[nodiscard]] Result<Signature> sign(Ledger& ledger, const SignRequest& request);

// Signatures on one lot or run (its subject), in the order they were made.
[[nodiscard]] std::vector<Signature> signaturesOf(const Ledger& ledger, std::string_view subject);
// Signatures of one record.
[[nodiscard]] std::vector<Signature> signaturesOfRecord(const Ledger& ledger, std::string_view recordKind,
                                                        std::string_view recordId);

// "lotstation-signature/1\n" then the fields id station seq at signer printed_name meaning record_kind
// record_id subject record_hash statement reason prev_hash, written like movements' (canonicalMovementText).
[[nodiscard]] std::string canonicalSignatureText(const Signature& signature);

} // namespace lotstation::storage
