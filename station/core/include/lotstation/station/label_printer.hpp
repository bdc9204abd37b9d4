#pragma once
// Printing lot labels from the station: render the lot's label with the labels module and send it to the
// configured printer — by default a PNG (one copy) or PDF (several) in the station's labels folder, which is
// what a station without a printer does. LabelPrinter prints synchronously; PrintWorker runs it on a thread
// of its own so a slow CUPS queue or an unplugged network printer never stalls the window, and hands the
// results back through a mailbox the host empties once per frame.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_template.hpp"
#include "lotstation/core/error.hpp"
#include "lotstation/station/image.hpp"
#include "lotstation/station/label_request.hpp"
#include "lotstation/storage/ledger.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <expected>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lotstation::station {

struct PrinterSetup {
    std::string printer; // "" or a folder path: files; "cups:QUEUE", a queue, "HOST:PORT"
    std::string templateName = "lot-50x30";
    std::filesystem::path labelsFolder; // where files go when `printer` is empty
};

// RFID tags a job's labels write (tagged_labels.hpp), recorded before printing: voided when it fails.
struct TakenTags {
    std::vector<std::string> ids;
    std::string user; // who printed
    [[nodiscard]] bool empty() const { return ids.empty(); }
};

// A folder rather than a printer: empty (the default labels folder) or a path. Labels go there as PNG / PDF.
[[nodiscard]] bool printsToFolder(const std::string& printer);

struct LabelJob {
    labels::LabelContent content; // a lot's, a location's or a badge's, read from the ledger on the caller's thread
    int copies = 1;
    PrinterSetup setup;
    std::string name; // the lot code, location code or user: names the file and the result
    TakenTags tags;   // the label's RFID tag, when its template writes one
};

struct PrintResult {
    std::string lot;
    bool ok = false;
    std::string message;                       // "Label SOAP-261124-01 saved: .../labels/SOAP-261124-01.png"
    std::optional<std::filesystem::path> file; // when printed to a file
    std::chrono::microseconds took{};          // render + send
    TakenTags tags;                            // the job's, so a failed print can void them
};

class LabelPrinter {
  public:
    explicit LabelPrinter(labels::TemplateSet templates) : m_templates(std::move(templates)) {}
    // The shipped templates plus the user's own (a user template of the same name wins).
    [[nodiscard]] static std::expected<LabelPrinter, Error>
    load(const std::vector<std::filesystem::path>& templateDirs);

    [[nodiscard]] PrintResult print(const LabelJob& job) const;
    // The label as it will print, as an RGB image for the screen (the same PNG renderer, decoded).
    [[nodiscard]] std::expected<Image, Error> preview(const labels::LotLabelData& content,
                                                      const std::string& templateName) const;
    [[nodiscard]] std::vector<std::string> lotTemplateNames() const;
    [[nodiscard]] const labels::TemplateSet& templates() const { return m_templates; }

  private:
    labels::TemplateSet m_templates;
};

// Lot codes as a workflow asked for them (a code repeated means more copies) into jobs, content read from
// the ledger now. A lot that cannot be read becomes a failed result instead.
struct PreparedJobs {
    std::vector<LabelJob> jobs;
    std::vector<PrintResult> failed;
};
[[nodiscard]] PreparedJobs labelJobs(const storage::Ledger& ledger, const std::vector<std::string>& lots,
                                     const PrinterSetup& setup);
// Location and badge labels, on the shipped location-100x50 and badge-86x54 templates.
[[nodiscard]] PreparedJobs labelJobs(const storage::Ledger& ledger, const std::vector<LabelRequest>& requests,
                                     PrinterSetup setup);

class PrintWorker {
  public:
    explicit PrintWorker(LabelPrinter printer);
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;
    ~PrintWorker(); // finishes the job in hand, drops the rest, joins

    void submit(LabelJob job);
    // Results finished since the last call, in order.
    [[nodiscard]] std::vector<PrintResult> takeFinished();
    // Blocks until every submitted job has a result (tests, and the host on exit).
    void waitIdle();
    // Read-only after construction, so the caller's thread may read them while the worker prints.
    [[nodiscard]] const labels::TemplateSet& templates() const { return m_printer.templates(); }

  private:
    void run();

    LabelPrinter m_printer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<LabelJob> m_jobs;
    std::vector<PrintResult> m_done;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread; // last: starts after everything it uses
};

} // namespace lotstation::station
