// Partial acceptance (a split into a rejected lot, both traced), rejection then scrap and return, and the
// tamper evidence of signatures.
#include "quality_fixture.hpp"

#include <algorithm>
#include "lotstation/storage/trace.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

std::string inspectedLot(QualityShop& q, const std::string& supplierLot) {
    const auto lot = q.receive("SOAP-OIL", 10'000'000, "OILCO", supplierLot);
    must(q.inspectLot(lot, {{"acid", "0.5"}, {"odour", "mild"}, {"seal", "pass"}}));
    return lot;
}

} // namespace

TEST_CASE("quality: partial acceptance splits the rejected part into a traced, rejected lot") {
    QualityShop q;
    const auto lot = inspectedLot(q, "OC-PART");
    const auto done = must(qcReject(
        q.l(), {.lot = lot, .reason = "drum 3 dented", .signer = "quinn", .pin = "4321", .accept = 6'000'000}));
    REQUIRE(done.rejectedLot);
    const auto& rejected = *done.rejectedLot;
    CHECK(rejected == lot + "-R");
    CHECK((must(q.l().lot(lot)).status == LotStatus::Available));
    CHECK((must(q.l().lot(rejected)).status == LotStatus::Rejected));
    CHECK(q.l().onHand(lot) == 6'000'000);
    CHECK(q.l().onHand(rejected) == 4'000'000);
    REQUIRE(done.signatures.size() == 2);
    CHECK((done.signatures[0].meaning == SignatureMeaning::Rejected));
    CHECK(done.signatures[0].subject == rejected);
    CHECK((done.signatures[1].meaning == SignatureMeaning::Released));
    // both traced: the rejected part leads back to the accepted lot and its supplier, and forward from it
    const auto back = must(backwardTrace(q.l(), rejected));
    REQUIRE(back.suppliers.size() == 1);
    CHECK(back.suppliers[0].code == "OILCO");
    const auto forward = must(forwardTrace(q.l(), lot));
    CHECK(std::any_of(forward.lots.begin(), forward.lots.end(), [&](const TraceLot& t) { return t.code == rejected; }));
    CHECK(q.l().verify().value().empty());

    // the rejected part goes back to the supplier: a shipment to OILCO with the reason
    const auto returned = must(returnToSupplier(q.l(), {.lot = rejected, .reason = "dented drum", .user = "ana"}));
    CHECK((returned.kind == MovementKind::Ship));
    CHECK(returned.party == "OILCO");
    CHECK(returned.quantity == 4'000'000);
    CHECK(returned.reason == "dented drum");
    CHECK(q.l().onHand(rejected) == 0);
}

TEST_CASE("quality: a rejected lot can only be scrapped or returned") {
    QualityShop q;
    const auto lot = inspectedLot(q, "OC-BAD");
    const auto done = must(qcReject(q.l(), {.lot = lot, .reason = "rancid", .signer = "quinn", .pin = "4321"}));
    CHECK(done.signatures.at(0).statement == "I reject lot " + lot);
    CHECK((must(q.l().lot(lot)).status == LotStatus::Rejected));
    const auto run = must(q.l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "ana"}));
    const auto before = q.qualityState();
    CHECK(q.l().consume({.run = run.code, .lot = lot, .quantity = 1, .override = Override{"x", "sam"}, .user = "ana"})
              .error()
              .message == "lot " + lot +
                              " is rejected by QC: it can only be scrapped or returned to the supplier: no "
                              "supervisor can override this");
    CHECK((q.l().release({.lots = {lot}, .reason = "fine", .user = "sam"}).error().kind == ErrorKind::Refused));
    CHECK(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}).error().message ==
          "lot " + lot + " is rejected, not in quarantine: there is no QC decision to make");
    CHECK(q.qualityState() == before);
    must(q.l().scrap({.lot = lot, .quantity = 1'000'000, .reason = "sample destroyed", .user = "ana"}));
    must(returnToSupplier(q.l(), {.lot = lot, .reason = "rancid", .user = "ana"}));
    CHECK(q.l().onHand(lot) == 0);
    CHECK(q.l().verify().value().empty());
}

TEST_CASE("quality: verify catches an altered signature and an altered signed record") {
    QualityShop q;
    const auto lot = inspectedLot(q, "OC-TAMPER");
    must(qcRelease(q.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}));
    REQUIRE(q.l().verify().value().empty());
    RawConnection raw(q.path);
    // the database itself refuses edits
    CHECK(raw.exec("UPDATE signatures SET printed_name = 'mallory'") ==
          "signatures are append-only: UPDATE refused");
    CHECK(raw.exec("DELETE FROM inspection_results") == "inspection results are append-only: DELETE refused");
    // someone who drops the triggers is still found out
    REQUIRE(raw.exec("DROP TRIGGER signatures_no_update; UPDATE signatures SET printed_name = 'mallory' "
                     "WHERE meaning = 'released'") == "");
    auto findings = q.l().verify().value();
    REQUIRE(findings.size() == 1); // the last signature: nothing after it carries its hash
    CHECK((findings[0].kind == Finding::Kind::Signature));
    CHECK(findings[0].message.find("hash does not match its content (altered)") != std::string::npos);

    QualityShop r;
    const auto other = inspectedLot(r, "OC-TAMPER2");
    RawConnection raw2(r.path);
    REQUIRE(raw2.exec("DROP TRIGGER inspection_results_no_update; UPDATE inspection_results SET value = '0.1' "
                      "WHERE test = 'acid'") == "");
    findings = r.l().verify().value();
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.find("the signed inspection") != std::string::npos);
    CHECK(findings[0].message.find("was altered after signing") != std::string::npos);
    (void)other;
}

TEST_CASE("quality: a partial acceptance releases, so a failed test refuses it unless a deviation is signed") {
    QualityShop q;
    const auto lot = q.receive("SOAP-OIL", 10'000'000, "OILCO", "OC-FAILED");
    must(q.inspectLot(lot, {{"acid", "1.2"}, {"odour", "mild"}, {"seal", "pass"}})); // acid over its 0.8 % max
    const auto before = q.qualityState();
    RejectRequest request{.lot = lot, .reason = "drum 3 dented", .signer = "quinn", .pin = "4321", .accept = 6'000'000};
    auto refused = qcReject(q.l(), request);
    REQUIRE_FALSE(refused);
    CHECK((refused.error().kind == ErrorKind::Refused));
    CHECK(refused.error().message.find("cannot be partly accepted") != std::string::npos);
    CHECK(refused.error().message.find("acid") != std::string::npos);
    CHECK(q.qualityState() == before); // nothing split, nothing signed

    request.deviation = "acid re-measured on the accepted drums by the supplier's lab";
    const auto done = must(qcReject(q.l(), request));
    REQUIRE(done.rejectedLot);
    CHECK((must(q.l().lot(lot)).status == LotStatus::Available));
    const auto deviations = std::count_if(done.signatures.begin(), done.signatures.end(), [](const Signature& s) {
        return s.meaning == SignatureMeaning::ApprovedDeviation;
    });
    CHECK(deviations == 1);

    // A deviation on a rejection of the whole lot means nothing: refused rather than recorded.
    const auto other = q.receive("SOAP-OIL", 10'000'000, "OILCO", "OC-WHOLE");
    auto whole = qcReject(q.l(), {.lot = other, .reason = "leaking", .signer = "quinn", .pin = "4321",
                                  .deviation = "not needed"});
    REQUIRE_FALSE(whole);
    CHECK((whole.error().kind == ErrorKind::Invalid));
}
