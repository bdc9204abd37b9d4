// The electronic batch record on a real ledger: the soap maker's cold-process batch, step by step.
#include "batch_fixture.hpp"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace lotstation::storage::test {
namespace {

TEST_CASE("batch record: the soap batch, its known answers, from line clearance to QA release") {
    BatchShop shop;
    const auto procedure = shop.setSoapProcedure();
    CHECK(procedure.version == 1);
    REQUIRE(procedure.steps.size() == 10);
    CHECK(procedure.steps[1].title == "Weigh Olive oil");
    const auto oil = weighTarget(procedure.steps[1], procedure.per, 100);
    CHECK(oil.target == 6'000'000);
    CHECK(oil.low == 5'940'000);
    CHECK(oil.high == 6'060'000);
    const auto lye = weighTarget(procedure.steps[4], procedure.per, 100);
    CHECK(lye.low == 1'395'000);
    CHECK(lye.high == 1'405'000);

    const auto run = shop.startBatch();
    CHECK(must(hasBatchRecord(shop.l(), run)));
    auto finish = [&](std::int64_t output, std::int64_t printed, std::int64_t destroyed) {
        return finishBatch(shop.l(), {.run = run, .output = output, .labelsPrinted = printed,
                                      .labelsDestroyed = destroyed, .by = "pat", .pin = "1111"});
    };
    {
        auto early = finish(98, 100, 2);
        REQUIRE_FALSE(early);
        CHECK(early.error().message.find("step 1 (Line clearance) is open") != std::string::npos);
    }
    shop.step(run, 1);
    shop.step(run, 2, 6'010'000);

    // Coconut 2.6 kg is outside 2.475-2.525 kg: refused, nothing written, until a supervisor deviates.
    const auto before = shop.batchState();
    auto outside = performStep(shop.l(), {.run = run, .step = 3, .lot = shop.lots["COCONUT"], .quantity = 2'600'000,
                                          .by = "pat", .pin = "1111"});
    REQUIRE_FALSE(outside);
    CHECK(outside.error().message ==
          "step 3 (Weigh Coconut oil): 2.6 kg is outside 2.475 kg–2.525 kg (target 2.5 kg ± 1%). A supervisor "
          "records a deviation on this step first (a reason and a signature)");
    CHECK(shop.batchState() == before);
    auto byOperator = recordDeviation(shop.l(), run, 3, "spilled while pouring", "pat", "1111");
    REQUIRE_FALSE(byOperator);
    CHECK(byOperator.error().message == "pat is an operator: approving a deviation needs a supervisor");
    const auto deviation = must(recordDeviation(shop.l(), run, 3, "over-poured; lye recalculated, superfat 6 %", "vic", "9999"));
    CHECK((deviation.signature.meaning == SignatureMeaning::ApprovedDeviation));
    CHECK(deviation.signature.reason == "over-poured; lye recalculated, superfat 6 %");
    const auto coconut = shop.step(run, 3, 2'600'000);
    CHECK(coconut.entry.judgement == "outside");
    CHECK(coconut.entry.deviation == deviation.entry.id);
    CHECK(coconut.entry.movement.has_value());

    shop.step(run, 4, 1'500'000);
    shop.step(run, 5, 1'402'000);
    auto self = verifyStep(shop.l(), run, 5, "pat", "1111");
    REQUIRE_FALSE(self);
    CHECK(self.error().message == "pat performed step 5 (Weigh Sodium hydroxide): a second, different person verifies it");
    const auto verified = must(verifyStep(shop.l(), run, 5, "vic", "9999"));
    CHECK((verified.signature.meaning == SignatureMeaning::Verified));
    shop.step(run, 6, 3'300'000);
    shop.step(run, 7, 50'000);
    auto hot = performStep(shop.l(), {.run = run, .step = 8, .value = "50", .by = "pat", .pin = "1111"});
    REQUIRE_FALSE(hot);
    CHECK(hot.error().message.find("temperature 50 °C is outside") != std::string::npos);
    shop.step(run, 8, {}, "38.5");
    shop.step(run, 9, {}, "28");
    {
        auto noLabels = finishBatch(shop.l(), {.run = run, .output = 98, .by = "pat", .pin = "1111"});
        REQUIRE_FALSE(noLabels);
        CHECK(noLabels.error().message.find("step 10 (Pack and label) is open") != std::string::npos);
    }
    shop.step(run, 10);
    {
        auto unreconciled = finish(98, 100, 1);
        REQUIRE_FALSE(unreconciled);
        CHECK(unreconciled.error().message == "run " + run + ": labels do not reconcile: 100 printed − 1 destroyed = 99 "
                                              "used for 98 pieces. A supervisor records a deviation on the finish first");
        auto lowYield = finish(90, 90, 0);
        REQUIRE_FALSE(lowYield);
        CHECK(lowYield.error().message.find("the yield 90.00 % is outside 95–102 %") != std::string::npos);
    }
    auto plainFinish = shop.l().finishRun({.run = run, .output = 98, .user = "pat"});
    REQUIRE_FALSE(plainFinish);
    CHECK(plainFinish.error().message.find("follows its batch record") != std::string::npos);

    const auto finished = must(finish(98, 100, 2));
    CHECK(finished.entry.entry.value == "98.00");
    CHECK(finished.entry.entry.judgement == "within");
    const auto output = finished.finished.lotCode;
    CHECK((must(shop.l().lot(output)).status == LotStatus::Quarantine));

    auto record = must(batchRecord(shop.l(), run));
    CHECK_FALSE(record.inProgress);
    REQUIRE(record.deviations.size() == 1);
    CHECK(record.deviations[0].stepTitle == "step 3 (Weigh Coconut oil)");
    CHECK(record.components.size() == 6);
    CHECK(record.steps[4].verifications.size() == 1);
    CHECK(record.steps[4].signatures.size() == 2);
    CHECK(record.qaSignatures.empty());
    const auto hashBefore = record.hash;
    must(qcRelease(shop.l(), {.lot = output, .signer = "quinn", .pin = "4321"}));
    record = must(batchRecord(shop.l(), run));
    REQUIRE(record.qaSignatures.size() == 1);
    CHECK((record.qaSignatures[0].meaning == SignatureMeaning::Released));
    CHECK(record.hash != hashBefore);
    CHECK(record.hash.size() == 64);
    // 10 steps + 1 verification + 1 deviation + finish, each signed, + start
    CHECK(must(batchEntries(shop.l(), run)).size() == 14);
    CHECK(must(shop.l().verify()).empty());
}

TEST_CASE("batch record: out of order, done twice, the wrong item and a quarantined lot are refused") {
    BatchShop shop;
    shop.setSoapProcedure();
    REQUIRE(setQcPolicy(shop.l(), "COCONUT", QcPolicy::Receipt));
    const auto quarantined = shop.receive("COCONUT", 5'000'000, "OILCO", "CT-99999", 3'000, "DOCK", day(2027, 1, 1));
    const auto run = shop.startBatch();
    const auto before = shop.batchState();
    auto skip = performStep(shop.l(), {.run = run, .step = 2, .lot = shop.lots["SOAP-OIL"], .quantity = 6'000'000,
                                       .by = "pat", .pin = "1111"});
    REQUIRE_FALSE(skip);
    CHECK(skip.error().message.find("out of order (step 1 (Line clearance) comes first)") != std::string::npos);
    CHECK(shop.batchState() == before);
    shop.step(run, 1);
    auto again = performStep(shop.l(), {.run = run, .step = 1, .by = "pat", .pin = "1111"});
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("it was done already") != std::string::npos);
    auto wrong = performStep(shop.l(), {.run = run, .lot = shop.lots["SHEA"], .quantity = 6'000'000, .by = "pat", .pin = "1111"});
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message == "lot " + shop.lots["SHEA"] + " is SHEA, not SOAP-OIL that step 2 (Weigh Olive oil) weighs");
    shop.step(run, 2, 6'000'000);
    auto held = performStep(shop.l(), {.run = run, .lot = quarantined, .quantity = 2'500'000, .by = "pat", .pin = "1111"});
    REQUIRE_FALSE(held);
    CHECK(held.error().message.find("no supervisor can override this") != std::string::npos);
    auto wrongPin = performStep(shop.l(), {.run = run, .by = "pat", .pin = "0000"});
    REQUIRE_FALSE(wrongPin);
    CHECK((wrongPin.error().kind == ErrorKind::Refused));
    // A skipped step is a deviation too: approved, the step counts as skipped.
    must(recordDeviation(shop.l(), run, 3, "no coconut oil in this variant", "vic", "9999"));
    shop.step(run, 4, 1'500'000);
    // With step 3 skipped on purpose, the next step is the one after the furthest done.
    CHECK(must(performStep(shop.l(), {.run = run, .lot = shop.lots["LYE"], .quantity = 1'400'000, .by = "pat",
                                      .pin = "1111"})).entry.step == 5);
    auto record = must(batchRecord(shop.l(), run));
    CHECK((record.steps[2].state == StepState::Skipped));
    CHECK(record.deviations[0].what == "step skipped");
    CHECK(record.inProgress);
}

TEST_CASE("batch record: a malformed procedure file names its line or field and writes nothing") {
    BatchShop shop;
    const auto before = shop.batchState();
    auto check = [&](const std::string& json, const std::string& message) {
        auto result = setProcedure(shop.l(), "BAR", json, "sam");
        REQUIRE_FALSE(result);
        CHECK(result.error().message == message);
    };
    check("{\n  \"per\": \"100\",\n  \"steps\": [ oops ]\n}", "the procedure file is not JSON at line 3, column 14");
    check(R"({"per": "100", "yield": {"min": "95", "max": "102"}, "steps": [{"kind": "weigh", "component": "SHEA",
          "target": "1kg", "tolerence": "1%"}]})",
          "step 1 (weigh): unknown field 'tolerence'");
    check(R"({"per": "100", "yield": {"min": "95", "max": "102"}, "steps": [{"kind": "weigh", "component": "BOX",
          "target": "1kg", "tolerance": "1%"}]})",
          "step 1 (weigh), field 'component': no item BOX");
    check(R"({"per": "100", "yield": {"min": "95", "max": "102"}, "steps": [{"kind": "weigh", "component": "WRAP",
          "target": "1", "tolerance": "1%"}]})",
          "step 1 (weigh), field 'component': WRAP is not in the recipe of BAR");
    check(R"({"per": "100", "yield": {"min": "95", "max": "102"}, "steps": [{"kind": "weigh", "component": "LYE",
          "target": "1kg", "tolerance": "5ml"}]})",
          "step 1 (weigh), field 'tolerance': '5ml' is neither a quantity (\"5g\") nor a percentage (\"1%\")");
    check(R"({"per": "100", "yield": {"min": "102", "max": "95"}, "steps": []})",
          "the procedure, field 'yield': 'min' 102 is above 'max' 95");
    check(R"({"per": "100", "yield": {"min": "95", "max": "102"}, "steps": [{"kind": "check", "text": "pH"}]})",
          "step 1 (check), field 'value' is missing: a check names its test, unit and limits");
    CHECK(shop.batchState() == before);
}

TEST_CASE("batch record: a new procedure version leaves a started run on its own") {
    BatchShop shop;
    // Runs of recipes without a procedure keep today's flow.
    const auto plain = shop.startBatch();
    CHECK_FALSE(must(hasBatchRecord(shop.l(), plain)));
    shop.setSoapProcedure();
    const auto run = shop.startBatch();
    auto changed = soapProcedureJson();
    changed.replace(changed.find("\"min\": \"95\""), 11, "\"min\": \"90\"");
    const auto second = must(setProcedure(shop.l(), "BAR", changed, "sam"));
    CHECK(second.version == 2);
    CHECK(must(procedureOf(shop.l(), "BAR", 1)).yieldMin == "95");
    CHECK(must(batchRecord(shop.l(), run)).procedure.version == 1);
    CHECK(must(batchRecord(shop.l(), shop.startBatch())).procedure.version == 2);
    CHECK((must(shop.l().finishRun({.run = plain, .output = 1, .user = "pat"})).run.status == RunStatus::Finished));
}

TEST_CASE("batch record: a station killed in the middle of a batch keeps every signed step") {
    BatchShop shop;
    shop.setSoapProcedure();
    const auto run = shop.startBatch();
    shop.ledger.reset();
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto ledger = Ledger::open(shop.path, OpenOptions{std::nullopt, shop.time.clock()});
        if (!ledger) _exit(3);
        (void)performStep(*ledger, {.run = run, .step = 1, .by = "pat", .pin = "1111"});
        (void)performStep(*ledger, {.run = run, .step = 2, .lot = shop.lots["SOAP-OIL"], .quantity = 6'000'000,
                                    .by = "pat", .pin = "1111"});
        raise(SIGKILL); // no destructor, no close: as a tablet dropped mid-batch
        _exit(4);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    shop.reopen();
    const auto record = must(batchRecord(shop.l(), run));
    CHECK((record.steps[0].state == StepState::Done));
    CHECK((record.steps[1].state == StepState::Done));
    CHECK(record.steps[1].signatures.size() == 1);
    CHECK(must(shop.l().onHand(shop.lots["SOAP-OIL"])) == 19'000'000);
    CHECK(must(shop.l().verify()).empty());
}

} // namespace
} // namespace lotstation::storage::test
