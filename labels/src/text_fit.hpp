#pragma once
// Fitting a field's text into its box: shrink, wrap, then ellipsize (saying so) — never draw outside the box.
#include "lotstation/labels/label_template.hpp"

#include <cairo.h>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::labels {

struct FittedText {
    double fontSizeMm = 0;
    double ascentMm = 0;
    double lineHeightMm = 0;
    std::vector<std::string> lines;
    bool whole = true; // false when the text had to be ellipsized
};

// cr's user space is millimetres; the font is DejaVu Sans (bold when asked).
[[nodiscard]] FittedText fitText(cairo_t* cr, const FieldSpec& spec, std::string_view text);

// Draws fitted text inside box (clipped to it), vertically centred.
void drawFittedText(cairo_t* cr, const FittedText& fitted, const BoxMm& box, TextAlign align);

void selectLabelFont(cairo_t* cr, bool bold);

} // namespace lotstation::labels
