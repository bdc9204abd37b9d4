#include "cairo_handles.hpp"
#include "label_painter.hpp"
#include "lotstation/labels/render.hpp"
#include "png_writer.hpp"

#include <cmath>
#include <cstring>

namespace lotstation::labels {

std::expected<Bytes, LabelError> renderPng(const LabelTemplate& tmpl, const LabelContent& content, int dpi) {
    if (dpi == 0) dpi = tmpl.dpi;
    if (dpi < 72 || dpi > 1200)
        return std::unexpected(
            LabelError{ErrorKind::Refused, "dpi " + std::to_string(dpi) + " is outside 72-1200"});
    auto resolved = resolveLabel(tmpl, content, dpi);
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

    // Black-on-white drawing leaves R = G = B: the green byte of each RGB24 pixel is its grey level.
    const int stride = cairo_image_surface_get_stride(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    std::vector<std::uint8_t> gray(static_cast<std::size_t>(width * height));
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + 4 * x, sizeof(pixel));
            gray[static_cast<std::size_t>(y * width + x)] = static_cast<std::uint8_t>((pixel >> 8) & 0xFF);
        }
    }
    Bytes png = encodeGrayPng(gray, width, height, width, dpi);
    return png;
}

} // namespace lotstation::labels
