#pragma once
// The quality record of a lot as rows (Look up's lot card, the Quality screen): its inspections with their
// results, every signature with the printed name, time and meaning in words (Part 11: shown wherever the
// signed thing is shown), and its documents by name, type and hash.
#include "lotstation/storage/quality.hpp"
#include "ui_context.hpp"

#include <vector>

namespace lotstation::station::ui {

struct QualityRecordView {
    const std::vector<storage::Inspection>& inspections;
    const std::vector<storage::Signature>& signatures;
    const std::vector<storage::Attachment>& documents;
};

// Sections "Inspections", "Signatures", "Documents" at the cursor; nothing when the lot has none of them.
void drawQualitySections(Ui& ui, const QualityRecordView& record, float width);

// "2026-11-24 07:43 UTC".
[[nodiscard]] std::string minuteUtc(storage::Timestamp at);

} // namespace lotstation::station::ui
