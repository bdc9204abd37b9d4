#include "code_painter.hpp"

#include "text_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace lotstation::labels {

namespace {

// The box in the units modules are laid out in: device pixels when snapping, millimetres otherwise.
struct Frame {
    double x0 = 0;
    double y0 = 0;
    double width = 0;
    double height = 0;
};

Frame frameFor(cairo_t* cr, const BoxMm& box, bool pixelSnap) {
    if (!pixelSnap) return {box.x, box.y, box.width, box.height};
    double x0 = box.x;
    double y0 = box.y;
    double x1 = box.x + box.width;
    double y1 = box.y + box.height;
    cairo_user_to_device(cr, &x0, &y0);
    cairo_user_to_device(cr, &x1, &y1);
    // Inside the box on whole pixels: round the near edges up and the far edges down.
    const double left = std::ceil(x0 - 1e-6);
    const double top = std::ceil(y0 - 1e-6);
    return {left, top, std::floor(x1 + 1e-6) - left, std::floor(y1 + 1e-6) - top};
}

// The human-readable line under a linear code takes up to a quarter of the box, at most 3 mm.
double humanReadableHeightMm(const ResolvedCode& code) {
    return code.spec.humanReadable ? std::min(code.spec.box.height * 0.25, 3.0) : 0.0;
}

double moduleSize(double available, int modules, bool pixelSnap) {
    const double size = available / modules;
    return pixelSnap ? std::floor(size) : size;
}

// GS1's smallest X-dimension for GS1-128 and GS1 DataMatrix outside retail is 0.25 mm; finer modules print
// as mush on a thermal head and phones cannot resolve them at arm's length, so QR codes keep to it too.
constexpr double kMinModuleMm = 0.245;

LabelError tooSmall(const ResolvedCode& code, int modules) {
    std::array<char, 48> box{};
    std::snprintf(box.data(), box.size(), "%.1f x %.1f mm", code.spec.box.width, code.spec.box.height);
    return LabelError{
        ErrorKind::Refused,
        std::string(codeTypeName(code.spec.type)) + " code of " + std::to_string(modules) +
            " modules (quiet zone included) does not fit its " + box.data() +
            " box with modules of at least 0.25 mm at this resolution: make the box larger or the "
            "data shorter"};
}

// Dark runs of each row as rectangles in one path, filled once (no seams between neighbours).
void fillModules(cairo_t* cr, const ModuleMatrix& matrix, double left, double top, double moduleWidth,
                 double rowHeight) {
    for (int y = 0; y < matrix.height; ++y) {
        int x = 0;
        while (x < matrix.width) {
            if (!matrix.dark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < matrix.width && matrix.dark(x, y))
                ++x;
            cairo_rectangle(cr, left + start * moduleWidth, top + y * rowHeight, (x - start) * moduleWidth,
                            rowHeight);
        }
    }
    cairo_fill(cr);
}

std::expected<void, LabelError> paintMatrix(cairo_t* cr, const ResolvedCode& code, const Frame& frame,
                                            double unitsPerMm, bool pixelSnap) {
    const auto& matrix = code.matrix;
    const int across = matrix.width + 2 * matrix.quietZone;
    const int down = matrix.height + 2 * matrix.quietZone;
    const double module =
        std::min(moduleSize(frame.width, across, pixelSnap), moduleSize(frame.height, down, pixelSnap));
    if (module <= 0 || module < kMinModuleMm * unitsPerMm) return std::unexpected(tooSmall(code, across));
    // Centred in the box, quiet zone included, on whole units when snapping.
    double left = frame.x0 + (frame.width - module * across) / 2 + module * matrix.quietZone;
    double top = frame.y0 + (frame.height - module * down) / 2 + module * matrix.quietZone;
    if (pixelSnap) {
        left = std::floor(left);
        top = std::floor(top);
    }
    fillModules(cr, matrix, left, top, module, module);
    return {};
}

std::expected<void, LabelError> paintLinear(cairo_t* cr, const ResolvedCode& code, const Frame& frame,
                                            double unitsPerMm, bool pixelSnap) {
    const auto& matrix = code.matrix;
    const int across = matrix.width + 2 * matrix.quietZone;
    const double module = moduleSize(frame.width, across, pixelSnap);
    if (module <= 0 || module < kMinModuleMm * unitsPerMm) return std::unexpected(tooSmall(code, across));
    const double textHeight = humanReadableHeightMm(code) * unitsPerMm;
    double barHeight = frame.height - textHeight;
    if (pixelSnap) barHeight = std::floor(barHeight);
    double left = frame.x0 + (frame.width - module * across) / 2 + module * matrix.quietZone;
    if (pixelSnap) left = std::floor(left);
    fillModules(cr, matrix, left, frame.y0, module, barHeight);
    return {};
}

} // namespace

std::expected<void, LabelError> paintCode(cairo_t* cr, const ResolvedCode& code, bool pixelSnap) {
    const Frame frame = frameFor(cr, code.spec.box, pixelSnap);
    double unitsPerMm = 1;
    if (pixelSnap) {
        double dx = 1;
        double dy = 0;
        cairo_user_to_device_distance(cr, &dx, &dy);
        unitsPerMm = dx;
    }
    cairo_save(cr);
    if (pixelSnap) cairo_identity_matrix(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0, 0, 0);
    std::expected<void, LabelError> result = code.matrix.height == 1
                                                 ? paintLinear(cr, code, frame, unitsPerMm, pixelSnap)
                                                 : paintMatrix(cr, code, frame, unitsPerMm, pixelSnap);
    cairo_restore(cr);
    if (result && code.matrix.height == 1 && code.spec.humanReadable) {
        const auto& box = code.spec.box;
        const double strip = humanReadableHeightMm(code);
        FieldSpec spec;
        spec.box = BoxMm{box.x, box.y + box.height - strip, box.width, strip};
        spec.fontSizePt = 9;
        spec.minFontSizePt = 4;
        drawFittedText(cr, fitText(cr, spec, code.humanText), spec.box, TextAlign::Center);
    }
    return result;
}

} // namespace lotstation::labels
