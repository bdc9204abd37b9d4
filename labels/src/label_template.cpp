#include "lotstation/labels/label_template.hpp"

namespace lotstation::labels {

bool mustPrintWhole(const FieldSpec& spec) {
    return spec.field == "lot";
}

namespace {

std::string optionalDate(const std::optional<Date>& date) {
    return date ? formatDate(*date) : std::string();
}

std::string commandHint(LabelCommand command) {
    switch (command) {
    case LabelCommand::Finish:
        return "Scan to finish the current step";
    case LabelCommand::Undo:
        return "Scan to undo the last scan";
    case LabelCommand::Cancel:
        return "Scan to cancel and go back";
    case LabelCommand::Confirm:
        return "Scan to confirm";
    case LabelCommand::Logout:
        return "Scan to log out";
    }
    return {};
}

struct FieldVisitor {
    std::string_view field;

    std::string operator()(const LotLabelData& lot) const {
        if (field == "item") return lot.itemName;
        if (field == "sku") return lot.sku;
        if (field == "lot") return lot.lotCode;
        if (field == "gtin") return lot.gtin.value_or("");
        if (field == "produced") return optionalDate(lot.produced);
        if (field == "expiry") return optionalDate(lot.expiry);
        if (field == "bestBefore") return optionalDate(lot.bestBefore);
        if (field == "quantity") return lot.quantity;
        if (field == "supplierLot") return lot.supplierLot;
        if (field == "text") return lot.freeText;
        return {};
    }
    std::string operator()(const LocationLabelData& location) const {
        if (field == "code") return location.code;
        if (field == "name") return location.name;
        return {};
    }
    std::string operator()(const BadgeLabelData& badge) const {
        if (field == "user") return badge.userName;
        if (field == "badge") return badge.badgeCode;
        return {};
    }
    std::string operator()(const CommandLabelData& command) const {
        if (field == "command") return std::string(commandName(command.command));
        if (field == "hint") return commandHint(command.command);
        return {};
    }
};

} // namespace

const LabelTemplate* TemplateSet::findTemplate(std::string_view name) const {
    for (const auto& candidate : templates) {
        if (candidate.name == name) return &candidate;
    }
    return nullptr;
}

const SheetLayout* TemplateSet::findSheet(std::string_view name) const {
    for (const auto& candidate : sheets) {
        if (candidate.name == name) return &candidate;
    }
    return nullptr;
}

std::vector<std::string> fieldNames(LabelKind kind) {
    switch (kind) {
    case LabelKind::Lot:
        return {"item",   "sku",        "lot",      "gtin",        "produced",
                "expiry", "bestBefore", "quantity", "supplierLot", "text"};
    case LabelKind::Location:
        return {"code", "name"};
    case LabelKind::Badge:
        return {"user", "badge"};
    case LabelKind::Command:
        return {"command", "hint"};
    }
    return {};
}

std::string fieldText(const LabelContent& content, std::string_view field) {
    return std::visit(FieldVisitor{field}, content);
}

std::string_view codeTypeName(CodeType type) {
    switch (type) {
    case CodeType::Qr:
        return "qr";
    case CodeType::Gs1_128:
        return "gs1-128";
    case CodeType::Gs1DataMatrix:
        return "gs1-datamatrix";
    }
    return "unknown";
}

} // namespace lotstation::labels
