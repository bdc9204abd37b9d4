// The Records screen on the demo ledger: create, edit, refuse by role, cancel, for each kind of record; a
// recipe's component added by scanning its label; and Receive's unknown GTIN made into a new item.
#include "demo_fixture.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/station.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/lot_code_pattern.hpp"
#include "lotstation/storage/master_edits.hpp"

using namespace lotstation::station;
namespace storage = lotstation::storage;
namespace scan = lotstation::scan;
using lotstation::test::DemoFixture;

namespace {

const FlowContext kSam{"sam", {}};
const FlowContext kAna{"ana", {}};
const FlowContext kAdmin{"admin", {}};

scan::Meaning meaningOf(std::string text) {
    scan::ScannedCode code;
    code.text = std::move(text);
    return scan::interpret(code);
}

bool listed(const RecordsFlow& flow, const std::string& code) {
    for (const auto& row : flow.state().rows)
        if (row.code == code) return true;
    return false;
}

} // namespace

TEST_CASE("records: a supervisor creates an item with a scanned GTIN, then edits it; each save is audited") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    CHECK(listed(flow, "OLIVE-OIL"));
    flow.apply(records::New{}, kSam);
    flow.apply(records::SetText{RecordField::Code, "SHEA"}, kSam);
    flow.apply(records::SetText{RecordField::Name, "Shea butter"}, kSam);
    flow.apply(records::SetText{RecordField::Unit, "g"}, kSam);
    flow.apply(records::SetText{RecordField::ShelfLife, "365"}, kSam);
    flow.apply(records::SetText{RecordField::DefaultLocation, "STORE"}, kSam);
    flow.apply(records::SetQuantity{RecordField::ReorderPoint, Quantity{2'000'000, storage::Uom::Gram}}, kSam);
    REQUIRE(flow.scanned(meaningOf("09501101530003"), kSam)); // the product's barcode
    CHECK(flow.state().draft->item.gtin == "09501101530003");
    CHECK(flow.apply(records::SetText{RecordField::ShelfLife, "a year"}, kSam).message ==
          "Shelf life is a number of days, e.g. 365");
    const auto saved = flow.apply(records::Save{}, kSam);
    CHECK(saved.feedback == FeedbackKind::Accepted);
    CHECK(saved.masterDataChanged);
    CHECK_FALSE(flow.state().draft);
    CHECK(listed(flow, "SHEA"));
    const auto item = demo.ledger.item("SHEA");
    REQUIRE(item);
    CHECK(item->shelfLifeDays == 365);
    CHECK(item->reorderPoint == 2'000'000);
    CHECK(item->defaultLocation == "STORE");

    flow.apply(records::Edit{"SHEA"}, kSam);
    CHECK_FALSE(flow.state().draft->isNew);
    CHECK(flow.state().history.size() == 1);
    CHECK(flow.apply(records::SetText{RecordField::Code, "OTHER"}, kSam).feedback == FeedbackKind::Refused);
    flow.apply(records::SetText{RecordField::Name, "Shea butter, raw"}, kSam);
    flow.apply(records::Save{}, kSam);
    CHECK(demo.ledger.item("SHEA")->name == "Shea butter, raw");
    const auto changes = storage::masterChanges(demo.ledger, storage::MasterKind::Item, std::string("SHEA"));
    REQUIRE(changes->size() == 2);
    CHECK(changes->front().details == "name: Shea butter → Shea butter, raw");
    CHECK(changes->front().user == "sam");
}

TEST_CASE("records: an operator is refused in the ledger's words; cancel drops a draft; nothing is written") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    CHECK(flow.apply(records::New{}, kAna).message == "ana is an operator: changing master data needs a supervisor");
    CHECK_FALSE(flow.state().draft);
    CHECK(flow.apply(records::New{}, FlowContext{}).message == "Log in as a supervisor or admin to change records");
    flow.apply(records::ShowKind{RecordKind::Supplier}, kSam);
    flow.apply(records::New{}, kSam);
    flow.apply(records::SetText{RecordField::Code, "WAX"}, kSam);
    CHECK(flow.unsaved().size() == 1);
    flow.apply(records::Cancel{}, kSam);
    CHECK_FALSE(flow.state().draft);
    CHECK_FALSE(demo.ledger.supplier("WAX"));
    CHECK(storage::masterChanges(demo.ledger)->empty());
}

TEST_CASE("records: suppliers, customers and locations are created and edited") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    flow.apply(records::ShowKind{RecordKind::Supplier}, kSam);
    flow.apply(records::New{}, kSam);
    flow.apply(records::SetText{RecordField::Code, "WAX"}, kSam);
    flow.apply(records::SetText{RecordField::Name, "Wax & Wick"}, kSam);
    CHECK(flow.apply(records::Save{}, kSam).feedback == FeedbackKind::Accepted);
    CHECK(demo.ledger.supplier("WAX")->name == "Wax & Wick");
    flow.apply(records::ShowKind{RecordKind::Customer}, kSam);
    flow.apply(records::Edit{"SPAFLOW"}, kSam);
    flow.apply(records::SetText{RecordField::Name, "Spa Flow Hotel & Baths"}, kSam);
    flow.apply(records::Save{}, kSam);
    CHECK(demo.ledger.customer("SPAFLOW")->name == "Spa Flow Hotel & Baths");
    flow.apply(records::ShowKind{RecordKind::Location}, kSam);
    flow.apply(records::New{}, kSam);
    flow.apply(records::SetText{RecordField::Code, "SHELF-B"}, kSam);
    flow.apply(records::SetText{RecordField::Name, "Shelf B"}, kSam);
    flow.apply(records::SetText{RecordField::LocationKind, "store"}, kSam);
    const auto saved = flow.apply(records::Save{}, kSam);
    CHECK(saved.feedback == FeedbackKind::Accepted);
    CHECK((demo.ledger.location("SHELF-B")->kind == storage::LocationKind::Store));
    CHECK(storage::masterChanges(demo.ledger)->size() == 3);
}

TEST_CASE("records: only an admin adds a user (no PIN: chosen at first log-in) and resets a PIN") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    flow.apply(records::ShowKind{RecordKind::User}, kSam);
    CHECK(flow.apply(records::New{}, kSam).message == "sam is a supervisor: adding a user needs an admin");
    flow.apply(records::New{}, kAdmin);
    flow.apply(records::SetText{RecordField::Code, "olga"}, kAdmin);
    flow.apply(records::SetText{RecordField::Role, "operator"}, kAdmin);
    REQUIRE(flow.scanned(meaningOf("LS:USR:B-OLGA"), kAdmin)); // her badge card, scanned
    CHECK(flow.apply(records::Save{}, kAdmin).feedback == FeedbackKind::Accepted);
    const auto olga = demo.ledger.user("olga");
    CHECK(olga->badge == "B-OLGA");
    CHECK_FALSE(olga->hasPin);
    flow.apply(records::Edit{"ana"}, kAdmin);
    CHECK(flow.state().draft->hasPin);
    CHECK(flow.apply(records::ResetPin{}, kAdmin).feedback == FeedbackKind::Accepted);
    CHECK_FALSE(demo.ledger.user("ana")->hasPin);
}

TEST_CASE("records: a recipe's components are added by scanning their labels, then saved") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    flow.apply(records::ShowKind{RecordKind::Recipe}, kSam);
    CHECK(listed(flow, "BAR-LAV"));
    REQUIRE(storage::saveItem(demo.ledger, {.sku = "BAR-ROSE", .name = "Rose bar", .uom = storage::Uom::Piece}, "sam"));
    flow.apply(records::New{}, kSam);
    flow.apply(records::SetText{RecordField::Code, "BAR-ROSE"}, kSam);
    CHECK(flow.state().draft->isNew);
    flow.apply(records::SetQuantity{RecordField::RecipeOutput, Quantity{100, storage::Uom::Piece}}, kSam);
    REQUIRE(flow.scanned(meaningOf("LS:LOT:" + demo.soapBase()), kSam)); // our label on the soap base
    REQUIRE(flow.scanned(meaningOf("BOX-BAR"), kSam));                    // a SKU typed or scanned
    CHECK(flow.scanned(meaningOf("LS:LOT:" + demo.soapBase()), kSam)->feedback == FeedbackKind::Refused); // twice
    CHECK(flow.apply(records::Save{}, kSam).feedback == FeedbackKind::Refused); // no quantities typed yet
    CHECK_FALSE(demo.ledger.recipe("BAR-ROSE"));
    flow.apply(records::SetComponent{"SOAP-BASE", Quantity{11'000'000, storage::Uom::Gram}}, kSam);
    flow.apply(records::SetComponent{"BOX-BAR", Quantity{100, storage::Uom::Piece}}, kSam);
    CHECK(flow.apply(records::Save{}, kSam).feedback == FeedbackKind::Accepted);
    const auto recipe = demo.ledger.recipe("BAR-ROSE");
    REQUIRE(recipe);
    CHECK(recipe->outputQuantity == 100);
    CHECK(recipe->components.size() == 2);
}

TEST_CASE("records: Receive's unknown GTIN becomes a new item, and the receipt carries on with it") {
    DemoFixture demo;
    Station station(AppConfig{}, TimePoint{}, &demo.ledger, {});
    station.apply(intent::Navigate{Screen::Login}, TimePoint{});
    station.apply(login::BadgeScanned{"B-SAM"}, TimePoint{});
    station.apply(intent::Navigate{Screen::Receive}, TimePoint{});
    scan::ScannedCode label;
    label.text = "(01)09501101530010(10)SH-77(17)271231";
    station.apply(intent::Scanned{label}, TimePoint{});
    const auto* receive = station.stateOf<ReceiveFlow>();
    REQUIRE(receive->unknownGtin);
    CHECK(*receive->unknownGtin == "09501101530010");
    station.apply(intent::Navigate{Screen::Records}, TimePoint{});
    station.apply(records::NewItemWithGtin{"09501101530010"}, TimePoint{});
    const auto* records = station.stateOf<RecordsFlow>();
    CHECK(records->draft->item.gtin == "09501101530010");
    station.apply(records::SetText{RecordField::Code, "SHEA"}, TimePoint{});
    station.apply(records::SetText{RecordField::Name, "Shea butter"}, TimePoint{});
    station.apply(records::Save{}, TimePoint{});
    CHECK((station.state().screen() == Screen::Receive)); // back to the receipt
    REQUIRE(receive->draft.item);
    CHECK(receive->draft.item->sku == "SHEA");
    CHECK(receive->draft.supplierLot == "SH-77");
    bool picked = false;
    for (const auto& item : station.state().catalog.items)
        picked = picked || item.id == "SHEA";
    CHECK(picked); // the pickers know the new item
}

TEST_CASE("records: the business's currency and lot-code pattern are changed on the screen, checked as typed") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    flow.apply(records::ShowKind{RecordKind::Business}, kSam);
    REQUIRE(flow.state().rows.size() == 2);
    CHECK(flow.state().rows[1].detail.rfind("{SKU}-{YYMMDD}-{ST}{NN} · e.g. SKU-", 0) == 0);
    CHECK(flow.apply(records::New{}, kSam).feedback == FeedbackKind::Refused);
    CHECK(flow.apply(records::Edit{std::string(kLotCodeSetting)}, kAna).message ==
          "ana is an operator: changing master data needs a supervisor");

    flow.apply(records::Edit{std::string(kLotCodeSetting)}, kSam);
    REQUIRE(flow.state().draft);
    CHECK(flow.state().draft->settingValue == "{SKU}-{YYMMDD}-{ST}{NN}");
    flow.apply(records::SetText{RecordField::Setting, "L{YY}{JJJ}"}, kSam);
    REQUIRE(flow.state().problem);
    CHECK(flow.state().problem->find("{NN}") != std::string::npos);
    CHECK(flow.state().draft->example.empty());
    CHECK(flow.apply(records::Save{}, kSam).feedback == FeedbackKind::Refused);
    CHECK(storage::lotCodePattern(demo.ledger) == "{SKU}-{YYMMDD}-{ST}{NN}"); // nothing written

    flow.apply(records::SetText{RecordField::Setting, "L{YY}{JJJ}-{ST}{NN}"}, kSam);
    CHECK_FALSE(flow.state().problem);
    const auto shortCode = demo.ledger.station().shortCode;
    CHECK(flow.state().draft->example.rfind("L", 0) == 0);
    CHECK(flow.state().draft->example.ends_with("-" + shortCode + "01"));
    CHECK(flow.apply(records::Save{}, kSam).feedback == FeedbackKind::Accepted);
    CHECK(storage::lotCodePattern(demo.ledger) == "L{YY}{JJJ}-{ST}{NN}");
    CHECK(flow.state().rows[1].detail.rfind("L{YY}{JJJ}-{ST}{NN}", 0) == 0);

    // The currency: a code that is not ISO 4217 is refused in words.
    flow.apply(records::Edit{std::string(kCurrencySetting)}, kSam);
    CHECK(flow.state().draft->settingValue == "USD");
    flow.apply(records::SetText{RecordField::Setting, "EU"}, kSam);
    const auto refused = flow.apply(records::Save{}, kSam);
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message.find("not an ISO 4217 currency code") != std::string::npos);
    CHECK(storage::ledgerCurrency(demo.ledger) == "USD");
    // The demo records prices in USD: the currency can no longer change, and the screen says why.
    flow.apply(records::SetText{RecordField::Setting, "EUR"}, kSam);
    CHECK(flow.apply(records::Save{}, kSam).message.find("the currency cannot change to EUR") != std::string::npos);
    CHECK(storage::ledgerCurrency(demo.ledger) == "USD");
    CHECK(flow.state().rows[0].detail.rfind("USD · amounts shown with 2 decimals", 0) == 0);
}

TEST_CASE("records: an existing location's label and a user's badge print again from the open record") {
    DemoFixture demo;
    RecordsFlow flow(demo.ledger);
    flow.apply(records::ShowKind{RecordKind::Location}, kSam);
    flow.apply(records::Edit{"STORE"}, kSam);
    const auto label = flow.apply(records::PrintLabel{}, kSam);
    REQUIRE(label.otherLabels.size() == 1);
    CHECK(label.otherLabels[0] == LabelRequest{LabelFor::Location, "STORE"});
    CHECK(flow.state().draft); // still open: printing changes nothing

    flow.apply(records::ShowKind{RecordKind::User}, kAdmin);
    flow.apply(records::Edit{"ana"}, kAdmin);
    REQUIRE(flow.state().draft->user.badge);
    const auto badge = flow.apply(records::PrintLabel{}, kAdmin);
    REQUIRE(badge.otherLabels.size() == 1);
    CHECK(badge.otherLabels[0] == LabelRequest{LabelFor::Badge, "ana"});
    // A supervisor may not handle users, so not reprint their badges either.
    CHECK(flow.apply(records::PrintLabel{}, kSam).otherLabels.empty());
}

TEST_CASE("records: a supplier not in the list is added from Receive, and the receipt carries on with it") {
    DemoFixture demo;
    Station station(AppConfig{}, TimePoint{}, &demo.ledger, {});
    station.apply(intent::Navigate{Screen::Login}, TimePoint{});
    station.apply(login::BadgeScanned{"B-SAM"}, TimePoint{});
    station.apply(intent::Navigate{Screen::Receive}, TimePoint{});
    station.apply(receive::PickItem{"OLIVE-OIL"}, TimePoint{});
    station.apply(intent::Navigate{Screen::Records}, TimePoint{});
    station.apply(records::NewSupplierForReceipt{}, TimePoint{});
    const auto* records = station.stateOf<RecordsFlow>();
    REQUIRE(records->draft);
    CHECK((records->draft->kind == RecordKind::Supplier));
    CHECK(records->backToReceipt);
    station.apply(records::SetText{RecordField::Code, "NEWOIL"}, TimePoint{});
    station.apply(records::SetText{RecordField::Name, "New Oil Traders"}, TimePoint{});
    station.apply(records::Save{}, TimePoint{});
    CHECK((station.state().screen() == Screen::Receive));
    const auto* receive = station.stateOf<ReceiveFlow>();
    CHECK(receive->draft.supplier == "NEWOIL");
    REQUIRE(receive->draft.item);
    CHECK(receive->draft.item->sku == "OLIVE-OIL"); // what was already chosen stays
    CHECK(demo.ledger.supplier("NEWOIL")->name == "New Oil Traders");
    const auto changes = storage::masterChanges(demo.ledger, storage::MasterKind::Supplier, std::string("NEWOIL"));
    REQUIRE(changes->size() == 1);
    CHECK(changes->front().user == "sam");
}
