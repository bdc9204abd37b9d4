// The quality story of some lots, for recall output: inspections, signed dispositions and documents.
#include "lotstation/storage/quality.hpp"

#include <algorithm>

namespace lotstation::storage {
namespace {

std::string documentType(AttachmentKind kind) {
    switch (kind) {
    case AttachmentKind::Coa:
        return "certificate of analysis";
    case AttachmentKind::Photo:
        return "photo";
    case AttachmentKind::Document:
        break;
    }
    return "document";
}

} // namespace

std::vector<QualityEvent> qualityHistory(const Ledger& ledger, const std::vector<std::string>& lots) {
    std::vector<QualityEvent> out;
    for (const auto& lot : lots) {
        for (const auto& i : inspectionsOf(ledger, lot))
            out.push_back({.lot = i.lot,
                           .at = i.at,
                           .kind = "inspection",
                           .by = i.user,
                           .referenceType = "inspection record",
                           .reference = i.id,
                           .summary = std::string(i.passed ? "pass" : "fail") + " (spec version " +
                                      std::to_string(i.specVersion) + ")"});
        for (const auto& s : signaturesOf(ledger, lot)) {
            if (!needsQaRole(s.meaning)) continue;
            out.push_back({.lot = s.subject,
                           .at = s.at,
                           .kind = toString(s.meaning),
                           .by = s.printedName,
                           .referenceType = "QC signature",
                           .reference = s.id,
                           .movementId = s.recordKind == "movement" ? std::optional(s.recordId) : std::nullopt,
                           .summary = s.statement + (s.reason ? ": " + *s.reason : std::string())});
        }
        for (const auto& a : attachmentsOf(ledger, lot))
            out.push_back({.lot = a.subject,
                           .at = a.at,
                           .kind = "document",
                           .by = a.user,
                           .referenceType = documentType(a.kind),
                           .reference = "sha256:" + a.sha256,
                           .summary = a.fileName + " (" + a.type + ", " + std::to_string(a.size) + " bytes)"});
    }
    std::ranges::stable_sort(out, [](const QualityEvent& a, const QualityEvent& b) { return a.at < b.at; });
    return out;
}

} // namespace lotstation::storage
