// The fields of each kind of record. Text opens the on-screen keyboard (a scanner or a hardware keyboard
// types into it too), choices open a picker, quantities the keypad.
#include "records_forms.hpp"

#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

std::optional<std::string> shown(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional(text);
}
std::optional<std::string> shown(const std::optional<std::string>& text) {
    return text && !text->empty() ? text : std::nullopt;
}

TextReply textReply(RecordField field) {
    return [field](const std::string& text) { return StationFlows::step(records::SetText{field, text}); };
}
ChoiceReply choiceReply(RecordField field) {
    return [field](const PickerOption& option) { return StationFlows::step(records::SetText{field, option.id}); };
}

std::vector<QuantityUnit> unitsFor(storage::Uom uom) {
    switch (uom) {
    case storage::Uom::Gram:
        return {QuantityUnit::Gram, QuantityUnit::Kilogram};
    case storage::Uom::Millilitre:
        return {QuantityUnit::Millilitre, QuantityUnit::Litre};
    case storage::Uom::Piece:
        break;
    }
    return {QuantityUnit::Piece};
}

// Fields in two columns, top to bottom then the next column.
struct Columns {
    ImVec2 min;
    float width;
    float gap;
    int perColumn;
    int placed = 0;
    void next() {
        const int column = placed / perColumn, line = placed % perColumn;
        ImGui::SetCursorScreenPos(ImVec2(min.x + static_cast<float>(column) * (width + gap),
                                         min.y + static_cast<float>(line) * rowHeight));
        ++placed;
    }
    float rowHeight = 0;
};

void text(Ui& ui, Columns& at, std::string_view id, std::string_view caption, const std::optional<std::string>& value,
          std::string_view hint, RecordField field, std::string keyboardHint, bool tappable = true,
          std::size_t max = 80) {
    at.next();
    if (compactField(ui, "records.field." + std::string(id), caption, value, hint, at.width, tappable))
        ui.intents.emit(intent::OpenKeyboard{std::string(caption), value.value_or(""), textReply(field),
                                             std::move(keyboardHint), max});
}

void choose(Ui& ui, Columns& at, std::string_view id, std::string_view caption, const std::string& value,
            std::vector<PickerOption> options, RecordField field) {
    at.next();
    if (compactField(ui, "records.field." + std::string(id), caption, value, "", at.width))
        ui.intents.emit(intent::OpenPicker{std::string(caption), std::move(options), choiceReply(field)});
}

void itemForm(const AppState& state, const RecordDraft& draft, Ui& ui, Columns& at) {
    const auto& item = draft.item;
    text(ui, at, "code", "SKU (the item's code)", shown(item.sku), "Tap to type, e.g. SHEA", RecordField::Code,
         "Letters, digits and - . / _", draft.isNew);
    text(ui, at, "name", "Name", shown(item.name), "What people call it", RecordField::Name, "");
    choose(ui, at, "kind", "Kind", storage::toString(item.kind),
           {{"raw", "Raw material", ""}, {"packaging", "Packaging", ""}, {"intermediate", "Intermediate", "made here, used here"},
            {"finished", "Finished good", "sold"}},
           RecordField::ItemKind);
    choose(ui, at, "unit", "Counted in", storage::toString(item.uom),
           {{"g", "g (weighed: g and kg)", ""}, {"ml", "ml (measured: ml and l)", ""}, {"pc", "pc (pieces)", ""}},
           RecordField::Unit);
    text(ui, at, "gtin", "GTIN (barcode)", shown(item.gtin), "Scan the barcode, or tap to type", RecordField::Gtin,
         "8, 12, 13 or 14 digits; or scan the barcode now", true, 14);
    text(ui, at, "shelf-life", "Shelf life in days",
         item.shelfLifeDays ? std::optional(std::to_string(*item.shelfLifeDays)) : std::nullopt, "None",
         RecordField::ShelfLife, "Days from production to use-by, e.g. 365", true, 5);
    std::vector<PickerOption> locations{{"", "None", "ask at each receipt"}};
    for (const auto& location : state.catalog.locations)
        locations.push_back(location);
    choose(ui, at, "location", "Put away at", item.defaultLocation.value_or("None"), locations,
           RecordField::DefaultLocation);
    at.next();
    const std::optional<std::string> reorder =
        item.reorderPoint ? std::optional(storage::formatQuantity(*item.reorderPoint, item.uom)) : std::nullopt;
    if (compactField(ui, "records.field.reorder", "Reorder point", reorder, "None", at.width)) {
        const auto units = unitsFor(item.uom);
        ui.intents.emit(intent::OpenKeypad{"Reorder point", units.front(), units, [](const Quantity& quantity) {
                                               return StationFlows::step(records::SetQuantity{RecordField::ReorderPoint, quantity});
                                           }});
    }
    choose(ui, at, "tracked", "Lot-tracked", item.lotTracked ? "yes" : "no",
           {{"yes", "Yes: every delivery and batch is a lot", ""}, {"no", "No: stock only", ""}}, RecordField::LotTracked);
}

void recipeForm(const AppState& state, const RecordDraft& draft, Ui& ui, Columns& at, float bottom) {
    const auto& recipe = draft.recipe;
    const auto nameOf = [&](const std::string& sku) {
        const auto found = draft.names.find(sku);
        return found == draft.names.end() ? sku : found->second;
    };
    const auto unitOf = [&](const std::string& sku) {
        const auto found = draft.units.find(sku);
        return found == draft.units.end() ? storage::Uom::Piece : found->second;
    };
    at.next();
    if (compactField(ui, "records.field.code", "Makes", recipe.sku.empty() ? std::nullopt : std::optional(nameOf(recipe.sku)),
                     "Tap to pick the item it makes", at.width, draft.isNew && recipe.sku.empty()))
        ui.intents.emit(intent::OpenPicker{"What does it make?", state.catalog.items, choiceReply(RecordField::Code)});
    at.next();
    const auto outputUnits = unitsFor(unitOf(recipe.sku));
    if (compactField(ui, "records.field.output", "Quantities below are for",
                     recipe.outputQuantity > 0 ? std::optional(storage::formatQuantity(recipe.outputQuantity, unitOf(recipe.sku)))
                                               : std::nullopt,
                     "Tap to type, e.g. 100 pc", at.width, !recipe.sku.empty()))
        ui.intents.emit(intent::OpenKeypad{"Output", outputUnits.front(), outputUnits, [](const Quantity& quantity) {
                                               return StationFlows::step(records::SetQuantity{RecordField::RecipeOutput, quantity});
                                           }});
    at.next();
    if (touchButton(ui, "records.add-component", "+ Component (or scan its label)", ImVec2(at.width, ui.em(2.9f)),
                    ButtonKind::Secondary, nullptr, !recipe.sku.empty()))
        ui.intents.emit(intent::OpenPicker{"Add a component", state.catalog.items, [](const PickerOption& option) {
                                               return StationFlows::step(records::AddComponent{option.id});
                                           }});
    // The components down the right column, scrolled by dragging when a recipe has more than fit.
    const ImVec2 listMin(at.min.x + at.width + at.gap, at.min.y);
    const ImVec2 listSize(at.width, std::max(at.rowHeight, bottom - listMin.y));
    ImGui::SetCursorScreenPos(listMin);
    ui.drawn.widget("records.components", Rect{listMin.x, listMin.y, listSize.x, listSize.y});
    ImGui::BeginChild("##components", listSize, false);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, ui.em(0.3f)))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    const float fieldWidth = listSize.x - ImGui::GetStyle().ScrollbarSize - ui.em(0.3f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, at.rowHeight - ui.em(2.9f)));
    for (const auto& component : recipe.components) {
        const std::string sku = component.sku;
        const auto units = unitsFor(unitOf(sku));
        if (compactField(ui, "records.component." + sku, nameOf(sku),
                         component.quantity > 0 ? std::optional(storage::formatQuantity(component.quantity, unitOf(sku)))
                                                : std::nullopt,
                         "Tap to type how much", fieldWidth))
            ui.intents.emit(intent::OpenKeypad{nameOf(sku), units.front(), units, [sku](const Quantity& quantity) {
                                                   return StationFlows::step(records::SetComponent{sku, quantity});
                                               }});
    }
    if (recipe.components.empty()) label(ui, "No components yet", ui.fonts.body, colour::textDim);
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

void partyForm(const RecordDraft& draft, Ui& ui, Columns& at, std::string_view what) {
    text(ui, at, "code", std::string(what) + " code", shown(draft.party.code), "Tap to type, e.g. OILCO", RecordField::Code,
         "Short and unique: it goes on receipts and in reports", draft.isNew);
    text(ui, at, "name", "Name", shown(draft.party.name), "The company's name", RecordField::Name, "");
}

void locationForm(const RecordDraft& draft, Ui& ui, Columns& at) {
    text(ui, at, "code", "Location code (on its label)", shown(draft.location.code), "Tap to type, e.g. SHELF-A",
         RecordField::Code, "Letters, digits and - . / _", draft.isNew);
    text(ui, at, "name", "Name", shown(draft.location.name), "e.g. Oils shelf", RecordField::Name, "");
    choose(ui, at, "location-kind", "Kind", storage::toString(draft.location.kind),
           {{"dock", "Dock", "deliveries arrive"}, {"store", "Store", "shelves"}, {"workstation", "Workstation", "production"},
            {"quarantine", "Quarantine", "waiting for QC"}, {"finished", "Finished goods", ""}, {"shipped", "Shipped", ""}},
           RecordField::LocationKind);
}

void userForm(const RecordDraft& draft, Ui& ui, Columns& at) {
    text(ui, at, "code", "Name (how they log in)", shown(draft.user.name), "Tap to type, e.g. olga", RecordField::Code,
         "One word, e.g. olga", draft.isNew, 40);
    choose(ui, at, "role", "Role", storage::toString(draft.user.role),
           {{"operator", "Operator", "records the floor's work"}, {"supervisor", "Supervisor", "also releases, recalls, approves"},
            {"qa", "QA", "releases quarantined lots"}, {"admin", "Admin", "also manages users"}},
           RecordField::Role);
    text(ui, at, "badge", "Badge code", shown(draft.user.badge), "Scan a badge, or tap to type", RecordField::Badge,
         "The code on their badge card");
    at.next();
    const std::string pin = draft.isNew ? "Chosen by them at their first log-in"
                            : draft.hasPin ? "Set" : "Not yet: chosen at their next log-in";
    compactField(ui, "records.field.pin", "PIN", pin, "", at.width, false);
}

void businessForm(const RecordDraft& draft, Ui& ui, Columns& at) {
    if (draft.setting == kCurrencySetting) {
        text(ui, at, "currency", "Currency (ISO 4217 code)", shown(draft.settingValue), "e.g. EUR", RecordField::Setting,
             "Three letters, e.g. EUR, USD, GBP, CHF", true, 3);
        return;
    }
    text(ui, at, "lot-codes", "Lot-code pattern", shown(draft.settingValue), "e.g. {SKU}-{YYMMDD}-{ST}{NN}",
         RecordField::Setting, "{SKU} {YYYY} {YY} {MM} {DD} {YYMMDD} {JJJ} day of year, {ST} station, {NN} counter", true,
         60);
    at.next();
    compactField(ui, "records.field.example", "Today's first lot would be",
                 draft.example.empty() ? std::nullopt : std::optional(draft.example), "—", at.width, false);
}

} // namespace

void drawRecordForm(const AppState& state, const RecordsState& records, const RecordDraft& draft, Ui& ui, ImVec2 min,
                    ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    ImGui::PushTextWrapPos(max.x);
    const std::string what(recordKindTitle(draft.kind));
    if (records.problem)
        paragraph(ui, "⚠ " + *records.problem, ui.fonts.bold, colour::unknown);
    else
        paragraph(ui, (draft.isNew ? "New in " : "Changing in ") + what + ": tap a box to fill it in", ui.fonts.bold);
    ImGui::PopTextWrapPos();
    const float gap = ui.em(0.8f);
    Columns at{ImVec2(min.x, ImGui::GetCursorScreenPos().y + ui.em(0.2f)), (max.x - min.x - gap) / 2, gap, 5};
    at.rowHeight = ui.em(2.9f) + ui.em(0.45f);
    switch (draft.kind) {
    case RecordKind::Item:
        itemForm(state, draft, ui, at);
        break;
    case RecordKind::Recipe:
        recipeForm(state, draft, ui, at, max.y - ui.em(2.8f) - ui.em(0.6f));
        break;
    case RecordKind::Supplier:
        partyForm(draft, ui, at, "Supplier");
        break;
    case RecordKind::Customer:
        partyForm(draft, ui, at, "Customer");
        break;
    case RecordKind::Location:
        locationForm(draft, ui, at);
        break;
    case RecordKind::User:
        userForm(draft, ui, at);
        break;
    case RecordKind::Business:
        businessForm(draft, ui, at);
        break;
    }
    // What changed lately, then the buttons along the bottom.
    const float buttonHeight = ui.em(2.8f);
    const float bottom = max.y - buttonHeight;
    float y = at.min.y + at.rowHeight * static_cast<float>(std::min(at.placed, at.perColumn)) + ui.em(0.2f);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float historyWidth = draft.kind == RecordKind::Recipe ? at.width : max.x - min.x; // beside the components
    for (const auto& change : records.history) {
        if (y + ui.em(1.2f) > bottom - ui.em(0.4f)) break;
        drawText(ui, list, ui.fonts.body, ImVec2(min.x, y), colour::textDim,
                 storage::formatTimestamp(change.at).substr(0, 16) + " · " + change.user + " · " + change.change + ": " +
                     change.details,
                 historyWidth);
        y += ui.em(1.2f);
    }
    const float third = (max.x - min.x - 2 * gap) / 3;
    ImGui::SetCursorScreenPos(ImVec2(min.x, bottom));
    if (touchButton(ui, "records.cancel", "Cancel", ImVec2(third, buttonHeight))) ui.intents.emit(records::Cancel{});
    ImGui::SameLine(0, gap);
    // An existing shelf's label or person's badge prints again (worn, lost); an admin resets a PIN.
    const bool reprint = !draft.isNew && (draft.kind == RecordKind::Location ||
                                          (draft.kind == RecordKind::User && draft.user.badge));
    const bool resetPin = draft.kind == RecordKind::User && !draft.isNew && draft.hasPin;
    const float middle = reprint && resetPin ? (third - gap) / 2 : third;
    if (reprint) {
        if (touchButton(ui, "records.print", draft.kind == RecordKind::Location ? "Print label" : "Print badge",
                        ImVec2(middle, buttonHeight)))
            ui.intents.emit(records::PrintLabel{});
        if (resetPin) ImGui::SameLine(0, gap);
    }
    if (resetPin) {
        if (touchButton(ui, "records.reset-pin", "Reset PIN", ImVec2(middle, buttonHeight), ButtonKind::Danger))
            ui.intents.emit(records::ResetPin{});
    }
    if (!reprint && !resetPin) ImGui::Dummy(ImVec2(third, buttonHeight));
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "records.save", records.backToReceipt ? "Save, back to Receive ✓" : "Save ✓",
                    ImVec2(third, buttonHeight), ButtonKind::Primary,
                    records.backToReceipt ? ui.fonts.bold : ui.fonts.title))
        ui.intents.emit(records::Save{});
}

} // namespace lotstation::station::ui
