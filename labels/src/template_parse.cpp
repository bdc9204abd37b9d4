// JSON → LabelTemplate / SheetLayout, with every check a user's hand-written template needs.
#include "json_reader.hpp"
#include "lotstation/labels/template_loader.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

// Unwraps an expected or returns its error: keeps the many field reads below readable.
#define LABELS_TRY(var, expr)                                                                                \
    auto var##_result = (expr);                                                                              \
    if (!var##_result) return std::unexpected(var##_result.error());                                         \
    auto var = *std::move(var##_result)

namespace lotstation::labels {

namespace {

constexpr double kSlackMm = 0.01; // rounding in hand-written numbers

std::string mm(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f mm", value);
    return text.data();
}

std::expected<BoxMm, LabelError> readBox(const JsonReader& in, const LabelTemplate& label) {
    LABELS_TRY(x, in.number("x"));
    LABELS_TRY(y, in.number("y"));
    LABELS_TRY(width, in.number("width"));
    LABELS_TRY(height, in.number("height"));
    // Nothing may be printed in the margin: thermal heads and sheet printers cannot reach the edge.
    const double margin = label.marginMm;
    if (x + kSlackMm < margin) return std::unexpected(in.error("x", "lies in the " + mm(margin) + " margin"));
    if (y + kSlackMm < margin) return std::unexpected(in.error("y", "lies in the " + mm(margin) + " margin"));
    if (width <= 0) return std::unexpected(in.error("width", "must be greater than 0"));
    if (height <= 0) return std::unexpected(in.error("height", "must be greater than 0"));
    if (x + width > label.widthMm - margin + kSlackMm)
        return std::unexpected(in.error("width", "x + width = " + mm(x + width) +
                                                     " runs past the printable width " +
                                                     mm(label.widthMm - margin)));
    if (y + height > label.heightMm - margin + kSlackMm)
        return std::unexpected(in.error("height", "y + height = " + mm(y + height) +
                                                      " runs past the printable height " +
                                                      mm(label.heightMm - margin)));
    return BoxMm{x, y, width, height};
}

std::expected<FieldSpec, LabelError> readField(const JsonReader& in, const LabelTemplate& label) {
    if (auto keys = in.onlyKeys({"field", "x", "y", "width", "height", "fontSize", "minFontSize", "maxLines",
                                 "bold", "align", "prefix"});
        !keys)
        return std::unexpected(keys.error());
    FieldSpec field;
    LABELS_TRY(name, in.string("field"));
    const auto allowed = fieldNames(label.kind);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string list;
        for (const auto& candidate : allowed)
            list += (list.empty() ? "" : ", ") + candidate;
        return std::unexpected(in.error("field", "unknown field '" + name + "' for a " +
                                                     std::string(kindName(label.kind)) + " label (expected " +
                                                     list + ")"));
    }
    field.field = name;
    LABELS_TRY(box, readBox(in, label));
    field.box = box;
    LABELS_TRY(fontSize, in.number("fontSize"));
    if (fontSize < 3 || fontSize > 200)
        return std::unexpected(in.error("fontSize", "must be between 3 and 200 pt"));
    field.fontSizePt = fontSize;
    LABELS_TRY(minFontSize, in.number("minFontSize", std::min(fontSize, std::max(5.0, fontSize * 0.6))));
    if (minFontSize < 3 || minFontSize > fontSize)
        return std::unexpected(in.error("minFontSize", "must be between 3 pt and fontSize"));
    field.minFontSizePt = minFontSize;
    LABELS_TRY(maxLines, in.integer("maxLines", 1));
    if (maxLines < 1 || maxLines > 10)
        return std::unexpected(in.error("maxLines", "must be between 1 and 10"));
    field.maxLines = maxLines;
    LABELS_TRY(bold, in.boolean("bold", false));
    field.bold = bold;
    LABELS_TRY(align, in.string("align", "left"));
    if (align == "left") {
        field.align = TextAlign::Left;
    } else if (align == "center") {
        field.align = TextAlign::Center;
    } else if (align == "right") {
        field.align = TextAlign::Right;
    } else {
        return std::unexpected(
            in.error("align", "unknown alignment '" + align + "' (expected left, center, right)"));
    }
    LABELS_TRY(prefix, in.string("prefix", ""));
    field.prefix = prefix;
    return field;
}

std::expected<CodeSpec, LabelError> readCode(const JsonReader& in, const LabelTemplate& label) {
    if (auto keys = in.onlyKeys({"type", "x", "y", "width", "height", "ecc", "humanReadable"}); !keys)
        return std::unexpected(keys.error());
    CodeSpec code;
    LABELS_TRY(type, in.string("type"));
    if (type == "qr") {
        code.type = CodeType::Qr;
    } else if (type == "gs1-128") {
        code.type = CodeType::Gs1_128;
    } else if (type == "gs1-datamatrix") {
        code.type = CodeType::Gs1DataMatrix;
    } else {
        return std::unexpected(
            in.error("type", "unknown code type '" + type + "' (expected qr, gs1-128, gs1-datamatrix)"));
    }
    if (code.type != CodeType::Qr && label.kind != LabelKind::Lot)
        return std::unexpected(
            in.error("type", type + " codes carry GTIN and lot: only lot labels can have them"));
    LABELS_TRY(box, readBox(in, label));
    code.box = box;
    LABELS_TRY(ecc, in.string("ecc", "M"));
    if (ecc == "L") {
        code.ecc = QrEcc::L;
    } else if (ecc == "M") {
        code.ecc = QrEcc::M;
    } else if (ecc == "Q") {
        code.ecc = QrEcc::Q;
    } else if (ecc == "H") {
        code.ecc = QrEcc::H;
    } else {
        return std::unexpected(
            in.error("ecc", "unknown error correction '" + ecc + "' (expected L, M, Q, H)"));
    }
    LABELS_TRY(humanReadable, in.boolean("humanReadable", true));
    code.humanReadable = humanReadable;
    return code;
}

std::expected<std::optional<RfidSpec>, LabelError> readRfid(const JsonReader& parent, const LabelTemplate& label) {
    LABELS_TRY(object, parent.object("rfid"));
    if (object == nullptr) return std::optional<RfidSpec>{};
    if (label.kind != LabelKind::Lot)
        return std::unexpected(parent.error("rfid", "only lot labels can encode an RFID tag"));
    const auto in = parent.child(*object, "rfid");
    if (auto keys = in.onlyKeys({"scheme", "filter", "companyPrefixLength"}); !keys)
        return std::unexpected(keys.error());
    RfidSpec rfid;
    LABELS_TRY(scheme, in.string("scheme"));
    auto parsed = formats::parseEpcScheme(scheme);
    if (!parsed || (*parsed != formats::EpcScheme::Sgtin96 && *parsed != formats::EpcScheme::SgtinPlus &&
                    *parsed != formats::EpcScheme::DsgtinPlus))
        return std::unexpected(
            in.error("scheme", "unknown tag scheme '" + scheme + "' (expected sgtin-96, sgtin+, dsgtin+)"));
    rfid.scheme = *parsed;
    LABELS_TRY(filter, in.integer("filter", 1));
    if (filter < 0 || filter > 7) return std::unexpected(in.error("filter", "must be between 0 and 7"));
    rfid.filter = filter;
    LABELS_TRY(prefix, in.integer("companyPrefixLength", 7));
    if (prefix < 6 || prefix > 12)
        return std::unexpected(in.error("companyPrefixLength", "must be between 6 and 12"));
    rfid.companyPrefixLength = prefix;
    return rfid;
}

std::expected<LabelKind, LabelError> readKind(const JsonReader& in) {
    LABELS_TRY(kind, in.string("kind"));
    for (auto candidate : {LabelKind::Lot, LabelKind::Location, LabelKind::Badge, LabelKind::Command}) {
        if (kindName(candidate) == kind) return candidate;
    }
    return std::unexpected(
        in.error("kind", "unknown label kind '" + kind + "' (expected lot, location, badge, command)"));
}

std::expected<LabelTemplate, LabelError> readLabel(const JsonReader& in) {
    if (auto keys = in.onlyKeys({"type", "name", "description", "kind", "widthMm", "heightMm", "dpi",
                                 "marginMm", "fields", "codes", "rfid"});
        !keys)
        return std::unexpected(keys.error());
    LabelTemplate label;
    label.sourceFile = in.source();
    LABELS_TRY(name, in.string("name"));
    if (name.empty()) return std::unexpected(in.error("name", "must not be empty"));
    label.name = name;
    LABELS_TRY(kind, readKind(in));
    label.kind = kind;
    LABELS_TRY(width, in.number("widthMm"));
    LABELS_TRY(height, in.number("heightMm"));
    if (width <= 0 || width > 1000) return std::unexpected(in.error("widthMm", "must be between 0 and 1000"));
    if (height <= 0 || height > 1000)
        return std::unexpected(in.error("heightMm", "must be between 0 and 1000"));
    label.widthMm = width;
    label.heightMm = height;
    LABELS_TRY(dpi, in.integer("dpi", 203));
    if (dpi < 72 || dpi > 1200) return std::unexpected(in.error("dpi", "must be between 72 and 1200"));
    label.dpi = dpi;
    LABELS_TRY(margin, in.number("marginMm", 0));
    if (margin < 0 || 2 * margin >= std::min(width, height))
        return std::unexpected(in.error("marginMm", "must be at least 0 and leave room on the label"));
    label.marginMm = margin;

    LABELS_TRY(fields, in.array("fields", true));
    for (std::size_t i = 0; i < fields->size(); ++i) {
        LABELS_TRY(field, readField(in.child((*fields)[i], "fields[" + std::to_string(i) + "]"), label));
        label.fields.push_back(std::move(field));
    }
    LABELS_TRY(codes, in.array("codes", false));
    for (std::size_t i = 0; i < codes->size(); ++i) {
        LABELS_TRY(code, readCode(in.child((*codes)[i], "codes[" + std::to_string(i) + "]"), label));
        label.codes.push_back(code);
    }
    LABELS_TRY(rfid, readRfid(in, label));
    label.rfid = rfid;
    if (label.fields.empty() && label.codes.empty())
        return std::unexpected(in.error("fields", "a label needs at least one field or code"));
    return label;
}

std::expected<SheetLayout, LabelError> readSheet(const JsonReader& in) {
    if (auto keys = in.onlyKeys({"type", "name", "description", "paper", "pageWidthMm", "pageHeightMm",
                                 "columns", "rows", "labelWidthMm", "labelHeightMm", "pitchXMm", "pitchYMm",
                                 "marginLeftMm", "marginTopMm"});
        !keys)
        return std::unexpected(keys.error());
    SheetLayout sheet;
    sheet.sourceFile = in.source();
    LABELS_TRY(name, in.string("name"));
    if (name.empty()) return std::unexpected(in.error("name", "must not be empty"));
    sheet.name = name;
    LABELS_TRY(paper, in.string("paper"));
    double defaultWidth = 0;
    double defaultHeight = 0;
    if (paper == "A4") {
        defaultWidth = 210;
        defaultHeight = 297;
    } else if (paper == "Letter") {
        defaultWidth = 215.9;
        defaultHeight = 279.4;
    } else if (paper != "custom") {
        return std::unexpected(
            in.error("paper", "unknown paper '" + paper + "' (expected A4, Letter, custom)"));
    }
    sheet.paper = paper;
    LABELS_TRY(pageWidth,
               paper == "custom" ? in.number("pageWidthMm") : in.number("pageWidthMm", defaultWidth));
    LABELS_TRY(pageHeight,
               paper == "custom" ? in.number("pageHeightMm") : in.number("pageHeightMm", defaultHeight));
    if (pageWidth <= 0) return std::unexpected(in.error("pageWidthMm", "must be greater than 0"));
    if (pageHeight <= 0) return std::unexpected(in.error("pageHeightMm", "must be greater than 0"));
    sheet.pageWidthMm = pageWidth;
    sheet.pageHeightMm = pageHeight;
    LABELS_TRY(columns, in.integer("columns"));
    LABELS_TRY(rows, in.integer("rows"));
    if (columns < 1 || columns > 50) return std::unexpected(in.error("columns", "must be between 1 and 50"));
    if (rows < 1 || rows > 100) return std::unexpected(in.error("rows", "must be between 1 and 100"));
    sheet.columns = columns;
    sheet.rows = rows;
    LABELS_TRY(labelWidth, in.number("labelWidthMm"));
    LABELS_TRY(labelHeight, in.number("labelHeightMm"));
    if (labelWidth <= 0) return std::unexpected(in.error("labelWidthMm", "must be greater than 0"));
    if (labelHeight <= 0) return std::unexpected(in.error("labelHeightMm", "must be greater than 0"));
    sheet.labelWidthMm = labelWidth;
    sheet.labelHeightMm = labelHeight;
    LABELS_TRY(pitchX, in.number("pitchXMm", labelWidth));
    LABELS_TRY(pitchY, in.number("pitchYMm", labelHeight));
    if (pitchX + kSlackMm < labelWidth)
        return std::unexpected(in.error("pitchXMm", "is smaller than labelWidthMm: labels would overlap"));
    if (pitchY + kSlackMm < labelHeight)
        return std::unexpected(in.error("pitchYMm", "is smaller than labelHeightMm: labels would overlap"));
    sheet.pitchXMm = pitchX;
    sheet.pitchYMm = pitchY;
    LABELS_TRY(marginLeft, in.number("marginLeftMm", 0));
    LABELS_TRY(marginTop, in.number("marginTopMm", 0));
    if (marginLeft < 0) return std::unexpected(in.error("marginLeftMm", "must not be negative"));
    if (marginTop < 0) return std::unexpected(in.error("marginTopMm", "must not be negative"));
    sheet.marginLeftMm = marginLeft;
    sheet.marginTopMm = marginTop;
    const double usedWidth = marginLeft + (columns - 1) * pitchX + labelWidth;
    const double usedHeight = marginTop + (rows - 1) * pitchY + labelHeight;
    if (usedWidth > pageWidth + kSlackMm)
        return std::unexpected(in.error("columns", std::to_string(columns) + " labels across need " +
                                                       mm(usedWidth) + ", the page is " + mm(pageWidth) +
                                                       " wide"));
    if (usedHeight > pageHeight + kSlackMm)
        return std::unexpected(in.error("rows", std::to_string(rows) + " rows of labels need " +
                                                    mm(usedHeight) + ", the page is " + mm(pageHeight) +
                                                    " high"));
    return sheet;
}

} // namespace

std::expected<TemplateFile, LabelError> parseTemplate(std::string_view json, std::string_view sourceName) {
    const std::string source(sourceName);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse_error, and out_of_range for numbers like 1e999
        return std::unexpected(
            LabelError{ErrorKind::Invalid, source + ": not valid JSON: " + e.what()});
    }
    const JsonReader in(document, source, "");
    if (!document.is_object()) return std::unexpected(in.error("", "expected a JSON object"));
    LABELS_TRY(type, in.string("type"));
    if (type == "label") {
        LABELS_TRY(label, readLabel(in));
        return TemplateFile(std::move(label));
    }
    if (type == "sheet") {
        LABELS_TRY(sheet, readSheet(in));
        return TemplateFile(std::move(sheet));
    }
    return std::unexpected(in.error("type", "unknown type '" + type + "' (expected label or sheet)"));
}

std::expected<void, LabelError> checkFitsSheet(const LabelTemplate& label, const SheetLayout& sheet) {
    if (label.widthMm > sheet.labelWidthMm + kSlackMm || label.heightMm > sheet.labelHeightMm + kSlackMm)
        return std::unexpected(
            LabelError{ErrorKind::Invalid,
                       label.sourceFile + ": template '" + label.name + "' (" + mm(label.widthMm) + " x " +
                           mm(label.heightMm) + ") is larger than a label of sheet '" + sheet.name + "' (" +
                           mm(sheet.labelWidthMm) + " x " + mm(sheet.labelHeightMm) + ")"});
    return {};
}

} // namespace lotstation::labels
