// ZPL II for Zebra thermal printers. The subset we write (see README "ZPL subset"):
//   ^XA ^XZ, ^CI28 (UTF-8), ^PW ^LL ^LH ^LS ^FW ^LR ^PO ^PM (label size, home and every setting a printer
//   would otherwise keep from an earlier job), ^FO (position), ^A0 + ^FB (scalable font, text block with
//   lines and alignment, \& for our own line breaks), ^FH ^FD ^FS (field data with _XX hex escapes), ^BQ (QR,
//   model 2; ^GFA, a bitmap of our own symbol, where it would need a magnification over 10), ^BY + ^BC (Code
//   128 in mode N, the PNG symbol's own values written as invocation codes: >; >: >9 start C / B / A, >5 >6 >7
//   switch to C / B / A, >8 FNC1, >0 '>', >< '^', >= '~'), ^BX (DataMatrix ECC 200; GS1 ones with # as the
//   escape character, #1 = FNC1), ^PQ (copies), ^RS ^RFW (the RFID tag of a template with "rfid").
#include "code128_values.hpp"
#include "lotstation/labels/render.hpp"
#include "resolved_label.hpp"
#include "zpl_rfid.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

namespace lotstation::labels {

namespace {

class ZplWriter {
  public:
    explicit ZplWriter(int dpi) : m_dpi(dpi), m_dotsPerMm(dpi / 25.4) {}

    [[nodiscard]] int dpi() const { return m_dpi; }
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
        escape(data);
        m_out += "^FS";
    }
    // The same, lines joined by ^FB's line break \&.
    void escapedLines(const std::vector<std::string>& lines) {
        m_out += "^FH^FD";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) m_out += "\\&";
            escape(lines[i]);
        }
        m_out += "^FS";
    }
    void escape(std::string_view data) {
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
    }
    void rawField(std::string_view data) {
        m_out += "^FD";
        m_out += data;
        m_out += "^FS";
    }

    [[nodiscard]] std::string take() { return std::move(m_out); }

  private:
    int m_dpi;
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
// A field that must print whole (the lot code) is never cut: it shrinks, then is broken into lines by us
// (the printer wraps only at spaces), and is refused when even that cannot fit.
std::expected<void, LabelError> writeField(ZplWriter& zpl, const ResolvedField& field) {
    const auto& spec = field.spec;
    const int widthDots = zpl.dots(spec.box.width);
    const int boxHeight = zpl.dots(spec.box.height);
    const double dotsPerPt = zpl.dots(100.0) / (100.0 * 72.0 / 25.4);
    const char* align = spec.align == TextAlign::Center ? "C" : spec.align == TextAlign::Right ? "R" : "L";
    const int startHeight = std::min(static_cast<int>(std::lround(spec.fontSizePt * dotsPerPt)), boxHeight);
    const int smallest = std::min(startHeight, static_cast<int>(std::lround(spec.minFontSizePt * dotsPerPt)));
    auto perLine = [&](int h) { return static_cast<std::size_t>(widthDots / (0.55 * h)); };
    if (mustPrintWhole(spec)) {
        const std::size_t length = codePoints(field.text);
        for (int height = startHeight; height >= std::max(1, smallest); --height) {
            const std::size_t per = perLine(height);
            const int linesByHeight = std::min(spec.maxLines, boxHeight / height);
            if (per == 0 || linesByHeight < 1) continue;
            const int lines = static_cast<int>((length + per - 1) / per);
            if (lines > linesByHeight) continue;
            std::vector<std::string> parts;
            std::string_view rest = field.text;
            for (int i = 0; i < lines; ++i) {
                const std::string part = firstCodePoints(rest, per);
                rest.remove_prefix(part.size());
                parts.push_back(part);
            }
            const int top = zpl.dots(spec.box.y) + (boxHeight - height * lines) / 2;
            zpl.command("^FO", {zpl.dots(spec.box.x), top});
            zpl.command("^A0N,", {height, height});
            zpl.command("^FB", {widthDots, lines, 0});
            zpl.command(",");
            zpl.command(align);
            zpl.escapedLines(parts);
            zpl.line();
            return {};
        }
        return std::unexpected(LabelError{
            ErrorKind::Refused, "'" + field.text + "' does not fit the " + spec.field +
                                        " field of this template at " + std::to_string(zpl.dpi()) +
                                        " dpi, even at its smallest size on " + std::to_string(spec.maxLines) +
                                        " line(s): it is never printed cut; use a larger template"});
    }
    const int lines =
        std::max(1, std::min(spec.maxLines, static_cast<int>(boxHeight / (spec.minFontSizePt * dotsPerPt))));
    int height = std::min(startHeight, boxHeight / lines);
    const int minHeight = std::min(height, smallest);
    auto capacity = [&](int h) { return perLine(h) * static_cast<std::size_t>(lines); };
    while (height > minHeight && capacity(height) < codePoints(field.text))
        --height;
    std::string text = field.text;
    if (codePoints(text) > capacity(height))
        text = firstCodePoints(text, capacity(height) > 3 ? capacity(height) - 3 : 0) + "...";
    const int top = zpl.dots(spec.box.y) + (boxHeight - height * lines) / 2;
    zpl.command("^FO", {zpl.dots(spec.box.x), top});
    zpl.command("^A0N,", {height, height});
    zpl.command("^FB", {widthDots, lines, 0});
    zpl.command(",");
    zpl.command(align);
    zpl.escapedField(text);
    zpl.line();
    return {};
}

// Dots per module: the largest whole number that fits the symbol and its quiet zone in the box.
int moduleDots(const ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    if (code.matrix.height == 1) return zpl.dots(box.width) / across;
    return std::min(zpl.dots(box.width), zpl.dots(box.height)) / across;
}

// The symbol's own modules as a ^GFA bitmap, module x module dots each.
void writeBitmap(ZplWriter& zpl, const ModuleMatrix& matrix, int module, int left, int top) {
    const int widthDots = matrix.width * module;
    const int rowBytes = (widthDots + 7) / 8;
    const int total = rowBytes * matrix.height * module;
    std::string hex;
    hex.reserve(static_cast<std::size_t>(total) * 2);
    constexpr std::string_view kDigits = "0123456789ABCDEF";
    for (int y = 0; y < matrix.height; ++y) {
        std::string row;
        for (int byte = 0; byte < rowBytes; ++byte) {
            int value = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = (byte * 8 + bit) / module;
                value = value << 1 | (x < matrix.width && matrix.dark(x, y) ? 1 : 0);
            }
            row += kDigits[static_cast<std::size_t>(value >> 4)];
            row += kDigits[static_cast<std::size_t>(value & 15)];
        }
        for (int repeat = 0; repeat < module; ++repeat)
            hex += row;
    }
    zpl.command("^FO", {left, top});
    zpl.command("^GFA,", {total, total, rowBytes});
    zpl.command(",");
    zpl.command(hex);
    zpl.command("^FS");
    zpl.line();
}

void writeQr(ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    const int magnification = std::max(1, moduleDots(zpl, code));
    const int left = zpl.dots(box.x) + (zpl.dots(box.width) - magnification * across) / 2 +
                     magnification * code.matrix.quietZone;
    const int top = zpl.dots(box.y) + (zpl.dots(box.height) - magnification * across) / 2 +
                    magnification * code.matrix.quietZone;
    // ^BQ's magnification stops at 10; a larger QR (location, command and badge labels) is printed as the
    // bitmap of the very symbol the PNG shows, at the PNG's size.
    if (magnification > 10) {
        writeBitmap(zpl, code.matrix, magnification, left, top);
        return;
    }
    constexpr std::array<char, 4> kEcc{'L', 'M', 'Q', 'H'};
    // ^BQ places the symbol below ^FO by the ^BY bar height: set it here to one dot (a printer keeps it from
    // earlier jobs otherwise) and start one dot higher.
    zpl.command("^BY", {1, 3, 1});
    zpl.command("^FO", {left, top - 1});
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

// Code 128 values as ^BC field data (mode N: the printer adds the check character and the stop).
std::string code128Field(const std::vector<int>& values) {
    enum class Subset { A, B, C } subset = Subset::B;
    std::string field;
    for (std::size_t i = 0; i + 1 < values.size(); ++i) { // the last value is the check character
        const int v = values[i];
        if (i == 0) {
            subset = v == 105 ? Subset::C : v == 103 ? Subset::A : Subset::B;
            field += v == 105 ? ">;" : v == 103 ? ">9" : ">:";
            continue;
        }
        if (v == 102) {
            field += ">8";
        } else if (subset == Subset::C && v < 100) {
            field += static_cast<char>('0' + v / 10);
            field += static_cast<char>('0' + v % 10);
        } else if (v == 99 && subset != Subset::C) {
            field += ">5";
            subset = Subset::C;
        } else if (v == 100 && subset != Subset::B) {
            field += ">6";
            subset = Subset::B;
        } else if (v == 101 && subset != Subset::A) {
            field += ">7";
            subset = Subset::A;
        } else if (v == 30) {
            field += ">0"; // '>' (Zebra's invocation table; "><" would be value 62)
        } else if (v == 62) {
            field += "><"; // '^' in subsets A and B
        } else if (v == 94) {
            field += ">="; // '~' in subset B
        } else if (v >= 95) {
            field += '>';
            field += static_cast<char>('1' + (v - 95)); // >1 DEL/US, >2 FNC3, >3 FNC2, >4 SHIFT, >6 FNC4 ...
        } else if (subset == Subset::A && v >= 64) {
            field += "_"; // control characters never occur in GS1 data; keep the field well-formed
        } else {
            field += static_cast<char>(v + 32);
        }
    }
    return field;
}

std::expected<void, LabelError> writeGs1_128(ZplWriter& zpl, const ResolvedCode& code) {
    const auto& box = code.spec.box;
    const int across = code.matrix.width + 2 * code.matrix.quietZone;
    const int module = std::max(1, moduleDots(zpl, code));
    const double stripMm = code.spec.humanReadable ? std::min(box.height * 0.25, 3.0) : 0.0;
    const int left =
        zpl.dots(box.x) + (zpl.dots(box.width) - module * across) / 2 + module * code.matrix.quietZone;
    // The printer gets the PNG symbol's own values, so its bars (subset switching included) are the PNG's.
    auto values = code128Values(code.matrix);
    if (!values) return std::unexpected(values.error());
    const int barHeight = zpl.dots(box.height - stripMm);
    zpl.command("^BY", {module, 3, barHeight});
    zpl.command("^FO", {left, zpl.dots(box.y)});
    zpl.command("^BCN,", {barHeight});
    zpl.command(",N,N,N,N");
    zpl.rawField(code128Field(*values));
    zpl.line();
    if (stripMm > 0) writeHumanReadable(zpl, code, stripMm);
    return {};
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
    if (!code.gs1) { // our own payload (LS:LOT:...), taken literally
        zpl.escapedField(code.data);
        zpl.line();
        return;
    }
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
        return std::unexpected(LabelError{ErrorKind::Invalid, "no labels to render"});
    if (copies < 1 || copies > 9999)
        return std::unexpected(LabelError{ErrorKind::Invalid, "copies must be between 1 and 9999"});
    ZplWriter zpl(tmpl.dpi);
    for (const auto& content : labels) {
        auto resolved = resolveLabel(tmpl, content);
        if (!resolved) return std::unexpected(resolved.error());
        zpl.command("^XA^CI28");
        zpl.command("^PW", {zpl.dots(tmpl.widthMm)});
        zpl.command("^LL", {zpl.dots(tmpl.heightMm)});
        // Everything a field depends on is set in each job: a printer keeps these from the previous one.
        zpl.command("^LH0,0^LS0^FWN^LRN^PON^PMN^BY2,3,10");
        zpl.line();
        if (const auto* lot = std::get_if<LotLabelData>(&content)) {
            auto tag = zplTagCommands(tmpl, *lot);
            if (!tag) return std::unexpected(tag.error());
            zpl.command(*tag);
        }
        for (const auto& code : resolved->codes) {
            // The same floor as the raster renderer: GS1's 0.25 mm smallest module.
            if (zpl.millimetres(moduleDots(zpl, code)) < 0.245)
                return std::unexpected(
                    LabelError{ErrorKind::Refused,
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
                if (auto written = writeGs1_128(zpl, code); !written)
                    return std::unexpected(written.error());
                break;
            case CodeType::Gs1DataMatrix:
                writeDataMatrix(zpl, code);
                break;
            }
        }
        for (const auto& field : resolved->fields)
            if (auto written = writeField(zpl, field); !written) return std::unexpected(written.error());
        zpl.command("^PQ", {copies});
        zpl.command("^XZ");
        zpl.line();
    }
    return zpl.take();
}

} // namespace lotstation::labels
