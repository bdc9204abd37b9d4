#pragma once
// Label templates and sheet layouts as loaded from JSON (assets/labels/*.json and the user's folder). All
// lengths are millimetres measured from the label's top-left corner; font sizes are points.
#include "lotstation/formats/epc.hpp"
#include "lotstation/labels/label_data.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lotstation::labels {

struct BoxMm {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

enum class TextAlign { Left, Center, Right };

// One line (or a few wrapped lines) of text taken from the content. Text that does not fit shrinks down to
// minFontSizePt, then wraps (up to maxLines), then ends in an ellipsis (the lot code: is refused, see
// mustPrintWhole); it never leaves its box.
struct FieldSpec {
    std::string field; // "item", "lot", "expiry", ... (see fieldNames(kind))
    BoxMm box;
    double fontSizePt = 10;
    double minFontSizePt = 6;
    int maxLines = 1;
    bool bold = false;
    TextAlign align = TextAlign::Left;
    std::string prefix; // e.g. "EXP " — printed only when the field has a value
};

// The lot code is what the operator reads off the container: it may shrink and wrap, but is never cut or
// ellipsized; a label where it cannot fit is refused.
[[nodiscard]] bool mustPrintWhole(const FieldSpec& spec);

enum class CodeType { Qr, Gs1_128, Gs1DataMatrix };
enum class QrEcc { L, M, Q, H };

// A code and the box it must stay inside, quiet zone included.
struct CodeSpec {
    CodeType type = CodeType::Qr;
    BoxMm box;
    QrEcc ecc = QrEcc::M;
    bool humanReadable = true; // GS1 codes: the (01)…(17)…(10)… line under / beside the symbol
};

// A lot label printed on an RFID-capable Zebra also encodes the tag's EPC (ZPL ^RS / ^RFW) with this scheme;
// the serial is the one the station assigned to the label (LotLabelData::tagSerial). PNG and PDF ignore it.
struct RfidSpec {
    formats::EpcScheme scheme = formats::EpcScheme::Sgtin96; // sgtin-96, sgtin+ or dsgtin+
    int filter = 1;                                          // EPC filter value 0-7
    int companyPrefixLength = 7;                             // sgtin-96: GTIN digits of the company prefix
};

struct LabelTemplate {
    std::string name;
    std::string sourceFile; // where it was loaded from, for messages
    LabelKind kind = LabelKind::Lot;
    double widthMm = 0;
    double heightMm = 0;
    int dpi = 203; // the printer's resolution: PNG default and ZPL dots
    double marginMm = 0;
    std::vector<FieldSpec> fields;
    std::vector<CodeSpec> codes;
    std::optional<RfidSpec> rfid; // lot labels only
};

// A page of equal labels (A4 / US Letter label stock).
struct SheetLayout {
    std::string name;
    std::string sourceFile;
    std::string paper; // "A4", "Letter" or "custom"
    double pageWidthMm = 0;
    double pageHeightMm = 0;
    int columns = 0;
    int rows = 0;
    double labelWidthMm = 0;
    double labelHeightMm = 0;
    double pitchXMm = 0; // left edge to left edge
    double pitchYMm = 0;
    double marginLeftMm = 0;
    double marginTopMm = 0;

    [[nodiscard]] int labelsPerPage() const { return columns * rows; }
};

struct TemplateSet {
    std::vector<LabelTemplate> templates;
    std::vector<SheetLayout> sheets;

    [[nodiscard]] const LabelTemplate* findTemplate(std::string_view name) const;
    [[nodiscard]] const SheetLayout* findSheet(std::string_view name) const;
};

// The field names a template of this kind may use.
[[nodiscard]] std::vector<std::string> fieldNames(LabelKind kind);

// The text of one field for this content ("" when it has no value).
[[nodiscard]] std::string fieldText(const LabelContent& content, std::string_view field);

[[nodiscard]] std::string_view codeTypeName(CodeType type); // "qr", "gs1-128", "gs1-datamatrix"

} // namespace lotstation::labels
