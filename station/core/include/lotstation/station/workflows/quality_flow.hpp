#pragma once
// Quality: the lots waiting for QC, oldest first with their age. Open one to see its spec, what it was
// inspected at, and what stands in the way of a release; enter results (big Pass / Fail for pass/fail tests,
// a number pad for numeric ones, the expected text or "Other…" typed on the keyboard for text ones), each
// judged at once; then sign. Every signature is made by a person picking their name and re-entering their PIN
// at that moment, the meaning shown in words ("I release lot X for use"): recording the inspection
// ("performed"), a release (qa role; with a deviation reason when a test is missing or failed), a rejection
// (qa role, with a reason) or a partial acceptance (qa role: "I accept 8 kg and reject 2 kg of lot X", the
// two adding up to what is on hand). Photos from the station camera (JPEG) and files from the import folder (a
// supplier's CoA) wait on the form and are attached with the inspection, in its transaction. The ledger
// (storage/quality.hpp) checks PIN, role, spec, document type and size; nothing is written before the
// signature.
#include "lotstation/station/image.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/quality.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct PendingRow {
    storage::PendingLot lot;
    std::string age; // "3 days", "5 h", "12 min"
};

enum class SignAction { Inspect, Release, Reject, Partial };

struct SignDraft {
    SignAction action = SignAction::Inspect;
    std::optional<std::string> signer; // a user's name
    std::string pin;                   // typed digits; views show dots
    std::optional<std::string> reason; // rejection reason, or the deviation of a release
    std::string statement;             // the meaning in words, shown above the PIN pad
    std::optional<Quantity> accept;    // partial acceptance: what is accepted (released)...
    std::optional<Quantity> reject;    // ...and what is split off into a rejected lot
    // Partial acceptance releases the accepted part, so a missing or failed test needs a signed deviation.
    std::optional<std::string> deviation;
};

// A document waiting on the inspection form: attached with the inspection when it is signed.
struct StagedDocument {
    std::string fileName; // "photo-20261205-0943.jpg", "coa-karite.pdf"
    storage::AttachmentKind kind = storage::AttachmentKind::Document;
    std::string content;  // the file's bytes
    std::string origin;   // "Demo camera", "import folder"
};

struct QualityLot {
    storage::Lot lot;
    storage::Item item;
    storage::Spec spec;
    std::vector<storage::Inspection> inspections;
    std::vector<storage::Signature> signatures;
    std::vector<storage::Attachment> documents;
    std::vector<std::string> problems; // what stands in the way of a release (empty: it may be released)
    std::int64_t onHand = 0;           // all locations, in the item's base units
};

struct QualityState {
    bool loaded = false; // the list is read when the screen opens (Refresh) and after every signature
    std::vector<PendingRow> pending;
    std::optional<QualityLot> lot;
    std::map<std::string, std::string> results; // test name -> value entered, not yet recorded
    std::map<std::string, bool> verdicts;       // test name -> the entered value passes its limits
    std::vector<StagedDocument> documents;      // photos and files to attach with the inspection
    std::vector<std::string> importFiles;       // PDF, PNG and JPEG files in the station's import folder
    std::string importFolder;                   // where they are looked for, to tell the operator
    bool camera = false;                        // the camera preview is up to take a photo
    std::optional<std::string> numberFor;       // the numeric test the pad types into
    std::string number;                         // its digits so far
    std::optional<SignDraft> sign;
    std::optional<std::string> problem; // the last refusal
    std::optional<std::string> done;    // "Released lot X": what the last signature did
};

namespace quality {
struct Refresh {};
struct Open {
    std::string lot;
};
struct Close {};
struct SetResult { // Pass / Fail, or a text test's value (the expected one, or typed on the keyboard)
    std::string test;
    std::string value;
};
// A picture from the station camera for the inspection. The view sends it empty; the host puts in the
// camera's newest frame and its name (a frame is not the view's to read).
struct ShowCamera { // the preview up (to aim) or down
    bool on = true;
};
struct AddPhoto {
    Image frame;
    std::string camera;
};
struct AttachFile { // a file of the import folder, by name
    std::string name;
};
struct RemoveDocument {
    std::size_t index = 0;
};
struct SetAccept { // partial acceptance: the accepted part
    Quantity quantity;
};
struct SetReject { // partial acceptance: the rejected part
    Quantity quantity;
};
struct TypeNumber { // opens the pad for a numeric test
    std::string test;
};
struct NumberKey {
    KeypadKey key;
};
struct NumberDone {};
struct StartSign {
    SignAction action;
};
struct PickSigner {
    std::string name;
};
struct PinKey {
    KeypadKey key;
};
struct PickReason {
    std::string reason;
};
struct PickDeviation { // partial acceptance: why the accepted part is released with a test missing or failed
    std::string reason;
};
struct Sign {};
struct CancelSign {};
} // namespace quality

using QualityIntent =
    std::variant<quality::Refresh, quality::Open, quality::Close, quality::SetResult, quality::TypeNumber,
                 quality::NumberKey, quality::NumberDone, quality::ShowCamera, quality::AddPhoto, quality::AttachFile,
                 quality::RemoveDocument, quality::StartSign, quality::PickSigner, quality::PinKey,
                 quality::PickReason, quality::PickDeviation, quality::SetAccept, quality::SetReject, quality::Sign, quality::CancelSign>;

// The reasons a rejection or a deviation picks from (a tablet has no keyboard).
[[nodiscard]] std::vector<std::string> rejectionReasons();
[[nodiscard]] std::vector<std::string> deviationReasons();
// "3 days", "5 h", "12 min" between two times.
[[nodiscard]] std::string ageText(storage::Timestamp since, storage::Timestamp now);

class QualityFlow final : public ScreenFlow {
  public:
    using Intent = QualityIntent;
    using State = QualityState;

    // importFolder: where "Attach file" finds supplier documents (StationFiles::importFolder); none: no files.
    explicit QualityFlow(storage::Ledger& ledger, std::filesystem::path importFolder = {})
        : m_ledger(ledger), m_importFolder(std::move(importFolder)) {}
    explicit QualityFlow(const FlowDeps& deps) : QualityFlow(deps.ledger, deps.files.importFolder) {}

    FlowOutcome apply(const QualityIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const QualityState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Quality; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override { m_state = QualityState{}; }
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    void reload();
    FlowOutcome open(const std::string& lot);
    FlowOutcome startSign(SignAction action);
    FlowOutcome sign();
    FlowOutcome setResult(const std::string& test, const std::string& value);
    FlowOutcome setSplit(bool accepted, const Quantity& quantity);
    FlowOutcome addPhoto(const quality::AddPhoto& photo);
    FlowOutcome attachFile(const std::string& name);
    FlowOutcome refuse(std::string message);

    storage::Ledger& m_ledger;
    std::filesystem::path m_importFolder;
    QualityState m_state;
};

} // namespace lotstation::station
