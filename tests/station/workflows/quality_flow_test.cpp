// The Quality screen's flow over the demo ledger: the pending list, result entry, signatures with PIN
// re-entry (a wrong PIN or a person without the qa role refused, nothing written), release and rejection.
#include "demo_fixture.hpp"
#include "lotstation/station/workflows/quality_flow.hpp"

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::DemoFixture;

namespace {

FlowOutcome signAs(QualityFlow& flow, const std::string& who, const std::string& pin) {
    flow.apply(quality::PickSigner{who});
    for (char c : pin)
        flow.apply(quality::PinKey{static_cast<KeypadKey>(c - '0')});
    return flow.apply(quality::Sign{});
}

} // namespace

TEST_CASE("quality flow: pending oldest first, re-test, refused signatures, release and rejection") {
    DemoFixture demo;
    QualityFlow flow(demo.ledger);
    flow.apply(quality::Refresh{});
    const auto& lots = demo.demo.quarantinedLots;
    REQUIRE(lots.size() == 2);
    REQUIRE(flow.state().pending.size() == 2);
    CHECK(flow.state().pending[0].lot.lot == lots[0]);
    CHECK(flow.state().pending[0].lot.inspections == 1);
    CHECK(flow.state().pending[0].age == "12 h");

    flow.apply(quality::Open{lots[0]});
    REQUIRE(flow.state().lot);
    REQUIRE(flow.state().lot->problems.size() == 1);
    CHECK(flow.state().lot->problems[0].find("test acid failed") == 0);
    // Nothing entered: nothing to sign yet.
    CHECK(flow.apply(quality::StartSign{SignAction::Inspect}).feedback == FeedbackKind::Refused);
    flow.apply(quality::TypeNumber{"acid"});
    for (auto key : {KeypadKey::D3, KeypadKey::Dot, KeypadKey::Dot, KeypadKey::D9})
        flow.apply(quality::NumberKey{key});
    flow.apply(quality::NumberDone{});
    CHECK(flow.state().results.at("acid") == "3.9");
    CHECK(flow.unsaved().count("quality.acid") == 1);
    flow.apply(quality::StartSign{SignAction::Inspect});
    REQUIRE(flow.state().sign);
    CHECK(flow.state().sign->statement == "I performed this inspection of lot " + lots[0]);

    const auto before = storage::inspectionsOf(demo.ledger, lots[0]).size();
    const auto wrong = signAs(flow, "quinn", "1234");
    CHECK(wrong.feedback == FeedbackKind::Refused);
    CHECK(flow.state().sign->pin.empty()); // never kept after a try
    CHECK(storage::inspectionsOf(demo.ledger, lots[0]).size() == before);
    const auto signedIt = signAs(flow, "quinn", "3333");
    CHECK(signedIt.feedback == FeedbackKind::Accepted);
    CHECK(signedIt.message == "Inspection recorded: passed");
    CHECK(flow.state().lot->problems.empty());
    CHECK(flow.state().results.empty());

    // A supervisor is not enough to release; the qa person is.
    flow.apply(quality::StartSign{SignAction::Release});
    CHECK(flow.state().sign->statement == "I release lot " + lots[0] + " for use");
    CHECK(signAs(flow, "sam", "2222").message.find("qa") != std::string::npos);
    CHECK((demo.ledger.lot(lots[0])->status == storage::LotStatus::Quarantine));
    CHECK(signAs(flow, "quinn", "3333").message == "Released lot " + lots[0]);
    CHECK((demo.ledger.lot(lots[0])->status == storage::LotStatus::Available));
    CHECK(flow.state().pending.size() == 1);

    // A rejection needs its reason.
    flow.apply(quality::Open{lots[1]});
    flow.apply(quality::StartSign{SignAction::Reject});
    CHECK(signAs(flow, "quinn", "3333").feedback == FeedbackKind::Refused);
    flow.apply(quality::PickReason{"Contaminated"});
    CHECK(signAs(flow, "quinn", "3333").message == "Rejected lot " + lots[1]);
    CHECK((demo.ledger.lot(lots[1])->status == storage::LotStatus::Rejected));
    CHECK(flow.state().pending.empty());
    CHECK(demo.ledger.verify().value().empty());
}
