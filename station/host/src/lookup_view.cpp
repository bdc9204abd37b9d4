#include "lot_widgets.hpp"
#include "quality_widgets.hpp"
#include "lotstation/storage/access.hpp"
#include "lotstation/storage/cost_rates.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "batch_views.hpp"
#include "floor_widgets.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

// A reason picked from the list goes to the flow as its label (the option id is a slug for scripts).
ChoiceReply reasonFor(StatusAction action) {
    return [action](const PickerOption& option) {
        return StationFlows::step(lookup::ChooseReason{action, option.label});
    };
}

std::string movementLine(const storage::Movement& m, storage::Uom uom) {
    std::string text = std::string(storage::toString(m.kind));
    if (m.quantity != 0) text += " " + storage::formatQuantity(m.quantity, uom);
    if (m.from && m.to)
        text += " " + *m.from + " → " + *m.to;
    else if (m.to)
        text += " to " + *m.to;
    else if (m.from)
        text += " from " + *m.from;
    if (m.party) text += " · " + *m.party;
    return text;
}

std::string whenWho(const storage::Movement& m) {
    const std::string at = storage::formatTimestamp(m.at);
    std::string text = at.substr(0, 10) + " " + at.substr(11, 5) + " · " + m.user;
    if (m.reason) text += " · " + *m.reason;
    return text;
}

void drawFacts(const LotCard& card, Ui& ui, float width) {
    const auto& lot = card.lot;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(lot.run ? "Made" : "Received", storage::formatDate(lot.originDate));
    rows.emplace_back("Use by", dateOrDash(lot.expiry));
    if (lot.supplier)
        rows.emplace_back("Supplier",
                          card.supplierName.value_or(*lot.supplier) + " · " + lot.supplierLot.value_or("-"));
    else if (lot.run)
        rows.emplace_back("Run", *lot.run);
    rows.emplace_back("On hand", storage::formatQuantity(card.onHand, card.item.uom));
    infoCard(ui, rows, width);
}

// The action bar under the card: hold or release, move, reprint; or the pending change to confirm.
void drawActions(const AppState& state, const LookupState& lookup, Ui& ui, float width) {
    const auto& card = *lookup.lot;
    const float gap = ui.em(0.5f), height = ui.em(2.8f);
    if (lookup.pending) {
        const bool hold = lookup.pending->action == StatusAction::Hold;
        paragraph(ui, std::string(hold ? "Put on hold" : "Release") + " because: " + lookup.pending->reason,
                  ui.fonts.bold, colour::unknown);
        const float half = (width - gap) / 2;
        if (touchButton(ui, "lookup.cancel-status", "Cancel", ImVec2(half, height)))
            ui.intents.emit(lookup::CancelStatus{});
        ImGui::SameLine(0, gap);
        const bool loggedIn = state.userName.has_value();
        const std::string text = !loggedIn ? "Log in first" : hold ? "Hold ✓" : "Release ✓";
        if (touchButton(ui, "lookup.confirm-status", text, ImVec2(half, height),
                        hold ? ButtonKind::Danger : ButtonKind::Primary, ui.fonts.title, loggedIn))
            ui.intents.emit(lookup::ConfirmStatus{});
        return;
    }
    const float third = (width - 2 * gap) / 3;
    const bool held = card.standing == LotStanding::OnHold || card.standing == LotStanding::Quarantine ||
                      card.standing == LotStanding::Recalled;
    const auto reasons = reasonOptions(held ? releaseReasons() : holdReasons());
    if (card.standing == LotStanding::Rejected) {
        // QC refused it: no hold or release applies; it leaves by scrap or return to the supplier.
        touchButton(ui, "lookup.rejected", "Scrap or return", ImVec2(third, height), ButtonKind::Secondary,
                    nullptr, false);
    } else if (held) {
        // The ledger refuses an operator's release anyway; the button says so before anyone tries.
        const auto role = roleOf(state);
        const bool mayRelease = role && storage::allowed(*role, storage::Action::Release);
        if (touchButton(ui, "lookup.release", mayRelease ? "Release…" : "Release: supervisor",
                        ImVec2(third, height), ButtonKind::Secondary, nullptr, mayRelease))
            ui.intents.emit(
                intent::OpenPicker{"Why release " + card.lot.code + "?", reasons, reasonFor(StatusAction::Release), "Type another reason"});
    } else if (touchButton(ui, "lookup.hold", "Hold…", ImVec2(third, height), ButtonKind::Danger)) {
        ui.intents.emit(intent::OpenPicker{"Why hold " + card.lot.code + "?", reasons, reasonFor(StatusAction::Hold), "Type another reason"});
    }
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "lookup.move", "Move →", ImVec2(third, height)))
        ui.intents.emit(intent::Navigate{Screen::Move});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "lookup.reprint", "Reprint label", ImVec2(third, height)))
        ui.intents.emit(lookup::Reprint{});
}

// What the lot cost: a produced lot's material, labour, overhead, total and per unit (lot_cost.hpp, as
// `lotstation cost` shows it); a received lot's unit cost.
void drawCost(const LotCard& card, Ui& ui, float width) {
    const auto perUnit = [&](storage::Micros amount) {
        return card.currency + " " + storage::formatUnitCost(amount, card.item.uom);
    };
    if (!card.cost) {
        if (card.lot.run) return;
        sectionHeading(ui, "What it cost");
        listRow(ui, "", {"Unit cost", "as received", card.lot.unitCost ? perUnit(*card.lot.unitCost) : "unknown", {}},
                width);
        return;
    }
    const auto& cost = *card.cost;
    sectionHeading(ui, "What it cost");
    const auto money = [&](storage::Micros amount) { return moneyText(amount, card.currency); };
    listRow(ui, "",
            {"Material", std::to_string(cost.material.size()) + (cost.material.size() == 1 ? " input lot" : " input lots"),
             money(cost.materialCost), {}},
            width);
    std::int64_t personSeconds = 0;
    for (const auto& line : cost.labour)
        personSeconds += line.seconds * line.people;
    listRow(ui, "",
            {"Labour", storage::formatDuration(personSeconds) + " of work" +
                           (cost.labour.empty() ? ", no rate" : ""),
             money(cost.labourCost), {}},
            width);
    listRow(ui, "",
            {"Overhead", std::to_string(cost.overhead.size()) + (cost.overhead.size() == 1 ? " rate" : " rates"),
             money(cost.overheadCost), {}},
            width);
    const std::string output = storage::formatQuantity(cost.output, cost.uom) + " made";
    if (cost.total) {
        listRow(ui, "", {"Total", output, money(*cost.total), {}}, width);
        if (cost.perUnit) listRow(ui, "", {"Per unit", "scrap stays in the batch", perUnit(*cost.perUnit), {}}, width);
    } else {
        listRow(ui, "", {"Total", cost.missing.empty() ? output : cost.missing.front(), "unknown", {}}, width);
    }
}

void drawCardLists(const LotCard& card, storage::Date today, bool showCost, Ui& ui, ImVec2 size) {
    scrollList(ui, "lookup.list", size, [&](float width) {
        sectionHeading(ui, "On hand by location");
        if (card.stock.empty()) label(ui, "Nothing on hand", ui.fonts.body, colour::textDim);
        for (const auto& line : card.stock)
            listRow(ui, "",
                    {line.locationName, line.location, storage::formatQuantity(line.quantity, line.uom), {}},
                    width);
        if (showCost) drawCost(card, ui, width);
        const auto lots = [&](const char* heading, const char* idPrefix,
                              const std::vector<storage::TraceLot>& related) {
            if (related.empty()) return;
            sectionHeading(ui, heading);
            int n = 0;
            for (const auto& lot : related) {
                const std::string detail = lot.itemName + (lot.supplierLot ? " · " + *lot.supplierLot : "");
                if (listRow(ui, idPrefix + std::to_string(++n),
                            {lot.code, detail, {}, standingOf(lot.status, lot.expiry, today)}, width))
                    ui.intents.emit(lookup::Open{lot.code});
            }
        };
        lots("Made from (tap to open)", "lookup.input.", card.inputs);
        lots("Made into (tap to open)", "lookup.output.", card.outputs);
        if (!card.shipments.empty()) {
            sectionHeading(ui, "Shipped to");
            for (const auto& s : card.shipments) {
                const std::string at = storage::formatTimestamp(s.at).substr(0, 10);
                listRow(ui, "",
                        {s.customerName,
                         at + " · " + s.reference.value_or(""),
                         storage::formatQuantity(s.quantity, s.uom),
                         {}},
                        width);
            }
        }
        drawQualitySections(ui, {card.inspections, card.signatures, card.documents}, width);
        sectionHeading(ui, "History, newest first");
        for (const auto& entry : card.history)
            listRow(ui, "",
                    {movementLine(entry.movement, card.item.uom) + (entry.reversedBy ? " (reversed)" : ""),
                     whenWho(entry.movement),
                     {},
                     {}},
                    width);
    });
}

void drawLotCard(const AppState& state, const LookupState& lookup, Ui& ui, ImVec2 min, ImVec2 max) {
    const auto& card = *lookup.lot;
    const float pad = ui.em(0.8f);
    const float leftWidth = (max.x - min.x) * 0.46f;
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(min.x + leftWidth);
    paragraph(ui, card.item.name, ui.fonts.bold, colour::textDim);
    ImFont* big = ui.fonts.display;
    if (big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, card.lot.code.c_str()).x > leftWidth)
        big = ui.fonts.title;
    label(ui, card.lot.code, big);
    ImGui::PopTextWrapPos();
    const ImVec2 badgeAt = ImGui::GetCursorScreenPos();
    const float badgeWidth = standingBadge(ui, card.standing, true, badgeAt);
    // Why it is held, next to the badge: the first thing the next person asks.
    if (!usable(card.standing))
        for (const auto& entry : card.history)
            if (entry.movement.kind == storage::MovementKind::Hold && entry.movement.reason) {
                ImDrawList* list = ImGui::GetWindowDrawList();
                const float x = badgeAt.x + badgeWidth + ui.em(0.6f);
                list->PushClipRect(ImVec2(x, badgeAt.y), ImVec2(min.x + leftWidth, badgeAt.y + ui.em(2.2f)),
                                   true);
                drawText(ui, list, ui.fonts.bold, ImVec2(x, badgeAt.y), colour::text, *entry.movement.reason);
                drawText(ui, list, ui.fonts.body, ImVec2(x, badgeAt.y + ui.em(1.1f)), colour::textDim,
                         "by " + entry.movement.user);
                list->PopClipRect();
                break;
            }
    ImGui::Dummy(ImVec2(leftWidth, ui.em(2.3f)));
    drawFacts(card, ui, leftWidth);
    if (lookup.problem) {
        ImGui::PushTextWrapPos(min.x + leftWidth);
        paragraph(ui, "⚠ " + *lookup.problem, ui.fonts.bold, colour::unknown);
        ImGui::PopTextWrapPos();
    }
    // The actions sit at the bottom edge, where a thumb rests.
    const float actionsHeight = lookup.pending ? ui.em(4.6f) : ui.em(2.8f);
    if (card.batchRecord && !lookup.pending) { // made following its procedure: its record opens here
        ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - actionsHeight - ui.em(3.3f)));
        if (touchButton(ui, "lookup.record", "Batch record", ImVec2(leftWidth, ui.em(2.8f))))
            ui.intents.emit(lookup::ShowRecord{});
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - actionsHeight));
    drawActions(state, lookup, ui, leftWidth);
    ImGui::EndGroup();

    const float listX = min.x + leftWidth + pad * 1.5f;
    ImGui::SetCursorScreenPos(ImVec2(listX, min.y));
    const auto role = roleOf(state);
    const bool showCost = role && storage::allowed(*role, storage::Action::SeeCosts);
    drawCardLists(card, lookup.today, showCost, ui, ImVec2(max.x - listX, max.y - min.y));
}

void drawLocationCard(const LocationCard& card, storage::Date today, Ui& ui, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup(); // keeps every line at the body's left edge
    label(ui, card.location.name, ui.fonts.title);
    label(ui, card.location.code + " · " + std::to_string(card.stock.size()) + " lot(s) stored here",
          ui.fonts.body, colour::textDim);
    ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    scrollList(ui, "lookup.list", ImVec2(max.x - min.x, max.y - at.y), [&](float width) {
        if (card.stock.empty()) label(ui, "Nothing stored here", ui.fonts.bold, colour::textDim);
        int n = 0;
        for (const auto& line : card.stock)
            if (listRow(ui, "lookup.stored." + std::to_string(++n),
                        {line.lot, line.itemName, storage::formatQuantity(line.quantity, line.uom),
                         standingOf(line.status, line.expiry, today)},
                        width))
                ui.intents.emit(lookup::Open{line.lot});
    });
    ImGui::EndGroup();
}

void drawWaiting(const AppState& state, const LookupState& lookup, Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = besideCamera(ui, min, max);
    const float x = column.x;
    const float width = column.width;
    beginColumn(column);
    ImGui::PushTextWrapPos(x + width);
    paragraph(ui, "Scan any label: a lot, a supplier's case, a location", ui.fonts.title);
    if (lookup.problem)
        paragraph(ui, "⚠ " + *lookup.problem, ui.fonts.bold, colour::unknown);
    else if (!lookup.read)
        paragraph(ui, "Nothing scanned yet. A handheld scanner works too.", ui.fonts.body, colour::textDim);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    if (compactField(ui, "lookup.item", "Or pick an item",
                     lookup.item ? std::optional(lookup.item->name) : std::nullopt,
                     "Tap to choose from the list", width))
        ui.intents.emit(intent::OpenPicker{"Look up an item", state.catalog.items, replyId<lookup::Open>()});
    if (!lookup.choices.empty()) {
        sectionHeading(ui, "Tap the lot");
        const ImVec2 at = ImGui::GetCursorScreenPos();
        scrollList(ui, "lookup.choices", ImVec2(width, max.y - at.y), [&](float rowWidth) {
            int n = 0;
            for (const auto& lot : lookup.choices)
                if (listRow(ui, "lookup.lot." + std::to_string(++n),
                            {lot.code, "use by " + dateOrDash(lot.expiry),
                             storage::formatQuantity(lot.onHand, lot.uom),
                             standingOf(lot.status, lot.expiry, lookup.today)},
                            rowWidth))
                    ui.intents.emit(lookup::Open{lot.code});
        });
    }
    ImGui::EndGroup();
}

} // namespace

void drawFlowBody(const AppState& state, const LookupState& lookup, Ui& ui, ImVec2 min, ImVec2 max) {
    if (lookup.record)
        return drawBatchRecord(ui, *lookup.record, "lookup", min, max,
                               {[&] { ui.intents.emit(lookup::SaveRecord{}); },
                                [&] { ui.intents.emit(lookup::CloseRecord{}); }});
    if (lookup.lot) return drawLotCard(state, lookup, ui, min, max);
    if (lookup.location) return drawLocationCard(*lookup.location, lookup.today, ui, min, max);
    drawWaiting(state, lookup, ui, min, max);
}

} // namespace lotstation::station::ui
