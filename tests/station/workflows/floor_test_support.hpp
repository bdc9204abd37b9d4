#pragma once
// The demo soap maker's ledger (demo_seed.hpp) in a real SQLite file, and a Station over it driven the way
// the window drives it: scans, keypad presses, picker choices, confirm dialogs. Shared by the produce, ship,
// move and count tests.
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/station/station.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <memory>
#include <stdexcept>
#include <string>

namespace lotstation::test::floor {

using namespace lotstation::station;
namespace storage = lotstation::storage;

inline const TimePoint t0 = TimePoint{} + std::chrono::seconds(1000);

struct Demo {
    std::unique_ptr<TempDir> dir; // declared first: removed after the ledger closes
    storage::Ledger ledger;
    DemoSummary summary;
};

// `daysLater` moves the ledger's clock forward after the demo (the lavender oil expires 45 days after its
// receipt, about 36 days after the demo's end).
inline std::unique_ptr<Demo> demo(int daysLater = 0) {
    auto dir = std::make_unique<TempDir>();
    const auto path = dir->file("demo.db");
    const auto now = storage::systemClock()();
    auto summary = createDemoLedger(path, now);
    REQUIRE_MESSAGE(summary, summary.error().message);
    storage::OpenOptions options;
    if (daysLater != 0) {
        const auto later = now + std::chrono::days{daysLater};
        options.clock = [later] { return later; };
    }
    auto ledger = storage::Ledger::open(path, options);
    REQUIRE(ledger);
    return std::unique_ptr<Demo>(new Demo{std::move(dir), std::move(*ledger), std::move(*summary)});
}

inline Intent scanOf(std::string text) {
    scan::ScannedCode code;
    code.text = std::move(text);
    code.origin = scan::ScanOrigin::Wedge;
    return intent::Scanned{code};
}

inline std::string lotLabel(const std::string& lot) {
    return "LS:LOT:" + lot;
}

// Types digits (and a dot) on a keypad whose answer becomes the reply's step, in the unit, and presses OK.
inline Effects keypad(Station& station, QuantityReply reply, std::string_view text, QuantityUnit unit) {
    station.apply(intent::OpenKeypad{"Quantity", unit, {}, std::move(reply)}, t0);
    for (char c : text)
        station.apply(intent::KeypadPress{c == '.' ? KeypadKey::Dot : static_cast<KeypadKey>(c - '0')}, t0);
    return station.apply(intent::KeypadOk{}, t0);
}

inline Effects pick(Station& station, ChoiceReply reply, const std::vector<PickerOption>& options,
                    const std::string& id) {
    station.apply(intent::OpenPicker{"Choose", options, std::move(reply)}, t0);
    return station.apply(intent::Pick{id}, t0);
}

inline void logIn(Station& station, const std::string& name, const std::string& pin) {
    station.apply(login::ChooseUser{name}, t0);
    for (char c : pin)
        station.apply(login::PinKey{static_cast<KeypadKey>(c - '0')}, t0);
    station.apply(login::SubmitPin{}, t0);
    REQUIRE(station.state().userName == name);
}

// The component line of a run (the ledger lists a recipe's components by SKU).
inline const ProduceLine& lineOf(const ProduceState& state, const std::string& sku) {
    for (const auto& line : state.lines)
        if (line.item.sku == sku) return line;
    FAIL("no line for " << sku);
    throw std::logic_error("unreachable");
}

inline std::string headline(const Station& station) {
    return station.state().feedback ? station.state().feedback->headline : std::string();
}

} // namespace lotstation::test::floor
