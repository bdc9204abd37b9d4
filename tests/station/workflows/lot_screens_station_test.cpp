// Look up, Recall, Stock, Labels and Settings through the Station, as the window drives them: scans, picker
// entries, confirm dialogs and the intents the views emit, over the demo ledger.
#include "demo_fixture.hpp"
#include "lotstation/station/station.hpp"

using namespace lotstation::station;
using namespace std::chrono_literals;
namespace storage = lotstation::storage;
using lotstation::test::DemoFixture;

namespace {

const TimePoint t0 = TimePoint{} + 1000s;

Intent scanOf(std::string text) {
    lotstation::scan::ScannedCode code;
    code.text = std::move(text);
    code.origin = lotstation::scan::ScanOrigin::Wedge;
    return intent::Scanned{code};
}

StationFiles filesIn(const DemoFixture& demo) {
    StationFiles files;
    files.exportFolder = demo.dir.file("exports");
    files.settingsFile = settingsPathFor(demo.dir.file("demo.db"));
    files.labelTemplates = {"lot-50x30"};
    return files;
}

void logIn(Station& station, const char* name, const char* pin) {
    station.apply(intent::Navigate{Screen::Login}, t0);
    station.apply(login::ChooseUser{name}, t0);
    for (const char* c = pin; *c; ++c)
        station.apply(login::PinKey{static_cast<KeypadKey>(*c - '0')}, t0);
    station.apply(login::SubmitPin{}, t0);
    REQUIRE(station.state().userName == std::string(name));
}

} // namespace

TEST_CASE("station: a scan on Look up opens the card, the hold picker, then the confirm, holds the lot") {
    DemoFixture demo;
    Station station(AppConfig{}, t0, &demo.ledger, filesIn(demo));
    logIn(station, "sam", "2222");
    station.apply(intent::Navigate{Screen::Lookup}, t0);
    station.apply(scanOf("HO-7781"), t0); // the oatmeal supplier's lot code
    REQUIRE(station.stateOf<LookupFlow>()->lot);
    CHECK(station.stateOf<LookupFlow>()->lot->item.sku == "OATMEAL");
    CHECK(station.state().feedback->kind == FeedbackKind::Accepted);
    // The view opens the reason picker; its reply sends the reason's label back to the Look up flow.
    station.apply(intent::OpenPicker{"Why hold?",
                                     {{"damaged-container", "Damaged container", ""}},
                                     [](const PickerOption& option) {
                                         return StationFlows::step(lookup::ChooseReason{StatusAction::Hold, option.label});
                                     }},
                  t0);
    station.apply(intent::Pick{"damaged-container"}, t0);
    REQUIRE(station.stateOf<LookupFlow>()->pending);
    CHECK(station.stateOf<LookupFlow>()->pending->reason == "Damaged container");
    // Back now asks first: a decision is half made.
    station.apply(intent::Back{}, t0);
    REQUIRE(station.state().confirm);
    station.apply(intent::Answer{false}, t0);
    station.apply(lookup::ConfirmStatus{}, t0);
    const std::string code = station.stateOf<LookupFlow>()->lot->lot.code;
    CHECK((demo.ledger.lot(code)->status == storage::LotStatus::Hold));
    // Leaving the screen drops the card.
    station.apply(intent::GoHome{}, t0);
    CHECK_FALSE(station.stateOf<LookupFlow>()->lot);
}

TEST_CASE(
    "station: Recall's hold-all goes through the confirm dialog, Reprint and Print ask the host for labels") {
    DemoFixture demo;
    Station station(AppConfig{}, t0, &demo.ledger, filesIn(demo));
    logIn(station, "sam", "2222");
    station.apply(intent::Navigate{Screen::Recall}, t0);
    station.apply(scanOf("LAV-2024-33"), t0); // the lavender oil
    REQUIRE(station.stateOf<RecallFlow>()->report);
    station.apply(recall::ChooseReason{"Supplier recall"}, t0);
    const auto before = demo.ledger.movementCount().value();
    station.apply(
        intent::AskConfirm{ConfirmRequest{"Hold all?", "", "Hold all", "Not now", StationFlows::step(recall::HoldAll{})}}, t0);
    station.apply(intent::Answer{true}, t0);
    CHECK(demo.ledger.movementCount().value() == before + 2); // the oil and the lavender bars
    CHECK(station.stateOf<RecallFlow>()->heldNow == 2);

    station.apply(intent::GoHome{}, t0);
    station.apply(intent::Navigate{Screen::Labels}, t0);
    station.apply(scanOf("LAV-2024-33"), t0);
    REQUIRE(station.stateOf<LabelsFlow>()->content);
    const auto printed = station.apply(labelsflow::Print{}, t0);
    CHECK(printed.labelsToPrint.size() == 1);
}

TEST_CASE("station: Settings take a typed server address while waiting, and refuse an operator") {
    DemoFixture demo;
    Station station(AppConfig{}, t0, &demo.ledger, filesIn(demo));
    logIn(station, "ana", "1111");
    station.apply(intent::Navigate{Screen::Settings}, t0);
    station.apply(settings::AwaitText{SettingField::ServerUrl, "the server", ""}, t0);
    CHECK(station.state().feedback->kind == FeedbackKind::Refused);
    station.apply(intent::LogOut{}, t0);
    logIn(station, "sam", "2222");
    station.apply(intent::Navigate{Screen::Settings}, t0);
    station.apply(settings::AwaitText{SettingField::ServerUrl, "the server", ""}, t0);
    // A keyboard types the address and Enter: it arrives like a wedge scan, though it is no known code.
    station.apply(intent::TextTyped{"http://central.local:8080"}, t0);
    station.apply(intent::KeyPressed{Key::Enter}, t0);
    CHECK(station.stateOf<SettingsFlow>()->settings.serverUrl == "http://central.local:8080");
    const auto saved = loadSettings(settingsPathFor(demo.dir.file("demo.db")));
    REQUIRE(saved);
    CHECK(saved->serverUrl == "http://central.local:8080");
}
