#include "station_setup.hpp"

#include "lotstation/labels/template_loader.hpp"
#include "lotstation/station/demo_camera.hpp"

#include <cstdio>
#include <filesystem>
#include <vector>

namespace lotstation::station {
namespace {

// The demo camera shows, round and round: a finished lot, the lot on hold, a raw material and a shelf.
Result<scan::SourceSpec> demoFeed(const AppOptions& options, const OpenedLedger& opened) {
    if (!opened.ledger || !opened.demo) return fail(ErrorKind::Invalid, "--camera demo needs --demo");
    const auto& demo = *opened.demo;
    std::vector<std::string> lots;
    if (!demo.producedLots.empty()) lots.push_back(demo.producedLots.back());
    if (!demo.receivedLots.empty()) lots.push_back(demo.receivedLots.back());
    if (!demo.receivedLots.empty()) lots.push_back(demo.receivedLots.front());
    const std::vector<std::string> locations{"STORE"};
    const std::vector<std::filesystem::path> dirs{options.assetsDir / "labels"};
    auto templates = labels::loadTemplates(dirs);
    if (!templates) return fail(ErrorKind::Io, "demo camera: " + templates.error().message);
    const auto folder = options.databasePath.parent_path() / "demo-labels";
    auto camera = makeDemoCamera(*opened.ledger, *templates, lots, locations, folder);
    if (!camera) return fail(ErrorKind::Io, "demo camera: " + camera.error().message);
    std::printf("demo labels (print them to try a real camera): %s\n", folder.string().c_str());
    return demoCameraSource(std::move(*camera));
}

} // namespace

Result<OpenedLedger> openLedger(const AppOptions& options) {
    OpenedLedger opened;
    if (options.databasePath.empty()) return opened;
    std::filesystem::path path = options.databasePath;
    if (options.demo) {
        path.replace_filename(path.stem().string() + "-demo" + path.extension().string());
        auto demo = createDemoLedger(path, storage::systemClock()());
        if (!demo) return fail(ErrorKind::Io, "cannot set up the demo: " + demo.error().message);
        opened.demo = std::move(*demo);
        std::printf("demo database: %s\n", path.string().c_str());
    } else {
        std::error_code ignored;
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
    }
    auto ledger = storage::Ledger::open(path);
    if (!ledger) return fail(ErrorKind::Io, "cannot open " + path.string() + ": " + ledger.error().message);
    opened.ledger = std::move(*ledger);
    return opened;
}

Result<scan::SourceSpec> cameraFor(const AppOptions& options,
                                                       const OpenedLedger& opened) {
    if (options.cameraSource == "demo") return demoFeed(options, opened);
    if (!options.cameraSource.empty()) return scan::parseSourceSpec(options.cameraSource);
    std::error_code ignored;
    const bool cameraPresent = std::filesystem::exists("/dev/video0", ignored);
    if (options.demo && !cameraPresent && !options.eventsScript) return demoFeed(options, opened);
    return scan::SourceSpec::camera(0);
}

} // namespace lotstation::station
