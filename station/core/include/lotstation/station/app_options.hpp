#pragma once
// How the station window is asked to start: parsed by the command line, consumed by the app.
#include <filesystem>
#include <optional>
#include <string>

namespace lotstation::station {

struct AppOptions {
    std::filesystem::path databasePath; // the station's SQLite ledger
    bool demo = false;                  // fresh demo database + synthetic camera when none is present
    std::optional<std::filesystem::path> eventsScript;  // drive the app from a script of events
    std::optional<long> maxFrames;                      // stop after this many frames (tests, recordings)
    std::optional<std::filesystem::path> screenshotDir; // where the script's screenshots go by default
    std::string cameraSource; // "" = first camera, else index, device path, URL, video or image
    bool fullscreen = false;
    int windowWidth = 1280;
    int windowHeight = 800;
    std::filesystem::path assetsDir; // fonts, label templates, sounds: found next to the executable
};

} // namespace lotstation::station
