#pragma once
// Quality control (DESIGN §10, DOMAIN §1): QC policy per item, versioned specifications, inspections,
// dispositions (release, reject, partial acceptance) and documents on lots. Free functions over a Ledger.
//
// - A lot of an item with QC on receipt is received into quarantine; a produced lot of an item with QC on
//   release is born in quarantine (a hold movement in the same transaction, so it travels with sync). A
//   quarantined lot cannot be consumed, moved to a workstation or shipped, and no supervisor can override
//   that: only qcRelease (qa role, signed) ends it.
// - Release is refused while a test of the item's current spec has no result or its latest result failed,
//   unless the qa person signs a deviation with a reason.
// - A rejected lot can only be scrapped (Ledger::scrap) or returned to its supplier (returnToSupplier).
// - Every error is a sentence and nothing is written.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/signatures.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

[[nodiscard]] const char* toString(QcPolicy policy); // none receipt release both
[[nodiscard]] Result<QcPolicy> parseQcPolicy(std::string_view text);
[[nodiscard]] bool qcOnReceipt(QcPolicy policy);
[[nodiscard]] bool qcOnRelease(QcPolicy policy);

// Master data: who may set it is not checked (like items). Unknown SKU is NotFound.
[[nodiscard]] Result<void> setQcPolicy(Ledger& ledger, std::string_view sku, QcPolicy policy);
[[nodiscard]] Result<QcPolicy> qcPolicy(const Ledger& ledger, std::string_view sku);

// --- specifications -------------------------------------------------------------------------------------
enum class TestKind { PassFail, Numeric, Text };

struct SpecTest {
    std::string name{};
    TestKind kind = TestKind::PassFail;
    std::optional<std::string> min{}; // numeric: exact decimal text ("5.5"), inclusive
    std::optional<std::string> max{};
    std::optional<std::string> unit{};
    std::optional<std::string> expected{}; // text: the expected value (compared ignoring case and outer spaces)
    std::optional<std::string> method{};   // method or reference, optional for every kind
};

struct Spec {
    std::string sku{};
    int version = 0; // 0: the item has no spec yet
    Timestamp createdAt{};
    std::string createdBy{};
    std::vector<SpecTest> tests{};
};

// Adds or replaces one test: writes a new spec version holding the previous tests plus this one. A numeric
// test needs a unit and at least one limit, min <= max; a text test an expected value.
[[nodiscard]] Result<Spec> setSpecTest(Ledger& ledger, std::string_view sku, const SpecTest& test,
                                       std::string_view user);
// The current spec (version 0 and no tests when there is none). Unknown SKU is NotFound.
[[nodiscard]] Result<Spec> currentSpec(const Ledger& ledger, std::string_view sku);

// A value judged against a test: pass / fail, or Invalid when it is not of the test's type ("pH: 'abc' is
// not a number"). Pass/fail tests take pass or fail (also ok / yes / no, any case).
[[nodiscard]] Result<bool> judge(const SpecTest& test, std::string_view value);
// "pH 5.5–7.0", "odour = lavender", "seal intact pass/fail".
[[nodiscard]] std::string describeLimits(const SpecTest& test);

// --- documents on lots ----------------------------------------------------------------------------------
enum class AttachmentKind { Coa, Photo, Document };
[[nodiscard]] const char* toString(AttachmentKind kind); // coa photo document
[[nodiscard]] Result<AttachmentKind> parseAttachmentKind(std::string_view text);

inline constexpr std::size_t kMaxAttachmentBytes = 16u * 1024u * 1024u;

struct AttachRequest {
    std::string subject{};   // lot code (runs later)
    std::string fileName{};  // its extension must match the content: .pdf, .png, .jpg / .jpeg
    std::string content{};   // the file's bytes
    AttachmentKind kind = AttachmentKind::Document;
    std::string user{};
    std::optional<std::string> inspection{}; // attached as part of this inspection
    std::size_t maxBytes = kMaxAttachmentBytes;
};

struct Attachment {
    std::string id{};
    Timestamp at{};
    std::string user{};
    std::string subject{};
    AttachmentKind kind = AttachmentKind::Document;
    std::string fileName{};
    std::string sha256{};
    std::string type{}; // pdf png jpeg, from the content
    std::int64_t size = 0;
    std::optional<std::string> inspection{};
};

// "pdf", "png" or "jpeg" from the first bytes; empty when none.
[[nodiscard]] std::string sniffDocumentType(std::string_view content);
// Stores the content once per SHA-256 (a second attachment of the same file shares it).
[[nodiscard]] Result<Attachment> attach(Ledger& ledger, const AttachRequest& request);
[[nodiscard]] std::vector<Attachment> attachmentsOf(const Ledger& ledger, std::string_view subject);
[[nodiscard]] Result<std::string> documentContent(const Ledger& ledger, std::string_view sha256);

// --- inspections ----------------------------------------------------------------------------------------
struct ResultValue {
    std::string test{};
    std::string value{};
};

struct InspectionRequest {
    std::string lot{};
    std::vector<ResultValue> results{};
    std::optional<std::int64_t> sampleSize{};
    std::optional<std::string> note{};
    std::string signer{}; // name or badge; the inspector signs "performed" with the PIN
    std::string pin{};
    // Documents attached to the lot as part of this inspection, in the same transaction (subject, user and
    // inspection are filled in).
    std::vector<AttachRequest> documents{};
};

struct TestResult {
    std::string test{};
    std::string value{};
    bool passed = false;
};

struct Inspection {
    std::string id{}; // UUIDv7
    std::string stationId{};
    Timestamp at{};
    std::string user{};
    std::string lot{};
    int specVersion = 0;
    std::optional<std::int64_t> sampleSize{};
    std::optional<std::string> note{};
    bool passed = false;
    std::vector<TestResult> results{};
};

// Records an inspection of a lot and the inspector's signature in one transaction. Refused: a test the spec
// does not have, a value not of the test's type, a test given twice, no results, a wrong PIN.
[[nodiscard]] Result<Inspection> inspect(Ledger& ledger, const InspectionRequest& request);
[[nodiscard]] std::vector<Inspection> inspectionsOf(const Ledger& ledger, std::string_view lot);
// The exact text an inspection's signature covers (its id, station, time, user, lot, version, sample, note,
// and every result).
[[nodiscard]] std::string canonicalInspectionText(const Inspection& inspection);

// --- dispositions ---------------------------------------------------------------------------------------
struct ReleaseRequest {
    std::string lot{};
    std::string signer{}; // name or badge of a qa person
    std::string pin{};
    std::optional<std::string> deviation{}; // reason: release although a required test is missing or failed
};

struct RejectRequest {
    std::string lot{};
    std::string reason{};
    std::string signer{};
    std::string pin{};
    // Partial acceptance: this much is accepted (released) and the rest split into a new, rejected lot.
    std::optional<std::int64_t> accept{};
    // Partial acceptance releases the accepted part, so the release rule holds: refused while a required test is
    // missing or failed, unless the QA person signs this deviation (its reason).
    std::optional<std::string> deviation{};
};

struct Disposition {
    std::vector<Movement> movements{}; // the release / rejection (and split) movements
    std::vector<Signature> signatures{};
    std::optional<std::string> rejectedLot{}; // partial acceptance: the lot the rejected part went to
};

[[nodiscard]] Result<Disposition> qcRelease(Ledger& ledger, const ReleaseRequest& request);
[[nodiscard]] Result<Disposition> qcReject(Ledger& ledger, const RejectRequest& request);

// Ships a rejected lot's stock back to its supplier: a ship movement to the supplier, with a reason.
struct ReturnRequest {
    std::string lot{};
    std::int64_t quantity = 0; // 0: all of it
    std::string reason{};
    std::string user{};
    std::optional<std::string> location{};
};
[[nodiscard]] Result<Movement> returnToSupplier(Ledger& ledger, const ReturnRequest& request);

// Lots in quarantine, oldest first (by when they entered it), with what is on hand and how many inspections.
struct PendingLot {
    std::string lot{};
    std::string sku{};
    std::string itemName{};
    Uom uom = Uom::Gram;
    Timestamp since{};
    std::int64_t onHand = 0;
    int inspections = 0;
    bool lastInspectionPassed = false;
};
[[nodiscard]] std::vector<PendingLot> qcPending(const Ledger& ledger);

// The quality story of some lots (a recall's affected lots): every inspection, every QC disposition
// (released, rejected, approved deviation) and every document attached, by reference, in time order. The one
// source of the quality part of recall output (CLI, FSMA 204 CSV, FDA workbook, recall PDF).
struct QualityEvent {
    std::string lot{};
    Timestamp at{};
    std::string kind{}; // inspection, released, rejected, approved-deviation, document
    std::string by{};   // the signer's printed name (dispositions), the inspector, who attached
    std::string referenceType{}; // "inspection record", "QC signature", "certificate of analysis", "photo", ...
    std::string reference{};     // the inspection's id, the signature's id, or "sha256:<hex>" of a document
    std::optional<std::string> movementId{}; // the movement a disposition signed
    std::string summary{}; // "pass (spec version 3)", "I release lot X for use", "coa.pdf (pdf, 1234 bytes)"
};
[[nodiscard]] std::vector<QualityEvent> qualityHistory(const Ledger& ledger, const std::vector<std::string>& lots);

// What stands in the way of a release without deviation: "test pH has no result", "test pH failed (9.1; pH
// 5.5–7.0)". Empty when a release may go ahead.
[[nodiscard]] Result<std::vector<std::string>> releaseProblems(const Ledger& ledger, std::string_view lot);

// --- across stations -------------------------------------------------------------------------------------
// Two stations, offline from each other, disposed of one quarantined lot in opposite ways: one released it,
// one rejected it (a release and a rejection after the same entry into quarantine, from different stations).
// Both movements stay; the sync server lists the clash as a conflict for a person. Until then every ledger
// keeps the lot rejected: a release arriving from another station never lifts a rejection (applyRemote*).
struct DispositionClash {
    std::string lot{};
    Movement release{};
    Movement rejection{};
};
// Over a lot's hold / release movements in ledger order (any store can call it).
[[nodiscard]] std::optional<DispositionClash> dispositionClash(const std::vector<Movement>& statusHistory);
[[nodiscard]] Result<std::optional<DispositionClash>> dispositionClash(const Ledger& ledger, std::string_view lot);

} // namespace lotstation::storage
