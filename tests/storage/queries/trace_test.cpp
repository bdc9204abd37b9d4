#include "genealogy_fixture.hpp"
#include "lotstation/storage/trace.hpp"

#include <algorithm>
#include <set>

using namespace lotstation::storage;
using namespace lotstation::storage::querytest;

namespace {

std::vector<std::pair<std::string, int>> lotsWithDepth(const Trace& t) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& lot : t.lots)
        out.emplace_back(lot.code, lot.depth);
    return out;
}

std::vector<std::string> edgeText(const Trace& t) {
    std::vector<std::string> out;
    for (const auto& e : t.edges)
        out.push_back(e.input + ">" + e.run + ">" + e.output.value_or("-") + ":" +
                      std::to_string(e.quantity));
    return out;
}

} // namespace

TEST_CASE("backward trace of a finished batch reaches every input lot once, with quantities and suppliers") {
    Genealogy g;
    const auto t = must(backwardTrace(g.l(), "soap-2")); // codes are case-insensitive
    CHECK(t.root == "SOAP-2");
    CHECK((t.direction == TraceDirection::Backward));
    // OIL-A is reached directly (superfat) and through BASE-1: listed once, at its shortest depth.
    // OIL-B's consumption was reversed: it is not an input.
    CHECK(lotsWithDepth(t) ==
          std::vector<std::pair<std::string, int>>{{"SOAP-2", 0}, {"BASE-1", 1}, {"OIL-A", 1}, {"LYE-A", 2}});
    CHECK(edgeText(t) ==
          std::vector<std::string>{"LYE-A>RUN-BASE>BASE-1:3000000", "OIL-A>RUN-BASE>BASE-1:7000000",
                                   "BASE-1>RUN-S2>SOAP-2:4000000", "OIL-A>RUN-S2>SOAP-2:200000"});
    REQUIRE(t.runs.size() == 2);
    CHECK(t.runs[0].code == "RUN-BASE");
    CHECK(t.runs[0].sku == "BASE");
    CHECK((t.runs[0].status == RunStatus::Finished));
    CHECK(t.runs[1].code == "RUN-S2");
    REQUIRE(t.suppliers.size() == 2);
    CHECK(t.suppliers[0].code == "LYECO");
    CHECK(t.suppliers[1].code == "OILCO");
    CHECK(t.suppliers[1].name == "Oil Company");
    const auto oil = std::ranges::find(t.lots, std::string("OIL-A"), &TraceLot::code);
    REQUIRE(oil != t.lots.end());
    CHECK((oil->supplierLot == "OC-778"));
    CHECK((oil->supplier == "OILCO"));
    CHECK((oil->itemName == "Olive oil"));
    CHECK((oil->uom == Uom::Gram));
    CHECK((t.lots[0].run == "RUN-S2"));
    CHECK((t.lots[0].itemKind == ItemKind::Finished));
    CHECK(t.shipments.empty());
}

TEST_CASE("backward trace of a received lot is just the lot and its supplier") {
    Genealogy g;
    const auto t = must(backwardTrace(g.l(), "LYE-A"));
    CHECK(lotsWithDepth(t) == std::vector<std::pair<std::string, int>>{{"LYE-A", 0}});
    CHECK(t.edges.empty());
    REQUIRE(t.suppliers.size() == 1);
    CHECK(t.suppliers[0].code == "LYECO");
}

TEST_CASE("forward trace of a supplier lot reaches every batch and every shipment to three customers") {
    Genealogy g;
    const auto t = must(forwardTrace(g.l(), "OIL-A"));
    CHECK(lotsWithDepth(t) == std::vector<std::pair<std::string, int>>{
                                  {"OIL-A", 0}, {"BASE-1", 1}, {"SOAP-2", 1}, {"SOAP-1", 2}});
    CHECK(edgeText(t) ==
          std::vector<std::string>{"OIL-A>RUN-BASE>BASE-1:7000000", "BASE-1>RUN-S1>SOAP-1:6000000",
                                   "BASE-1>RUN-S2>SOAP-2:4000000", "OIL-A>RUN-S2>SOAP-2:200000"});
    // the reversed shipment to C1 of SOAP-2 is not a shipment
    REQUIRE(t.shipments.size() == 3);
    CHECK(t.shipments[0].lot == "SOAP-1");
    CHECK(t.shipments[0].customer == "C1");
    CHECK(t.shipments[0].customerName == "Corner Shop");
    CHECK(t.shipments[0].quantity == 20);
    CHECK((t.shipments[0].reference == "PO-C1-001"));
    CHECK((t.shipments[0].from == "FG"));
    CHECK((t.shipments[0].uom == Uom::Piece));
    CHECK(t.shipments[1].customer == "C2");
    CHECK(t.shipments[1].quantity == 10);
    CHECK((t.shipments[1].reference == "ORD-C2-17"));
    CHECK(t.shipments[2].lot == "SOAP-2");
    CHECK(t.shipments[2].customer == "C3");
    CHECK(t.shipments[2].quantity == 15);
    CHECK((t.shipments[2].reference == "WEB-3003"));
    CHECK(t.shipments[0].at < t.shipments[1].at);
    for (const auto& s : t.shipments)
        CHECK(s.movementId != g.shipC1Reversed);
    std::vector<std::string> customers;
    for (const auto& c : t.customers)
        customers.push_back(c.code);
    CHECK(customers == std::vector<std::string>{"C1", "C2", "C3"});
}

TEST_CASE("forward trace honours a reversed consumption and an open run") {
    Genealogy g;
    // OIL-B's only consumption was reversed
    const auto b = must(forwardTrace(g.l(), "OIL-B"));
    CHECK(lotsWithDepth(b) == std::vector<std::pair<std::string, int>>{{"OIL-B", 0}});
    CHECK(b.edges.empty());
    CHECK(b.shipments.empty());
    // material in an open run: an edge without an output lot
    g.run("RUN-S3", "SOAP", 10);
    g.consume("RUN-S3", "OIL-B", 50'000);
    const auto open = must(forwardTrace(g.l(), "OIL-B"));
    CHECK(edgeText(open) == std::vector<std::string>{"OIL-B>RUN-S3>-:50000"});
    REQUIRE(open.runs.size() == 1);
    CHECK((open.runs[0].status == RunStatus::Open));
}

TEST_CASE("traces end on looping data from another station instead of looping") {
    Genealogy g;
    // Station R says SOAP-1 went into RUN-BASE (which made BASE-1, which made SOAP-1): a cycle no local
    // operation can create, but a buggy or hostile peer can send.
    Movement m;
    m.id = "01900000-0000-7000-8000-000000000001";
    m.stationId = "station-r";
    m.seq = 1;
    m.at = Timestamp{std::chrono::sys_days{kToday}} + 9h;
    m.user = "remote";
    m.kind = MovementKind::Consume;
    m.lot = "SOAP-1";
    m.quantity = 1;
    m.from = "FG";
    m.run = "RUN-BASE";
    m.prevHash = std::string(64, '0');
    m.hash = movementHash(m);
    REQUIRE((must(g.l().applyRemoteMovement(RemoteMovement{m, std::nullopt, std::nullopt})) ==
             ApplyOutcome::Applied));

    const auto back = must(backwardTrace(g.l(), "BASE-1"));
    std::set<std::string> codes;
    for (const auto& lot : back.lots)
        CHECK(codes.insert(lot.code).second); // no duplicates
    CHECK(codes == std::set<std::string>{"BASE-1", "OIL-A", "LYE-A", "SOAP-1"});
    const auto forward = must(forwardTrace(g.l(), "SOAP-1"));
    std::set<std::string> down;
    for (const auto& lot : forward.lots)
        CHECK(down.insert(lot.code).second);
    CHECK(down == std::set<std::string>{"SOAP-1", "BASE-1", "SOAP-2"});
}

TEST_CASE("tracing an unknown lot is NotFound") {
    Genealogy g(false);
    const auto t = backwardTrace(g.l(), "NOPE");
    REQUIRE_FALSE(t);
    CHECK((t.error().kind == ErrorKind::NotFound));
    CHECK(t.error().message == "no lot NOPE");
}
