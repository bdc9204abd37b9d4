#pragma once
// The demo soap maker's ledger in a temporary folder, for the Look up / Recall / Stock / Labels tests.
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace lotstation::test {

struct DemoFixture {
    TempDir dir;
    station::DemoSummary demo;
    storage::Ledger ledger;

    DemoFixture() : demo(seedDemo(dir)), ledger(openDemo(dir)) {}

    // Lots by what they are in the demo's story (demo_seed.cpp).
    [[nodiscard]] const std::string& olive1() const { return demo.receivedLots.at(0); }
    [[nodiscard]] const std::string& coconut1() const { return demo.receivedLots.at(2); }
    [[nodiscard]] const std::string& lavenderOil() const { return demo.receivedLots.at(4); }
    [[nodiscard]] const std::string& coconutHeld() const { return demo.receivedLots.at(7); }
    [[nodiscard]] const std::string& soapBase() const { return demo.producedLots.at(0); }
    [[nodiscard]] const std::string& lavenderBars() const { return demo.producedLots.at(1); }
    [[nodiscard]] const std::string& oatBars() const { return demo.producedLots.at(2); }

  private:
    static station::DemoSummary seedDemo(const TempDir& dir) {
        auto summary = station::createDemoLedger(dir.file("demo.db"), storage::systemClock()());
        REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
        REQUIRE(summary->receivedLots.size() == 8);
        REQUIRE(summary->producedLots.size() == 3);
        return *summary;
    }
    static storage::Ledger openDemo(const TempDir& dir) {
        auto ledger = storage::Ledger::open(dir.file("demo.db"));
        REQUIRE(ledger);
        return std::move(*ledger);
    }
};

} // namespace lotstation::test
