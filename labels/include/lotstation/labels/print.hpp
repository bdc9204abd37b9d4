#pragma once
// Sending labels somewhere: a file (format by extension), a CUPS queue through `lp`, or raw ZPL to a
// printer's TCP port (9100). Failures are values the operator sees; nothing is lost, the job can simply be
// printed again.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"

#include <chrono>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::labels {

struct PrintJob {
    LabelTemplate labelTemplate;
    std::vector<LabelContent> labels;
    int copies = 1;                   // of each label
    std::optional<SheetLayout> sheet; // PDF output on label sheets instead of one label per page
    int dpi = 0;                      // PNG only; 0 = the template's
};

// .png (exactly one label, one copy), .pdf, .zpl
struct FileTarget {
    std::filesystem::path path;
};

enum class CupsDataFormat { Pdf, RawZpl };

struct CupsTarget {
    std::string queue;
    CupsDataFormat format = CupsDataFormat::Pdf;
    std::string lpProgram = "lp"; // looked up on PATH
};

struct RawTcpTarget {
    std::string host;
    int port = 9100;
    std::chrono::milliseconds connectTimeout{3000};
    std::chrono::milliseconds sendTimeout{5000};
};

using PrinterTarget = std::variant<FileTarget, CupsTarget, RawTcpTarget>;

// "host:port" or "tcp://host[:port]" → raw TCP; "cups:QUEUE" or a bare queue name → CUPS; anything with a
// .png/.pdf/.zpl extension → file.
[[nodiscard]] std::expected<PrinterTarget, LabelError> parsePrinterTarget(std::string_view text);

// True when the target gets ZPL (a .zpl file, raw TCP, a raw CUPS queue): the only output that writes RFID tags.
[[nodiscard]] bool sendsZpl(const PrinterTarget& target);

struct PrintReceipt {
    std::size_t bytesSent = 0;
    int labelsPrinted = 0; // labels × copies
    std::string detail;    // "sent 2 label(s) to 10.0.0.5:9100", lp's request id, ...
};

[[nodiscard]] std::expected<PrintReceipt, LabelError> print(const PrintJob& job, const PrinterTarget& target);

// Lower-level senders, also used by print().
[[nodiscard]] std::expected<std::size_t, LabelError> sendRawTcp(const RawTcpTarget& target,
                                                                std::string_view bytes);
[[nodiscard]] std::expected<std::string, LabelError>
submitToCups(const CupsTarget& target, std::string_view bytes, int copies, std::string_view title);

} // namespace lotstation::labels
