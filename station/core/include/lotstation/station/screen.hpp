#pragma once
// The station's screens and how they are named on screen and in scripts ("home.receive" taps the Receive
// tile).
#include <span>
#include <string_view>

namespace lotstation::station {

enum class Screen {
    Home,
    Receive,
    Produce,
    Ship,
    Move,
    Count,
    Lookup,
    Recall,
    Stock,
    Labels,
    Sync,
    Settings,
    Quality,
    Login,   // not a home tile: reached from the status bar
    Setup,   // not a home tile: the first run of a station
    Records, // items, recipes, suppliers, customers, locations, users
    Costs,   // margins, stock value, value at risk: supervisors and admins
};

[[nodiscard]] std::string_view screenId(Screen screen);    // "receive", "lookup", "stock", ...
[[nodiscard]] std::string_view screenTitle(Screen screen); // "Receive", "Look up", "Stock & expiry", ...
// One line telling the operator what the screen is for, shown under its tile and title.
[[nodiscard]] std::string_view screenPurpose(Screen screen);
// The tiles of the home grid, in reading order.
[[nodiscard]] std::span<const Screen> homeTiles();

} // namespace lotstation::station
