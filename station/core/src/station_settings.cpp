#include "lotstation/station/station_settings.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace lotstation::station {

std::filesystem::path settingsPathFor(const std::filesystem::path& databasePath) {
    std::filesystem::path path = databasePath;
    path.replace_filename(databasePath.stem().string() + "-settings.json");
    return path;
}

std::expected<StationSettings, Error> loadSettings(const std::filesystem::path& path) {
    StationSettings settings;
    std::ifstream in(path, std::ios::binary);
    if (!in) return settings; // never saved: the defaults
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorKind::Invalid, path.string() + " is not a settings file (JSON object expected)");
    const auto read = [&](const char* key, std::string& into) -> bool {
        if (!json.contains(key)) return true;
        if (!json[key].is_string()) return false;
        into = json[key].get<std::string>();
        return true;
    };
    for (auto [key, field] :
         {std::pair{"station_name", &settings.stationName}, std::pair{"camera", &settings.cameraSource},
          std::pair{"printer", &settings.printer}, std::pair{"label_template", &settings.labelTemplate},
          std::pair{"server_url", &settings.serverUrl}, std::pair{"scale_port", &settings.scalePort},
          std::pair{"scale_protocol", &settings.scaleProtocol}, std::pair{"scale_baud", &settings.scaleBaud}}) {
        if (!read(key, *field))
            return fail(ErrorKind::Invalid, path.string() + ": \"" + key + "\" should be text");
    }
    return settings;
}

std::expected<void, Error> saveSettings(const std::filesystem::path& path, const StationSettings& settings) {
    const nlohmann::json json{{"station_name", settings.stationName},
                              {"camera", settings.cameraSource},
                              {"printer", settings.printer},
                              {"label_template", settings.labelTemplate},
                              {"server_url", settings.serverUrl},
                              {"scale_port", settings.scalePort},
                              {"scale_protocol", settings.scaleProtocol},
                              {"scale_baud", settings.scaleBaud}};
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << json.dump(2) << '\n';
        out.close();
        if (!out) return fail(ErrorKind::Io, "cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, path, error);
    if (error) return fail(ErrorKind::Io, "cannot replace " + path.string() + ": " + error.message());
    return {};
}

} // namespace lotstation::station
