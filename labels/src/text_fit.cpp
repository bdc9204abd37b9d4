#include "text_fit.hpp"

#include "cairo_handles.hpp"

#include <algorithm>

namespace lotstation::labels {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6"; // U+2026

double textWidth(cairo_t* cr, const std::string& text) {
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    return extents.x_advance;
}

// Removes the last UTF-8 code point.
void popCodePoint(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) break; // stop after removing a lead or ASCII byte
    }
}

std::string ellipsize(cairo_t* cr, std::string text, double width) {
    if (textWidth(cr, text) <= width) return text;
    while (!text.empty()) {
        popCodePoint(text);
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        if (textWidth(cr, text + std::string(kEllipsis)) <= width) break;
    }
    return text + std::string(kEllipsis);
}

std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find(' ', start);
        const auto word = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
        if (!word.empty()) words.emplace_back(word);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return words;
}

// Greedy word wrap into at most maxLines; a word wider than the box is broken between code points. Returns
// false when the text did not fit (the rest is appended to the last line for ellipsizing).
bool wrap(cairo_t* cr, std::string_view text, double width, int maxLines, std::vector<std::string>& lines) {
    lines.clear();
    std::string current;
    auto words = splitWords(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string candidate = current.empty() ? words[i] : current + " " + words[i];
        if (textWidth(cr, candidate) <= width) {
            current = candidate;
            continue;
        }
        if (static_cast<int>(lines.size()) + 1 >=
            maxLines) { // no more lines: keep everything for the ellipsis
            lines.push_back(candidate);
            for (std::size_t j = i + 1; j < words.size(); ++j)
                lines.back() += " " + words[j];
            return false;
        }
        if (!current.empty()) {
            lines.push_back(current);
            current.clear();
            --i; // retry this word on the fresh line
            continue;
        }
        // A single word wider than the line: cut it where it stops fitting.
        std::string head = words[i];
        std::string tail;
        while (head.size() > 1 && textWidth(cr, head) > width) {
            const std::size_t before = head.size();
            popCodePoint(head);
            tail.insert(0, words[i].substr(head.size(), before - head.size()));
        }
        lines.push_back(head);
        words[i] = tail;
        if (!tail.empty()) --i;
    }
    if (!current.empty()) lines.push_back(current);
    return true;
}

} // namespace

void selectLabelFont(cairo_t* cr, bool bold) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
}

FittedText fitText(cairo_t* cr, const FieldSpec& spec, std::string_view text) {
    selectLabelFont(cr, spec.bold);
    cairo_set_font_size(cr, 1.0);
    cairo_font_extents_t unit;
    cairo_font_extents(cr, &unit);
    const double lineFactor = unit.ascent + unit.descent;
    const double width = spec.box.width;

    // Never taller than the box, whatever the template asks for.
    const double heightCap = spec.box.height / lineFactor;
    const double start = std::min(spec.fontSizePt / kPointsPerMm, heightCap);
    const double minimum = std::min(spec.minFontSizePt / kPointsPerMm, start);

    FittedText fitted;
    for (double size = start;; size = std::max(minimum, size * 0.92)) {
        cairo_set_font_size(cr, size);
        const int linesByHeight = std::max(1, static_cast<int>(spec.box.height / (size * lineFactor)));
        const int maxLines = std::min(spec.maxLines, linesByHeight);
        const bool fits = wrap(cr, text, width, maxLines, fitted.lines);
        fitted.fontSizeMm = size;
        fitted.ascentMm = unit.ascent * size;
        fitted.lineHeightMm = lineFactor * size;
        if (fits && std::all_of(fitted.lines.begin(), fitted.lines.end(),
                                [&](const std::string& line) { return textWidth(cr, line) <= width; }))
            return fitted;
        if (size <= minimum) break;
    }
    fitted.whole = false;
    for (auto& line : fitted.lines)
        line = ellipsize(cr, line, width);
    return fitted;
}

void drawFittedText(cairo_t* cr, const FittedText& fitted, const BoxMm& box, TextAlign align) {
    cairo_save(cr);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_clip(cr);
    cairo_set_font_size(cr, fitted.fontSizeMm);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const double blockHeight = fitted.lineHeightMm * static_cast<double>(fitted.lines.size());
    double baseline = box.y + std::max(0.0, (box.height - blockHeight) / 2) + fitted.ascentMm;
    for (const auto& line : fitted.lines) {
        double x = box.x;
        if (align != TextAlign::Left) {
            const double width = textWidth(cr, line);
            x += align == TextAlign::Center ? (box.width - width) / 2 : box.width - width;
        }
        cairo_move_to(cr, x, baseline);
        cairo_show_text(cr, line.c_str());
        baseline += fitted.lineHeightMm;
    }
    cairo_restore(cr);
}

} // namespace lotstation::labels
