// The Quality screen (quality_flow.hpp): lots waiting for QC; one lot's spec with result entry, its quality
// record, and the signature dialog (who, PIN pad, the meaning in words).
#include "floor_widgets.hpp"
#include "quality_widgets.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include "lotstation/storage/quantity.hpp"

namespace lotstation::station::ui {
namespace {

std::vector<PickerOption> reasonsOf(const std::vector<std::string>& reasons) {
    return qualityReasonOptions(reasons);
}

void drawPending(const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    label(ui, "Waiting for QC, oldest first", ui.fonts.title);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    drawPendingList(ui, quality.pending, ImVec2(max.x - min.x, max.y - at.y));
}

std::string latestOf(const QualityLot& lot, const std::string& test) {
    std::string latest;
    for (const auto& inspection : lot.inspections)
        for (const auto& r : inspection.results)
            if (r.test == test) latest = r.value + (r.passed ? " ✓" : " ✕");
    return latest;
}

// One spec test: its limits, the last recorded result, and what is entered now.
void drawTest(const QualityState& quality, const storage::SpecTest& test, Ui& ui, float width) {
    const auto& lot = *quality.lot;
    const auto entered = quality.results.find(test.name);
    const std::string latest = latestOf(lot, test.name);
    label(ui, storage::describeLimits(test) + (latest.empty() ? "" : "   last: " + latest), ui.fonts.bold);
    const float gap = ui.em(0.4f);
    const float half = (width - gap) / 2;
    const ImVec2 size(half, ui.em(2.6f));
    const std::string id = "quality.test." + test.name;
    const auto is = [&](const char* value) { return entered != quality.results.end() && entered->second == value; };
    switch (test.kind) {
    case storage::TestKind::PassFail:
        if (touchButton(ui, id + ".pass", "Pass", size, is("pass") ? ButtonKind::Selected : ButtonKind::Secondary))
            ui.intents.emit(quality::SetResult{test.name, "pass"});
        ImGui::SameLine(0, gap);
        if (touchButton(ui, id + ".fail", "Fail", size, is("fail") ? ButtonKind::Selected : ButtonKind::Danger))
            ui.intents.emit(quality::SetResult{test.name, "fail"});
        break;
    case storage::TestKind::Numeric:
        if (touchButton(ui, id + ".value",
                        entered != quality.results.end() ? entered->second + " " + test.unit.value_or("")
                                                         : "Type the value…",
                        ImVec2(width, size.y),
                        entered != quality.results.end() ? ButtonKind::Selected : ButtonKind::Secondary))
            ui.intents.emit(quality::TypeNumber{test.name});
        break;
    case storage::TestKind::Text: {
        const std::string expected = test.expected.value_or("");
        if (touchButton(ui, id + ".expected", "As expected: " + expected, size,
                        is(expected.c_str()) ? ButtonKind::Selected : ButtonKind::Secondary))
            ui.intents.emit(quality::SetResult{test.name, expected});
        ImGui::SameLine(0, gap);
        if (touchButton(ui, id + ".other", "Not as expected", size,
                        is("not as expected") ? ButtonKind::Selected : ButtonKind::Danger))
            ui.intents.emit(quality::SetResult{test.name, "not as expected"});
        break;
    }
    }
}

void drawLot(const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max) {
    const auto& lot = *quality.lot;
    const Column column = splitScreen(ui, min, max, 0.5f);
    const float leftWidth = column.x - min.x - ui.em(1.2f);
    const float actions = bottomButtonHeight(ui) + ui.em(0.6f);
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(min.x + leftWidth);
    label(ui, lot.lot.code, ui.fonts.title);
    paragraph(ui, lot.item.name + " · spec version " + std::to_string(lot.spec.version), ui.fonts.body, colour::textDim);
    if (quality.done) paragraph(ui, "✓ " + *quality.done, ui.fonts.bold, colour::accepted);
    if (quality.problem)
        paragraph(ui, "⚠ " + *quality.problem, ui.fonts.bold, colour::unknown);
    else if (!lot.problems.empty() && lot.lot.status == storage::LotStatus::Quarantine)
        paragraph(ui, "Release needs: " + lot.problems.front() + (lot.problems.size() > 1 ? " (and more)" : ""),
                  ui.fonts.body, colour::unknown);
    ImGui::PopTextWrapPos();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    qualityScrollList(ui, "quality.tests", ImVec2(leftWidth, max.y - actions - at.y), [&](float width) {
        if (lot.spec.tests.empty()) label(ui, "The item has no spec: release needs no test.", ui.fonts.body, colour::textDim);
        for (const auto& test : lot.spec.tests)
            drawTest(quality, test, ui, width);
    });
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - bottomButtonHeight(ui)));
    const float gap = ui.em(0.4f);
    const float third = (leftWidth - 2 * gap) / 3;
    const ImVec2 size(third, bottomButtonHeight(ui));
    const bool quarantined = lot.lot.status == storage::LotStatus::Quarantine;
    if (touchButton(ui, "quality.inspect", "Record results", size, ButtonKind::Primary, nullptr,
                    !quality.results.empty()))
        ui.intents.emit(quality::StartSign{SignAction::Inspect});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "quality.release", "Release…", size, ButtonKind::Secondary, nullptr, quarantined))
        ui.intents.emit(quality::StartSign{SignAction::Release});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "quality.reject", "Reject…", size, ButtonKind::Danger, nullptr, quarantined))
        ui.intents.emit(quality::StartSign{SignAction::Reject});
    ImGui::EndGroup();

    beginColumn(column);
    if (quality.numberFor) {
        label(ui, "Value of " + *quality.numberFor + ": " + (quality.number.empty() ? "_" : quality.number), ui.fonts.title);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float bottom = column.bottom - bottomButtonHeight(ui) - ui.em(0.6f);
        pinPad(ui, quality.number, top, ImVec2(column.x + column.width, bottom),
               [&](KeypadKey key) { ui.intents.emit(quality::NumberKey{key}); });
        ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
        const float half = (column.width - gap) / 2;
        if (touchButton(ui, "quality.number.dot", ". (decimal point)", ImVec2(half, bottomButtonHeight(ui))))
            ui.intents.emit(quality::NumberKey{KeypadKey::Dot});
        if (bottomButton(ui, column, "quality.number.done", "Done ✓", true, half, column.x + half + gap))
            ui.intents.emit(quality::NumberDone{});
    } else {
        qualityScrollList(ui, "quality.record", ImVec2(column.width, column.bottom - column.top), [&](float width) {
            drawQualitySections(ui, {lot.inspections, lot.signatures, lot.documents}, width);
            if (lot.inspections.empty() && lot.signatures.empty() && lot.documents.empty())
                label(ui, "No inspections, signatures or documents yet", ui.fonts.body, colour::textDim);
        });
    }
    endColumn();
}

void drawSign(const AppState& state, const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max) {
    const SignDraft& sign = *quality.sign;
    const Column column = splitScreen(ui, min, max);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 leftMax(column.x - ui.em(1.2f), max.y);
    list->AddRectFilled(min, leftMax, colour::panel, ui.em(0.5f));
    const float pad = ui.em(0.9f);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(leftMax.x - pad);
    label(ui, "Electronic signature", ui.fonts.bold, colour::textDim);
    paragraph(ui, "\"" + sign.statement + "\"", ui.fonts.title);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    pinPad(ui, sign.pin, ImVec2(min.x + pad, ImGui::GetCursorScreenPos().y + ui.em(0.4f)),
           ImVec2(leftMax.x - pad, max.y - pad), [&](KeypadKey key) { ui.intents.emit(quality::PinKey{key}); });

    beginColumn(column);
    promptLine(ui, quality.problem, "Pick your name and type your PIN now: a badge alone is not a signature",
               column.width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    const std::optional<std::string> printed =
        sign.signer ? std::optional<std::string>("Printed name: " + *sign.signer) : std::nullopt;
    if (compactField(ui, "quality.signer", "Signed by", printed, "Tap to pick your name", column.width))
        ui.intents.emit(intent::OpenPicker{"Who signs?", state.catalog.users, replyId<quality::PickSigner>()});
    const bool needsReason = sign.action == SignAction::Reject ||
                             (sign.action == SignAction::Release && quality.lot && !quality.lot->problems.empty());
    if (needsReason) {
        const bool reject = sign.action == SignAction::Reject;
        if (compactField(ui, "quality.reason", reject ? "Reason for rejecting" : "Deviation (signed with its reason)",
                         sign.reason, "Tap to pick", column.width))
            ui.intents.emit(intent::OpenPicker{reject ? "Why reject?" : "Why release anyway?",
                                               reasonsOf(reject ? rejectionReasons() : deviationReasons()),
                                               replyLabel<quality::PickReason>()});
    }
    label(ui, std::string("Meaning: ") + (sign.action == SignAction::Inspect   ? "performed"
                                          : sign.action == SignAction::Release ? "released"
                                                                               : "rejected"),
          ui.fonts.body, colour::textDim);
    ImGui::PopStyleVar();
    const float gap = ui.em(0.5f);
    const float half = (column.width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
    if (touchButton(ui, "quality.sign-cancel", "Cancel", ImVec2(half, bottomButtonHeight(ui))))
        ui.intents.emit(quality::CancelSign{});
    const bool ready = sign.signer && !sign.pin.empty() && (!needsReason || sign.reason);
    if (bottomButton(ui, column, "quality.sign", "Sign ✓", ready, half, column.x + half + gap))
        ui.intents.emit(quality::Sign{});
    endColumn();
}

} // namespace

void drawFlowBody(const AppState& state, const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max) {
    if (!quality.loaded) ui.intents.emit(quality::Refresh{});
    if (quality.sign) return drawSign(state, quality, ui, min, max);
    if (quality.lot) return drawLot(quality, ui, min, max);
    drawPending(quality, ui, min, max);
}

} // namespace lotstation::station::ui
