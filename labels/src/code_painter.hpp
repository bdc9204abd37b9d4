#pragma once
// Barcode symbols as filled rectangles: no antialiasing, and on raster output every module an exact whole
// number of pixels so edges stay crisp.
#include "lotstation/labels/label_error.hpp"
#include "resolved_label.hpp"

#include <cairo.h>
#include <expected>

namespace lotstation::labels {

[[nodiscard]] std::expected<void, LabelError> paintCode(cairo_t* cr, const ResolvedCode& code,
                                                        bool pixelSnap);

} // namespace lotstation::labels
