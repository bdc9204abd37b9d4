#include "quality_widgets.hpp"

#include "lot_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include "lotstation/storage/quantity.hpp"

namespace lotstation::station::ui {

std::string minuteUtc(storage::Timestamp at) {
    const std::string text = storage::formatTimestamp(at);
    return text.substr(0, 10) + " " + text.substr(11, 5) + " UTC";
}

void drawQualitySections(Ui& ui, const QualityRecordView& record, float width) {
    if (!record.inspections.empty()) {
        sectionHeading(ui, "Inspections");
        for (const auto& inspection : record.inspections) {
            std::string results;
            for (const auto& r : inspection.results)
                results += (results.empty() ? "" : " · ") + r.test + " " + r.value + (r.passed ? " ✓" : " ✕");
            listRow(ui, "",
                    {(inspection.passed ? "Passed" : "Failed") + std::string(" · spec v") +
                         std::to_string(inspection.specVersion),
                     minuteUtc(inspection.at) + " · " + inspection.user + " · " + results,
                     inspection.sampleSize ? "sample " + std::to_string(*inspection.sampleSize) : std::string(),
                     {}},
                    width);
        }
    }
    if (!record.signatures.empty()) {
        sectionHeading(ui, "Signatures");
        for (const auto& s : record.signatures)
            listRow(ui, "",
                    {s.statement + (s.reason ? ": " + *s.reason : std::string()),
                     "Signed by " + s.printedName + " · " + minuteUtc(s.at) + " · " + storage::toString(s.meaning),
                     {},
                     {}},
                    width);
    }
    if (!record.documents.empty()) {
        sectionHeading(ui, "Documents");
        for (const auto& d : record.documents)
            listRow(ui, "",
                    {d.fileName, std::string(storage::toString(d.kind)) + " · " + d.type + " · " +
                                     std::to_string(d.size) + " bytes · sha256 " + d.sha256.substr(0, 12),
                     {},
                     {}},
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
