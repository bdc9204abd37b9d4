// A station linked to a central server at its first run (the setup's Link), against a real server in this
// process: it takes the server's people and items; its Records changes are made on the server (with the
// server's roles and audit) and come back by sync; while the server is down they are refused and nothing is
// written anywhere.
#include "lotstation/station/station.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "lotstation/sync/central_store.hpp"
#include "lotstation/sync/client.hpp"
#include "lotstation/sync/master_edit.hpp"
#include "lotstation/sync/server.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::TempDir;
using namespace std::chrono_literals;

namespace {

const TimePoint t0 = TimePoint{} + 1000s;

// A central server with a supervisor (sue, PIN 2580), an operator (ann) and one item; and a station's token.
struct Server {
    TempDir dir;
    std::string token;
    std::optional<lotstation::sync::SyncServer> server;
    Server() {
        auto store = lotstation::sync::CentralStore::open(dir.file("central").string());
        REQUIRE(store);
        auto seeded = store->editMaster([](storage::Ledger& ledger) -> storage::Result<void> {
            REQUIRE(ledger.addLocation({"STORE", "Raw store", storage::LocationKind::Store}));
            REQUIRE(ledger.addItem({.sku = "OIL", .name = "Olive oil", .uom = storage::Uom::Gram}));
            REQUIRE(ledger.addUser({.name = "sue", .role = storage::UserRole::Supervisor, .pin = "2580"}));
            REQUIRE(ledger.addUser({.name = "ann", .role = storage::UserRole::Operator, .pin = "1357"}));
            return {};
        });
        REQUIRE(seeded);
        auto added = store->addStation("dock-tablet");
        REQUIRE(added);
        token = *added;
        start();
    }
    int port = 0; // any free one at first; the same one again after a restart (the station remembers it)
    void start() {
        auto made = lotstation::sync::SyncServer::create({.port = port, .dataDir = dir.file("central")});
        REQUIRE_MESSAGE(made, (made ? "" : made.error().message));
        server.emplace(std::move(*made));
        server->start();
        port = server->port();
    }
    std::string url() const { return server->url(); }
    storage::MasterData master() const { return *lotstation::sync::CentralStore::open(dir.file("central").string())->masterData(); }
};

struct NewStation {
    TempDir dir;
    std::filesystem::path path = dir.file("station.db");
    storage::Ledger ledger = *storage::Ledger::open(path);
    Station station;
    NewStation() : station(AppConfig{.firstRun = true}, t0, &ledger, files()) {}
    StationFiles files() const {
        StationFiles out;
        out.ledgerPath = path;
        out.importFolder = dir.path() / "import";
        return out;
    }
    const SetupState& setup() const { return *station.stateOf<SetupFlow>(); }
    void type(SetupField field, std::string text) { station.apply(setup::SetText{field, std::move(text)}, t0); }
};

bool hasSupplier(const storage::MasterData& data, const std::string& code) {
    for (const auto& supplier : data.suppliers)
        if (supplier.value.code == code) return true;
    return false;
}

} // namespace

TEST_CASE("linked station: Link at the first run takes the server's people and items; a bad token is refused") {
    Server central;
    NewStation s;
    s.station.apply(setup::ShowLink{}, t0);
    CHECK((s.setup().step == SetupStep::Link));
    s.type(SetupField::Station, "Dock tablet");
    s.type(SetupField::ShortCode, "d2");
    // The server's address from one QR, then a QR with a wrong token and the address again.
    lotstation::scan::ScannedCode qr;
    qr.text = central.url();
    s.station.apply(intent::Scanned{qr}, t0);
    CHECK(s.setup().serverUrl == central.url());
    s.type(SetupField::ServerUrl, "");
    qr.text = "lst_0000000000000000000000000000000000000000000000000000000000000000 " + central.url();
    s.station.apply(intent::Scanned{qr}, t0);
    CHECK(s.setup().serverUrl == central.url());
    CHECK(s.setup().tokenShown == "lst_…0000");
    CHECK(s.station.apply(setup::Link{}, t0).tone == FeedbackKind::Refused);
    CHECK(s.setup().problem->find("refused this token") != std::string::npos);
    CHECK(lotstation::sync::linkedServer(s.path).empty()); // nothing remembered
    CHECK((s.station.state().screen() == Screen::Setup));

    s.type(SetupField::Token, central.token);
    CHECK(s.station.apply(setup::Link{}, t0).tone == FeedbackKind::Accepted);
    CHECK((s.setup().step == SetupStep::Linked));
    CHECK(s.setup().linked.find("1 items and 2 people") != std::string::npos);
    CHECK(lotstation::sync::linkedServer(s.path) == central.url());
    CHECK(s.ledger.station().name == "Dock tablet");
    CHECK(s.ledger.station().shortCode == "D2");
    CHECK(s.ledger.user("sue")->hasPin); // the server's PIN works here
    s.station.apply(intent::GoHome{}, t0);
    CHECK((s.station.state().screen() == Screen::Home)); // free to leave
}

TEST_CASE("linked station: Records changes are made on the server and synced back; refused when it is down") {
    Server central;
    NewStation s;
    s.station.apply(setup::ShowLink{}, t0);
    s.type(SetupField::Station, "Dock tablet");
    s.type(SetupField::ShortCode, "D2");
    s.type(SetupField::ServerUrl, central.url());
    s.type(SetupField::Token, central.token);
    REQUIRE(s.station.apply(setup::Link{}, t0).tone == FeedbackKind::Accepted);

    RecordsFlow records(FlowDeps{s.ledger, s.files(), {}});
    const FlowContext sue{"sue", {}};
    const FlowContext ann{"ann", {}};
    records.apply(records::ShowKind{RecordKind::Supplier}, sue);
    records.apply(records::New{}, sue);
    records.apply(records::SetText{RecordField::Code, "WAXCO"}, sue);
    records.apply(records::SetText{RecordField::Name, "Wax Company"}, sue);
    const auto saved = records.apply(records::Save{}, sue);
    CHECK(saved.feedback == FeedbackKind::Accepted);
    CHECK(saved.message == "Saved Wax Company on the server");
    CHECK(hasSupplier(central.master(), "WAXCO"));      // on the server, as its own command line would
    CHECK(s.ledger.supplier("WAXCO")->name == "Wax Company"); // and back here by sync

    // An operator's change is refused by the server in the ledger's words (the role is the server's).
    records.apply(records::ShowKind{RecordKind::Location}, sue);
    const auto asOperator = records.apply(records::New{}, ann);
    CHECK(asOperator.feedback == FeedbackKind::Refused);

    // The server goes away: the change is refused in a sentence, nothing is written here or there.
    central.server.reset();
    records.apply(records::ShowKind{RecordKind::Customer}, sue);
    records.apply(records::New{}, sue);
    records.apply(records::SetText{RecordField::Code, "SHOP2"}, sue);
    records.apply(records::SetText{RecordField::Name, "Second shop"}, sue);
    const auto offline = records.apply(records::Save{}, sue);
    CHECK(offline.feedback == FeedbackKind::Refused);
    CHECK(offline.message.find("kept on its server") != std::string::npos);
    CHECK(offline.message.find("cannot be reached") != std::string::npos);
    CHECK_FALSE(s.ledger.customer("SHOP2"));
    REQUIRE(records.state().draft); // kept: Save again once the server is back
    central.start();
    CHECK(records.apply(records::Save{}, sue).feedback == FeedbackKind::Accepted);
    CHECK(s.ledger.customer("SHOP2")->name == "Second shop");
}
