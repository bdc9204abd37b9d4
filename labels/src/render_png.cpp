#include "cairo_handles.hpp"
#include "label_painter.hpp"
#include "lotstation/labels/render.hpp"

#include <cmath>

namespace lotstation::labels {

namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<Bytes*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

std::expected<Bytes, LabelError> renderPng(const LabelTemplate& tmpl, const LabelContent& content, int dpi) {
    if (dpi == 0) dpi = tmpl.dpi;
    if (dpi < 72 || dpi > 1200)
        return std::unexpected(
            LabelError{LabelErrorKind::Render, "dpi " + std::to_string(dpi) + " is outside 72-1200"});
    auto resolved = resolveLabel(tmpl, content);
    if (!resolved) return std::unexpected(resolved.error());

    const double pixelsPerMm = dpi / kMmPerInch;
    const int width = static_cast<int>(std::lround(tmpl.widthMm * pixelsPerMm));
    const int height = static_cast<int>(std::lround(tmpl.heightMm * pixelsPerMm));
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    CairoPtr cr(cairo_create(surface.get()));
    // The whole image white, including a last row the label's millimetres only partly cover.
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), pixelsPerMm, pixelsPerMm);
    if (auto painted = paintLabel(cr.get(), tmpl, *resolved, PaintOptions{true, false}); !painted)
        return std::unexpected(painted.error());
    cairo_surface_flush(surface.get());

    Bytes png;
    png.reserve(static_cast<std::size_t>(width * height / 4));
    if (cairo_surface_write_to_png_stream(surface.get(), appendBytes, &png) != CAIRO_STATUS_SUCCESS)
        return std::unexpected(LabelError{LabelErrorKind::Render, "cairo could not encode the PNG"});
    return png;
}

} // namespace lotstation::labels
