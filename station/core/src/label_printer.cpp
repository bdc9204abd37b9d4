#include "lotstation/station/label_printer.hpp"

#include "lotstation/labels/print.hpp"
#include "lotstation/labels/render.hpp"
#include "lotstation/labels/template_loader.hpp"
#include "lotstation/station/label_content.hpp"

#include <memory>
#include <stb_image.h>
#include <utility>

namespace lotstation::station {
namespace {

std::string safeName(std::string_view code) {
    std::string name;
    for (char c : code)
        name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    return name;
}

} // namespace

bool printsToFolder(const std::string& printer) {
    return printer.empty() || printer.front() == '/' || printer.front() == '.' || printer.front() == '~';
}

std::expected<LabelPrinter, Error>
LabelPrinter::load(const std::vector<std::filesystem::path>& templateDirs) {
    auto templates = labels::loadTemplates(templateDirs);
    if (!templates) return fail(ErrorKind::Io, templates.error().message);
    return LabelPrinter(std::move(*templates));
}

std::vector<std::string> LabelPrinter::lotTemplateNames() const {
    std::vector<std::string> names;
    for (const auto& tmpl : m_templates.templates)
        if (tmpl.kind == labels::LabelKind::Lot) names.push_back(tmpl.name);
    return names;
}

PrintResult LabelPrinter::print(const LabelJob& job) const {
    const auto started = std::chrono::steady_clock::now();
    PrintResult result;
    result.lot = job.name;
    result.tags = job.tags;
    const auto finish = [&](bool ok, std::string message) {
        result.ok = ok;
        result.message = std::move(message);
        result.took =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        return result;
    };
    const auto* tmpl = m_templates.findTemplate(job.setup.templateName);
    if (!tmpl) return finish(false, "No label template " + job.setup.templateName);
    const int copies = std::max(1, job.copies);
    labels::PrintJob printJob{*tmpl, {job.content}, copies, std::nullopt, 0};

    labels::PrinterTarget target;
    if (printsToFolder(job.setup.printer)) {
        const std::filesystem::path folder =
            job.setup.printer.empty() ? job.setup.labelsFolder : std::filesystem::path(job.setup.printer);
        std::error_code error;
        std::filesystem::create_directories(folder, error);
        if (error) return finish(false, "Cannot create " + folder.string() + ": " + error.message());
        // One copy as a PNG (what a raster printer or a person opening it wants); several as one PDF.
        const std::string name =
            safeName(job.name) + (copies == 1 ? ".png" : "-" + std::to_string(copies) + "x.pdf");
        result.file = folder / name;
        target = labels::FileTarget{*result.file};
    } else {
        auto parsed = labels::parsePrinterTarget(job.setup.printer);
        if (!parsed) return finish(false, parsed.error().message);
        target = std::move(*parsed);
    }
    auto receipt = labels::print(printJob, target);
    if (!receipt) {
        result.file.reset();
        return finish(false, "Label " + result.lot + " not printed: " + receipt.error().message);
    }
    if (result.file) return finish(true, "Label " + result.lot + " saved: " + result.file->string());
    return finish(true, "Label " + result.lot + " printed: " + receipt->detail);
}

std::expected<Image, Error> LabelPrinter::preview(const labels::LotLabelData& content,
                                                  const std::string& templateName) const {
    const auto* tmpl = m_templates.findTemplate(templateName);
    if (!tmpl) return fail(ErrorKind::NotFound, "No label template " + templateName);
    auto png = labels::renderPng(*tmpl, labels::LabelContent{content});
    if (!png) return fail(ErrorKind::Io, png.error().message);
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> pixels(
        stbi_load_from_memory(png->data(), static_cast<int>(png->size()), &width, &height, &channels, 3),
        &stbi_image_free);
    if (!pixels) return fail(ErrorKind::Io, std::string("label preview: ") + stbi_failure_reason());
    Image image;
    image.width = width;
    image.height = height;
    image.channels = 3;
    image.pixels.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 3);
    return image;
}

PreparedJobs labelJobs(const storage::Ledger& ledger, const std::vector<std::string>& lots,
                       const PrinterSetup& setup) {
    PreparedJobs prepared;
    for (std::size_t i = 0; i < lots.size();) {
        std::size_t same = i;
        while (same < lots.size() && lots[same] == lots[i])
            ++same;
        const int copies = static_cast<int>(same - i);
        auto content = lotLabelContent(ledger, lots[i]);
        if (content)
            prepared.jobs.push_back(LabelJob{labels::LabelContent{std::move(*content)}, copies, setup, lots[i]});
        else
            prepared.failed.push_back(
                PrintResult{lots[i], false, "Label " + lots[i] + ": " + content.error().message, {}, {}});
        i = same;
    }
    return prepared;
}

PrintWorker::PrintWorker(LabelPrinter printer) : m_printer(std::move(printer)), m_thread([this] { run(); }) {}

PrintWorker::~PrintWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

PreparedJobs labelJobs(const storage::Ledger& ledger, const std::vector<LabelRequest>& requests, PrinterSetup setup) {
    PreparedJobs prepared;
    for (const auto& request : requests) {
        const bool badge = request.kind == LabelFor::Badge;
        storage::Result<labels::LabelContent> content = fail(ErrorKind::Invalid, "no label");
        if (badge) {
            auto made = badgeLabelContent(ledger, request.code);
            content = made ? storage::Result<labels::LabelContent>(labels::LabelContent{*made})
                           : std::unexpected(made.error());
        } else {
            auto made = locationLabelContent(ledger, request.code);
            content = made ? storage::Result<labels::LabelContent>(labels::LabelContent{*made})
                           : std::unexpected(made.error());
        }
        PrinterSetup own = setup;
        own.templateName = badge ? "badge-86x54" : "location-100x50";
        const std::string name = (badge ? "badge-" : "location-") + request.code;
        if (content)
            prepared.jobs.push_back(LabelJob{std::move(*content), 1, own, name});
        else
            prepared.failed.push_back(PrintResult{name, false, "Label " + name + ": " + content.error().message, {}, {}});
    }
    return prepared;
}

void PrintWorker::submit(LabelJob job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

std::vector<PrintResult> PrintWorker::takeFinished() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_done, {});
}

void PrintWorker::waitIdle() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void PrintWorker::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_stop) break;
        LabelJob job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        PrintResult result;
        try {
            result = m_printer.print(job);
        } catch (const std::exception& broken) { // a broken invariant in a renderer: say so, keep printing
            result = PrintResult{
                job.name, false, std::string("Label printing failed: ") + broken.what(), {}, {}, job.tags};
        }
        lock.lock();
        m_done.push_back(std::move(result));
        m_busy = false;
        if (m_jobs.empty()) m_idle.notify_all();
    }
    m_busy = false;
    m_idle.notify_all();
}

} // namespace lotstation::station
