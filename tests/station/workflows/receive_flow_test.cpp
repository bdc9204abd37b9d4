#include "lotstation/station/workflows/receive_flow.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

namespace {

constexpr const char* kSheaGtin = "04012345678901";

// A soap workshop's master data in a real (in-memory) SQLite ledger.
storage::Ledger workshop() {
    auto ledger =
        storage::Ledger::open(":memory:", storage::OpenOptions{storage::StationIdentity{"", "Dock", "D1"}});
    REQUIRE(ledger);
    REQUIRE(ledger->addLocation(storage::Location{"DOCK", "Dock", storage::LocationKind::Dock}));
    REQUIRE(ledger->addLocation(storage::Location{"STORE-A", "Store A", storage::LocationKind::Store}));
    storage::NewItem shea;
    shea.sku = "RM-SHEA";
    shea.name = "Shea butter";
    shea.uom = storage::Uom::Gram;
    shea.gtin = kSheaGtin;
    shea.defaultLocation = "DOCK";
    REQUIRE(ledger->addItem(shea));
    storage::NewItem lavender;
    lavender.sku = "RM-LAV";
    lavender.name = "Lavender oil";
    lavender.uom = storage::Uom::Millilitre;
    REQUIRE(ledger->addItem(lavender));
    REQUIRE(ledger->addSupplier(storage::Party{"KARITE", "Karité Co-op"}));
    REQUIRE(ledger->addUser(storage::NewUser{"Ana", storage::UserRole::Operator, {}, {}}));
    return std::move(*ledger);
}

SupplierLabel sheaCase() {
    SupplierLabel label;
    label.gtin = kSheaGtin;
    label.lot = "K-2611-A";
    label.expiry = year(2027) / month(11) / day(30);
    label.quantity = Quantity{25'000'000, storage::Uom::Gram}; // (3102) 002500 = 25.00 kg
    return label;
}

} // namespace

TEST_CASE(
    "receive: a GS1 case label fills item, lot, expiry and quantity - confirm writes one lot and prints") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    CHECK(flow.state().missing.size() == 5);
    const auto read = flow.apply(receive::LabelScanned{sheaCase()});
    CHECK(read.feedback == FeedbackKind::Accepted);
    CHECK(read.message == "Shea butter read");
    CHECK(flow.state().draft.item->sku == "RM-SHEA");
    CHECK(
        (flow.state().missing == std::vector{ReceiveField::Supplier})); // location: the item's default (DOCK)
    CHECK((flow.state().step == ReceiveStep::Filling));
    CHECK(ledger.movementCount().value() == 0); // nothing written before the confirm

    flow.apply(receive::PickSupplier{"KARITE"});
    REQUIRE((flow.state().step == ReceiveStep::ReadyToConfirm));
    const auto confirmed = flow.apply(receive::Confirm{}, FlowContext{"Ana", {}});
    CHECK(confirmed.feedback == FeedbackKind::Accepted);
    REQUIRE(flow.state().received);
    const std::string lotCode = flow.state().received->lotCode;
    CHECK(confirmed.message == "Received lot " + lotCode);
    CHECK(confirmed.labelsToPrint == std::vector{lotCode});
    CHECK((flow.state().step == ReceiveStep::Done));

    const auto lot = ledger.lot(lotCode);
    REQUIRE(lot);
    CHECK(lot->sku == "RM-SHEA");
    CHECK(lot->supplier == "KARITE");
    CHECK(lot->supplierLot == "K-2611-A");
    CHECK(lot->expiry == year(2027) / month(11) / day(30));
    CHECK(ledger.onHand(lotCode, "DOCK").value() == 25'000'000);
    CHECK(ledger.movementCount().value() == 1);
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("receive: confirm too early is refused with what is missing, and writes nothing") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    flow.apply(receive::PickItem{"RM-LAV"});
    const auto refused = flow.apply(receive::Confirm{}, FlowContext{"Ana", {}});
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message == "Still missing: supplier, supplier lot, quantity, location");
    CHECK(flow.state().problem == refused.message);
    CHECK(ledger.movementCount().value() == 0);
}

TEST_CASE("receive: refusals for an unknown GTIN, the wrong item's label and a quantity of the wrong kind") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    SupplierLabel stranger;
    stranger.gtin = "07612345678900";
    stranger.lot = "X1";
    CHECK(flow.apply(receive::LabelScanned{stranger}).message ==
          "GTIN 07612345678900 is not a known item: pick the item, or tap New item");
    CHECK_FALSE(flow.state().draft.supplierLot); // a refused label fills nothing

    flow.apply(receive::PickItem{"RM-LAV"});
    CHECK(flow.apply(receive::LabelScanned{sheaCase()}).message ==
          "This label is for Shea butter, not Lavender oil");
    CHECK(flow.apply(receive::SetQuantity{Quantity{2'500'000, storage::Uom::Gram}}).message ==
          "That is a weight; Lavender oil is measured in ml");
    CHECK_FALSE(flow.state().draft.quantity);
    CHECK(flow.apply(receive::SetQuantity{Quantity{500'000, storage::Uom::Millilitre}}).feedback == std::nullopt);
    CHECK(flow.state().draft.quantity->amount == 500'000);
    CHECK_FALSE(flow.state().problem); // a good step clears the last refusal
    CHECK(flow.apply(receive::PickItem{"RM-NOPE"}).feedback == FeedbackKind::Refused);
    CHECK(flow.apply(receive::PickSupplier{"NOPE"}).feedback == FeedbackKind::Refused);
    CHECK(flow.apply(receive::PickLocation{"NOPE"}).feedback == FeedbackKind::Refused);
    CHECK(ledger.movementCount().value() == 0);
}

TEST_CASE("receive: plain scans are a SKU, a location label or the supplier's lot code") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    flow.apply(receive::CodeScanned{"RM-LAV"});
    CHECK(flow.state().draft.item->sku == "RM-LAV");
    CHECK(flow.apply(receive::CodeScanned{"STORE-A"}).message == "Put away at Store A");
    CHECK(flow.apply(receive::CodeScanned{"LV-0042"}).message == "Supplier lot LV-0042");
    CHECK(flow.apply(receive::CodeScanned{"LV-0043"}).feedback == FeedbackKind::Unknown);
    CHECK(flow.state().draft.supplierLot == "LV-0042");
}

TEST_CASE("receive: cancel at every step leaves the ledger untouched") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    const std::vector<ReceiveIntent> steps{receive::LabelScanned{sheaCase()}, receive::PickSupplier{"KARITE"},
                                           receive::PickLocation{"STORE-A"}, receive::SetReference{"PO-77"}};
    for (std::size_t stop = 0; stop <= steps.size(); ++stop) {
        for (std::size_t i = 0; i < stop; ++i)
            flow.apply(steps[i]);
        flow.apply(receive::Cancel{});
        CHECK((flow.state().step == ReceiveStep::Filling));
        CHECK_FALSE(flow.state().draft.item);
        CHECK(flow.state().missing.size() == 5);
    }
    CHECK(ledger.movementCount().value() == 0);
}

TEST_CASE(
    "receive: a ledger refusal keeps the draft - Next keeps the supplier - the same supplier lot adds up") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    flow.apply(receive::LabelScanned{sheaCase()});
    flow.apply(receive::PickSupplier{"KARITE"});
    const auto refused = flow.apply(receive::Confirm{}, FlowContext{"Nobody", {}}); // not a registered user
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK((flow.state().step == ReceiveStep::ReadyToConfirm));
    CHECK(ledger.movementCount().value() == 0);

    REQUIRE(flow.apply(receive::Confirm{}, FlowContext{"Ana", {}}).feedback == FeedbackKind::Accepted);
    const std::string first = flow.state().received->lotCode;
    CHECK(flow.apply(receive::LabelScanned{sheaCase()}).message ==
          "This delivery is already received: tap Next for the next one");
    flow.apply(receive::Next{});
    CHECK(flow.state().draft.supplier == "KARITE");
    CHECK_FALSE(flow.state().draft.item);
    flow.apply(receive::LabelScanned{sheaCase()}); // a second case of the same supplier lot
    const auto second = flow.apply(receive::Confirm{}, FlowContext{"Ana", {}});
    CHECK(second.message == "Added to lot " + first);
    CHECK(ledger.onHand(first).value() == 50'000'000);
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("receive: a quantity 1,000 times the largest earlier receipt asks for a yes; nothing written without it") {
    auto ledger = workshop();
    ReceiveFlow flow(ledger);
    flow.apply(receive::LabelScanned{sheaCase()}); // 25 kg: the first receipt has nothing to compare with
    flow.apply(receive::PickSupplier{"KARITE"});
    CHECK_FALSE(flow.state().largeQuantity);
    REQUIRE(flow.apply(receive::Confirm{}, FlowContext{"Ana", {}}).feedback == FeedbackKind::Accepted);
    flow.apply(receive::Next{});

    auto slip = sheaCase();
    slip.lot = "K-2611-B";
    slip.quantity = Quantity{25'000'000'000'000, storage::Uom::Gram}; // 25,000 t: kg typed as t, say
    flow.apply(receive::LabelScanned{slip});
    REQUIRE((flow.state().step == ReceiveStep::ReadyToConfirm));
    REQUIRE(flow.state().largeQuantity);
    CHECK(*flow.state().largeQuantity ==
          "25000000 kg is more than 1,000 times the largest earlier receipt of RM-SHEA (25 kg): check the quantity");
    const auto refused = flow.apply(receive::Confirm{}, FlowContext{"Ana", {}});
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message == *flow.state().largeQuantity);
    CHECK(ledger.movementCount().value() == 1);

    // Exactly 1,000 times is still ordinary; over it, the person's yes records it.
    flow.apply(receive::SetQuantity{Quantity{25'000'000'000, storage::Uom::Gram}});
    CHECK_FALSE(flow.state().largeQuantity);
    flow.apply(receive::SetQuantity{Quantity{25'000'000'001, storage::Uom::Gram}});
    CHECK(flow.state().largeQuantity);
    CHECK(flow.apply(receive::Confirm{.large = true}, FlowContext{"Ana", {}}).feedback == FeedbackKind::Accepted);
    CHECK(ledger.movementCount().value() == 2);
}
