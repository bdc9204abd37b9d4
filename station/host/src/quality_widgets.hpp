#pragma once
// The quality record of a lot as rows (Look up's lot card, the Quality screen): its inspections with their
// results, every signature with the printed name, time and meaning in words (Part 11: shown wherever the
// signed thing is shown), and its documents by name, type and hash.
#include "lotstation/station/workflows/quality_flow.hpp"
#include "lotstation/storage/quality.hpp"
#include "ui_context.hpp"

#include <cstdint>
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
// Rows wrap rather than clip: a signature's statement, printed name, time and meaning are read in full.
void drawQualitySections(Ui& ui, const QualityRecordView& record, float width);

// A plain row whose title (bold) and detail (dim) wrap onto as many lines as they need.
void wrappedRow(Ui& ui, std::string_view title, std::string_view detail, float width);

// The Quality screen's signature dialog over the body (quality_sign_view.cpp).
void drawQualitySign(const AppState& state, const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max);

// The signatures of one signed record (a movement's or an inspection's id), in words for the row showing that
// record: "signed by quinn (released)"; empty when it is not signed.
[[nodiscard]] std::string signedBy(const std::vector<storage::Signature>& signatures, std::string_view recordKind,
                                   std::string_view recordId);

// "84 KB", "2.3 MB", "512 bytes".
[[nodiscard]] std::string sizeText(std::int64_t bytes);
// "2026-11-24 07:43 UTC".
[[nodiscard]] std::string minuteUtc(storage::Timestamp at);

// The lots waiting for QC as tappable rows (ids "quality.pending.<n>"), in a touch-scrolled list of `size`.
void drawPendingList(Ui& ui, const std::vector<PendingRow>& pending, ImVec2 size);
// The lot screens' touch-scrolled list and reason options (lot_widgets.hpp), for views that draw with the
// floor widgets (whose row type is another).
void qualityScrollList(Ui& ui, std::string_view id, ImVec2 size, const std::function<void(float width)>& rows);
[[nodiscard]] std::vector<PickerOption> qualityReasonOptions(const std::vector<std::string>& reasons);

} // namespace lotstation::station::ui
