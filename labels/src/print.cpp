#include "lotstation/labels/print.hpp"

#include "lotstation/labels/render.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace lotstation::labels {

namespace {

LabelError jobError(std::string message) {
    return LabelError{ErrorKind::Invalid, std::move(message)};
}

std::string lowerExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

// Every label repeated `copies` times, in order: what a PDF or sheet needs (ZPL uses ^PQ instead).
std::vector<LabelContent> withCopies(const PrintJob& job) {
    std::vector<LabelContent> all;
    all.reserve(job.labels.size() * static_cast<std::size_t>(job.copies));
    for (const auto& label : job.labels) {
        for (int i = 0; i < job.copies; ++i)
            all.push_back(label);
    }
    return all;
}

std::expected<Bytes, LabelError> renderPdfJob(const PrintJob& job) {
    const auto all = withCopies(job);
    if (job.sheet) return renderSheetPdf(job.labelTemplate, *job.sheet, all);
    return renderPdf(job.labelTemplate, all);
}

std::expected<void, LabelError> writeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return std::unexpected(LabelError{ErrorKind::Io, "cannot write " + path.string()});
    return {};
}

std::string_view asText(const Bytes& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::expected<PrintReceipt, LabelError> printToFile(const PrintJob& job, const FileTarget& target) {
    const auto extension = lowerExtension(target.path);
    const int total = static_cast<int>(job.labels.size()) * job.copies;
    std::string bytes;
    if (extension == ".png") {
        if (total != 1)
            return std::unexpected(
                jobError("a PNG holds one label; use .pdf or .zpl for " + std::to_string(total)));
        auto png = renderPng(job.labelTemplate, job.labels.front(), job.dpi);
        if (!png) return std::unexpected(png.error());
        bytes = asText(*png);
    } else if (extension == ".pdf") {
        auto pdf = renderPdfJob(job);
        if (!pdf) return std::unexpected(pdf.error());
        bytes = asText(*pdf);
    } else if (extension == ".zpl") {
        auto zpl = renderZpl(job.labelTemplate, job.labels, job.copies);
        if (!zpl) return std::unexpected(zpl.error());
        bytes = std::move(*zpl);
    } else {
        return std::unexpected(jobError("cannot tell the format of '" + target.path.string() +
                                        "': use a .png, .pdf or .zpl file name"));
    }
    if (auto written = writeFile(target.path, bytes); !written) return std::unexpected(written.error());
    return PrintReceipt{bytes.size(), total, "wrote " + target.path.string()};
}

std::expected<PrintReceipt, LabelError> printToCups(const PrintJob& job, const CupsTarget& target) {
    const int total = static_cast<int>(job.labels.size()) * job.copies;
    std::string bytes;
    int lpCopies = 1;
    if (target.format == CupsDataFormat::RawZpl) {
        auto zpl = renderZpl(job.labelTemplate, job.labels, job.copies);
        if (!zpl) return std::unexpected(zpl.error());
        bytes = std::move(*zpl);
    } else {
        // Copies go to lp so the document is sent once; on sheets they must be laid out instead.
        PrintJob single = job;
        if (!job.sheet) {
            single.copies = 1;
            lpCopies = job.copies;
        }
        auto pdf = renderPdfJob(single);
        if (!pdf) return std::unexpected(pdf.error());
        bytes = asText(*pdf);
    }
    auto said = submitToCups(target, bytes, lpCopies, "Lotstation labels (" + job.labelTemplate.name + ")");
    if (!said) return std::unexpected(said.error());
    return PrintReceipt{bytes.size(), total, *said};
}

std::expected<PrintReceipt, LabelError> printToTcp(const PrintJob& job, const RawTcpTarget& target) {
    auto zpl = renderZpl(job.labelTemplate, job.labels, job.copies);
    if (!zpl) return std::unexpected(zpl.error());
    auto sent = sendRawTcp(target, *zpl);
    if (!sent) return std::unexpected(sent.error());
    const int total = static_cast<int>(job.labels.size()) * job.copies;
    return PrintReceipt{*sent, total,
                        "sent " + std::to_string(total) + " label(s) to " + target.host + ":" +
                            std::to_string(target.port)};
}

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool sendsZpl(const PrinterTarget& target) {
    if (const auto* file = std::get_if<FileTarget>(&target)) return file->path.extension() == ".zpl";
    if (const auto* cups = std::get_if<CupsTarget>(&target)) return cups->format == CupsDataFormat::RawZpl;
    return true;
}

std::expected<PrinterTarget, LabelError> parsePrinterTarget(std::string_view text) {
    if (text.empty()) return std::unexpected(jobError("no printer given"));
    if (text.starts_with("cups:")) {
        if (text.size() == 5) return std::unexpected(jobError("no CUPS queue after 'cups:'"));
        return PrinterTarget(CupsTarget{std::string(text.substr(5))});
    }
    std::string_view hostPort = text;
    const bool tcpScheme = text.starts_with("tcp://");
    if (tcpScheme) hostPort = text.substr(6);
    const auto ext = lowerExtension(std::filesystem::path(std::string(text)));
    if (!tcpScheme && (ext == ".png" || ext == ".pdf" || ext == ".zpl"))
        return PrinterTarget(FileTarget{std::filesystem::path(std::string(text))});
    const auto colon = hostPort.rfind(':');
    if (colon != std::string_view::npos && allDigits(hostPort.substr(colon + 1))) {
        const auto portText = hostPort.substr(colon + 1);
        if (portText.size() > 5)
            return std::unexpected(jobError("port '" + std::string(portText) + "' is not a port"));
        const int port = std::stoi(std::string(portText));
        std::string host(hostPort.substr(0, colon));
        if (host.size() > 2 && host.front() == '[' && host.back() == ']')
            host = host.substr(1, host.size() - 2);
        if (host.empty() || port < 1 || port > 65535)
            return std::unexpected(jobError("'" + std::string(text) + "' is not a valid host:port"));
        return PrinterTarget(RawTcpTarget{host, port});
    }
    if (tcpScheme) return PrinterTarget(RawTcpTarget{std::string(hostPort), 9100});
    return PrinterTarget(CupsTarget{std::string(text)});
}

std::expected<PrintReceipt, LabelError> print(const PrintJob& job, const PrinterTarget& target) {
    if (job.labels.empty()) return std::unexpected(jobError("nothing to print"));
    if (job.copies < 1 || job.copies > 9999)
        return std::unexpected(jobError("copies must be between 1 and 9999"));
    if (const auto* file = std::get_if<FileTarget>(&target)) return printToFile(job, *file);
    if (const auto* cups = std::get_if<CupsTarget>(&target)) return printToCups(job, *cups);
    return printToTcp(job, std::get<RawTcpTarget>(target));
}

} // namespace lotstation::labels
