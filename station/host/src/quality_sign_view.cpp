// The Quality screen's signature dialog (quality_flow.hpp): the meaning in words over a PIN pad on the left;
// who signs, the reason, and for a rejection whether all of it or only part (the accepted and rejected
// quantities on the keypad) on the right.
#include "floor_widgets.hpp"
#include "quality_widgets.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include "lotstation/storage/quantity.hpp"

namespace lotstation::station::ui {
namespace {

bool rejecting(SignAction action) {
    return action == SignAction::Reject || action == SignAction::Partial;
}

std::string meaningOf(SignAction action) {
    switch (action) {
    case SignAction::Inspect:
        return "performed";
    case SignAction::Release:
        return "released";
    case SignAction::Partial:
        return "rejected and released"; // the statement above says which part is which
    case SignAction::Reject:
        break;
    }
    return "rejected";
}

// "Meaning: released; approved deviation": the meaning of the signature in words, and of a deviation with it.
std::string meaningLine(const SignDraft& sign) {
    const bool underDeviation = (sign.action == SignAction::Partial && sign.deviation) ||
                                (sign.action == SignAction::Release && sign.reason);
    return "Meaning: " + meaningOf(sign.action) + (underDeviation ? "; approved deviation" : "");
}

// Reject all / Accept part, then for a part the two quantities side by side, each opening the keypad.
void drawRejectChoice(const QualityState& quality, Ui& ui, float width) {
    const SignDraft& sign = *quality.sign;
    const float gap = ui.em(0.5f);
    const float half = (width - gap) / 2;
    const ImVec2 size(half, ui.em(2.4f));
    const bool partial = sign.action == SignAction::Partial;
    if (touchButton(ui, "quality.reject-all", "Reject all", size, partial ? ButtonKind::Secondary : ButtonKind::Selected))
        ui.intents.emit(quality::StartSign{SignAction::Reject});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "quality.accept-part", "Accept part", size, partial ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.intents.emit(quality::StartSign{SignAction::Partial});
    if (!partial || !quality.lot) return;
    const auto uom = quality.lot->item.uom;
    const auto shown = [&](const std::optional<Quantity>& q) {
        return q ? std::optional<std::string>(storage::formatQuantity(q->amount, uom)) : std::nullopt;
    };
    const QuantityUnit unit = unitFor(uom, quality.lot->onHand);
    if (compactField(ui, "quality.accept", "Accept", shown(sign.accept), "Tap to type", half))
        ui.intents.emit(intent::OpenKeypad{"Accepted of " + quality.lot->lot.code, unit, unitsFor(uom),
                                           replyQuantity<quality::SetAccept>()});
    ImGui::SameLine(0, gap);
    if (compactField(ui, "quality.reject-part", "Reject", shown(sign.reject), "Tap to type", half))
        ui.intents.emit(intent::OpenKeypad{"Rejected of " + quality.lot->lot.code, unit, unitsFor(uom),
                                           replyQuantity<quality::SetReject>()});
    // The accepted part is released, so a missing or failed test asks for a deviation, as Release does.
    if (quality.lot->problems.empty()) return;
    if (compactField(ui, "quality.deviation", "Deviation for the accepted part", sign.deviation,
                     "Tap to pick: a test is missing or failed", width))
        ui.intents.emit(intent::OpenPicker{"Why release the accepted part anyway?",
                                           qualityReasonOptions(deviationReasons()),
                                           replyLabel<quality::PickDeviation>()});
}

// A partial acceptance of a lot with a missing or failed test cannot be signed without its deviation.
bool deviationMissing(const QualityState& quality) {
    const SignDraft& sign = *quality.sign;
    return sign.action == SignAction::Partial && quality.lot && !quality.lot->problems.empty() && !sign.deviation;
}

} // namespace

void drawQualitySign(const AppState& state, const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max) {
    const SignDraft& sign = *quality.sign;
    const Column column = splitScreen(ui, min, max);
    // Under the quantity keypad (Accept part) the PIN pad waits: one set of digit keys on screen at a time.
    signingPanel(
        ui, min, max, column,
        [&](const SigningSpace& space) {
            label(ui, "Electronic signature", ui.fonts.bold, colour::textDim);
            // The statement, then its meaning under it: together they are what the PIN signs.
            const std::string quoted = "\"" + sign.statement + "\"";
            const std::string meaning = meaningLine(sign);
            const float below = wrappedHeight(ui.fonts.body, meaning, space.width) + ImGui::GetStyle().ItemSpacing.y;
            paragraph(ui, quoted, fittingFont(ui, quoted, SigningSpace{space.width, space.bottom - below}));
            paragraph(ui, meaning, ui.fonts.body, colour::textDim);
        },
        sign.pin, [&](KeypadKey key) { ui.intents.emit(quality::PinKey{key}); }, !state.keypad);

    beginColumn(column);
    std::string prompt = "Pick your name and type your PIN now: a badge alone is not a signature";
    if (sign.action == SignAction::Partial && quality.lot)
        prompt = storage::formatQuantity(quality.lot->onHand, quality.lot->item.uom) +
                 " on hand: type both parts, then sign";
    promptLine(ui, quality.problem, prompt, column.width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    const std::optional<std::string> printed =
        sign.signer ? std::optional<std::string>("Printed name: " + *sign.signer) : std::nullopt;
    if (compactField(ui, "quality.signer", "Signed by", printed, "Tap to pick your name", column.width))
        ui.intents.emit(intent::OpenPicker{"Who signs?", state.catalog.users, replyId<quality::PickSigner>()});
    const bool reject = rejecting(sign.action);
    const bool needsReason =
        reject || (sign.action == SignAction::Release && quality.lot && !quality.lot->problems.empty());
    if (needsReason) {
        if (compactField(ui, "quality.reason", reject ? "Reason for rejecting" : "Deviation (signed with its reason)",
                         sign.reason, "Tap to pick", column.width))
            ui.intents.emit(intent::OpenPicker{reject ? "Why reject?" : "Why release anyway?",
                                               qualityReasonOptions(reject ? rejectionReasons() : deviationReasons()),
                                               replyLabel<quality::PickReason>()});
    }
    if (reject) drawRejectChoice(quality, ui, column.width);
    ImGui::PopStyleVar();
    const float gap = ui.em(0.5f);
    const float half = (column.width - gap) / 2;
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.bottom - bottomButtonHeight(ui)));
    if (touchButton(ui, "quality.sign-cancel", "Cancel", ImVec2(half, bottomButtonHeight(ui))))
        ui.intents.emit(quality::CancelSign{});
    const bool split = sign.action != SignAction::Partial || (sign.accept && sign.reject);
    const bool ready =
        sign.signer && !sign.pin.empty() && (!needsReason || sign.reason) && split && !deviationMissing(quality);
    if (bottomButton(ui, column, "quality.sign", "Sign ✓", ready, half, column.x + half + gap))
        ui.intents.emit(quality::Sign{});
    endColumn();
}

} // namespace lotstation::station::ui
