// Documents on lots: content-addressed (SHA-256), stored once, typed by their first bytes.
#include "quality_rows.hpp"

#include "../crypto.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace lotstation::storage {
namespace {

constexpr std::array<std::pair<AttachmentKind, const char*>, 3> kKinds{
    {{AttachmentKind::Coa, "coa"}, {AttachmentKind::Photo, "photo"}, {AttachmentKind::Document, "document"}}};

std::string extensionOf(std::string_view fileName) {
    const auto dot = fileName.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string ext(fileName.substr(dot + 1));
    std::ranges::transform(ext, ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return ext;
}

// What the file's name says it is: pdf, png, jpeg; empty for anything else.
std::string typeFromName(std::string_view fileName) {
    const auto ext = extensionOf(fileName);
    if (ext == "pdf") return "pdf";
    if (ext == "png") return "png";
    if (ext == "jpg" || ext == "jpeg") return "jpeg";
    return {};
}

// The limit in words: "16 MB", "512 KB", "100 bytes".
std::string limitText(std::size_t bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

const char* toString(AttachmentKind kind) {
    for (const auto& [value, name] : kKinds)
        if (value == kind) return name;
    return "document";
}

Result<AttachmentKind> parseAttachmentKind(std::string_view text) {
    for (const auto& [value, name] : kKinds)
        if (text == name) return value;
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a document kind (coa, photo, document)");
}

std::string sniffDocumentType(std::string_view content) {
    if (content.starts_with("%PDF-")) return "pdf";
    if (content.starts_with("\x89PNG\r\n\x1a\n")) return "png";
    if (content.starts_with("\xFF\xD8\xFF")) return "jpeg";
    return {};
}

Result<std::string> checkDocument(const AttachRequest& request) {
    const auto& name = request.fileName;
    if (name.empty()) return fail(ErrorKind::Invalid, "a document needs a file name");
    if (request.content.size() > request.maxBytes)
        return fail(ErrorKind::Refused, name + " is " + std::to_string(request.content.size()) +
                                            " bytes, over the " + limitText(request.maxBytes) +
                                            " limit for documents: nothing was attached");
    if (request.content.empty()) return fail(ErrorKind::Invalid, name + " is empty");
    const auto named = typeFromName(name);
    if (named.empty())
        return fail(ErrorKind::Invalid, name + ": only PDF, PNG and JPEG documents can be attached");
    const auto actual = sniffDocumentType(request.content);
    if (actual != named)
        return fail(ErrorKind::Invalid, name + " is not a " + (named == "jpeg" ? std::string("JPEG") : named == "png" ? "PNG" : "PDF") +
                                            (actual.empty() ? std::string(": its content is not a PDF, PNG or JPEG")
                                                            : ": its content is a " + actual + " file"));
    return actual;
}

Attachment writeAttachment(LedgerCore& core, const AttachRequest& request, const std::string& type,
                           const std::string& user) {
    Attachment a;
    a.at = core.clock();
    a.id = newUuidV7(a.at);
    a.user = user;
    a.subject = request.subject;
    a.kind = request.kind;
    a.fileName = request.fileName;
    a.sha256 = sha256Hex(request.content);
    a.type = type;
    a.size = static_cast<std::int64_t>(request.content.size());
    a.inspection = request.inspection;
    core.db
        .cached("INSERT INTO blobs (sha256, size, type, data) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT (sha256) DO NOTHING")
        .bindAll(a.sha256, a.size, a.type, sql::Blob{request.content})
        .run();
    core.db
        .cached("INSERT INTO attachments (id, station_id, at, user_name, subject, kind, file_name, sha256, "
                "inspection_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bindAll(a.id, core.identity.stationId, formatTimestamp(a.at), a.user, a.subject, toString(a.kind),
                 a.fileName, a.sha256, a.inspection)
        .run();
    return a;
}

Result<Attachment> attach(Ledger& ledger, const AttachRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Attachment> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.subject);
        if (!lot) return std::unexpected(lot.error());
        auto type = checkDocument(request);
        if (!type) return std::unexpected(type.error());
        auto stored = request;
        stored.subject = lot->lot.code;
        sql::Transaction transaction(core.db);
        auto attachment = writeAttachment(core, stored, *type, user->name);
        transaction.commit();
        return attachment;
    });
}

std::vector<Attachment> attachmentsOf(const Ledger& ledger, std::string_view subject) {
    auto s = LedgerAccess::core(ledger).db.cached(
        "SELECT a.id, a.at, a.user_name, a.subject, a.kind, a.file_name, a.sha256, b.type, b.size, "
        "a.inspection_id FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 WHERE a.subject = ?1 "
        "ORDER BY a.pos");
    s.bindAll(subject);
    std::vector<Attachment> out;
    while (s.step()) {
        out.push_back(Attachment{s.text(0), parseTimestamp(s.text(1)).value_or(Timestamp{}), s.text(2), s.text(3),
                                 parseAttachmentKind(s.text(4)).value_or(AttachmentKind::Document), s.text(5),
                                 s.text(6), s.text(7), s.int64(8), s.optText(9)});
    }
    return out;
}

Result<std::string> documentContent(const Ledger& ledger, std::string_view sha256) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::string> {
        auto s = core.db.cached("SELECT data FROM blobs WHERE sha256 = ?1");
        s.bindAll(sha256);
        if (!s.step()) return fail(ErrorKind::NotFound, "no document " + std::string(sha256));
        return s.statement().blob(0);
    });
}

} // namespace lotstation::storage
