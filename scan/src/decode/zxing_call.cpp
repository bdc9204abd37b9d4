#include "decode/zxing_call.hpp"

#include "lotstation/formats/gs1.hpp"
#include "decode/library_guard.hpp"

// Ask ZXing 1.4 for UTF-8 text (the std::wstring default is deprecated upstream).
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <algorithm>
#include <cmath>
#include <exception>
#include <opencv2/imgproc.hpp>

// Why the calls below look the way they do
// ----------------------------------------
// ZXing 1.4.0 (Debian 12) aborts the process in Result::operator== with `assert(lineCount() == 1)` whenever
// ReadBarcodes compares two *linear* results with the same format and content. ReadBarcodes does that for
// every result it is about to add (`Contains(results, r)`), and linear results always carry lineCount >= 2
// (minLineCount) after the row scanner merged them. Two ways to get there:
//   1. the downscale pyramid (tryDownscale, images over 500 px) finds the same 1D code at a second scale
//      -> the corpus image code128-1/4.png;
//   2. one scale holds two separate symbols with equal content (a sheet of identical labels).
// Matrix codes (QR, Data Matrix, PDF417) return before the assertion, so they are read with one call and
// several symbols. Linear codes are read one symbol per call (maxNumberOfSymbols = 1: then `results` is
// empty whenever Contains runs, in every pyramid layer), and after each hit the symbol is painted out of a
// private copy of the image and the call repeated. That finds every linear symbol ZXing would have found,
// duplicates included, without ever comparing two linear results inside the library.
//
// Any other assertion inside the library (and this one, should a path be missed) is caught by
// guardedCall (library_guard.hpp): the pass reads nothing and the decoder carries on.

namespace lotstation::scan::detail {
namespace {

struct FormatMapping {
    ZXing::BarcodeFormat zxing;
    Symbology ours;
};

constexpr FormatMapping kFormats[] = {
    {ZXing::BarcodeFormat::QRCode, Symbology::QrCode},
    {ZXing::BarcodeFormat::DataMatrix, Symbology::DataMatrix},
    {ZXing::BarcodeFormat::Code128, Symbology::Code128},
    {ZXing::BarcodeFormat::EAN13, Symbology::Ean13},
    {ZXing::BarcodeFormat::EAN8, Symbology::Ean8},
    {ZXing::BarcodeFormat::UPCA, Symbology::UpcA},
    {ZXing::BarcodeFormat::UPCE, Symbology::UpcE},
    {ZXing::BarcodeFormat::ITF, Symbology::Itf},
    {ZXing::BarcodeFormat::DataBar, Symbology::DataBar},
    {ZXing::BarcodeFormat::DataBarExpanded, Symbology::DataBarExpanded},
    {ZXing::BarcodeFormat::Code39, Symbology::Code39},
    {ZXing::BarcodeFormat::PDF417, Symbology::Pdf417},
};

Symbology toSymbology(ZXing::BarcodeFormat format) {
    for (const auto& m : kFormats)
        if (m.zxing == format) return m.ours;
    return Symbology::Unknown;
}

bool isMatrix(Symbology s) {
    return s == Symbology::QrCode || s == Symbology::DataMatrix || s == Symbology::Pdf417;
}

ZXing::BarcodeFormats toFormats(const SymbologySet& set, bool matrix) {
    ZXing::BarcodeFormats formats;
    for (const auto& m : kFormats)
        if (set.contains(m.ours) && isMatrix(m.ours) == matrix) formats |= m.zxing;
    return formats;
}

// The contract's text: UTF-8 text, raw bytes for binary content, GS1 as a raw element string.
std::string contentOf(const ZXing::Result& result, Symbology symbology) {
    const auto type = result.contentType();
    if (type == ZXing::ContentType::Binary || type == ZXing::ContentType::UnknownECI) {
        const auto& bytes = result.bytes();
        return {bytes.begin(), bytes.end()};
    }
    std::string text = result.text();
    if (symbology == Symbology::DataBar || symbology == Symbology::DataBarExpanded) {
        if (auto raw = lotstation::formats::elementStringFromHumanReadable(text)) return *raw;
        // DataBar Omnidirectional holds a GTIN only; its element string carries the implied AI 01.
        if (symbology == Symbology::DataBar && text.size() == 14 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return "01" + text;
    }
    return text;
}

Point mapPoint(const ZXing::PointI& p, const PassGeometry& g) {
    return {static_cast<int>(std::lround(p.x * g.scale)) + g.offsetX,
            static_cast<int>(std::lround(p.y * g.scale)) + g.offsetY};
}

ScannedCode toScannedCode(const ZXing::Result& result, const PassGeometry& geometry) {
    ScannedCode code;
    code.symbology = toSymbology(result.format());
    code.text = contentOf(result, code.symbology);
    code.symbologyId = result.symbologyIdentifier();
    const auto& pos = result.position();
    Quad quad;
    for (std::size_t i = 0; i < 4; ++i)
        quad.corners[i] = mapPoint(pos[static_cast<int>(i)], geometry);
    code.position = quad;
    return code;
}

ZXing::DecodeHints baseHints(const PassOptions& options) {
    ZXing::DecodeHints hints;
    hints.setTryHarder(options.tryHarder);
    hints.setTryRotate(options.tryRotate);
    hints.setBinarizer(options.threshold == Threshold::Local ? ZXing::Binarizer::LocalAverage
                                                             : ZXing::Binarizer::GlobalHistogram);
    hints.setReturnErrors(false);
    return hints;
}

ZXing::ImageView imageView(const GrayView& v) {
    return {v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.stride};
}

// ReadBarcodes behind the assertion guard: a failed assertion reads as "nothing found".
ZXing::Results readBarcodes(const GrayView& view, const ZXing::DecodeHints& hints) {
    ZXing::Results results;
    if (!guardedCall([&] { results = ZXing::ReadBarcodes(imageView(view), hints); })) return {};
    return results;
}

// Paints a found linear symbol white in `image`: the scanned lines' quadrilateral, stretched along the bars
// so the rows above and below the scanned ones cannot yield the same symbol again.
void paintOut(cv::Mat& image, const ZXing::Position& pos) {
    const cv::Point2d tl(pos.topLeft().x, pos.topLeft().y), tr(pos.topRight().x, pos.topRight().y);
    const cv::Point2d br(pos.bottomRight().x, pos.bottomRight().y),
        bl(pos.bottomLeft().x, pos.bottomLeft().y);
    cv::Point2d along = (tr - tl) + (br - bl);
    const double length = std::max(1.0, std::hypot(along.x, along.y) / 2);
    along *= 1.0 / (2 * length);
    const cv::Point2d across(-along.y, along.x);
    const double grow = 0.08 * length + 4;
    const double tall = 0.35 * length + 4;
    const cv::Point2d corners[4] = {tl - along * grow - across * tall, tr + along * grow - across * tall,
                                    br + along * grow + across * tall, bl - along * grow + across * tall};
    std::vector<cv::Point> poly;
    for (const auto& c : corners)
        poly.emplace_back(static_cast<int>(c.x), static_cast<int>(c.y));
    cv::fillConvexPoly(image, poly, cv::Scalar(255));
}

void readMatrix(const GrayView& view, const SymbologySet& set, const PassOptions& options,
                const PassGeometry& geometry, std::vector<ScannedCode>& out, bool* candidate) {
    const auto formats = toFormats(set, true);
    if (formats.empty()) return;
    auto hints = baseHints(options);
    hints.setFormats(formats);
    hints.setTryDownscale(options.tryDownscale);
    hints.setMaxNumberOfSymbols(static_cast<std::uint8_t>(std::clamp(options.maxSymbols, 1, 255)));
    if (candidate) hints.setReturnErrors(true);
    std::vector<ScannedCode> found;
    for (const auto& r : readBarcodes(view, hints)) {
        if (r.isValid())
            found.push_back(toScannedCode(r, geometry));
        else if (candidate)
            *candidate = true;
    }
    mergeCodes(out, std::move(found));
}

void readLinear(const GrayView& view, const SymbologySet& set, const PassOptions& options,
                const PassGeometry& geometry, std::vector<ScannedCode>& out) {
    const auto formats = toFormats(set, false);
    if (formats.empty()) return;
    auto hints = baseHints(options);
    hints.setFormats(formats);
    // Safe with one symbol per call, see the top of this file.
    hints.setTryDownscale(options.tryDownscale);
    hints.setMaxNumberOfSymbols(1);
    cv::Mat scratch; // private copy, made on the first hit
    GrayView current = view;
    for (int i = 0; i < options.maxSymbols; ++i) {
        const auto results = readBarcodes(current, hints);
        if (results.empty() || !results.front().isValid()) break;
        const auto& r = results.front();
        const std::size_t before = out.size();
        mergeCodes(out, {toScannedCode(r, geometry)});
        if (out.size() == before) break; // painted out but found again: nothing new to gain
        if (i + 1 == options.maxSymbols) break;
        if (scratch.empty()) {
            const cv::Mat original(view.height, view.width, CV_8UC1, const_cast<std::uint8_t*>(view.data),
                                   static_cast<std::size_t>(view.stride));
            scratch = original.clone();
            current = {scratch.data, scratch.cols, scratch.rows, static_cast<int>(scratch.step)};
        }
        paintOut(scratch, r.position());
    }
}

double centerX(const Quad& q) {
    double s = 0;
    for (const auto& c : q.corners)
        s += c.x;
    return s / 4;
}
double centerY(const Quad& q) {
    double s = 0;
    for (const auto& c : q.corners)
        s += c.y;
    return s / 4;
}
double extent(const Quad& q) {
    double e = 0;
    for (const auto& a : q.corners)
        for (const auto& b : q.corners)
            e = std::max(e, std::hypot(double(a.x - b.x), double(a.y - b.y)));
    return e;
}

bool sameSymbol(const ScannedCode& a, const ScannedCode& b) {
    if (a.symbology != b.symbology || a.text != b.text) return false;
    if (!a.position || !b.position) return true;
    const double d =
        std::hypot(centerX(*a.position) - centerX(*b.position), centerY(*a.position) - centerY(*b.position));
    // Same content whose centres lie within the larger symbol's extent: one symbol seen twice.
    return d < std::max({extent(*a.position), extent(*b.position), 8.0}) * 0.75;
}

} // namespace

SymbologySet matrixPart(const SymbologySet& set) {
    SymbologySet out;
    for (const auto& m : kFormats)
        if (isMatrix(m.ours) && set.contains(m.ours)) out.add(m.ours);
    return out;
}

SymbologySet linearPart(const SymbologySet& set) {
    SymbologySet out;
    for (const auto& m : kFormats)
        if (!isMatrix(m.ours) && set.contains(m.ours)) out.add(m.ours);
    return out;
}

void mergeCodes(std::vector<ScannedCode>& into, std::vector<ScannedCode> more) {
    for (auto& code : more) {
        const bool known =
            std::any_of(into.begin(), into.end(), [&](const ScannedCode& c) { return sameSymbol(c, code); });
        if (!known) into.push_back(std::move(code));
    }
}

std::vector<ScannedCode> readCodes(const GrayView& view, const SymbologySet& symbologies,
                                   const PassOptions& options, const PassGeometry& geometry,
                                   bool* matrixCandidate) {
    std::vector<ScannedCode> out;
    if (view.data == nullptr || view.width <= 0 || view.height <= 0) return out;
    try {
        readMatrix(view, symbologies, options, geometry, out, matrixCandidate);
        readLinear(view, symbologies, options, geometry, out);
    } catch (const std::exception&) {
        // ZXing rejects some inputs by throwing (e.g. sizes over 65535); a frame without codes is the
        // honest answer for those.
    }
    return out;
}

} // namespace lotstation::scan::detail
