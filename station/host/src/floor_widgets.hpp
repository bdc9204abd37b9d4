#pragma once
// Pieces shared by the floor screens (produce, ship, move, count): the camera-left / steps-right split, the
// prompt line, list rows, the big confirm at the bottom, the done card and a PIN pad. Draw-only, like every
// widget: they return what was tapped and the caller emits the intent.
#include "lotstation/station/workflows/lot_choices.hpp"
#include "lotstation/storage/model.hpp"
#include "ui_context.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::station::ui {

// The keypad's unit buttons for an item: kg and g for weighed things, l and ml for liquids, pieces.
[[nodiscard]] std::vector<QuantityUnit> unitsFor(storage::Uom uom);
// The unit a quantity of this size is best typed in (kg from 1 kg up).
[[nodiscard]] QuantityUnit unitFor(storage::Uom uom, std::int64_t typical);

// The right-hand column of a floor screen, beside the camera preview (or whatever the caller draws there).
struct Column {
    float x = 0, top = 0, width = 0, bottom = 0;
};
[[nodiscard]] Column splitScreen(Ui& ui, ImVec2 min, ImVec2 max, float leftShare = 0.45f);
// The camera preview on the left half of the body; the column beside it.
[[nodiscard]] Column besideCamera(Ui& ui, ImVec2 min, ImVec2 max);
// Starts drawing in the column (a group); endColumn closes it.
void beginColumn(const Column& column);
void endColumn();

// The last refusal (amber, with a warning sign) or else what to do next.
void promptLine(Ui& ui, const std::optional<std::string>& problem, std::string_view prompt, float width);

// A section caption in dim text.
void caption(Ui& ui, std::string_view text);

struct RowText {
    std::string title;  // bold, left
    std::string detail; // dim, under the title
    std::string value;  // bold, right
    std::string note;   // dim, under the value
};
// A list row; tappable when `id` is not empty. `accent` paints a stripe on the left (0: none).
bool listRow(Ui& ui, std::string_view id, const RowText& row, float width, float height,
             bool selected = false, ImU32 accent = 0);

// The big action at the bottom of the column, where a thumb rests. True when tapped.
bool bottomButton(Ui& ui, const Column& column, std::string_view id, std::string_view text, bool enabled,
                  float width = 0, float x = 0);
[[nodiscard]] float bottomButtonHeight(const Ui& ui);

// After a confirm: a green-edged card with a headline, the code as big as fits and a few lines.
void doneCard(Ui& ui, std::string_view headline, std::string_view code, const std::vector<std::string>& lines,
              float width);

// The lots to choose from, a page at a time with big up / down buttons (no thin scrollbar), filling the
// box. Rows have the ids "<prefix>.choice.<n>" (n counts from 0 over the whole list), the buttons
// "<prefix>.choices-up", "-down" and "-close".
struct ChooserEvents {
    std::function<void(const storage::StockLine&)> pick;
    std::function<void(int rows)> scroll;
    std::function<void()> close;
};
void lotChooser(Ui& ui, const LotChoices& choices, std::string_view title, std::string_view prefix,
                ImVec2 min, ImVec2 max, const ChooserEvents& events);

// Dots for the digits typed and a 4 × 3 pad whose keys have the ids of the quantity keypad ("keypad.7"), so
// scripts type a PIN with `type 2222`.
void pinPad(Ui& ui, const std::string& pin, ImVec2 min, ImVec2 max,
            const std::function<void(KeypadKey)>& onKey);

// Where the words above a PIN pad may go: their wrap width, and the lowest y they may reach so that the pad
// below keeps glove-sized keys (a longer statement takes a smaller font, never the bottom row of keys).
struct SigningSpace {
    float width = 0;
    float bottom = 0;
};

// How tall `text` stands in `font` wrapped at `width`.
[[nodiscard]] float wrappedHeight(ImFont* font, std::string_view text, float width);

// The largest of the title, bold and body fonts in which `text`, wrapped at space.width, ends above
// space.bottom when drawn from the cursor (the body font when none does).
[[nodiscard]] ImFont* fittingFont(Ui& ui, std::string_view text, const SigningSpace& space);

// The left half of every signing screen (a supervisor's approval, a batch step's signature, a QA signature):
// a panel with what is being signed on top, drawn by `words` in a group that wraps at the panel's edge, and
// the PIN pad below it (unless `withPad` is false: another pad is on screen).
void signingPanel(Ui& ui, ImVec2 min, ImVec2 max, const Column& column,
                  const std::function<void(const SigningSpace&)>& words, const std::string& pin,
                  const std::function<void(KeypadKey)>& onKey, bool withPad = true);

} // namespace lotstation::station::ui
