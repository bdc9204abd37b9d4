#pragma once
// Small decisions the window makes before and around its loop: what the station is called and whether it
// opens on the first run's setup, where files go, which keys mean what, the wall clock.
#include "lotstation/station/app_core.hpp"
#include "lotstation/station/app_options.hpp"
#include "lotstation/station/station_settings.hpp"
#include "lotstation/storage/ledger.hpp"

#include <SDL.h>
#include <filesystem>
#include <optional>
#include <string>

namespace lotstation::station {

[[nodiscard]] std::string wallClock(); // "09:41"
[[nodiscard]] std::optional<Key> keyOf(SDL_Keycode code);
[[nodiscard]] std::filesystem::path screenshotPath(const AppOptions& options, const std::string& name);
[[nodiscard]] AppConfig configFor(const AppOptions& options, const StationSettings& settings,
                                  const storage::Ledger* ledger);
// The ledger the window uses (the demo's beside the station's own), for the settings file beside it.
[[nodiscard]] std::filesystem::path ledgerPathInUse(const AppOptions& options);

} // namespace lotstation::station
