#include "quality_widgets.hpp"

#include "lot_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include "lotstation/storage/quantity.hpp"

namespace lotstation::station::ui {

std::string signedBy(const std::vector<storage::Signature>& signatures, std::string_view recordKind,
                     std::string_view recordId) {
    std::string out;
    for (const auto& s : signatures)
        if (s.recordKind == recordKind && s.recordId == recordId)
            out += (out.empty() ? "signed by " : ", ") + s.printedName + " (" + storage::toString(s.meaning) + ")";
    return out;
}

std::string sizeText(std::int64_t bytes) {
    if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + "." + std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) + " MB";
    if (bytes >= 1024) return std::to_string((bytes + 512) / 1024) + " KB";
    return std::to_string(bytes) + " bytes";
}

std::string minuteUtc(storage::Timestamp at) {
    const std::string text = storage::formatTimestamp(at);
    return text.substr(0, 10) + " " + text.substr(11, 5) + " UTC";
}

void wrappedRow(Ui& ui, std::string_view title, std::string_view detail, float width) {
    const float pad = ui.em(0.7f);
    const float wrap = width - 2 * pad;
    const auto height = [&](ImFont* font, std::string_view text) {
        if (text.empty()) return 0.0f;
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(), text.data() + text.size()).y;
    };
    const float titleHeight = height(ui.fonts.bold, title);
    const float detailHeight = height(ui.fonts.body, detail);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float total = ui.em(0.6f) + titleHeight + (detailHeight > 0 ? ui.em(0.15f) + detailHeight : 0.0f);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, ImVec2(min.x + width, min.y + total), colour::panel, ui.em(0.35f));
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + ui.em(0.3f)), colour::text, title, wrap);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(0.45f) + titleHeight), colour::textDim,
             detail, wrap);
    ImGui::Dummy(ImVec2(width, total));
    ImGui::Dummy(ImVec2(0, ui.em(0.1f)));
}

void drawQualitySections(Ui& ui, const QualityRecordView& record, float width) {
    if (!record.inspections.empty()) {
        sectionHeading(ui, "Inspections");
        for (const auto& inspection : record.inspections) {
            const std::string signature = signedBy(record.signatures, "inspection", inspection.id);
            std::string results;
            for (const auto& r : inspection.results)
                results += (results.empty() ? "" : " · ") + r.test + " " + r.value + (r.passed ? " ✓" : " ✕");
            wrappedRow(ui,
                       (inspection.passed ? "Passed" : "Failed") + std::string(" · spec v") +
                           std::to_string(inspection.specVersion) +
                           (inspection.sampleSize ? " · sample " + std::to_string(*inspection.sampleSize) : std::string()),
                       minuteUtc(inspection.at) + " · " + inspection.user + " · " + results +
                           (inspection.note ? " · " + *inspection.note : std::string()) +
                           (signature.empty() ? std::string() : " · " + signature),
                       width);
        }
    }
    if (!record.signatures.empty()) {
        sectionHeading(ui, "Signatures");
        for (const auto& s : record.signatures)
            wrappedRow(ui, s.statement + (s.reason ? ": " + *s.reason : std::string()),
                       "Signed by " + s.printedName + " · " + minuteUtc(s.at) + " · meaning: " +
                           storage::toString(s.meaning),
                       width);
    }
    if (!record.documents.empty()) {
        sectionHeading(ui, "Documents");
        for (const auto& d : record.documents)
            wrappedRow(ui, d.fileName,
                       std::string(storage::toString(d.kind)) + " · " + d.type + " · " + sizeText(d.size) + " · " +
                           minuteUtc(d.at) + " · " + d.user + " · sha256 " + d.sha256.substr(0, 12),
                       width);
    }
}

void drawPendingList(Ui& ui, const std::vector<PendingRow>& pending, ImVec2 size) {
    scrollList(ui, "quality.list", size, [&](float width) {
        if (pending.empty())
            label(ui, "Nothing waits for QC. Scan a lot to see its quality record.", ui.fonts.body, colour::textDim);
        int n = 0;
        for (const auto& row : pending) {
            const auto& lot = row.lot;
            std::string detail = lot.itemName + " · " + storage::formatQuantity(lot.onHand, lot.uom) + " · " +
                                 std::to_string(lot.inspections) + " inspection(s)";
            if (lot.inspections > 0) detail += lot.lastInspectionPassed ? ", last passed" : ", last failed";
            if (listRow(ui, "quality.pending." + std::to_string(n++),
                        {lot.lot, detail, "waiting " + row.age, LotStanding::Quarantine}, width))
                ui.intents.emit(quality::Open{lot.lot});
        }
    });
}

void qualityScrollList(Ui& ui, std::string_view id, ImVec2 size, const std::function<void(float width)>& rows) {
    scrollList(ui, id, size, rows);
}

std::vector<PickerOption> qualityReasonOptions(const std::vector<std::string>& reasons) {
    return reasonOptions(reasons);
}

} // namespace lotstation::station::ui
