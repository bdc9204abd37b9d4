#include "demo_fixture.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/workflows/settings_flow.hpp"

using namespace lotstation::station;
namespace scan = lotstation::scan;
using lotstation::test::DemoFixture;

namespace {

SettingsFlow settingsOf(DemoFixture& demo) {
    return SettingsFlow(demo.ledger, settingsPathFor(demo.dir.file("demo.db")), StationSettings{},
                        {"lot-50x30", "lot-100x50-gs1"});
}

const FlowContext kSam{"sam", {}};
const FlowContext kAna{"ana", {}};

} // namespace

TEST_CASE("settings: a supervisor changes the printer and template, they are saved and read back") {
    DemoFixture demo;
    auto flow = settingsOf(demo);
    CHECK(flow.file() == demo.dir.file("demo-settings.json"));
    CHECK(flow.apply(settings::Set{SettingField::Printer, "cups:Zebra_ZD421"}, kSam).feedback ==
          FeedbackKind::Accepted);
    CHECK(flow.apply(settings::Choose{SettingField::LabelTemplate, "lot-100x50-gs1"}, kSam).feedback ==
          FeedbackKind::Accepted);
    CHECK(flow.state().saved == "Label template: lot-100x50-gs1");
    const auto loaded = loadSettings(flow.file());
    REQUIRE(loaded);
    CHECK(loaded->printer == "cups:Zebra_ZD421");
    CHECK(loaded->labelTemplate == "lot-100x50-gs1");
    CHECK(*loaded == flow.state().settings);
}

TEST_CASE("settings: operators and nobody may not change them, bad values are refused and not saved") {
    DemoFixture demo;
    auto flow = settingsOf(demo);
    const auto operatorTry = flow.apply(settings::Set{SettingField::StationName, "Dock 2"}, kAna);
    CHECK(operatorTry.feedback == FeedbackKind::Refused);
    CHECK(operatorTry.message.find("supervisor") != std::string::npos);
    CHECK(flow.apply(settings::Set{SettingField::StationName, "Dock 2"}, FlowContext{}).feedback ==
          FeedbackKind::Refused);
    CHECK_FALSE(std::filesystem::exists(flow.file()));
    CHECK(flow.apply(settings::Set{SettingField::ServerUrl, "ftp://central"}, kSam).feedback ==
          FeedbackKind::Refused);
    CHECK(flow.apply(settings::Set{SettingField::LabelTemplate, "nope"}, kSam).feedback ==
          FeedbackKind::Refused);
    CHECK(flow.apply(settings::Set{SettingField::StationName, "   "}, kSam).feedback ==
          FeedbackKind::Refused);
    CHECK_FALSE(std::filesystem::exists(flow.file()));
    CHECK(flow.state().settings == StationSettings{});
}

TEST_CASE("settings: free text arrives by scan or keyboard while a field waits for it") {
    DemoFixture demo;
    auto flow = settingsOf(demo);
    // Not waiting: a scan means nothing here.
    CHECK_FALSE(flow.scanned(scan::interpret("Packing table"), kSam));
    flow.apply(settings::AwaitText{SettingField::StationName, "the station's name"}, kSam);
    CHECK((flow.state().waitingForText == SettingField::StationName));
    const auto named = flow.scanned(scan::interpret("Packing table"), kSam);
    REQUIRE(named);
    CHECK(named->feedback == FeedbackKind::Accepted);
    CHECK(flow.state().settings.stationName == "Packing table");
    CHECK_FALSE(flow.state().waitingForText);
    flow.apply(settings::AwaitText{SettingField::ServerUrl, "the server's address"}, kSam);
    REQUIRE(flow.scanned(scan::interpret("http://10.0.0.5:8080"), kSam));
    CHECK(flow.state().settings.serverUrl == "http://10.0.0.5:8080");
    const auto loaded = loadSettings(flow.file());
    REQUIRE(loaded);
    CHECK(loaded->stationName == "Packing table");
    CHECK(loaded->serverUrl == "http://10.0.0.5:8080");
}

TEST_CASE("settings file: missing gives defaults, broken JSON is an error naming the file") {
    lotstation::test::TempDir dir;
    const auto missing = loadSettings(dir.file("none.json"));
    REQUIRE(missing);
    CHECK(*missing == StationSettings{});
    lotstation::test::writeFile(dir.file("bad.json"), "{\"printer\": 9100}");
    const auto wrongType = loadSettings(dir.file("bad.json"));
    REQUIRE_FALSE(wrongType);
    CHECK(wrongType.error().message.find("printer") != std::string::npos);
    lotstation::test::writeFile(dir.file("junk.json"), "not json at all");
    const auto junk = loadSettings(dir.file("junk.json"));
    REQUIRE_FALSE(junk);
    CHECK(junk.error().message.find("junk.json") != std::string::npos);
}

TEST_CASE("settings: the CUPS option of the printer picker waits for the queue's name") {
    DemoFixture demo;
    auto flow = settingsOf(demo);
    flow.apply(settings::Choose{SettingField::Printer, "await:cups:|the CUPS queue's name"}, kSam);
    CHECK((flow.state().waitingForText == SettingField::Printer));
    CHECK(flow.state().waitingFor == "the CUPS queue's name");
    REQUIRE(flow.scanned(scan::interpret("Zebra_ZD421"), kSam));
    CHECK(flow.state().settings.printer == "cups:Zebra_ZD421");
    flow.apply(settings::Choose{SettingField::Printer, ""}, kSam); // back to files
    CHECK(flow.state().settings.printer.empty());
}
