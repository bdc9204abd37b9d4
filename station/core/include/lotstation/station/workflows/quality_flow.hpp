#pragma once
// Quality: the lots waiting for QC, oldest first with their age. Open one to see its spec, what it was
// inspected at, and what stands in the way of a release; enter results (big Pass / Fail for pass/fail tests,
// a number pad for numeric ones, the expected text or "not as expected" for text ones); then sign. Every
// signature is made by a person picking their name and re-entering their PIN at that moment, the meaning
// shown in words ("I release lot X for use"): recording the inspection ("performed"), a release (qa role;
// with a deviation reason when a test is missing or failed) or a rejection (qa role, with a reason). The
// ledger (storage/quality.hpp) checks PIN, role and spec; nothing is written before the signature.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/quality.hpp"

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

enum class SignAction { Inspect, Release, Reject };

struct SignDraft {
    SignAction action = SignAction::Inspect;
    std::optional<std::string> signer; // a user's name
    std::string pin;                   // typed digits; views show dots
    std::optional<std::string> reason; // rejection reason, or the deviation of a release
    std::string statement;             // the meaning in words, shown above the PIN pad
};

struct QualityLot {
    storage::Lot lot;
    storage::Item item;
    storage::Spec spec;
    std::vector<storage::Inspection> inspections;
    std::vector<storage::Signature> signatures;
    std::vector<storage::Attachment> documents;
    std::vector<std::string> problems; // what stands in the way of a release (empty: it may be released)
};

struct QualityState {
    bool loaded = false; // the list is read when the screen opens (Refresh) and after every signature
    std::vector<PendingRow> pending;
    std::optional<QualityLot> lot;
    std::map<std::string, std::string> results; // test name -> value entered, not yet recorded
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
struct SetResult { // Pass / Fail, or a text test's value
    std::string test;
    std::string value;
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
struct Sign {};
struct CancelSign {};
} // namespace quality

using QualityIntent =
    std::variant<quality::Refresh, quality::Open, quality::Close, quality::SetResult, quality::TypeNumber,
                 quality::NumberKey, quality::NumberDone, quality::StartSign, quality::PickSigner, quality::PinKey,
                 quality::PickReason, quality::Sign, quality::CancelSign>;

// The reasons a rejection or a deviation picks from (a tablet has no keyboard).
[[nodiscard]] std::vector<std::string> rejectionReasons();
[[nodiscard]] std::vector<std::string> deviationReasons();
// "3 days", "5 h", "12 min" between two times.
[[nodiscard]] std::string ageText(storage::Timestamp since, storage::Timestamp now);

class QualityFlow final : public ScreenFlow {
  public:
    using Intent = QualityIntent;
    using State = QualityState;

    explicit QualityFlow(storage::Ledger& ledger) : m_ledger(ledger) {}

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
    FlowOutcome refuse(std::string message);

    storage::Ledger& m_ledger;
    QualityState m_state;
};

} // namespace lotstation::station
