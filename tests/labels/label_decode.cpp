#include "label_decode.hpp"

#include "lotstation/scan/decoder.hpp"
#include "lotstation/scan/frame.hpp"

#include <algorithm>
#include <cairo.h>
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <memory>
#include <stdexcept>

namespace lotstation::labels::test {

namespace {

struct PngReader {
    const Bytes* bytes;
    std::size_t offset = 0;
};

cairo_status_t readChunk(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->offset + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reader->bytes->data() + reader->offset, length);
    reader->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

struct Gray {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

Gray toGray(cairo_surface_t* surface) {
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot read PNG");
    cairo_surface_flush(surface);
    Gray gray;
    gray.width = cairo_image_surface_get_width(surface);
    gray.height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    gray.pixels.resize(static_cast<std::size_t>(gray.width * gray.height));
    for (int y = 0; y < gray.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
        for (int x = 0; x < gray.width; ++x) {
            const std::uint32_t argb = row[x];
            const auto r = (argb >> 16) & 0xFF;
            const auto g = (argb >> 8) & 0xFF;
            const auto b = argb & 0xFF;
            gray.pixels[static_cast<std::size_t>(y * gray.width + x)] =
                static_cast<std::uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
        }
    }
    return gray;
}

Gray readPng(const Bytes& png) {
    PngReader reader{&png};
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create_from_png_stream(readChunk, &reader), cairo_surface_destroy);
    return toGray(surface.get());
}

std::string formatName(scan::Symbology symbology) {
    switch (symbology) {
    case scan::Symbology::QrCode:
        return "QRCode";
    case scan::Symbology::DataMatrix:
        return "DataMatrix";
    case scan::Symbology::Code128:
        return "Code128";
    default:
        return "other";
    }
}

// Through our own scan pipeline (scan::decodeStill), as the station reads a label held up to its camera.
std::vector<DecodedCode> decodeGray(const Gray& gray) {
    const auto frame = scan::makeFrame(gray.width, gray.height, scan::PixelFormat::Gray8, gray.pixels);
    std::vector<DecodedCode> decoded;
    for (const auto& code : scan::decodeStill(frame)) {
        decoded.push_back({code.text, code.symbologyId, formatName(code.symbology)});
    }
    return decoded;
}

std::vector<DecodedCode> decodeWithBoxes(const Gray& gray, int dpi, const std::vector<BoxMm>& boxes) {
    auto decoded = decodeGray(gray);
    const double pxPerMm = dpi / 25.4;
    for (const auto& box : boxes) {
        const int x0 = std::clamp(static_cast<int>(box.x * pxPerMm), 0, gray.width);
        const int y0 = std::clamp(static_cast<int>(box.y * pxPerMm), 0, gray.height);
        const int x1 = std::clamp(static_cast<int>(std::ceil((box.x + box.width) * pxPerMm)), x0, gray.width);
        const int y1 = std::clamp(static_cast<int>(std::ceil((box.y + box.height) * pxPerMm)), y0, gray.height);
        if (x1 - x0 < 8 || y1 - y0 < 8) continue;
        Gray cut;
        cut.width = x1 - x0;
        cut.height = y1 - y0;
        for (int y = y0; y < y1; ++y)
            cut.pixels.insert(cut.pixels.end(), gray.pixels.begin() + y * gray.width + x0,
                              gray.pixels.begin() + y * gray.width + x1);
        for (auto& code : decodeGray(cut))
            decoded.push_back(std::move(code));
    }
    return decoded;
}

} // namespace

std::vector<DecodedCode> decodePngWithBoxes(const Bytes& png, int dpi, const std::vector<BoxMm>& boxes) {
    return decodeWithBoxes(readPng(png), dpi, boxes);
}

std::vector<DecodedCode> decodePngFileWithBoxes(const std::filesystem::path& file, int dpi,
                                                const std::vector<BoxMm>& boxes) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create_from_png(file.c_str()), cairo_surface_destroy);
    return decodeWithBoxes(toGray(surface.get()), dpi, boxes);
}

std::vector<DecodedCode> decodePng(const Bytes& png) {
    return decodeGray(readPng(png));
}

std::vector<DecodedCode> decodeMatrix(const ModuleMatrix& matrix, int scale) {
    const int quiet = std::max(matrix.quietZone, 2);
    const int rows = matrix.height == 1 ? 40 / scale : matrix.height;
    Gray gray;
    gray.width = (matrix.width + 2 * quiet) * scale;
    gray.height = (rows + 2 * quiet) * scale;
    gray.pixels.assign(static_cast<std::size_t>(gray.width * gray.height), 255);
    for (int y = 0; y < rows * scale; ++y) {
        for (int x = 0; x < matrix.width * scale; ++x) {
            const bool dark = matrix.dark(x / scale, matrix.height == 1 ? 0 : y / scale);
            if (dark)
                gray.pixels[static_cast<std::size_t>((y + quiet * scale) * gray.width + x + quiet * scale)] =
                    0;
        }
    }
    return decodeGray(gray);
}

std::vector<DecodedCode> decodePngFile(const std::filesystem::path& file) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create_from_png(file.c_str()), cairo_surface_destroy);
    return decodeGray(toGray(surface.get()));
}

std::vector<std::vector<DecodedCode>> decodeSheetPage(const std::filesystem::path& file,
                                                      const SheetLayout& sheet, int dpi) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create_from_png(file.c_str()), cairo_surface_destroy);
    const Gray page = toGray(surface.get());
    const double pxPerMm = dpi / 25.4;
    std::vector<std::vector<DecodedCode>> cells;
    for (int row = 0; row < sheet.rows; ++row) {
        for (int column = 0; column < sheet.columns; ++column) {
            const int x0 = static_cast<int>((sheet.marginLeftMm + column * sheet.pitchXMm) * pxPerMm);
            const int y0 = static_cast<int>((sheet.marginTopMm + row * sheet.pitchYMm) * pxPerMm);
            const int w = std::min(static_cast<int>(sheet.labelWidthMm * pxPerMm), page.width - x0);
            const int h = std::min(static_cast<int>(sheet.labelHeightMm * pxPerMm), page.height - y0);
            Gray cell;
            cell.width = w;
            cell.height = h;
            cell.pixels.resize(static_cast<std::size_t>(w * h));
            for (int y = 0; y < h; ++y) {
                std::copy_n(page.pixels.begin() + (y0 + y) * page.width + x0, w, cell.pixels.begin() + y * w);
            }
            cells.push_back(decodeGray(cell));
        }
    }
    return cells;
}

const TemplateSet& shippedTemplates() {
    static const TemplateSet set = [] { // loaded once per test run; read-only afterwards
        const std::vector<std::filesystem::path> dirs{std::filesystem::path(LOTSTATION_SOURCE_DIR) /
                                                      "assets" / "labels"};
        auto loaded = loadTemplates(dirs);
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return *loaded;
    }();
    return set;
}

const LabelTemplate& shippedTemplate(std::string_view name) {
    const auto* found = shippedTemplates().findTemplate(name);
    if (!found) throw std::runtime_error("no shipped template " + std::string(name));
    return *found;
}

LotLabelData sampleLot() {
    using namespace std::chrono;
    LotLabelData lot;
    lot.itemName = "Lavender & Oatmeal Soap";
    lot.sku = "SOAP-LAV";
    lot.lotCode = "LAV-261124-01";
    lot.produced = year{2026} / November / 24;
    lot.expiry = year{2027} / November / 24;
    lot.quantity = "48 bars";
    lot.supplierLot = "";
    lot.freeText = "Cure 4 weeks before sale";
    return lot;
}

LotLabelData sampleLotWithGtin() {
    LotLabelData lot = sampleLot();
    lot.gtin = "09506000134352";
    return lot;
}

int darkPixelsOutside(const Bytes& png, int dpi, const std::vector<BoxMm>& boxes) {
    const Gray gray = readPng(png);
    const double pxPerMm = dpi / 25.4;
    int outside = 0;
    for (int y = 0; y < gray.height; ++y) {
        for (int x = 0; x < gray.width; ++x) {
            if (gray.pixels[static_cast<std::size_t>(y * gray.width + x)] >= 128) continue;
            const double xMm = (x + 0.5) / pxPerMm;
            const double yMm = (y + 0.5) / pxPerMm;
            bool inside = false;
            for (const auto& box : boxes) {
                inside = inside || (xMm >= box.x - 0.2 && xMm <= box.x + box.width + 0.2 &&
                                    yMm >= box.y - 0.2 && yMm <= box.y + box.height + 0.2);
            }
            if (!inside) ++outside;
        }
    }
    return outside;
}

int midtonePixels(const Bytes& png) {
    const Gray gray = readPng(png);
    return static_cast<int>(std::count_if(gray.pixels.begin(), gray.pixels.end(),
                                          [](std::uint8_t value) { return value != 0 && value != 255; }));
}

scan::Meaning interpretCode(const DecodedCode& code) {
    return scan::interpret(code.text, code.symbologyId, scan::InterpretOptions{std::chrono::year{2026}});
}

} // namespace lotstation::labels::test
