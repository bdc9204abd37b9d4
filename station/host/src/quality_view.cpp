// The Quality screen (quality_flow.hpp): lots waiting for QC; one lot's spec with result entry, its quality
// record, and the signature dialog (who, PIN pad, the meaning in words).
#include "floor_widgets.hpp"
#include "quality_widgets.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include "lotstation/storage/quantity.hpp"

#include <algorithm>

namespace lotstation::station::ui {
namespace {

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

// What an entered value is judged: "  ✓ pass" or "  ✕ fail".
std::string verdictOf(const QualityState& quality, const std::string& test) {
    const auto verdict = quality.verdicts.find(test);
    if (verdict == quality.verdicts.end()) return {};
    return verdict->second ? "  ✓ pass" : "  ✕ fail";
}

// One spec test: its limits, the last recorded result, and what is entered now with its verdict.
void drawTest(const QualityState& quality, const storage::SpecTest& test, Ui& ui, float width) {
    const auto& lot = *quality.lot;
    const auto entered = quality.results.find(test.name);
    const bool has = entered != quality.results.end();
    const std::string latest = latestOf(lot, test.name);
    label(ui, storage::describeLimits(test) + (latest.empty() ? "" : "   last: " + latest), ui.fonts.bold);
    const float gap = ui.em(0.4f);
    const float half = (width - gap) / 2;
    const ImVec2 size(half, ui.em(2.6f));
    const std::string id = "quality.test." + test.name;
    const auto is = [&](const std::string& value) { return has && entered->second == value; };
    const bool failing = has && quality.verdicts.contains(test.name) && !quality.verdicts.at(test.name);
    const ButtonKind chosen = failing ? ButtonKind::Danger : ButtonKind::Selected;
    switch (test.kind) {
    case storage::TestKind::PassFail:
        if (touchButton(ui, id + ".pass", "Pass", size, is("pass") ? ButtonKind::Selected : ButtonKind::Secondary))
            ui.intents.emit(quality::SetResult{test.name, "pass"});
        ImGui::SameLine(0, gap);
        if (touchButton(ui, id + ".fail", "Fail", size, is("fail") ? ButtonKind::Danger : ButtonKind::Secondary))
            ui.intents.emit(quality::SetResult{test.name, "fail"});
        break;
    case storage::TestKind::Numeric:
        if (touchButton(ui, id + ".value",
                        has ? entered->second + " " + test.unit.value_or("") + verdictOf(quality, test.name)
                            : "Type the value…",
                        ImVec2(width, size.y), has ? chosen : ButtonKind::Secondary))
            ui.intents.emit(quality::TypeNumber{test.name});
        break;
    case storage::TestKind::Text: {
        // The expected value is one tap; anything else is typed on the keyboard and judged against it.
        const std::string expected = test.expected.value_or("");
        if (touchButton(ui, id + ".expected", expected, size, is(expected) ? ButtonKind::Selected : ButtonKind::Secondary))
            ui.intents.emit(quality::SetResult{test.name, expected});
        ImGui::SameLine(0, gap);
        const bool other = has && !is(expected);
        const std::string typed = other ? entered->second : std::string();
        if (touchButton(ui, id + ".other", other ? typed + verdictOf(quality, test.name) : "Other…", size,
                        other ? chosen : ButtonKind::Secondary))
            ui.intents.emit(intent::OpenKeyboard{
                test.name + ": what is it?", typed,
                [name = test.name](const std::string& text) { return StationFlows::step(quality::SetResult{name, text}); },
                "Expected: " + expected});
        break;
    }
    }
}

// The photos and files that go with the results, and the buttons that add them.
void drawDocuments(const QualityState& quality, Ui& ui, float width) {
    caption(ui, "Documents with the results");
    const float gap = ui.em(0.4f);
    for (std::size_t i = 0; i < quality.documents.size(); ++i) {
        const auto& d = quality.documents[i];
        const float button = ui.em(5.0f);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        wrappedRow(ui, d.fileName,
                   std::string(storage::toString(d.kind)) + " · " + sizeText(static_cast<std::int64_t>(d.content.size())) +
                       " · " + d.origin,
                   width - button - gap);
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(at.x + width - button, at.y));
        if (touchButton(ui, "quality.document.remove." + std::to_string(i), "Remove", ImVec2(button, ui.em(2.5f))))
            ui.intents.emit(quality::RemoveDocument{i});
        ImGui::SetCursorScreenPos(ImVec2(after.x, std::max(after.y, at.y + ui.em(2.6f))));
    }
    const float half = (width - gap) / 2;
    const ImVec2 size(half, ui.em(2.6f));
    if (touchButton(ui, "quality.photo", "Take photo…", size, quality.camera ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.intents.emit(quality::ShowCamera{!quality.camera});
    ImGui::SameLine(0, gap);
    std::vector<PickerOption> files;
    for (const auto& name : quality.importFiles)
        files.push_back({name, name, "import folder"});
    if (touchButton(ui, "quality.attach-file", "Attach file…", size, ButtonKind::Secondary, nullptr, !files.empty()))
        ui.intents.emit(intent::OpenPicker{"Attach which file?", std::move(files), replyId<quality::AttachFile>()});
    if (quality.importFiles.empty() && !quality.importFolder.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorScreenPos().x + width);
        paragraph(ui, "A supplier's PDF, PNG or JPEG put in " + quality.importFolder + " can be attached here.",
                  ui.fonts.body, colour::textDim);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
}

// The camera preview in the right column, to aim and take the photo.
void drawCamera(Ui& ui, const Column& column) {
    const float gap = ui.em(0.5f);
    const float buttons = bottomButtonHeight(ui);
    label(ui, "Aim at the lot, then take the photo", ui.fonts.bold);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    drawCameraPreview(ui, top, ImVec2(column.x + column.width, column.bottom - buttons - gap));
    const float half = (column.width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - buttons));
    if (touchButton(ui, "quality.camera-cancel", "Cancel", ImVec2(half, buttons)))
        ui.intents.emit(quality::ShowCamera{false});
    if (bottomButton(ui, column, "quality.take-photo", "Take photo ✓", true, half, column.x + half + gap))
        ui.intents.emit(quality::AddPhoto{});
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
    } else if (quality.camera) {
        drawCamera(ui, column);
    } else {
        if (lot.lot.status == storage::LotStatus::Quarantine) drawDocuments(quality, ui, column.width);
        const float top = ImGui::GetCursorScreenPos().y;
        qualityScrollList(ui, "quality.record", ImVec2(column.width, column.bottom - top), [&](float width) {
            drawQualitySections(ui, {lot.inspections, lot.signatures, lot.documents}, width);
            if (lot.inspections.empty() && lot.signatures.empty() && lot.documents.empty())
                label(ui, "No inspections, signatures or documents yet", ui.fonts.body, colour::textDim);
        });
    }
    endColumn();
}

} // namespace

void drawFlowBody(const AppState& state, const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max) {
    if (!quality.loaded) ui.intents.emit(quality::Refresh{});
    if (quality.sign) return drawQualitySign(state, quality, ui, min, max);
    if (quality.lot) return drawLot(quality, ui, min, max);
    drawPending(quality, ui, min, max);
}

} // namespace lotstation::station::ui
