#include "lotstation/labels/label_data.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace lotstation::labels {

namespace {

struct CommandEntry {
    LabelCommand command;
    std::string_view name;
};

constexpr std::array<CommandEntry, 5> kCommands{{
    {LabelCommand::Finish, "FINISH"},
    {LabelCommand::Undo, "UNDO"},
    {LabelCommand::Cancel, "CANCEL"},
    {LabelCommand::Confirm, "CONFIRM"},
    {LabelCommand::Logout, "LOGOUT"},
}};

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

} // namespace

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

std::string_view commandName(LabelCommand command) {
    for (const auto& entry : kCommands) {
        if (entry.command == command) return entry.name;
    }
    return "UNKNOWN";
}

std::optional<LabelCommand> commandFromName(std::string_view name) {
    for (const auto& entry : kCommands) {
        if (equalsIgnoreCase(entry.name, name)) return entry.command;
    }
    return std::nullopt;
}

std::string formatDate(const Date& date) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text.data();
}

} // namespace lotstation::labels
