#include "quality_documents.hpp"

#include "lotstation/station/jpeg.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

namespace lotstation::station {
namespace {

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::ranges::transform(ext, ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return ext;
}

bool looksLikeDocument(const std::filesystem::path& path) {
    const auto ext = lowerExtension(path);
    return ext == ".pdf" || ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

// "2026-12-05T09:43:12Z" (or with fractions) -> "20261205-094312".
std::string compactTime(storage::Timestamp at) {
    std::string out;
    for (char c : storage::formatTimestamp(at).substr(0, 19))
        if (c >= '0' && c <= '9') out += c;
    return out.size() == 14 ? out.substr(0, 8) + "-" + out.substr(8) : out;
}

} // namespace

std::vector<std::string> documentFilesIn(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    if (folder.empty() || !std::filesystem::is_directory(folder, ec)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        std::error_code typeError;
        if (entry.is_regular_file(typeError) && looksLikeDocument(entry.path()))
            names.push_back(entry.path().filename().string());
    }
    std::ranges::sort(names);
    return names;
}

std::expected<StagedDocument, Error> photoDocument(const Image& frame, const std::string& camera,
                                                   storage::Timestamp at, const std::vector<StagedDocument>& staged) {
    if (frame.empty())
        return fail(ErrorKind::Unavailable,
                    "The camera has no picture to take" + (camera.empty() ? std::string() : " (" + camera + ")"));
    auto jpeg = encodeJpeg(frame);
    if (!jpeg) return std::unexpected(jpeg.error());
    const std::string stem = "photo-" + compactTime(at);
    std::string name = stem + ".jpg";
    const auto taken = [&](const std::string& candidate) {
        return std::ranges::any_of(staged, [&](const StagedDocument& d) { return d.fileName == candidate; });
    };
    for (int n = 2; taken(name); ++n)
        name = stem + "-" + std::to_string(n) + ".jpg";
    return StagedDocument{name, storage::AttachmentKind::Photo, std::move(*jpeg),
                          camera.empty() ? std::string("camera") : camera};
}

std::expected<StagedDocument, Error> importedDocument(const std::filesystem::path& folder, const std::string& name) {
    const std::filesystem::path file(name);
    if (folder.empty()) return fail(ErrorKind::Unavailable, "This station has no import folder");
    if (name.empty() || file.filename() != file || name == "." || name == "..")
        return fail(ErrorKind::Invalid, "'" + name + "' is not a file of the import folder");
    const auto path = folder / file;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail(ErrorKind::NotFound, name + " is not in the import folder " + folder.string());
    // Not read at all when the ledger would refuse it anyway: a stray video must not fill the memory.
    if (size > storage::kMaxAttachmentBytes)
        return fail(ErrorKind::Refused, name + " is " + std::to_string(size / (1024 * 1024)) +
                                            " MB, over the " + std::to_string(storage::kMaxAttachmentBytes / (1024 * 1024)) +
                                            " MB limit for documents: nothing was attached");
    std::ifstream in(path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return fail(ErrorKind::Io, name + " could not be read");
    const auto kind = lowerExtension(path) == ".pdf" ? storage::AttachmentKind::Coa : storage::AttachmentKind::Document;
    return StagedDocument{name, kind, std::move(content), "import folder"};
}

} // namespace lotstation::station
