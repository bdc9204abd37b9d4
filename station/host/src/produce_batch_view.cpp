// Produce following the recipe's procedure (batch_views.hpp): on the left the camera (a weighing: scan the
// container), the number pad (a value to record) or the run's steps; on the right the step on screen with
// its target, what was entered judged green (within) or red (outside), and Sign. A signature takes the left
// side for the PIN pad; who signs, what it means and a deviation's reason are on the right.
#include "batch_views.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace lotstation::station::ui {
namespace {

std::string amount(std::int64_t quantity, storage::Uom uom) {
    return storage::formatQuantity(quantity, uom);
}

// The unit of a step's component: its recipe line's item (a weigh step names a component of the recipe).
storage::Uom unitOf(const ProduceState& produce, const storage::ProcedureStep& step) {
    for (const auto& line : produce.lines)
        if (line.item.sku == step.component) return line.item.uom;
    return produce.product ? produce.product->uom : storage::Uom::Gram;
}

// A big green or red band saying how the entry stands against its target.
void judgementBand(Ui& ui, Judgement judgement, const std::string& text, float width) {
    if (judgement == Judgement::None) return;
    const bool within = judgement == Judgement::Within;
    const ImVec2 size(width, ui.em(2.4f));
    const ImVec2 min = panel(size, within ? colour::accepted : colour::refused);
    drawText(ui, ImGui::GetWindowDrawList(), ui.fonts.title, ImVec2(min.x + ui.em(0.6f), min.y + ui.em(0.45f)),
             colour::text, (within ? "✓ " : "✗ ") + text);
    ImGui::Dummy(size);
}

// Every step of the run with where it stands; tapping one shows it (to repeat or skip, a deviation).
void drawStepList(Ui& ui, const BatchRun& batch, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    caption(ui, "The run's steps: tap one to show it");
    const float width = max.x - min.x;
    const float rowHeight = std::min(ui.em(2.4f), (max.y - min.y - ui.em(1.6f)) /
                                                      static_cast<float>(batch.record.steps.size() + 1) - ui.em(0.3f));
    for (const auto& step : batch.record.steps) {
        RowText row;
        const bool done = step.state != storage::StepState::Open;
        row.title = (done ? "✓ " : "") + stepTitle(step);
        if (step.awaitsVerification) row.value = "to verify";
        else if (step.state == storage::StepState::Skipped) row.value = "skipped";
        if (listRow(ui, "produce.steps." + std::to_string(step.number), row, width, std::max(rowHeight, kMinTarget),
                    step.number == batch.shown, done ? colour::accepted : colour::panelEdge))
            ui.intents.emit(produce::ShowStep{step.number});
    }
    ImGui::EndGroup();
}

void drawValuePad(Ui& ui, const BatchRun& batch, const storage::StepRecord& step, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    const auto& value = *step.step.value;
    label(ui, value.name + ": " + (batch.draft.value.empty() ? "_" : batch.draft.value) + " " + value.unit.value_or(""),
          ui.fonts.title);
    const float dotHeight = bottomButtonHeight(ui);
    const float top = ImGui::GetCursorScreenPos().y + ui.em(0.3f);
    pinPad(ui, batch.draft.value, ImVec2(min.x, top), ImVec2(max.x, max.y - dotHeight - ui.em(0.4f)),
           [&](KeypadKey key) { ui.intents.emit(produce::ValueKey{key}); });
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - dotHeight));
    if (touchButton(ui, "produce.value.dot", ". (decimal point)", ImVec2(max.x - min.x, dotHeight)))
        ui.intents.emit(produce::ValueKey{KeypadKey::Dot});
}

void drawWeigh(const ProduceState& produce, const BatchRun& batch, const storage::StepRecord& step, Ui& ui,
               float width) {
    const auto uom = unitOf(produce, step.step);
    std::optional<std::string> lot;
    if (batch.draft.lot) lot = batch.draft.lot->code + " · " + amount(batch.draft.onHand, uom) + " at " + batch.draft.location;
    std::string hint = "Scan it";
    const ProduceLine* line = nullptr;
    for (const auto& l : produce.lines)
        if (l.item.sku == step.step.component) line = &l;
    if (line && line->takeFirst) hint = "Scan it, or tap for " + line->takeFirst->lot.code;
    if (compactField(ui, "produce.batch.lot", "Container of " + (line ? line->item.name : step.step.component), lot,
                     hint, width, !batch.draft.lot && line && line->takeFirst))
        ui.intents.emit(produce::PickLot{line->takeFirst->lot.code});
    for (const auto& problem : batch.draft.problems) paragraph(ui, "✗ " + problem.message, ui.fonts.bold, colour::refused);
    std::optional<std::string> weighed;
    if (batch.draft.quantity)
        weighed = amount(*batch.draft.quantity, uom) + (batch.draft.scale ? " · from the scale" : " · typed");
    if (compactField(ui, "produce.batch.quantity", "Weighed", weighed,
                     batch.draft.lot ? "Tap to weigh or type" : "Scan the container first", width,
                     batch.draft.lot.has_value()))
        ui.intents.emit(intent::OpenKeypad{"Weigh " + (line ? line->item.name : step.step.component),
                                           unitFor(uom, step.target ? step.target->target : 0), unitsFor(uom),
                                           replyQuantity<produce::SetQuantity>(), uom != storage::Uom::Piece});
    const auto judgement = judgeDraft(batch);
    judgementBand(ui, judgement, judgement == Judgement::Within ? "Within tolerance" : "Outside tolerance", width);
}

void drawChecklist(const BatchRun& batch, const storage::StepRecord& step, Ui& ui, float width) {
    for (std::size_t i = 0; i < step.step.checklist.size(); ++i) {
        const bool ticked = i < batch.draft.ticked.size() && batch.draft.ticked[i];
        // A ticked point shows the check mark; an open one says to tap it.
        RowText row{(ticked ? "✓ " : "") + step.step.checklist[i], "", ticked ? "done" : "tap", ""};
        if (listRow(ui, "produce.check." + std::to_string(i), row, width, ui.em(2.5f), false,
                    ticked ? colour::accepted : colour::panelEdge))
            ui.intents.emit(produce::TickPoint{static_cast<int>(i)});
    }
}

void drawFinish(const ProduceState& produce, const BatchRun& batch, Ui& ui, float width) {
    const auto uom = produce.product->uom;
    const std::int64_t output = batch.output.value_or(batch.record.run.planned);
    const float gap = ui.em(0.5f), half = (width - gap) / 2;
    if (compactField(ui, "produce.output", "Output made", amount(output, uom), "", width))
        ui.intents.emit(intent::OpenKeypad{"Output made", unitFor(uom, output), unitsFor(uom),
                                           replyQuantity<produce::SetOutput>(), true});
    const auto judgement = judgeYield(batch, output);
    judgementBand(ui, judgement,
                  "Yield " + yieldText(batch, output) + " % (" + batch.record.procedure.yieldMin + "–" +
                      batch.record.procedure.yieldMax + " %)",
                  width);
    auto count = [](const std::optional<std::int64_t>& n) {
        return n ? std::optional(std::to_string(*n)) : std::nullopt;
    };
    if (compactField(ui, "produce.labels-printed", "Labels printed", count(batch.labelsPrinted), "Tap to count", half))
        ui.intents.emit(intent::OpenKeypad{"Labels printed", QuantityUnit::Piece, {},
                                           replyQuantity<produce::SetLabelsPrinted>()});
    ImGui::SameLine(0, gap);
    // None destroyed unless counted (the keypad takes no zero).
    const auto destroyed = batch.labelsPrinted ? std::optional(batch.labelsDestroyed.value_or(0)) : batch.labelsDestroyed;
    if (compactField(ui, "produce.labels-destroyed", "Labels destroyed", count(destroyed), "Tap to count", half))
        ui.intents.emit(intent::OpenKeypad{"Labels destroyed", QuantityUnit::Piece, {},
                                           replyQuantity<produce::SetLabelsDestroyed>()});
}

std::string promptOf(const BatchRun& batch) {
    const auto* step = shownStep(batch);
    if (!step) return batch.record.nextStep ? "Some steps are open: tap one on the left" : "Check the output and labels, then Finish";
    if (step->awaitsVerification) return "A second person verifies this step";
    if (auto missing = missingForSign(batch)) return *missing;
    if (!deviationNeeds(batch).empty() && !step->deviationWaiting) return "A supervisor approves a deviation first";
    return "Sign the step with your PIN";
}

void drawStepCard(const ProduceState& produce, const BatchRun& batch, Ui& ui, const Column& column) {
    promptLine(ui, produce.problem, promptOf(batch), column.width);
    label(ui, "Run " + batch.record.run.code + " · " + amount(batch.record.run.planned, produce.product->uom),
          ui.fonts.body, colour::textDim);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    ImGui::PushTextWrapPos(column.x + column.width);
    const auto* step = shownStep(batch);
    if (!step) {
        label(ui, "Finish · " + std::to_string(batch.record.steps.size()) + " steps done", ui.fonts.title);
        drawFinish(produce, batch, ui, column.width);
    } else {
        caption(ui, std::string(stepKindText(step->step.kind)) + " · step " + std::to_string(step->number) + " of " +
                        std::to_string(batch.record.steps.size()));
        label(ui, stepTitle(*step).substr(stepTitle(*step).find("· ") + 2), ui.fonts.title);
        if (!step->step.text.empty() && step->step.text != step->step.title) paragraph(ui, step->step.text, ui.fonts.body);
        if (step->step.equipment) paragraph(ui, "Equipment: " + *step->step.equipment, ui.fonts.body, colour::textDim);
        if (step->target || step->step.value)
            paragraph(ui, "Target: " + targetText(*step, unitOf(produce, step->step)), ui.fonts.bold);
        if (step->awaitsVerification) {
            const auto& last = step->performed.back();
            paragraph(ui, "Performed by " + last.user + ": waits for a second person's verification", ui.fonts.bold,
                      colour::unknown);
        } else if (step->step.kind == storage::StepKind::Weigh) {
            drawWeigh(produce, batch, *step, ui, column.width);
        } else if (step->step.kind == storage::StepKind::LineClearance) {
            drawChecklist(batch, *step, ui, column.width);
        } else if (step->step.value) {
            const auto j = judgeDraft(batch);
            judgementBand(ui, j, j == Judgement::Within ? "Within limits" : "Outside limits", column.width);
        }
        if (step->deviationWaiting) paragraph(ui, "Deviation approved: sign the step", ui.fonts.bold, colour::unknown);
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleVar();

    // Bottom: a deviation when something breaks the procedure, and the signature.
    const float gap = ui.em(0.5f), half = (column.width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
    const bool finishing = !step;
    const bool yieldOut = finishing && judgeYield(batch, batch.output.value_or(batch.record.run.planned)) ==
                                           Judgement::Outside;
    const bool needsDeviation = step ? !deviationNeeds(batch).empty() && !step->deviationWaiting
                                     : yieldOut && !batch.record.finishDeviationWaiting;
    if (step && step->awaitsVerification) {
        if (bottomButton(ui, column, "produce.verify", "Verify… (second person)", true))
            ui.intents.emit(produce::VerifyStep{});
        return;
    }
    if (touchButton(ui, "produce.deviation", "Deviation…", ImVec2(half, bottomButtonHeight(ui)),
                    needsDeviation ? ButtonKind::Danger : ButtonKind::Secondary, nullptr, needsDeviation))
        ui.intents.emit(produce::AskDeviation{});
    const bool ready = finishing ? !batch.record.nextStep && !needsDeviation
                                 : !missingForSign(batch) && !needsDeviation;
    if (bottomButton(ui, column, "produce.sign", finishing ? "Finish ✓" : "Sign ✓", ready, half,
                     column.x + half + gap))
        ui.intents.emit(produce::SignStep{});
}

// The reasons a supervisor most often gives; any other is typed.
std::vector<PickerOption> deviationReasons() {
    return {{"container-emptied", "Container emptied: the rest used", ""},
            {"supervisor-checked", "Checked by the supervisor: the batch is fit", ""},
            {"repeated-after-spill", "Step repeated after a spill", ""},
            {"trial-batch", "Trial batch, not for sale", ""}};
}

const char* signHeading(BatchSignPurpose purpose) {
    switch (purpose) {
    case BatchSignPurpose::Perform: return "Sign: performed";
    case BatchSignPurpose::Verify: return "Sign: verified";
    case BatchSignPurpose::Deviation: return "Deviation: supervisor's approval";
    case BatchSignPurpose::Finish: return "Sign: finished";
    }
    return "Sign";
}

void drawSigning(const AppState& state, const BatchRun& batch, Ui& ui, ImVec2 min, ImVec2 max, const Column& column) {
    const auto& signing = *batch.signing;
    signingPanel(
        ui, min, max, column,
        [&](const SigningSpace&) {
            label(ui, signHeading(signing.purpose), ui.fonts.title);
            paragraph(ui, signing.statement, ui.fonts.body, colour::textDim);
        },
        signing.who.pin, [&](KeypadKey key) { ui.intents.emit(produce::PinKey{key}); });

    beginColumn(column);
    const bool deviation = signing.purpose == BatchSignPurpose::Deviation;
    promptLine(ui, signing.who.problem,
               deviation ? "Supervisor: pick your name, type your PIN, give the reason"
                         : "Pick your name (or scan your badge) and type your PIN",
               column.width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    if (compactField(ui, "produce.signer", deviation ? "Supervisor" : "Signed by", signing.who.supervisor,
                     "Tap to pick, or scan a badge", column.width))
        ui.intents.emit(intent::OpenPicker{"Who signs?", state.catalog.users, replyId<produce::PickSigner>()});
    if (deviation) {
        for (const auto& need : deviationNeeds(batch)) paragraph(ui, "✗ " + need, ui.fonts.bold, colour::refused);
        if (compactField(ui, "produce.reason", "Reason", signing.who.reason, "Tap to type or pick", column.width))
            ui.intents.emit(intent::OpenPicker{"Why deviate?", deviationReasons(), replyLabel<produce::PickReason>(),
                                               "Type the reason"});
    }
    if (signing.who.supervisor)
        paragraph(ui, "Printed name: " + *signing.who.supervisor + " · " + signHeading(signing.purpose), ui.fonts.body,
                  colour::textDim);
    ImGui::PopStyleVar();
    const float gap = ui.em(0.5f), half = (column.width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
    if (touchButton(ui, "produce.sign-cancel", "Cancel", ImVec2(half, bottomButtonHeight(ui))))
        ui.intents.emit(produce::CancelSignature{});
    const bool ready = signing.who.supervisor && !signing.who.pin.empty() && (!deviation || signing.who.reason);
    if (bottomButton(ui, column, "produce.sign-ok", deviation ? "Approve ✓" : "Sign ✓", ready, half,
                     column.x + half + gap))
        ui.intents.emit(produce::SubmitSignature{});
    endColumn();
}

// Before the start: the procedure the run will follow, and Start.
void drawBeforeStart(const AppState& state, const ProduceState& produce, Ui& ui, ImVec2 min, ImVec2 max,
                     const Column& column) {
    drawCameraPreview(ui, min, ImVec2(column.x - ui.em(1.2f), max.y));
    beginColumn(column);
    promptLine(ui, produce.problem, "This recipe follows its procedure: start the run", column.width);
    label(ui, produce.product->name + " · " + amount(*produce.planned, produce.product->uom), ui.fonts.body,
          colour::textDim);
    const auto& procedure = *produce.procedure;
    caption(ui, "Procedure version " + std::to_string(procedure.version) + " · yield " + procedure.yieldMin + "–" +
                    procedure.yieldMax + " %");
    for (std::size_t i = 0; i < procedure.steps.size(); ++i) {
        storage::StepRecord step{.number = static_cast<int>(i + 1), .step = procedure.steps[i]};
        RowText row{stepTitle(step) + (step.step.verify ? " (verified)" : ""), "", "", ""};
        if (step.step.kind == storage::StepKind::Weigh) {
            const auto t = storage::weighTarget(step.step, procedure.per, *produce.planned);
            for (const auto& line : produce.lines)
                if (line.item.sku == step.step.component) row.value = amount(t.target, line.item.uom);
        }
        listRow(ui, "", row, column.width, ui.em(2.2f));
    }
    const bool loggedIn = state.userName.has_value();
    if (bottomButton(ui, column, "produce.start-batch", loggedIn ? "Start run ✓" : "Log in to start", loggedIn))
        ui.intents.emit(produce::StartBatch{});
    endColumn();
}

void drawDone(const ProduceState& produce, Ui& ui, const Column& column) {
    const auto& result = *produce.finished;
    const auto& product = *produce.product;
    std::vector<std::string> lines{product.name + " · " + amount(result.movement.quantity, product.uom)};
    if (produce.batch && produce.batch->record.finish)
        lines.push_back("Yield " + produce.batch->record.finish->value.value_or("?") + " % · " +
                        std::to_string(produce.batch->record.deviations.size()) + " deviations");
    lines.push_back((produce.outputExpiry ? "Use by " + storage::formatDate(*produce.outputExpiry) + " · " : "") +
                    "label due for printing");
    doneCard(ui, "✓ Finished as lot", result.lotCode, lines, column.width);
    const float gap = ui.em(0.5f), half = (column.width - gap) / 2;
    if (touchButton(ui, "produce.record", "Batch record", ImVec2(half, ui.em(3.0f)), ButtonKind::Secondary,
                    ui.fonts.title))
        ui.intents.emit(produce::ShowRecord{});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "produce.next", "Next run →", ImVec2(half, ui.em(3.0f)), ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(produce::Next{});
}

} // namespace

bool drawBatchProduce(const AppState& state, const ProduceState& produce, Ui& ui, ImVec2 min, ImVec2 max) {
    if (produce.record) {
        drawBatchRecord(ui, *produce.record, "produce", min, max,
                        {[&] { ui.intents.emit(produce::SaveRecord{}); },
                         [&] { ui.intents.emit(produce::CloseRecord{}); }});
        return true;
    }
    if (!produce.procedure || produce.step == ProduceStep::ChooseRecipe) return false;
    const Column column = splitScreen(ui, min, max);
    if (!produce.batch) {
        drawBeforeStart(state, produce, ui, min, max, column);
        return true;
    }
    const auto& batch = *produce.batch;
    if (batch.signing) {
        drawSigning(state, batch, ui, min, max, column);
        return true;
    }
    const ImVec2 leftMax(column.x - ui.em(1.2f), max.y);
    const auto* step = shownStep(batch);
    if (produce.step == ProduceStep::Done) {
        drawStepList(ui, batch, min, leftMax);
        beginColumn(column);
        drawDone(produce, ui, column);
        endColumn();
        return true;
    }
    if (step && step->step.kind == storage::StepKind::Weigh && !step->awaitsVerification)
        drawCameraPreview(ui, min, leftMax);
    else if (step && step->step.value && !step->awaitsVerification)
        drawValuePad(ui, batch, *step, min, leftMax);
    else
        drawStepList(ui, batch, min, leftMax);
    beginColumn(column);
    drawStepCard(produce, batch, ui, column);
    endColumn();
    return true;
}

} // namespace lotstation::station::ui
