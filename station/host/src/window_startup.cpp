#include "window_startup.hpp"

#include <ctime>

namespace lotstation::station {

std::string wallClock() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

std::optional<Key> keyOf(SDL_Keycode code) {
    switch (code) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return Key::Enter;
    case SDLK_BACKSPACE:
        return Key::Backspace;
    case SDLK_ESCAPE:
        return Key::Escape;
    case SDLK_TAB:
        return Key::Tab;
    default:
        return std::nullopt;
    }
}

std::filesystem::path screenshotPath(const AppOptions& options, const std::string& name) {
    const std::filesystem::path path(name);
    if (path.is_absolute() || !options.screenshotDir) return path;
    return *options.screenshotDir / path;
}

AppConfig configFor(const AppOptions& options, const StationSettings& settings, const storage::Ledger* ledger) {
    AppConfig config;
    config.stationName = options.demo ? "Demo station" : "Station";
    if (ledger && !options.demo) config.stationName = ledger->station().name;
    if (!settings.stationName.empty()) config.stationName = settings.stationName;
    // A ledger nobody has set up (no users: a new file, not the demo) opens on the setup.
    config.firstRun = !options.demo && ledger && ledger->users().value_or(std::vector<storage::User>{}).empty();
    if (config.firstRun) config.stationName = "New station";
    return config;
}

std::filesystem::path ledgerPathInUse(const AppOptions& options) {
    std::filesystem::path path = options.databasePath;
    if (options.demo) path.replace_filename(path.stem().string() + "-demo" + path.extension().string());
    return path;
}

} // namespace lotstation::station
