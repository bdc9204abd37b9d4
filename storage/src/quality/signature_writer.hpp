#pragma once
// Inside storage: who may sign, and the one way a signature enters the database (the caller holds the
// transaction, so a disposition and its signatures commit or vanish together).
#include "../ledger_core.hpp"
#include "lotstation/storage/signatures.hpp"

namespace lotstation::storage {

// The PIN re-entered now (counted toward the lock-out; Ledger::recordPinAttempt), then the role the meaning needs.
[[nodiscard]] Result<User> authenticateSigner(Ledger& ledger, std::string_view signer,
                                              std::string_view pin, SignatureMeaning meaning);

// Fills in id, station, seq, time, hashes (record_hash = SHA-256 of signedText) and writes it.
[[nodiscard]] Signature appendSignature(LedgerCore& core, const User& signer, const SignRequest& request);

// The exact bytes a stored record of a kind storage knows stands for; empty when the record is gone or the
// kind is not one storage knows.
[[nodiscard]] std::optional<std::string> signedTextOf(LedgerCore& core, std::string_view recordKind,
                                                      std::string_view recordId);

[[nodiscard]] std::optional<Signature> findSignature(LedgerCore& core, std::string_view id);

// Every signature, ordered by station and seq.
[[nodiscard]] std::vector<Signature> allSignatures(LedgerCore& core);

// verify(): signatures' hashes and chains, and the records they sign.
void checkSignatures(LedgerCore& core, std::vector<Finding>& findings);

// The statement in words: "I release lot X for use", "I reject lot X".
[[nodiscard]] std::string statementFor(SignatureMeaning meaning, std::string_view subject);

} // namespace lotstation::storage
