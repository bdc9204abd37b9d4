// The bad input table, station part: what an operator types on the on-screen keypad and taps or scans in the
// receive workflow. Each row names the message on screen; the ledger snapshot proves nothing was written.
#include "ledger_fixture.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/station.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"

#include <string>
#include <vector>

namespace {

namespace station = lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::HardeningLedger;

struct KeypadRow {
    const char* what;
    station::QuantityUnit unit;
    std::string text; // as the keypad left it
    const char* message;
};

} // namespace

TEST_CASE("bad input: keypad quantities that cannot be confirmed") {
    const std::vector<KeypadRow> rows{
        {"nothing typed", station::QuantityUnit::Kilogram, "", "enter a quantity"},
        {"only a dot", station::QuantityUnit::Kilogram, ".", "enter a quantity"},
        {"zero", station::QuantityUnit::Gram, "0", "quantity must be more than zero"},
        {"half a piece", station::QuantityUnit::Piece, "1.5", "counted in whole pieces"},
        {"finer than a milligram", station::QuantityUnit::Gram, "1.0005", "is finer than 1 mg"},
        {"thirty digits", station::QuantityUnit::Gram, std::string(30, '9'), "too large a quantity"},
        {"pasted exponent", station::QuantityUnit::Gram, "1e3", "unit 'e3g' is not known"},
    };
    for (const auto& row : rows) {
        station::QuantityEntry entry(row.unit);
        entry.setText(row.text);
        const auto confirmed = entry.confirm();
        INFO(std::string(row.what) << " -> "
                                   << (confirmed ? std::string("accepted") : confirmed.error().message));
        REQUIRE_FALSE(confirmed.has_value());
        CHECK(confirmed.error().message.find(row.message) != std::string::npos);
    }
    // Keys that would make the text invalid are refused as they are pressed.
    station::QuantityEntry pieces(station::QuantityUnit::Piece);
    CHECK(pieces.press(station::KeypadKey::D1));
    CHECK_FALSE(pieces.press(station::KeypadKey::Dot));
    CHECK(pieces.text() == "1");
    station::QuantityEntry grams(station::QuantityUnit::Gram);
    for (const auto key : {station::KeypadKey::D1, station::KeypadKey::Dot, station::KeypadKey::D1,
                           station::KeypadKey::D2, station::KeypadKey::D3})
        CHECK(grams.press(key));
    CHECK_FALSE(grams.press(station::KeypadKey::D4)); // a fourth decimal of a gram
    CHECK_FALSE(grams.press(station::KeypadKey::Dot));
    CHECK(grams.text() == "1.123");
}

TEST_CASE("bad input: the receive workflow refuses and writes nothing") {
    HardeningLedger fixture;
    const auto before = fixture.snapshot();
    auto ledger = storage::Ledger::open(fixture.databasePath());
    REQUIRE(ledger.has_value());

    struct FlowRow {
        const char* what;
        std::vector<station::ReceiveIntent> intents; // the last one is refused
        const char* message;
    };
    const station::Quantity oneKg{1'000'000, storage::Uom::Gram};
    const station::Quantity oneLitre{1'000'000, storage::Uom::Millilitre};
    const std::vector<FlowRow> rows{
        {"unknown item", {station::receive::PickItem{"NOPE"}}, "NOPE"},
        {"unknown supplier", {station::receive::PickSupplier{"NOBODY"}}, "NOBODY"},
        {"unknown location", {station::receive::PickLocation{"MOON"}}, "MOON"},
        {"a volume for a weighed item",
         {station::receive::PickItem{"OIL"}, station::receive::SetQuantity{oneLitre}},
         "is measured in g"},
        {"confirm with fields missing",
         {station::receive::PickItem{"OIL"}, station::receive::Confirm{}},
         "Still missing: supplier, supplier lot, quantity"},
        {"case label of an unknown GTIN",
         {station::receive::LabelScanned{{.gtin = "09501101530003", .lot = "L1"}}},
         "GTIN 09501101530003 is not a known item"},
        {"confirm by nobody",
         {station::receive::PickItem{"OIL"}, station::receive::PickSupplier{"SUP"},
          station::receive::CodeScanned{"SUPPLIER-LOT-7"}, station::receive::SetQuantity{oneKg},
          station::receive::Confirm{}},
         "ghost"},
    };
    for (const auto& row : rows) {
        station::ReceiveFlow flow(*ledger);
        station::FlowOutcome outcome;
        for (const auto& intent : row.intents)
            outcome = flow.apply(intent, station::FlowContext{"ghost", {}}); // nobody the ledger knows
        INFO(std::string(row.what) << " -> " << outcome.message);
        CHECK(outcome.feedback == station::FeedbackKind::Refused);
        CHECK(outcome.message.find(row.message) != std::string::npos);
        CHECK(fixture.snapshot() == before);
    }
}

TEST_CASE("bad input: the station's keypad, as an operator taps and types it, writes nothing") {
    HardeningLedger fixture;
    const auto before = fixture.snapshot();
    auto ledger = storage::Ledger::open(fixture.databasePath());
    REQUIRE(ledger.has_value());
    const station::TimePoint t0{};
    station::Station desk(station::AppConfig{}, t0, &*ledger);
    desk.apply(station::intent::Navigate{station::Screen::Receive}, t0);
    desk.apply(station::receive::PickItem{"OIL"}, t0);

    struct TypedRow {
        const char* what;
        station::QuantityUnit unit;
        std::string typed; // on a real keyboard into the open keypad (keys the pad refuses are dropped)
        const char* message;
    };
    const std::vector<TypedRow> rows{
        {"nothing typed", station::QuantityUnit::Kilogram, "", "enter a quantity"},
        {"a lone comma", station::QuantityUnit::Kilogram, ",", "enter a quantity"},
        {"zero", station::QuantityUnit::Gram, "000", "quantity must be more than zero"},
        {"a volume for a weighed item", station::QuantityUnit::Litre, "2", "is measured in g"},
    };
    for (const auto& row : rows) {
        desk.apply(station::intent::OpenKeypad{"Quantity received", row.unit, {},
                                               station::replyQuantity<station::receive::SetQuantity>()},
                   t0);
        desk.apply(station::intent::TextTyped{row.typed}, t0);
        desk.apply(station::intent::KeypadOk{}, t0);
        const auto& state = desk.state();
        INFO(row.what);
        REQUIRE(state.feedback);
        CHECK(state.feedback->kind == station::FeedbackKind::Refused);
        const std::string said = state.feedback->headline + " / " + state.feedback->detail;
        CAPTURE(said);
        CHECK(said.find(row.message) != std::string::npos);
        CHECK_FALSE(desk.stateOf<station::ReceiveFlow>()->draft.quantity);
        desk.apply(station::intent::KeypadCancel{}, t0);
        CHECK(fixture.snapshot() == before);
    }
    // A keypad left open with a refused entry is closed by Back; nothing was written.
    desk.apply(station::intent::Back{}, t0);
    CHECK(fixture.snapshot() == before);
}
