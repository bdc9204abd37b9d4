#pragma once
// The station's own settings, changed on the Settings screen and kept in a small JSON file beside its
// ledger (station.db -> station-settings.json), so a station keeps them across restarts and a new ledger
// file starts from defaults.
#include "lotstation/core/error.hpp"

#include <expected>
#include <filesystem>
#include <string>

namespace lotstation::station {

struct StationSettings {
    std::string stationName;                 // empty: the name the app was started with
    std::string cameraSource;                // empty: the first camera; else an index, device, URL or file
    std::string printer;                     // empty: label files in the data folder's labels/; else
                                             // "cups:QUEUE", "HOST:PORT" (raw 9100) or a folder path
    std::string labelTemplate = "lot-50x30"; // for lot labels
    std::string serverUrl;                   // the central server; empty: not syncing
    std::string scalePort;                   // the weighing scale's device; empty: no scale
    std::string scaleProtocol = "auto";      // auto, mt-sics, toledo, continuous or and
    std::string scaleBaud;                   // empty: the protocol's own

    friend bool operator==(const StationSettings&, const StationSettings&) = default;
};

// station.db -> station-settings.json, in the same folder.
[[nodiscard]] std::filesystem::path settingsPathFor(const std::filesystem::path& databasePath);

// A missing file gives the defaults; a file that is not valid settings is an error naming it.
[[nodiscard]] std::expected<StationSettings, Error> loadSettings(const std::filesystem::path& path);
// Written to a temporary file and renamed over the old one: a crash never leaves half a file.
[[nodiscard]] std::expected<void, Error> saveSettings(const std::filesystem::path& path,
                                                      const StationSettings& settings);

} // namespace lotstation::station
