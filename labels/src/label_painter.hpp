#pragma once
// Draws one resolved label with cairo. The caller sets up cr so that user space is millimetres with the
// origin at the label's top-left corner; the same code serves PNG (pixelSnap: codes on whole device pixels)
// and PDF.
#include "lotstation/labels/label_error.hpp"
#include "resolved_label.hpp"

#include <cairo.h>
#include <expected>

namespace lotstation::labels {

struct PaintOptions {
    bool pixelSnap = false;      // raster output: module edges on device pixel boundaries
    bool whiteBackground = true; // paint the label's area white first
};

[[nodiscard]] std::expected<void, LabelError>
paintLabel(cairo_t* cr, const LabelTemplate& tmpl, const ResolvedLabel& label, const PaintOptions& options);

} // namespace lotstation::labels
