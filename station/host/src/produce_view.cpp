// The Produce screen: camera on the left (or the supervisor's PIN pad while they approve), the run's steps on
// the right: recipe and plan, each component with the lot to take first, the container just scanned, the
// output and Finish.
#include "batch_views.hpp"
#include "floor_widgets.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace lotstation::station::ui {
namespace {

std::string nameOf(const std::vector<PickerOption>& options, const std::string& id) {
    const auto found = std::ranges::find_if(options, [&](const PickerOption& o) { return o.id == id; });
    return found != options.end() ? found->label : id;
}

std::string amount(std::int64_t quantity, const storage::Item& item) {
    return storage::formatQuantity(quantity, item.uom);
}

bool complete(const ProduceLine& line) {
    return line.consumed >= line.needed;
}

std::string prompt(const ProduceState& produce) {
    if (produce.container)
        return produce.container->blocked() ? "Not this one: put it back, or ask a supervisor"
                                            : "Check the quantity, then tap Use";
    for (const auto& line : produce.lines)
        if (!complete(line)) return "Scan the container of " + line.item.name;
    return "All components used: check the output, then Finish";
}

void drawChoose(const AppState& state, const ProduceState& produce, Ui& ui, const Column& column) {
    promptLine(ui, produce.problem, "Pick what to make and how much", column.width);
    const auto& catalog = state.catalog;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    if (compactField(ui, "produce.recipe", "Recipe",
                     produce.product ? std::optional(produce.product->name) : std::nullopt, "Tap to pick",
                     column.width))
        ui.intents.emit(intent::OpenPicker{"What to make", catalog.recipes, replyId<produce::PickRecipe>()});
    std::optional<std::string> planned;
    if (produce.planned && produce.product) planned = amount(*produce.planned, *produce.product);
    if (compactField(ui, "produce.planned", "Planned output", planned,
                     produce.product ? "Tap to enter" : "Pick the recipe first", column.width,
                     produce.product.has_value())) {
        const auto uom = produce.product->uom;
        ui.intents.emit(intent::OpenKeypad{"Planned output",
                                           unitFor(uom, produce.recipe->outputQuantity), unitsFor(uom), replyQuantity<produce::SetPlanned>()});
    }
    if (!produce.openRuns.empty()) {
        ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
        caption(ui, "Runs left open: tap one to carry on");
        const std::size_t shown = std::min<std::size_t>(produce.openRuns.size(), 4);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& run = produce.openRuns[i];
            const RowText row{nameOf(catalog.items, run.sku), "started by " + run.operatorName, run.code, ""};
            if (listRow(ui, "produce.resume." + std::to_string(i), row, column.width, ui.em(2.7f), false,
                        colour::unknown))
                ui.intents.emit(produce::ResumeRun{run.code});
        }
    }
    ImGui::PopStyleVar();
}

// The lots this run already took of an item, as the operator scanned them.
std::string usedLots(const ProduceState& produce, const std::string& sku) {
    std::string lots;
    for (const auto& input : produce.consumed)
        if (input.sku == sku) lots += (lots.empty() ? "" : ", ") + input.movement.lot;
    return lots;
}

void drawLines(const ProduceState& produce, Ui& ui, float width) {
    const bool allDone = std::ranges::all_of(produce.lines, complete);
    caption(ui,
            allDone ? "Everything the recipe needs is used" : "Take these lots first: they expire soonest");
    bool nextMarked = false;
    for (const auto& line : produce.lines) {
        RowText row;
        row.title = (complete(line) ? "✓ " : "") + line.item.name;
        row.value = amount(line.consumed, line.item) + " / " + amount(line.needed, line.item);
        if (complete(line)) {
            row.detail = "used " + usedLots(produce, line.item.sku);
        } else if (line.takeFirst) {
            const auto& lot = line.takeFirst->lot;
            row.detail = lot.code;
            if (lot.expiry) row.detail += " · use by " + storage::formatDate(*lot.expiry);
        } else {
            row.detail = "none usable on hand";
        }
        // The next line to fill is framed, so the eye finds it at once.
        const bool next = !complete(line) && !nextMarked && !produce.container;
        nextMarked = nextMarked || next;
        const bool tappable = line.takeFirst && !produce.container && !complete(line);
        if (listRow(ui, tappable ? "produce.line." + line.item.sku : "", row, width, ui.em(2.75f), next,
                    complete(line) ? colour::accepted : colour::panelEdge))
            ui.intents.emit(produce::PickLot{line.takeFirst->lot.code});
    }
}

void drawContainer(const ProduceState& produce, const ContainerDraft& container, Ui& ui, float width) {
    const float pad = ui.em(0.7f);
    const float wrap = width - 2 * pad;
    const bool approved = container.approval.has_value();
    std::vector<std::string> problems;
    float problemsHeight = 0;
    for (const auto& problem : container.problems) {
        problems.push_back((approved ? "✓ approved: " : "✗ ") + problem.message);
        problemsHeight +=
            ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, wrap, problems.back().c_str()).y +
            ui.em(0.2f);
    }
    const ImVec2 size(width, ui.em(2.9f) + problemsHeight);
    const ImVec2 min = panel(size, colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 edge = container.blocked() ? colour::refused : (approved ? colour::unknown : colour::text);
    list->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), edge, ui.em(0.35f), 0, 3.0f);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + ui.em(0.3f)), colour::text,
             "Lot " + container.lot.code);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(1.5f)), colour::textDim,
             container.item.name + " · " + amount(container.onHand, container.item) + " at " +
                 container.location,
             wrap);
    float y = min.y + ui.em(2.8f);
    for (const auto& text : problems) {
        drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, y),
                 approved ? colour::unknown : colour::refused, text, wrap);
        y += ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, wrap, text.c_str()).y +
             ui.em(0.2f);
    }
    ImGui::Dummy(size);

    const float gap = ui.em(0.5f);
    const float half = (width - gap) / 2;
    if (container.blocked()) {
        if (touchButton(ui, "produce.override", "Supervisor…", ImVec2(half, ui.em(2.9f)), ButtonKind::Danger))
            ui.intents.emit(produce::AskApproval{});
        ImGui::SameLine(0, gap);
    } else {
        std::string caption = "Quantity to use";
        for (const auto& line : produce.lines)
            if (line.item.sku == container.item.sku && line.needed > line.consumed)
                caption += " (" + amount(line.needed - line.consumed, line.item) + " still needed)";
        if (compactField(ui, "produce.quantity", caption, amount(container.quantity, container.item), "",
                         width)) {
            const auto uom = container.item.uom;
            ui.intents.emit(intent::OpenKeypad{"Quantity of " + container.lot.code,
                                               unitFor(uom, container.quantity), unitsFor(uom), replyQuantity<produce::SetQuantity>(),
                                               true});
        }
    }
    if (touchButton(ui, "produce.drop", "Put back", ImVec2(container.blocked() ? half : width, ui.em(2.9f))))
        ui.intents.emit(produce::DropContainer{});
}

std::string finishDetail(const ProduceState& produce) {
    std::string detail;
    for (const auto& line : produce.lines)
        if (!complete(line))
            detail += (detail.empty() ? "" : "\n") + line.item.name + ": " +
                      amount(line.consumed, line.item) + " of " + amount(line.needed, line.item) + " used";
    return detail.empty() ? "Every component is used as planned." : detail;
}

void drawGathering(const AppState& state, const ProduceState& produce, Ui& ui, const Column& column) {
    promptLine(ui, produce.problem, prompt(produce), column.width);
    std::string heading = produce.product->name + " · " + amount(*produce.planned, *produce.product);
    if (produce.run) heading += " · run " + *produce.run;
    label(ui, heading, ui.fonts.body, colour::textDim);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.3f)));
    // A scanned container gets the room (its problems, its quantity, Use); the list comes back once it is
    // used or put back.
    if (produce.container)
        drawContainer(produce, *produce.container, ui, column.width);
    else
        drawLines(produce, ui, column.width);
    ImGui::PopStyleVar();

    const float gap = ui.em(0.5f);
    const float half = (column.width - gap) / 2;
    const bool loggedIn = state.userName.has_value();
    if (produce.container && !produce.container->blocked()) {
        if (bottomButton(ui, column, "produce.use", loggedIn ? "Use ✓" : "Log in to use", loggedIn))
            ui.intents.emit(produce::UseContainer{});
        return;
    }
    if (!produce.run || produce.container) return;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
    const std::int64_t output = produce.output.value_or(*produce.planned);
    if (compactField(ui, "produce.output", "Output made", amount(output, *produce.product), "", half)) {
        const auto uom = produce.product->uom;
        ui.intents.emit(
            intent::OpenKeypad{"Output made", unitFor(uom, output), unitsFor(uom), replyQuantity<produce::SetOutput>(), true});
    }
    if (bottomButton(ui, column, "produce.finish", loggedIn ? "Finish ✓" : "Log in", loggedIn, half,
                     column.x + half + gap))
        ui.intents.emit(intent::AskConfirm{
            ConfirmRequest{"Finish run " + *produce.run + " with " + amount(output, *produce.product) + "?",
                           finishDetail(produce), "Finish", "Not yet",
                           StationFlows::step(produce::Finish{})}});
}

void drawApproval(const AppState& state, const ProduceState& produce, Ui& ui, ImVec2 min, ImVec2 max,
                  const Column& column) {
    const ApprovalDraft& approval = *produce.approval;
    // Left: what is being approved, and the PIN pad.
    signingPanel(
        ui, min, max, column,
        [&](const SigningSpace&) {
            label(ui, "Supervisor approval", ui.fonts.title);
            if (produce.container)
                paragraph(ui, "Lot " + produce.container->lot.code + ": " + joinMessages(produce.container->problems),
                          ui.fonts.body, colour::refused);
        },
        approval.pin, [&](KeypadKey key) { ui.intents.emit(produce::PinKey{key}); });

    // Right: who approves and why.
    beginColumn(column);
    promptLine(ui, approval.problem,
               "Supervisor: pick your name or scan your badge, type your PIN, pick a reason", column.width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    if (compactField(ui, "produce.supervisor", "Supervisor", approval.supervisor,
                     "Tap to pick, or scan a badge", column.width))
        ui.intents.emit(intent::OpenPicker{"Who approves?", state.catalog.users, replyId<produce::PickSupervisor>()});
    if (compactField(ui, "produce.reason", "Reason", approval.reason, "Tap to pick", column.width)) {
        std::vector<PickerOption> reasons;
        for (const auto& reason : overrideReasons())
            reasons.push_back({reason.id, reason.text, "recorded on the movement"});
        ui.intents.emit(intent::OpenPicker{"Why use it anyway?", reasons, replyId<produce::PickReason>(), "Type another reason"});
    }
    ImGui::PopStyleVar();
    const float gap = ui.em(0.5f);
    const float half = (column.width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
    if (touchButton(ui, "produce.approval-cancel", "Cancel", ImVec2(half, bottomButtonHeight(ui))))
        ui.intents.emit(produce::CancelApproval{});
    const bool ready = approval.supervisor && approval.reason && !approval.pin.empty();
    if (bottomButton(ui, column, "produce.approve", "Approve ✓", ready, half, column.x + half + gap))
        ui.intents.emit(produce::SubmitApproval{});
    endColumn();
}

void drawDone(const ProduceState& produce, Ui& ui, const Column& column) {
    const auto& result = *produce.finished;
    const auto& product = *produce.product;
    std::vector<std::string> lines{product.name + " · " + amount(result.movement.quantity, product)};
    lines.push_back(
        (produce.outputExpiry ? "Use by " + storage::formatDate(*produce.outputExpiry) + " · " : "") + "at " +
        result.movement.to.value_or("?") + " · label due for printing");
    lines.push_back("Run " + result.run.code + " · " + std::to_string(produce.consumed.size()) +
                    " inputs recorded");
    doneCard(ui, "✓ Finished as lot", result.lotCode, lines, column.width);
    if (touchButton(ui, "produce.next", "Next run →", ImVec2(column.width, ui.em(3.0f)), ButtonKind::Primary,
                    ui.fonts.title))
        ui.intents.emit(produce::Next{});
}

} // namespace

void drawFlowBody(const AppState& state, const ProduceState& produce, Ui& ui, ImVec2 min, ImVec2 max) {
    if (drawBatchProduce(state, produce, ui, min, max)) return; // the run follows its procedure
    const Column column = splitScreen(ui, min, max);
    if (produce.approval) return drawApproval(state, produce, ui, min, max, column);
    drawCameraPreview(ui, min, ImVec2(column.x - ui.em(1.2f), max.y));
    beginColumn(column);
    switch (produce.step) {
    case ProduceStep::ChooseRecipe:
        drawChoose(state, produce, ui, column);
        break;
    case ProduceStep::Gathering:
        drawGathering(state, produce, ui, column);
        break;
    case ProduceStep::Done:
        drawDone(produce, ui, column);
        break;
    }
    endColumn();
}

} // namespace lotstation::station::ui
