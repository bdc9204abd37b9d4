// The whole QC story with known answers: receive into quarantine, refused at consume even with a supervisor,
// a failing inspection, release refused, re-test, signed release, consumed.
#include "quality_fixture.hpp"

#include <algorithm>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("quality: receive, quarantine, inspect, refuse, re-test, release, consume") {
    QualityShop q;
    CHECK((must(qcPolicy(q.l(), "SOAP-OIL")) == QcPolicy::Receipt));
    const auto spec = must(currentSpec(q.l(), "SOAP-OIL"));
    CHECK(spec.version == 3);
    REQUIRE(spec.tests.size() == 3);
    CHECK(describeLimits(spec.tests[0]) == "acid 0–0.8 %");

    const auto lot = q.receive("SOAP-OIL", 10'000'000, "OILCO", "OC-77");
    CHECK((must(q.l().lot(lot)).status == LotStatus::Quarantine));
    CHECK(q.count("movements") == 2); // the receipt and the hold that quarantines it

    // Not even a supervisor's override uses a quarantined lot; a supervisor's release does not end it.
    const auto run = must(q.l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "ana"}));
    auto before = q.qualityState();
    const auto consumed = q.l().consume({.run = run.code, .lot = lot, .quantity = 1'000'000,
                                         .override = Override{"we are in a hurry", "sam"}, .user = "ana"});
    REQUIRE_FALSE(consumed);
    CHECK(consumed.error().message ==
          "lot " + lot + " is in quarantine: only a QC release ends it: no supervisor can override this");
    CHECK(q.l().release({.lots = {lot}, .reason = "looks fine", .user = "sam"}).error().message ==
          "lot " + lot + " is in quarantine: only a QC release by a person with the qa role ends it "
                         "(lotstation qc release)");
    CHECK(q.l().move({.lot = lot, .quantity = 1, .to = "MIX", .user = "ana"}).error().message ==
          "lot " + lot + " is in quarantine: only a QC release ends it: it cannot go to production");
    CHECK((q.l().ship({.lot = lot, .quantity = 1, .customer = "SHOP1", .user = "ana"}).error().kind ==
           ErrorKind::Refused));
    CHECK(q.qualityState() == before);

    // First inspection: the acid value is out of its limits.
    const auto first = must(q.inspectLot(lot, {{"acid", "0.95"}, {"odour", "Mild"}, {"seal", "pass"}}));
    CHECK_FALSE(first.passed);
    CHECK(first.specVersion == 3);
    REQUIRE(first.results.size() == 3);
    CHECK_FALSE(first.results[0].passed);
    CHECK(first.results[1].passed);
    CHECK(first.results[2].passed);
    CHECK(q.qualityState() != before);

    before = q.qualityState();
    const auto refused = qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "lot " + lot +
                                         " cannot be released: test acid failed (0.95; acid 0–0.8 %). Re-test, "
                                         "or release with a signed deviation and its reason");
    CHECK(q.qualityState() == before);

    // Re-test: exactly the upper limit passes (exact decimals: 0.80 is 0.8).
    const auto second = must(q.inspectLot(lot, {{"acid", "0.80"}}));
    CHECK(second.passed);
    CHECK(must(releaseProblems(q.l(), lot)).empty());

    const auto released = must(qcRelease(q.l(), {.lot = lot, .signer = "B-QA", .pin = "4321"}));
    REQUIRE(released.movements.size() == 1);
    CHECK((released.movements[0].kind == MovementKind::Release));
    CHECK(released.movements[0].user == "quinn");
    REQUIRE(released.signatures.size() == 1);
    const auto& signature = released.signatures[0];
    CHECK((signature.meaning == SignatureMeaning::Released));
    CHECK(signature.printedName == "quinn");
    CHECK(signature.statement == "I release lot " + lot + " for use");
    CHECK(signature.recordHash == released.movements[0].hash); // the movement's hash is the SHA-256 signed
    CHECK((must(q.l().lot(lot)).status == LotStatus::Available));

    const auto all = signaturesOf(q.l(), lot);
    REQUIRE(all.size() == 3);
    CHECK((all[0].meaning == SignatureMeaning::Performed));
    CHECK(all[0].seq == 1);
    CHECK(all[1].prevHash == all[0].hash);
    CHECK(all[2].seq == 3);
    CHECK(inspectionsOf(q.l(), lot).size() == 2);

    const auto used = must(q.l().consume({.run = run.code, .lot = lot, .quantity = 1'000'000, .user = "ana"}));
    CHECK(used.quantity == 1'000'000);
    CHECK(q.l().onHand(lot) == 9'000'000);
    CHECK(q.l().verify().value().empty());
    CHECK(qcPending(q.l()).empty());
}

TEST_CASE("quality: produced lots of QC-on-release items are born in quarantine and a deviation is signed") {
    QualityShop q;
    REQUIRE((setQcPolicy(q.l(), "BAR", QcPolicy::Release)));
    must(setSpecTest(q.l(), "BAR", {.name = "weight", .kind = TestKind::Numeric, .min = "95", .max = "105",
                                    .unit = "g"}, "sam"));
    const auto oil = q.receive("SOAP-OIL", 10'000'000, "OILCO", "OC-1");
    must(q.inspectLot(oil, {{"acid", "0.3"}, {"odour", "mild"}, {"seal", "pass"}}));
    must(qcRelease(q.l(), {.lot = oil, .signer = "quinn", .pin = "4321"}));
    const auto run = must(q.l().startRun({.sku = "BAR", .planned = 10, .workstation = "MIX", .user = "ana"}));
    must(q.l().consume({.run = run.code, .lot = oil, .quantity = 1'000'000, .user = "ana"}));
    const auto bars = must(q.l().finishRun({.run = run.code, .output = 10, .user = "ana"})).lotCode;
    CHECK((must(q.l().lot(bars)).status == LotStatus::Quarantine));
    const auto pending = qcPending(q.l());
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].lot == bars);
    CHECK(pending[0].onHand == 10);

    CHECK(qcRelease(q.l(), {.lot = bars, .signer = "quinn", .pin = "4321"}).error().message ==
          "lot " + bars + " cannot be released: test weight has no result. Re-test, or release with a signed "
                          "deviation and its reason");
    const auto released = must(qcRelease(
        q.l(), {.lot = bars, .signer = "quinn", .pin = "4321", .deviation = "scale broken, weights checked by hand"}));
    REQUIRE(released.signatures.size() == 2);
    CHECK((released.signatures[1].meaning == SignatureMeaning::ApprovedDeviation));
    CHECK(released.signatures[1].reason == "scale broken, weights checked by hand");
    CHECK(released.movements[0].reason == "QC release with deviation: scale broken, weights checked by hand");
    CHECK((must(q.l().lot(bars)).status == LotStatus::Available));
    CHECK(q.l().verify().value().empty());
}
