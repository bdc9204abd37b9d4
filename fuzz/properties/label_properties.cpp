// Properties of label templates read from JSON (a user's own folder may hold anything): a file either loads
// into a template whose every box is finite and positive-sized, or is refused with a message naming the
// file; a loaded template renders any label of its kind or says why not, and never crashes doing so.
#include "lotstation/labels/render.hpp"
#include "lotstation/labels/template_loader.hpp"
#include "properties.hpp"

#include <chrono>
#include <cmath>

namespace lotstation::fuzz {
namespace {

using namespace std::chrono_literals;

bool finitePositive(double value) {
    return std::isfinite(value) && value > 0;
}

labels::LabelContent sampleContent(labels::LabelKind kind) {
    switch (kind) {
    case labels::LabelKind::Lot:
        return labels::LotLabelData{.itemName = "Olive oil soap base, cold process",
                                    .sku = "BASE",
                                    .lotCode = "BASE-261124-01",
                                    .gtin = "09501101530003",
                                    .produced = 2026y / 11 / 24,
                                    .expiry = 2027y / 11 / 24,
                                    .quantity = "12.5 kg",
                                    .supplierLot = "S-1"};
    case labels::LabelKind::Location:
        return labels::LocationLabelData{"STORE-A1", "Store, aisle 1"};
    case labels::LabelKind::Badge:
        return labels::BadgeLabelData{"Ana", "B-0042"};
    case labels::LabelKind::Command:
        return labels::CommandLabelData{labels::LabelCommand::Finish};
    }
    return labels::CommandLabelData{};
}

} // namespace

void checkLabelTemplate(Bytes input) {
    const auto parsed = labels::parseTemplate(asText(input), "fuzz.json");
    if (!parsed) {
        require(parsed.error().message.find("fuzz.json") != std::string::npos,
                "template error does not name the file: " + parsed.error().message);
        return;
    }
    if (const auto* sheet = std::get_if<labels::SheetLayout>(&*parsed)) {
        require(finitePositive(sheet->pageWidthMm) && finitePositive(sheet->pageHeightMm),
                "a sheet with a page size that is not positive");
        require(sheet->columns > 0 && sheet->rows > 0, "a sheet without cells");
        return;
    }
    const auto& label = std::get<labels::LabelTemplate>(*parsed);
    require(finitePositive(label.widthMm) && finitePositive(label.heightMm),
            "a label size that is not positive");
    require(label.dpi > 0, "a label with dpi <= 0");
    for (const auto& field : label.fields) {
        require(std::isfinite(field.box.x) && std::isfinite(field.box.y) && finitePositive(field.box.width) &&
                    finitePositive(field.box.height) && finitePositive(field.fontSizePt),
                "a text box or font size that is not finite and positive");
    }
    for (const auto& code : label.codes) {
        require(std::isfinite(code.box.x) && std::isfinite(code.box.y) && finitePositive(code.box.width) &&
                    finitePositive(code.box.height),
                "a code box that is not finite and positive");
    }
    const auto content = sampleContent(label.kind);
    const std::array contents{content};
    if (const auto zpl = labels::renderZpl(label, contents); !zpl)
        require(!zpl.error().message.empty(), "ZPL refused without a reason");
    if (const auto png = labels::renderPng(label, content); !png)
        require(!png.error().message.empty(), "PNG refused without a reason");
    else
        require(png->size() > 8 && (*png)[1] == 'P' && (*png)[2] == 'N' && (*png)[3] == 'G',
                "PNG without a PNG header");
}

} // namespace lotstation::fuzz
