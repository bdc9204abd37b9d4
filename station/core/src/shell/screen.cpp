#include "lotstation/station/screen.hpp"

#include <array>

namespace lotstation::station {
namespace {

struct ScreenText {
    std::string_view id;
    std::string_view title;
    std::string_view purpose;
};

// Indexed by Screen; the order here must follow the enum.
constexpr std::array<ScreenText, 17> kScreens{{
    {"home", "Home", "Choose what to do"},
    {"receive", "Receive", "Supplier delivery in"},
    {"produce", "Produce", "Run a batch"},
    {"ship", "Ship", "Pack for a customer"},
    {"move", "Move", "Stock to a new place"},
    {"count", "Count", "Check what is there"},
    {"lookup", "Look up", "Scan any label"},
    {"recall", "Recall", "Trace and hold"},
    {"stock", "Stock & expiry", "What runs out first"},
    {"labels", "Labels", "Reprint any label"},
    {"sync", "Sync", "Server and pending"},
    {"settings", "Settings", "Camera and printer"},
    {"quality", "Quality", "Inspect, release, reject"},
    {"login", "Log in", "Scan your badge or use your PIN"},
    {"setup", "Welcome", "Set up this station"},
    {"records", "Records", "Items, suppliers, people"},
    {"costs", "Costs", "Margins and stock value"},
}};

constexpr std::array<Screen, 14> kTiles{Screen::Receive, Screen::Produce, Screen::Ship,    Screen::Move,
                                        Screen::Count,   Screen::Lookup,  Screen::Recall,  Screen::Stock,
                                        Screen::Quality, Screen::Labels,  Screen::Costs,   Screen::Records,
                                        Screen::Sync,    Screen::Settings};

const ScreenText& textOf(Screen screen) {
    return kScreens.at(static_cast<std::size_t>(screen));
}

} // namespace

std::string_view screenId(Screen screen) {
    return textOf(screen).id;
}
std::string_view screenTitle(Screen screen) {
    return textOf(screen).title;
}
std::string_view screenPurpose(Screen screen) {
    return textOf(screen).purpose;
}
std::span<const Screen> homeTiles() {
    return kTiles;
}

} // namespace lotstation::station
