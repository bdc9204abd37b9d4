#include "lotstation/labels/label_data.hpp"

#include <array>
#include <cstdio>

namespace lotstation::labels {

LabelKind kindOf(const LabelContent& content) {
    return static_cast<LabelKind>(content.index());
}

std::string_view kindName(LabelKind kind) {
    switch (kind) {
    case LabelKind::Lot:
        return "lot";
    case LabelKind::Location:
        return "location";
    case LabelKind::Badge:
        return "badge";
    case LabelKind::Command:
        return "command";
    }
    return "unknown";
}

std::string formatDate(const Date& date) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text.data();
}

} // namespace lotstation::labels
