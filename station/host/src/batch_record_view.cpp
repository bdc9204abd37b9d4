// A run's batch record on screen (batch_views.hpp): what the PDF holds, for reading at the station. The
// header, then the deviations (review by exception), every step with its target, actual, time, performer and
// verifier, the components with their lots, the yield and labels; Save PDF writes the same record as the
// printable document (batch_record_export.hpp).
#include "batch_views.hpp"
#include "lot_widgets.hpp"
#include "lotstation/storage/quantity.hpp"
#include "quality_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <cfloat>

namespace lotstation::station::ui {
namespace {

std::string actualOf(const storage::StepRecord& step, const storage::BatchEntry& entry, storage::Uom uom) {
    if (entry.quantity) return storage::formatQuantity(*entry.quantity, uom) + " of " + entry.lot.value_or("?");
    if (entry.value) return *entry.value + (step.step.value && step.step.value->unit ? " " + *step.step.value->unit : "");
    return "done";
}

storage::Uom unitOfStep(const storage::BatchRecord& record, const storage::StepRecord& step) {
    for (const auto& c : record.components)
        if (c.sku == step.step.component) return c.uom;
    return storage::Uom::Gram;
}

std::string targetOf(const storage::StepRecord& step, storage::Uom uom) {
    if (step.target)
        return "target " + storage::formatQuantity(step.target->target, uom) + " (" +
               storage::formatQuantity(step.target->low, uom) + "–" + storage::formatQuantity(step.target->high, uom) +
               ")";
    if (step.step.value) return storage::describeLimits(*step.step.value);
    return {};
}

void drawHeader(Ui& ui, const storage::BatchRecord& record, float width) {
    const auto& run = record.run;
    std::string title = record.item.name + " · run " + run.code;
    if (record.inProgress) title += " · IN PROGRESS";
    paragraph(ui, title, ui.fonts.title, record.inProgress ? colour::unknown : colour::text);
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back("Procedure", record.item.sku + " version " + std::to_string(record.procedure.version));
    rows.emplace_back("Planned / made", storage::formatQuantity(run.planned, record.item.uom) + " / " +
                                            (run.actual ? storage::formatQuantity(*run.actual, record.item.uom) : "—"));
    rows.emplace_back("Lot", record.outputLot ? record.outputLot->code : "—");
    rows.emplace_back("Started", minuteUtc(run.startedAt) + " by " + run.operatorName);
    if (run.finishedAt) rows.emplace_back("Finished", minuteUtc(*run.finishedAt));
    infoCard(ui, rows, width);
}

void drawDeviations(Ui& ui, const storage::BatchRecord& record, float width) {
    sectionHeading(ui, record.deviations.empty() ? "Deviations: none"
                                                 : "Deviations (" + std::to_string(record.deviations.size()) + ")");
    for (const auto& d : record.deviations) {
        RowText row{d.stepTitle + ": " + d.entry.reason.value_or(""), d.what,
                    "approved by " + d.entry.user, minuteUtc(d.entry.at)};
        listRow(ui, "", row, width, ui.em(2.7f), false, colour::refused);
    }
}

void drawSteps(Ui& ui, const storage::BatchRecord& record, float width) {
    sectionHeading(ui, "Steps");
    for (const auto& step : record.steps) {
        const auto uom = unitOfStep(record, step);
        RowText row;
        row.title = stepTitle(step);
        row.detail = targetOf(step, uom);
        ImU32 accent = colour::panelEdge;
        if (step.performed.empty()) {
            row.value = step.state == storage::StepState::Skipped ? "skipped" : "open";
            accent = step.state == storage::StepState::Skipped ? colour::refused : colour::panelEdge;
        } else {
            const auto& last = step.performed.back();
            row.value = actualOf(step, last, uom);
            row.note = minuteUtc(last.at) + " · " + last.user;
            if (!step.verifications.empty()) row.note += " · verified " + step.verifications.back().user;
            else if (step.awaitsVerification) row.note += " · to verify";
            accent = last.judgement == "outside" ? colour::refused : colour::accepted;
        }
        if (!row.detail.empty() && step.performed.size() > 1)
            row.detail += " · done " + std::to_string(step.performed.size()) + " times";
        listRow(ui, "", row, width, ui.em(2.7f), false, accent);
    }
}

void drawComponents(Ui& ui, const storage::BatchRecord& record, float width) {
    sectionHeading(ui, "Components");
    for (const auto& c : record.components) {
        RowText row{c.name, c.lot + (c.supplierLot ? " · supplier lot " + *c.supplierLot : ""),
                    storage::formatQuantity(c.quantity, c.uom), c.expiry ? "use by " + storage::formatDate(*c.expiry) : ""};
        listRow(ui, "", row, width, ui.em(2.7f));
    }
}

void drawYield(Ui& ui, const storage::BatchRecord& record, float width) {
    sectionHeading(ui, "Yield and labels");
    std::vector<std::pair<std::string, std::string>> rows;
    if (record.finish) {
        rows.emplace_back("Yield", record.finish->value.value_or("?") + " % (limits " + record.procedure.yieldMin +
                                       "–" + record.procedure.yieldMax + " %)");
        if (record.finish->labelsPrinted)
            rows.emplace_back("Labels", std::to_string(*record.finish->labelsPrinted) + " printed, " +
                                            std::to_string(record.finish->labelsDestroyed.value_or(0)) + " destroyed");
        rows.emplace_back("Finished by", record.finish->user);
    } else {
        rows.emplace_back("Yield", "not finished (limits " + record.procedure.yieldMin + "–" +
                                       record.procedure.yieldMax + " %)");
    }
    for (const auto& s : record.qaSignatures) rows.emplace_back("Quality", s.statement + " · " + s.signer);
    rows.emplace_back("Record hash", record.hash.substr(0, 16) + "…");
    infoCard(ui, rows, width);
}

} // namespace

void drawBatchRecord(Ui& ui, const RecordOnScreen& shown, std::string_view prefix, ImVec2 min, ImVec2 max,
                     const RecordEvents& events) {
    const auto& record = shown.record;
    const float buttons = bottomButtonHeight(ui);
    const float gap = ui.em(0.5f);
    ImGui::SetCursorScreenPos(min);
    const float width = max.x - min.x;
    // The record scrolls by dragging; the buttons stay where the thumb rests.
    scrollList(ui, std::string(prefix) + ".record", ImVec2(width, max.y - min.y - buttons - gap), [&](float w) {
        ImGui::PushTextWrapPos(ImGui::GetCursorScreenPos().x + w);
        drawHeader(ui, record, w);
        drawDeviations(ui, record, w);
        drawSteps(ui, record, w);
        drawComponents(ui, record, w);
        drawYield(ui, record, w);
        ImGui::PopTextWrapPos();
    });
    const float half = (width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - buttons));
    if (touchButton(ui, std::string(prefix) + ".record-close", "Close", ImVec2(half, buttons))) events.close();
    ImGui::SameLine(0, gap);
    const std::string save = shown.saved ? "Saved ✓ (save again)" : "Save PDF";
    if (touchButton(ui, std::string(prefix) + ".record-save", save, ImVec2(half, buttons), ButtonKind::Primary,
                    ui.fonts.title))
        events.save();
}

} // namespace lotstation::station::ui
