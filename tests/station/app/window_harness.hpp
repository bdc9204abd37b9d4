#pragma once
// Running the real lotstation binary under Xvfb (Mesa's software OpenGL) with an events script, for the
// window tests: where the binary and scripts are, the run itself, and checks on what it left behind.
#include "lotstation/station/events_script.hpp"
#include "lotstation/station/image.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lotstation::test {

[[nodiscard]] std::filesystem::path stationBinary();
[[nodiscard]] std::filesystem::path scriptPath(const std::string& name); // tests/station/app/scripts/<name>
[[nodiscard]] std::filesystem::path screenshotDir();                     // <build>/screenshots
[[nodiscard]] bool haveXvfb();
[[nodiscard]] std::string quote(const std::filesystem::path& path);

// Mean squared deviation of the grey level: a blank or single-colour frame is near zero.
[[nodiscard]] double greyVariance(const station::Image& image);

struct WindowRun {
    int status = -1;
    std::string output; // stdout and stderr of the binary
};

// `lotstation --demo --db <work>/station.db --events <script> --screenshots <shots>` in a 1280×800 Xvfb,
// with XDG_DATA_HOME=<work>/data so labels and exports land in the work folder.
[[nodiscard]] WindowRun runDemoScript(const std::filesystem::path& script, const std::filesystem::path& work,
                                      const std::filesystem::path& shots);

// The same with other arguments than --demo ("" for the station's own ledger, e.g. a first run).
[[nodiscard]] WindowRun runScript(const std::filesystem::path& script, const std::filesystem::path& work,
                                  const std::filesystem::path& shots, const std::string& arguments);

// The screenshot names in the script, after removing those files from `shots` (a stale one must not pass).
[[nodiscard]] std::vector<std::string> prepareScreenshots(const std::vector<station::ScriptEvent>& events,
                                                          const std::filesystem::path& shots);

// The binary's own summary says every expectation held and every screenshot was written; each screenshot is
// 1280×800, not blank, and different from the others. Uses doctest checks.
void checkRun(const WindowRun& run, const std::vector<station::ScriptEvent>& events,
              const std::vector<std::string>& screenshots, const std::filesystem::path& shots);

} // namespace lotstation::test
