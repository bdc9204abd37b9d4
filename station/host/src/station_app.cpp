#include "lotstation/station/station_app.hpp"

#include "lotstation/station/last_resort.hpp"
#include "station_setup.hpp"

#include "host_media.hpp"
#include "lotstation/station/camera_feed.hpp"
#include "lotstation/station/demo_camera.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/station/display_check.hpp"
#include "lotstation/station/events_script.hpp"
#include "lotstation/station/label_printer.hpp"
#include "lotstation/station/paths.hpp"
#include "lotstation/station/station.hpp"
#include "lotstation/station/sync_link.hpp"
#include "lotstation/station/tagged_labels.hpp"
#include "lotstation/sync/background_sync.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "window.hpp"
#include "window_startup.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui_internal.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <ctime>
#include <optional>
#include <thread>

namespace lotstation::station {
namespace {

constexpr float kBodyFontSize = 26.0f;
constexpr auto kFrameBudget = std::chrono::milliseconds(16); // ~60 fps where vsync is absent (Xvfb)

// Everything the loop carries from frame to frame, so the loop body reads as the steps of one frame.
struct Session {
    Station core;
    storage::Ledger* ledger;
    std::optional<PrintWorker> printer; // none when the label templates could not be read
    std::filesystem::path labelsFolder;
    sync::BackgroundSync* background; // none when no server is remembered (and in the demo)
    ui::TonePlayer tones;
    std::optional<ScriptRunner> script;
    FrameRecord drawn;
    FrameRecord previous;
    long frame = 0;
    bool running = true;
    bool demoRequested = false;
    ScaleSession scale{}; // the scale chosen in Settings, read on its own thread
    const CameraFeed* camera = nullptr; // its newest frame goes into a photo the Quality screen takes

    // A photo asked for on the Quality screen gets the camera's newest frame here: views never read frames.
    Intent withCameraFrame(const Intent& intent) const {
        const auto* step = std::get_if<FlowStep>(static_cast<const ShellIntent*>(&intent));
        const auto* steps = step ? std::get_if<QualityIntent>(step) : nullptr;
        const auto* photo = steps ? std::get_if<quality::AddPhoto>(steps) : nullptr;
        if (!photo || !photo->frame.empty() || !camera) return intent;
        quality::AddPhoto taken{{}, camera->sourceName()};
        const auto state = camera->status().state; // a still image or a recording that ended still shows its picture
        if (const Image* newest = camera->preview();
            newest && (state == scan::SourceState::Running || state == scan::SourceState::Ended))
            taken.frame = *newest;
        return Intent(std::move(taken));
    }

    void handle(const Effects& effects) {
        if (effects.tone) tones.play(*effects.tone);
        if (effects.scaleCommand) scale.command(*effects.scaleCommand);
        if (effects.openDemo) {
            demoRequested = true;
            running = false;
        }
        if (!effects.labelsToPrint.empty() || !effects.otherLabels.empty())
            printLabels(effects.labelsToPrint, effects.otherLabels);
    }
    // Label content is read here (the ledger belongs to this thread); rendering and sending run on the
    // print worker, whose results come back as flashes (collectPrinted).
    void printLabels(const std::vector<std::string>& lots, const std::vector<LabelRequest>& others) {
        for (const auto& lot : lots)
            std::printf("label due: %s\n", lot.c_str());
        if (!ledger || !printer) {
            notify(FeedbackKind::Refused, "Labels cannot print", "no label templates were found");
            return;
        }
        PrinterSetup setup;
        setup.labelsFolder = labelsFolder;
        if (const auto* settings = core.stateOf<SettingsFlow>()) {
            setup.printer = settings->settings.printer;
            setup.templateName = settings->settings.labelTemplate;
        }
        // A lot label whose template writes an RFID tag to this printer takes its serials now, on this thread.
        auto lotJobs = tagLabelJobs(*ledger, labelJobs(*ledger, lots, setup), printer->templates(), core.state().userName);
        for (auto prepared : {std::move(lotJobs), labelJobs(*ledger, others, setup)}) {
            for (auto& job : prepared.jobs)
                printer->submit(std::move(job));
            for (const auto& failed : prepared.failed)
                report(failed);
        }
    }
    void collectPrinted() {
        if (!printer) return;
        for (const auto& result : printer->takeFinished())
            report(result);
    }
    void report(PrintResult result) {
        // The RFID serials a failed print took are voided: never used again, never shown as the lot's tag.
        if (!result.ok && !result.tags.empty() && ledger) {
            const std::string reason = "label not printed: " + result.message;
            result.message += " · its RFID serial is voided";
            for (const auto& problem : voidTags(*ledger, result.tags, reason))
                result.message += " · " + problem;
        }
        std::printf("label %s: %s (%.1f ms)\n", result.ok ? "printed" : "failed", result.message.c_str(),
                    static_cast<double>(result.took.count()) / 1000.0);
        // A label that came out adds to what the operator is reading ("Received lot ...") instead of
        // replacing it; one that did not is a refusal of its own, loud.
        const auto& showing = core.state().feedback;
        if (result.ok && showing && showing->kind == FeedbackKind::Accepted) {
            (void)core.notify(FeedbackKind::Accepted, showing->headline, result.message, Clock::now());
            return;
        }
        notify(result.ok ? FeedbackKind::Accepted : FeedbackKind::Refused,
               !result.ok    ? "Label not printed"
               : result.file ? "Label " + result.lot + " saved"
                             : "Label " + result.lot + " printed",
               result.message);
    }
    void notify(FeedbackKind kind, std::string headline, std::string detail) {
        const Effects effects = core.notify(kind, std::move(headline), std::move(detail), Clock::now());
        if (effects.tone) tones.play(*effects.tone);
    }
    // The scale Settings chose now (a change restarts the reader), polled without waiting on its port.
    void pollScale() {
        std::optional<scale::ScaleSettings> chosen;
        if (const auto* settings = core.stateOf<SettingsFlow>())
            if (auto parsed = scaleSettingsOf(settings->settings)) chosen = *parsed;
        scale.choose(chosen);
        core.setScale(scale.poll());
    }
    // A sync client, when the host has one, takes the request; without one the operator hears why not.
    void syncNow() {
        std::printf("sync requested\n");
        if (background) background->nudge();
        if (core.state().sync.link == SyncLink::NotConfigured)
            notify(FeedbackKind::Unknown, "No server set up", "Set the server address in Settings");
    }
    void apply(const Intent& asked) {
        const Intent intent = withCameraFrame(asked);
        if (std::holds_alternative<intent::SyncNow>(intent)) syncNow();
        // Nothing throws through a frame: the unexpected becomes a red flash and a line on stderr.
        const Effects effects = lastResort(
            core, std::cerr, "applying what was asked",
            [&] {
                Effects applied = core.apply(intent, Clock::now());
                if (applied.tone) core.restartFeedback(Clock::now()); // the step may have been slow (a PIN check)
                return applied;
            },
            Clock::now());
        handle(effects);
    }
};

void pollEvents(Session& session) {
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT)
            session.running = false;
        else if (event.type == SDL_KEYDOWN) {
            if (auto key = keyOf(event.key.keysym.sym)) session.apply(intent::KeyPressed{*key});
        } else if (event.type == SDL_TEXTINPUT) {
            session.apply(intent::TextTyped{event.text.text});
        }
    }
}

// What the preview shows this frame: the feed's newest frame and outlines, else nothing but the feed's status
// ("Lost: ..., retrying in 2 s").
void updatePreview(ui::PreviewFrame& preview, ui::PreviewTexture& texture, const CameraFeed& feed) {
    preview.outlines.clear();
    const auto state = feed.status().state;
    if (const Image* image = feed.preview();
        image && (state == scan::SourceState::Running || state == scan::SourceState::Ended)) {
        texture.uploadVersion(*image, feed.previewSequence());
        preview.texture = texture.id();
        preview.width = image->width;
        preview.height = image->height;
        preview.outlines = feed.outlines();
        preview.sourceName = feed.statusText(Clock::now());
        return;
    }
    preview.texture = nullptr;
    preview.width = preview.height = 0;
    preview.sourceName = feed.statusText(Clock::now());
}

long long msSince(Clock::time_point start) {
    return static_cast<long long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

} // namespace

// One window over one ledger; `demoRequested` says the operator chose Try the demo at the first run.
static int runWindow(const AppOptions& options, bool& demoRequested) {
    const auto started = Clock::now();
    bool firstScanSaid = false;
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // status lines reach a log or a pipe as they happen
    // A broken script fails before any window opens, naming its line.
    std::optional<ScriptRunner> script;
    if (options.eventsScript) {
        auto events = loadEventScript(*options.eventsScript);
        if (!events) {
            std::fprintf(stderr, "lotstation: %s\n", events.error().message.c_str());
            return 1;
        }
        script.emplace(std::move(*events));
    }
    // No display: say so in one sentence instead of failing inside SDL (or opening an invisible window).
    if (auto why = missingDisplay([](const char* name) { return std::getenv(name); })) {
        std::fprintf(stderr, "lotstation: %s\n", why->c_str());
        return 1;
    }
    auto window = ui::Window::open(options);
    if (!window) {
        std::fprintf(stderr, "lotstation: %s\n", window.error().message.c_str());
        return 1;
    }
    const auto fonts = ui::loadFonts(options.assetsDir, kBodyFontSize);
    if (!fonts) {
        std::fprintf(stderr, "lotstation: %s\n", fonts.error().message.c_str());
        return 1;
    }
    ui::applyTheme(kBodyFontSize);

    auto ledger = openLedger(options);
    if (!ledger) {
        std::fprintf(stderr, "lotstation: %s\n", ledger.error().message.c_str());
        return 1;
    }
    storage::Ledger* ledgerInUse = ledger->ledger ? &*ledger->ledger : nullptr;
    StationFiles files;
    files.exportFolder = userDataDir() / "exports";
    files.importFolder = userDataDir() / "import";
    if (!options.demo && ledgerInUse) files.ledgerPath = options.databasePath; // linking and server edits
    if (!options.databasePath.empty()) {
        files.settingsFile = settingsPathFor(ledgerPathInUse(options));
        auto settings = loadSettings(files.settingsFile);
        if (settings)
            files.settings = std::move(*settings);
        else
            std::fprintf(stderr, "lotstation: %s (using defaults)\n", settings.error().message.c_str());
    }
    std::optional<LabelPrinter> printer;
    if (auto loaded = LabelPrinter::load(
            {options.assetsDir / "labels", findAssetsDir() / "labels", userDataDir() / "labels"})) {
        files.labelTemplates = loaded->lotTemplateNames();
        files.labelPreviews = std::make_shared<const LabelPrinter>(*loaded); // the worker gets its own
        printer = std::move(*loaded);
    } else {
        std::fprintf(stderr, "lotstation: label templates: %s\n", loaded.error().message.c_str());
    }
    const StationSettings startSettings = files.settings;
    // Sync runs on a thread of its own with the server `lotstation sync --server URL --token T` (or the
    // setup's Link) remembered in the station database; each frame copies its status into the app state. It
    // runs without one too, looking for one to be remembered (a station linked at its first run). The demo
    // never syncs.
    std::optional<sync::BackgroundSync> background;
    if (!options.demo && ledgerInUse && !options.databasePath.empty()) {
        auto syncing = sync::BackgroundSync::start({.ledgerPath = options.databasePath});
        if (syncing)
            background.emplace(std::move(*syncing));
        else
            std::fprintf(stderr, "lotstation: background sync: %s\n", syncing.error().message.c_str());
    }
    Session session{Station(configFor(options, startSettings, ledgerInUse), Clock::now(), ledgerInUse, std::move(files)),
                    ledgerInUse,
                    std::nullopt,
                    userDataDir() / "labels",
                    background ? &*background : nullptr,
                    ui::TonePlayer(),
                    std::move(script),
                    {},
                    {},
                    0,
                    true};
    if (printer) session.printer.emplace(std::move(*printer));
    // --camera wins over the camera chosen in Settings (which applies from the next start).
    AppOptions cameraOptions = options;
    if (cameraOptions.cameraSource.empty()) cameraOptions.cameraSource = startSettings.cameraSource;
    const auto camera = cameraFor(cameraOptions, *ledger);
    if (!camera) {
        std::fprintf(stderr, "lotstation: %s\n", camera.error().message.c_str());
        return 1;
    }
    // A recording plays round and round, like the demo camera: a kiosk showing one never goes still.
    CameraFeedSettings feedSettings;
    feedSettings.pump.source.loop = true;
    CameraFeed feed(*camera, feedSettings);
    session.camera = &feed;
    ui::PreviewTexture texture;
    ui::PreviewFrame preview;
    ui::PreviewTexture labelTexture;
    ui::PreviewFrame labelPreview;

    while (session.running) {
        const auto frameStart = Clock::now();
        pollEvents(session);

        ScriptStep step;
        if (session.script && !session.script->finished()) {
            step = session.script->step(session.frame, frameStart, session.previous);
            for (const Intent& intent : step.intents)
                session.apply(intent);
            if (step.quit) break;
        }
        session.collectPrinted(); // before the tick, which brings the state's clock up to the flash it adds
        session.handle(lastResort(
            session.core, std::cerr, "keeping time", [&] { return session.core.tick(Clock::now()); }, Clock::now()));
        if (background)
            session.core.setSync(toSyncStatus(background->status(), std::chrono::system_clock::now()));
        session.pollScale();

        for (const auto& code : feed.update(Clock::now())) {
            if (!firstScanSaid) { // start-up figures for people and for the station bench
                std::printf("first camera scan: %s after %lld ms\n", code.text.c_str(), msSince(started));
                firstScanSaid = true;
            }
            session.apply(intent::Scanned{code});
        }
        updatePreview(preview, texture, feed);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        if (step.pointer) { // the script's finger replaces the real mouse
            io.MousePos = ImVec2(step.pointer->x, step.pointer->y);
            io.MouseDown[0] = step.pointer->down;
        }
        ImGui::NewFrame();
        session.drawn.clear();
        IntentSink sink;
        ui::Ui ui{sink, session.drawn, *fonts, preview, wallClock(), &session.core.flows()};
        if (const auto* labels = ui.stateOf<LabelsFlow>(); labels && labels->preview) {
            labelTexture.uploadVersion(*labels->preview, labels->previewVersion);
            labelPreview.texture = labelTexture.id();
            labelPreview.width = labels->preview->width;
            labelPreview.height = labels->preview->height;
            ui.labelPreview = &labelPreview;
        }
        session.handle(lastResort(
            session.core, std::cerr, "drawing the screen",
            [&] {
                try {
                    ui::drawStation(session.core.state(), ui, io.DisplaySize);
                } catch (...) {
                    ImGui::ErrorCheckEndFrameRecover(nullptr); // close what the view left open, then say so
                    throw;
                }
                return Effects{};
            },
            Clock::now()));
        ImGui::Render();

        int width = 0, height = 0;
        window->get()->drawableSize(width, height);
        glViewport(0, 0, width, height);
        const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(ui::colour::background);
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (step.screenshot) {
            const auto path = screenshotPath(options, *step.screenshot);
            auto image = ui::captureBackBuffer(width, height);
            auto written = image ? writePng(path, *image) : std::unexpected(image.error());
            if (written)
                std::printf("screenshot: %s\n", path.string().c_str());
            else
                session.script->fail("screenshot " + path.string() + ": " + written.error().message);
        }
        SDL_GL_SwapWindow(window->get()->handle());
        if (session.frame == 0) std::printf("window up after %lld ms\n", msSince(started));

        for (const Intent& intent : sink.take())
            session.apply(intent);
        if (session.script && !session.drawn.duplicateIds().empty())
            session.script->fail("frame " + std::to_string(session.frame) +
                                 ": widget id drawn twice: " + session.drawn.duplicateIds().front());
        std::swap(session.previous, session.drawn);
        ++session.frame;
        if (options.maxFrames && session.frame >= *options.maxFrames) session.running = false;
        const auto spent = Clock::now() - frameStart;
        if (spent < kFrameBudget) std::this_thread::sleep_for(kFrameBudget - spent);
    }

    if (session.printer) { // labels asked for just before the end still come out
        session.printer->waitIdle();
        session.collectPrinted();
    }
    demoRequested = session.demoRequested;
    if (demoRequested) return 0;
    if (!session.script) return 0;
    const auto& failures = session.script->failures();
    for (const auto& failure : failures)
        std::fprintf(stderr, "lotstation: script: %s\n", failure.c_str());
    std::printf("script: %zu checks passed, %zu screenshots, %zu failures, %ld frames\n",
                session.script->checksPassed(), session.script->screenshotsTaken(), failures.size(),
                session.frame);
    if (!session.script->finished()) {
        std::fprintf(stderr, "lotstation: script: stopped before its end (--frames %ld)\n", session.frame);
        return 1;
    }
    return failures.empty() ? 0 : 1;
}

int runStationApp(const AppOptions& options) {
    bool demoRequested = false;
    const int status = runWindow(options, demoRequested);
    if (!demoRequested) return status;
    AppOptions demo = options; // the same window again, on the demo ledger beside this one
    demo.demo = true;
    demo.eventsScript.reset();
    return runWindow(demo, demoRequested);
}

} // namespace lotstation::station
