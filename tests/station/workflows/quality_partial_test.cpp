// Partial acceptance on the Quality screen's flow (demo ledger): the qa person types what is accepted and
// what is rejected on the keypad, sees the meaning in words, and signs with the PIN; the rejected part becomes
// its own traced, rejected lot. Every refusal (quantities that do not add up, nothing rejected, no reason, a
// supervisor or an operator, a wrong PIN, a required test without a result and no deviation) writes nothing.
#include "demo_fixture.hpp"
#include "lotstation/station/workflows/quality_flow.hpp"
#include "lotstation/storage/quality.hpp"

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::DemoFixture;

namespace {

Quantity kg(const std::string& text) {
    QuantityEntry entry(QuantityUnit::Kilogram);
    entry.setText(text);
    return entry.confirm().value();
}

FlowOutcome signAs(QualityFlow& flow, const std::string& who, const std::string& pin) {
    flow.apply(quality::PickSigner{who});
    for (char c : pin)
        flow.apply(quality::PinKey{static_cast<KeypadKey>(c - '0')});
    return flow.apply(quality::Sign{});
}

// What a refused signature must leave as it was.
struct LedgerSnapshot {
    storage::LotStatus status;
    std::size_t signatures;
    std::int64_t movements;
    bool operator==(const LedgerSnapshot&) const = default;
};

LedgerSnapshot snapshot(const storage::Ledger& ledger, const std::string& lot) {
    return {ledger.lot(lot)->status, storage::signaturesOf(ledger, lot).size(),
            ledger.movementCount().value()};
}

} // namespace

TEST_CASE("quality flow: accept part and reject the rest, signed by the qa person; refusals write nothing") {
    DemoFixture demo;
    const std::string lot = demo.demo.quarantinedLots.at(1); // 8 kg of shea butter
    QualityFlow flow(demo.ledger);
    flow.apply(quality::Open{lot});
    REQUIRE(flow.state().lot);
    REQUIRE(storage::formatQuantity(flow.state().lot->onHand, storage::Uom::Gram) == "8 kg");
    const auto before = snapshot(demo.ledger, lot);

    // Reject… first, with who and why; switching to Accept part keeps both.
    flow.apply(quality::StartSign{SignAction::Reject});
    flow.apply(quality::PickSigner{"quinn"});
    flow.apply(quality::PickReason{"Damaged packaging"});
    flow.apply(quality::StartSign{SignAction::Partial});
    REQUIRE(flow.state().sign);
    CHECK(flow.state().sign->signer == "quinn");
    CHECK(flow.state().sign->reason == "Damaged packaging");
    CHECK(flow.state().sign->statement == "I accept part of lot " + lot + " and reject the rest");

    // Nothing typed yet: refused.
    CHECK(signAs(flow, "quinn", "3333").message == "Type how much is accepted and how much is rejected");

    // 6 + 1 is not the 8 kg on hand: said at once, and refused at the signature.
    flow.apply(quality::SetAccept{kg("6")});
    flow.apply(quality::SetReject{kg("1")});
    CHECK(flow.state().sign->statement == "I accept 6 kg and reject 1 kg of lot " + lot);
    REQUIRE(flow.state().problem);
    CHECK(*flow.state().problem == "6 kg accepted and 1 kg rejected make 7 kg, but lot " + lot +
                                       " has 8 kg on hand: the two must add up to it");
    const auto short_ = signAs(flow, "quinn", "3333");
    CHECK(short_.feedback == FeedbackKind::Refused);
    CHECK(short_.message.find("must add up") != std::string::npos);
    CHECK(flow.state().sign->pin.empty());
    CHECK(snapshot(demo.ledger, lot) == before);

    // Nothing rejected is a release, not a partial acceptance.
    flow.apply(quality::SetAccept{kg("8")});
    flow.apply(quality::SetReject{Quantity{0, storage::Uom::Gram, std::nullopt}});
    CHECK(signAs(flow, "quinn", "3333").message == "Nothing is rejected: use Release for the whole lot");

    flow.apply(quality::SetAccept{kg("6.5")});
    flow.apply(quality::SetReject{kg("1.5")});
    CHECK_FALSE(flow.state().problem);
    CHECK(flow.state().sign->statement == "I accept 6.5 kg and reject 1.5 kg of lot " + lot);

    // The demo lot has no results yet: releasing the accepted part breaks the release rule, so the ledger refuses
    // it until the qa person picks a deviation, which is signed with it.
    const auto untested = signAs(flow, "quinn", "3333");
    CHECK(untested.feedback == FeedbackKind::Refused);
    CHECK(untested.message.find("cannot be partly accepted") != std::string::npos);
    CHECK(untested.message.find("has no result") != std::string::npos);
    CHECK(snapshot(demo.ledger, lot) == before);
    flow.apply(quality::PickDeviation{"Certificate of analysis accepted instead"});
    CHECK(flow.state().sign->statement == "I accept 6.5 kg under a deviation and reject 1.5 kg of lot " + lot);

    // A supervisor and an operator are not the quality unit; a wrong PIN is no signature.
    const auto supervisor = signAs(flow, "sam", "2222");
    CHECK(supervisor.feedback == FeedbackKind::Refused);
    CHECK(supervisor.message.find("qa") != std::string::npos);
    CHECK(signAs(flow, "ana", "1111").feedback == FeedbackKind::Refused);
    CHECK(signAs(flow, "quinn", "9999").feedback == FeedbackKind::Refused);
    CHECK(snapshot(demo.ledger, lot) == before);
    CHECK_FALSE(demo.ledger.lot(lot + "-R"));

    const auto signedIt = signAs(flow, "quinn", "3333");
    CHECK(signedIt.feedback == FeedbackKind::Accepted);
    CHECK(signedIt.message == "Accepted 6.5 kg of lot " + lot + "; 1.5 kg rejected into lot " + lot + "-R");
    CHECK_FALSE(flow.state().sign);

    // The accepted part is released where it was; the rejected part is its own rejected lot, traced.
    CHECK((demo.ledger.lot(lot)->status == storage::LotStatus::Available));
    CHECK(storage::formatQuantity(demo.ledger.onHand(lot).value(), storage::Uom::Gram) == "6.5 kg");
    const auto rejected = demo.ledger.lot(lot + "-R");
    REQUIRE(rejected);
    CHECK((rejected->status == storage::LotStatus::Rejected));
    CHECK(storage::formatQuantity(demo.ledger.onHand(lot + "-R").value(), storage::Uom::Gram) == "1.5 kg");
    const auto signatures = storage::signaturesOf(demo.ledger, lot + "-R");
    REQUIRE(signatures.size() == 1);
    CHECK((signatures[0].meaning == storage::SignatureMeaning::Rejected));
    CHECK(signatures[0].printedName == "quinn");
    CHECK(signatures[0].reason == "Damaged packaging");
    const auto released = storage::signaturesOf(demo.ledger, lot);
    REQUIRE(released.size() >= 2);
    CHECK((released.back().meaning == storage::SignatureMeaning::ApprovedDeviation));
    CHECK(released.back().reason == "Certificate of analysis accepted instead");
    CHECK((released[released.size() - 2].meaning == storage::SignatureMeaning::Released));
    CHECK(demo.ledger.verify().value().empty());
    // The lot left the waiting list; the flow's record shows the release signature.
    CHECK(flow.state().pending.empty() == false);
    for (const auto& row : flow.state().pending)
        CHECK(row.lot.lot != lot);
}

TEST_CASE("quality flow: accepted and rejected quantities only in a partial acceptance, in the lot's unit") {
    DemoFixture demo;
    const std::string lot = demo.demo.quarantinedLots.at(1);
    QualityFlow flow(demo.ledger);
    flow.apply(quality::Open{lot});
    CHECK(flow.apply(quality::SetAccept{kg("1")}).feedback == FeedbackKind::Refused); // no dialog open
    flow.apply(quality::StartSign{SignAction::Reject});
    CHECK(flow.apply(quality::SetReject{kg("1")}).feedback == FeedbackKind::Refused); // Reject all
    flow.apply(quality::StartSign{SignAction::Partial});
    flow.apply(quality::SetAccept{Quantity{4, storage::Uom::Piece, std::nullopt}});
    flow.apply(quality::SetReject{kg("4")});
    flow.apply(quality::PickReason{"Contaminated"});
    const auto pieces = signAs(flow, "quinn", "3333");
    CHECK(pieces.message.find("Type the quantities in") == 0);
    CHECK((demo.ledger.lot(lot)->status == storage::LotStatus::Quarantine));
}
