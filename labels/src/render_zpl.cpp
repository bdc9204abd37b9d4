// ZPL II for Zebra thermal printers. The subset we write (see README "ZPL subset"):
//   ^XA ^XZ, ^CI28 (UTF-8), ^PW ^LL ^LH (label size and home), ^FO (position), ^A0 + ^FB (scalable font, text
//   block with lines and alignment), ^FH ^FD ^FS (field data with _XX hex escapes), ^BQ (QR, model 2), ^BY +
//   ^BC (Code 128; >; starts subset C, >8 is FNC1, >6 switches to subset B), ^BX (DataMatrix ECC 200 with #
//   as the escape character, #1 = FNC1), ^PQ (copies).
#include "lotstation/labels/render.hpp"
#include "resolved_label.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace lotstation::labels {

namespace {

class ZplWriter {
  public:
    explicit ZplWriter(int dpi) : m_dotsPerMm(dpi / 25.4) {}

    [[nodiscard]] int dots(double mm) const { return static_cast<int>(std::lround(mm * m_dotsPerMm)); }
    [[nodiscard]] double millimetres(int dots) const { return dots / m_dotsPerMm; }

    void command(std::string_view text) { m_out += text; }
    void command(std::string_view name, std::initializer_list<int> values) {
        m_out += name;
        bool first = true;
        for (int value : values) {
            if (!first) m_out += ',';
            m_out += std::to_string(value);
            first = false;
        }
    }
    void line() { m_out += '\n'; }

    // ^FH^FD…^FS with every byte ZPL could misread written as _XX.
    void escapedField(std::string_view data) {
        m_out += "^FH^FD";
        for (char c : data) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte >= 0x7F || c == '_' || c == '^' || c == '~' || c == '\\') {
                std::array<char, 4> hex{};
                std::snprintf(hex.data(), hex.size(), "_%02X", byte);
                m_out += hex.data();
            } else {
                m_out += c;
            }
        }
        m_out += "^FS";
    }
    void rawField(std::string_view data) {
        m_out += "^FD";
        m_out += data;
        m_out += "^FS";
    }

    [[nodiscard]] std::string take() { return std::move(m_out); }

  private:
    double m_dotsPerMm;
    std::string m_out;
};

std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Cuts to at most n code points.
std::string firstCodePoints(std::string_view text, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == n) return std::string(text.substr(0, i));
            ++count;
        }
    }
    return std::string(text);
}

// The printer lays the text out itself; we estimate with font 0's average advance (about 0.55 of its height),
// shrink towards the minimum size and cut with "..." so the ^FB block never needs more lines than allowed.
void writeField(ZplWriter& zpl, const ResolvedField& field) {
    const auto& spec = field.spec;
    const int widthDots = zpl.dots(spec.box.width);
    const int boxHeight = zpl.dots(spec.box.height);
    const double dotsPerPt = zpl.dots(100.0) / (100.0 * 72.0 / 25.4);
    const int lines =
        std::max(1, std::min(spec.maxLines, static_cast<int>(boxHeight / (spec.minFontSizePt * dotsPerPt))));
    int height = std::min(static_cast<int>(std::lround(spec.fontSizePt * dotsPerPt)), boxHeight / lines);
    const int minHeight = std::min(height, static_cast<int>(std::lround(spec.minFontSizePt * dotsPerPt)));
    auto capacity = [&](int h) {
        return static_cast<std::size_t>(widthDots / (0.55 * h)) * static_cast<std::size_t>(lines);
    };
    while (height > minHeight && capacity(height) < codePoints(field.text))
        --height;
    std::string text = field.text;
    if (codePoints(text) > capacity(height))
        text = firstCodePoints(text, capacity(height) > 3 ? capacity(height) - 3 : 0) + "...";
    const int top = zpl.dots(spec.box.y) + (boxHeight - height * lines) / 2;
    zpl.command("^FO", {zpl.dots(spec.box.x), top});
    zpl.command("^A0N,", {height, height});
    const char* align = spec.align == TextAlign::Center ? "C" : spec.align == TextAlign::Right ? "R" : "L";
    zpl.command("^FB", {widthDots, lines, 0});
    zpl.command(",");
    zpl.command(align);
    zpl.escapedField(text);
    zpl.line();
}

// Dots per module: the largest whole number that fits the symbol and its quiet zone in the box.
int moduleDots(const ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    if (code.matrix.height == 1) return zpl.dots(box.width) / across;
    return std::min(zpl.dots(box.width), zpl.dots(box.height)) / across;
}

void writeQr(ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    const int magnification = std::clamp(moduleDots(zpl, code), 1, 10);
    const int left = zpl.dots(box.x) + (zpl.dots(box.width) - magnification * across) / 2 +
                     magnification * code.matrix.quietZone;
    const int top = zpl.dots(box.y) + (zpl.dots(box.height) - magnification * across) / 2 +
                    magnification * code.matrix.quietZone;
    constexpr std::array<char, 4> kEcc{'L', 'M', 'Q', 'H'};
    zpl.command("^FO", {left, top});
    zpl.command("^BQN,", {2, magnification});
    // "MA," = error correction M, automatic data mode; ^FH keeps a '_' or '~' in the payload literal.
    zpl.escapedField(std::string(1, kEcc[static_cast<std::size_t>(code.spec.ecc)]) + "A," + code.data);
    zpl.line();
}

void writeHumanReadable(ZplWriter& zpl, const ResolvedCode& code, double stripMm) {
    ResolvedField field;
    field.spec.box = BoxMm{code.spec.box.x, code.spec.box.y + code.spec.box.height - stripMm,
                           code.spec.box.width, stripMm};
    field.spec.fontSizePt = 9;
    field.spec.minFontSizePt = 4;
    field.spec.align = TextAlign::Center;
    field.text = code.humanText;
    writeField(zpl, field);
}

void writeGs1_128(ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    const int module = std::max(1, moduleDots(zpl, code));
    const double stripMm = code.spec.humanReadable ? std::min(box.height * 0.25, 3.0) : 0.0;
    const int left =
        zpl.dots(box.x) + (zpl.dots(box.width) - module * across) / 2 + module * code.matrix.quietZone;
    zpl.command("^FO", {left, zpl.dots(box.y)});
    zpl.command("^BY", {module});
    zpl.command("^BCN,", {zpl.dots(box.height - stripMm)});
    zpl.command(",N,N,N");
    // Start in subset C with FNC1; the numeric AIs come in digit pairs; the lot goes in subset B unless it is
    // an even run of digits. In subset B a literal '>' is written "><".
    const std::string& data = code.data;
    // The element string is (01) GTIN-14, an optional (17)/(15) date, then (10) lot: see gs1ElementString.
    const bool hasDate = data.compare(16, 2, "10") != 0;
    const std::size_t numericLength = 16 + (hasDate ? 8 : 0) + 2;
    const std::string numeric = data.substr(0, numericLength);
    const std::string lot = data.substr(numericLength);
    const bool lotDigits = lot.size() % 2 == 0 &&
                           std::all_of(lot.begin(), lot.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::string field = ">;>8" + numeric;
    if (lotDigits) {
        field += lot;
    } else {
        field += ">6";
        for (char c : lot)
            field += c == '>' ? std::string("><") : std::string(1, c);
    }
    zpl.rawField(field);
    zpl.line();
    if (stripMm > 0) writeHumanReadable(zpl, code, stripMm);
}

void writeDataMatrix(ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    const int module = std::max(1, moduleDots(zpl, code));
    const int left =
        zpl.dots(box.x) + (zpl.dots(box.width) - module * across) / 2 + module * code.matrix.quietZone;
    const int top =
        zpl.dots(box.y) + (zpl.dots(box.height) - module * across) / 2 + module * code.matrix.quietZone;
    zpl.command("^FO", {left, top});
    zpl.command("^BXN,", {module, 200});
    zpl.command(",0,0,6,#,1");
    std::string field = "#1"; // FNC1 first: GS1 DataMatrix
    for (char c : code.data)
        field += c == '\x1D' ? std::string("#1") : std::string(1, c);
    zpl.rawField(field);
    zpl.line();
}

} // namespace

std::expected<std::string, LabelError> renderZpl(const LabelTemplate& tmpl,
                                                 std::span<const LabelContent> labels, int copies) {
    if (labels.empty())
        return std::unexpected(LabelError{LabelErrorKind::InvalidData, "no labels to render"});
    if (copies < 1 || copies > 9999)
        return std::unexpected(LabelError{LabelErrorKind::InvalidData, "copies must be between 1 and 9999"});
    ZplWriter zpl(tmpl.dpi);
    for (const auto& content : labels) {
        auto resolved = resolveLabel(tmpl, content);
        if (!resolved) return std::unexpected(resolved.error());
        zpl.command("^XA^CI28");
        zpl.command("^PW", {zpl.dots(tmpl.widthMm)});
        zpl.command("^LL", {zpl.dots(tmpl.heightMm)});
        zpl.command("^LH0,0");
        zpl.line();
        for (const auto& code : resolved->codes) {
            // The same floor as the raster renderer: GS1's 0.25 mm smallest module.
            if (zpl.millimetres(moduleDots(zpl, code)) < 0.245)
                return std::unexpected(
                    LabelError{LabelErrorKind::Render,
                               std::string(codeTypeName(code.spec.type)) +
                                   " code does not fit its box with modules of at least 0.25 mm at " +
                                   std::to_string(tmpl.dpi) +
                                   " dpi: make the box larger or the "
                                   "data shorter"});
            switch (code.spec.type) {
            case CodeType::Qr:
                writeQr(zpl, code);
                break;
            case CodeType::Gs1_128:
                writeGs1_128(zpl, code);
                break;
            case CodeType::Gs1DataMatrix:
                writeDataMatrix(zpl, code);
                break;
            }
        }
        for (const auto& field : resolved->fields)
            writeField(zpl, field);
        zpl.command("^PQ", {copies});
        zpl.command("^XZ");
        zpl.line();
    }
    return zpl.take();
}

} // namespace lotstation::labels
