#pragma once
// Widgets the lot screens (Look up, Recall, Stock & expiry, Labels) share: the coloured standing badge, a
// tappable or plain row of a list, a touch-scrolled list and a section heading.
#include "lotstation/station/workflows/lot_facts.hpp"
#include "lotstation/storage/time.hpp"
#include "ui_context.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace lotstation::station::ui {

// Green released, amber held or quarantined, red recalled or expired, grey used up; always with a word.
[[nodiscard]] ImU32 standingColour(LotStanding standing);
[[nodiscard]] ImU32 standingInk(LotStanding standing); // text colour on that fill

// A badge of the standing at the cursor; big for a card's headline, small in a row. Returns its width.
float standingBadge(Ui& ui, LotStanding standing, bool big, ImVec2 at);

struct LotRowText {
    std::string title;  // bold, left
    std::string detail; // dim, under the title
    std::string right;  // bold, right-aligned (a quantity)
    std::optional<LotStanding> standing;
};

// One row of a list at the cursor, full width. With an id it is a touch target (≥ 64 px) and returns true
// when tapped; without one it is only drawn.
bool listRow(Ui& ui, std::string_view id, const LotRowText& row, float width);

// A list that scrolls by dragging anywhere on it, as on a phone; `id` names it for scripts' `drag`.
void scrollList(Ui& ui, std::string_view id, ImVec2 size, const std::function<void(float width)>& rows);

// A small dim caption over a group of rows.
void sectionHeading(Ui& ui, std::string_view text);

// Picker options for reasons: the id a slug scripts can tap ("customer-complaint"), the label the reason.
[[nodiscard]] std::vector<PickerOption> reasonOptions(const std::vector<std::string>& reasons);

// The logged-in person's role, from the catalog's users; none when nobody is logged in.
[[nodiscard]] std::optional<storage::UserRole> roleOf(const AppState& state);

// "2026-11-24" or "-".
[[nodiscard]] std::string dateOrDash(const std::optional<storage::Date>& date);

} // namespace lotstation::station::ui
