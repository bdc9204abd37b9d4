#pragma once
// The quality record of a lot as rows (Look up's lot card, the Quality screen): its inspections with their
// results, every signature with the printed name, time and meaning in words (Part 11: shown wherever the
// signed thing is shown), and its documents by name, type and hash.
#include "lotstation/station/workflows/quality_flow.hpp"
#include "lotstation/storage/quality.hpp"
#include "ui_context.hpp"

#include <functional>
#include <string_view>
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

// The lots waiting for QC as tappable rows (ids "quality.pending.<n>"), in a touch-scrolled list of `size`.
void drawPendingList(Ui& ui, const std::vector<PendingRow>& pending, ImVec2 size);
// The lot screens' touch-scrolled list and reason options (lot_widgets.hpp), for views that draw with the
// floor widgets (whose row type is another).
void qualityScrollList(Ui& ui, std::string_view id, ImVec2 size, const std::function<void(float width)>& rows);
[[nodiscard]] std::vector<PickerOption> qualityReasonOptions(const std::vector<std::string>& reasons);

} // namespace lotstation::station::ui
