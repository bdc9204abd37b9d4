// The station core as the window drives it, without a window: shell intents, scans and keypad / picker
// entries reach the workflows over a real demo ledger.
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/station/station.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <memory>

using namespace lotstation::station;
using namespace std::chrono_literals;
namespace storage = lotstation::storage;

namespace {

const TimePoint t0 = TimePoint{} + 1000s;

// The soap maker's demo month (demo_seed.hpp), in a real SQLite file.
struct Demo {
    std::unique_ptr<lotstation::test::TempDir> dir; // declared first: removed after the ledger closes
    storage::Ledger ledger;
    std::int64_t movements;
};

std::unique_ptr<Demo> demoLedger() {
    auto dir = std::make_unique<lotstation::test::TempDir>();
    const auto path = dir->file("demo.db");
    const auto summary = createDemoLedger(path, storage::systemClock()());
    REQUIRE(summary);
    auto ledger = storage::Ledger::open(path);
    REQUIRE(ledger);
    return std::unique_ptr<Demo>(new Demo{std::move(dir), std::move(*ledger), summary->movements});
}

Intent scanOf(std::string text) {
    lotstation::scan::ScannedCode code;
    code.text = std::move(text);
    code.origin = lotstation::scan::ScanOrigin::Wedge;
    return intent::Scanned{code};
}

void keypad(Station& station, std::string_view digits, QuantityUnit unit) {
    station.apply(intent::KeypadUnit{unit}, t0);
    for (char c : digits)
        station.apply(intent::KeypadPress{static_cast<KeypadKey>(c - '0')}, t0);
    station.apply(intent::KeypadOk{}, t0);
}

} // namespace

TEST_CASE("station: the demo ledger fills the pickers") {
    auto demo = demoLedger();
    auto& ledger = demo->ledger;
    const Station station(AppConfig{}, t0, &ledger);
    const Catalog& catalog = station.state().catalog;
    CHECK(catalog.items.size() == 10);
    CHECK(catalog.suppliers.size() == 7); // with the shea butter's, checked on receipt (demo_quality.cpp)
    CHECK(catalog.locations.size() == 6);
    CHECK(catalog.customers.size() == 3);
    CHECK(catalog.recipes.size() == 3); // the soap base (an intermediate) and the two bars
    REQUIRE(catalog.users.size() == 4);
    CHECK(catalog.users[0].id == "admin");
    CHECK(catalog.users[1].detail == "operator");
    CHECK(ledger.verify().value().empty());
}

TEST_CASE(
    "station: a badge scanned on the login screen logs in and returns, elsewhere it is not understood") {
    auto demo = demoLedger();
    auto& ledger = demo->ledger;
    Station station(AppConfig{}, t0, &ledger);
    const auto elsewhere = station.apply(scanOf("B-SAM"), t0);
    CHECK(elsewhere.tone == FeedbackKind::Unknown);
    CHECK(station.state().feedback->headline == "Not understood here");
    station.apply(intent::Navigate{Screen::Login}, t0);
    CHECK(station.apply(scanOf("B-NOPE"), t0).tone == FeedbackKind::Refused);
    const auto in = station.apply(scanOf("B-SAM"), t0);
    CHECK(in.tone == FeedbackKind::Accepted);
    CHECK(station.state().userName == "sam");
    CHECK(station.state().screen() == Screen::Home);
    station.apply(intent::LogOut{}, t0);
    CHECK_FALSE(station.state().userName);
}

TEST_CASE("station: receive from the screen - picks, a scanned supplier lot, the keypad, confirm - lands in "
          "the ledger") {
    auto demo = demoLedger();
    auto& ledger = demo->ledger;
    Station station(AppConfig{}, t0, &ledger);
    station.apply(intent::Navigate{Screen::Login}, t0);
    station.apply(login::ChooseUser{"ana"}, t0);
    for (char c : std::string("1111"))
        station.apply(login::PinKey{static_cast<KeypadKey>(c - '0')}, t0);
    station.apply(login::SubmitPin{}, t0);
    REQUIRE(station.state().userName == "ana");

    station.apply(intent::Navigate{Screen::Receive}, t0);
    station.apply(intent::OpenPicker{"Item", station.state().catalog.items, replyId<receive::PickItem>()}, t0);
    station.apply(intent::Pick{"LAVENDER-EO"}, t0);
    station.apply(intent::OpenPicker{"Supplier", station.state().catalog.suppliers, replyId<receive::PickSupplier>()}, t0);
    station.apply(intent::Pick{"AROMA"}, t0);
    CHECK(station.apply(scanOf("AA-778"), t0).tone == FeedbackKind::Accepted); // the supplier's lot code
    station.apply(intent::OpenKeypad{"Quantity", QuantityUnit::Kilogram, {}, replyQuantity<receive::SetQuantity>()}, t0);
    keypad(station, "2",
           QuantityUnit::Kilogram); // a weight for an oil measured in ml: refused by the workflow
    CHECK(station.state().feedback->kind == FeedbackKind::Refused);
    CHECK(station.state().feedback->headline == "That is a weight; Lavender essential oil is measured in ml");
    station.apply(intent::OpenKeypad{"Quantity", QuantityUnit::Litre, {}, replyQuantity<receive::SetQuantity>()}, t0);
    keypad(station, "2", QuantityUnit::Litre);
    REQUIRE(station.stateOf<ReceiveFlow>());
    CHECK((station.stateOf<ReceiveFlow>()->step == ReceiveStep::ReadyToConfirm));
    CHECK(ledger.movementCount().value() == demo->movements);

    const auto done = station.apply(receive::Confirm{}, t0);
    CHECK(done.tone == FeedbackKind::Accepted);
    REQUIRE(done.labelsToPrint.size() == 1);
    const auto lot = ledger.lot(done.labelsToPrint[0]);
    REQUIRE(lot);
    CHECK(lot->supplierLot == "AA-778");
    CHECK(ledger.onHand(lot->code, "STORE").value() == 2'000'000); // 2 l in µl, at the item's usual place
    CHECK(ledger.verify().value().empty());
    // Received: nothing left to lose, so Back leaves without asking.
    station.apply(intent::Back{}, t0);
    CHECK(station.state().screen() == Screen::Home);
}

TEST_CASE("station: leaving Receive with a draft asks, and Leave drops the draft without writing") {
    auto demo = demoLedger();
    auto& ledger = demo->ledger;
    Station station(AppConfig{}, t0, &ledger);
    station.apply(intent::Navigate{Screen::Receive}, t0);
    station.apply(scanOf("OLIVE-OIL"), t0); // a SKU label: the item
    CHECK(station.stateOf<ReceiveFlow>()->draft.item);
    station.apply(intent::Back{}, t0);
    REQUIRE(station.state().confirm);
    station.apply(intent::Answer{true}, t0);
    CHECK(station.state().screen() == Screen::Home);
    CHECK_FALSE(station.stateOf<ReceiveFlow>()->draft.item);
    CHECK(ledger.movementCount().value() == demo->movements);
}

TEST_CASE("station: the idle log-out also ends the login workflow's session") {
    auto demo = demoLedger();
    auto& ledger = demo->ledger;
    Station station(AppConfig{"Dock", 1min, 1500ms, 300ms}, t0, &ledger);
    station.apply(intent::Navigate{Screen::Login}, t0);
    station.apply(scanOf("B-ANA"), t0);
    REQUIRE(station.state().userName == "ana");
    station.tick(t0 + 2min);
    CHECK_FALSE(station.state().userName);
    station.apply(intent::Navigate{Screen::Receive}, t0 + 2min);
    CHECK_FALSE(station.state().userName); // not silently back
}

TEST_CASE("station: without a ledger the shell still runs and says what it read") {
    Station station(AppConfig{}, t0, nullptr);
    CHECK(station.stateOf<ReceiveFlow>() == nullptr);
    CHECK(station.apply(scanOf("0104012345678901"), t0).tone == FeedbackKind::Unknown);
    CHECK(station.state().feedback->detail.find("04012345678901") != std::string::npos); // read as a GTIN
    CHECK(station.apply(receive::Cancel{}, t0).tone == std::nullopt);
}

TEST_CASE("station: a GS1 case label scanned on Receive fills item, lot and expiry through the interpreter") {
    auto demo = demoLedger();
    Station station(AppConfig{}, t0, &demo->ledger);
    station.apply(intent::Navigate{Screen::Receive}, t0);
    lotstation::scan::ScannedCode code;
    code.text = "0109506000134352"
                "17271130"
                "10LOT-42"; // GTIN, expiry, lot
    code.symbologyId = "]C1";
    const auto read = station.apply(intent::Scanned{code}, t0);
    CHECK(read.tone == FeedbackKind::Accepted);
    const auto& draft = station.stateOf<ReceiveFlow>()->draft;
    REQUIRE(draft.item);
    CHECK(draft.item->sku == "BAR-LAV");
    CHECK(draft.supplierLot == "LOT-42");
    CHECK(draft.expiry == std::chrono::year(2027) / std::chrono::month(11) / std::chrono::day(30));
    CHECK_FALSE(draft.quantity); // none on this label: the keypad asks
    // A label whose check digit is wrong is refused with the interpreter's reason, and fills nothing more.
    code.text = "0109506000134353";
    CHECK(station.apply(intent::Scanned{code}, t0).tone == FeedbackKind::Refused);
    CHECK(station.state().feedback->detail.find("check digit") != std::string::npos);
}

TEST_CASE("station: one of our badge labels logs in from any screen") {
    auto demo = demoLedger();
    Station station(AppConfig{}, t0, &demo->ledger);
    station.apply(intent::Navigate{Screen::Count}, t0);
    CHECK(station.apply(scanOf("LS:USR:B-SAM"), t0).tone == FeedbackKind::Accepted);
    CHECK(station.state().userName == "sam");
    CHECK(station.state().screen() == Screen::Count); // it does not take the operator away from their work
}
