#include "lotstation/labels/template_loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace lotstation::labels {

namespace {

template <typename T> void replaceOrAdd(std::vector<T>& items, T item) {
    auto same =
        std::find_if(items.begin(), items.end(), [&](const T& other) { return other.name == item.name; });
    if (same != items.end()) {
        *same = std::move(item);
    } else {
        items.push_back(std::move(item));
    }
}

} // namespace

std::expected<TemplateSet, LabelError> loadTemplates(std::span<const std::filesystem::path> dirs) {
    TemplateSet set;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
        }
        if (ec)
            return std::unexpected(
                LabelError{ErrorKind::Io, dir.string() + ": cannot list: " + ec.message()});
        std::sort(files.begin(), files.end()); // stable order whatever the file system returns
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            if (!in) return std::unexpected(LabelError{ErrorKind::Io, file.string() + ": cannot read"});
            auto parsed = parseTemplate(text.str(), file.string());
            if (!parsed) return std::unexpected(parsed.error());
            if (auto* label = std::get_if<LabelTemplate>(&*parsed)) {
                replaceOrAdd(set.templates, std::move(*label));
            } else {
                replaceOrAdd(set.sheets, std::get<SheetLayout>(std::move(*parsed)));
            }
        }
    }
    return set;
}

std::optional<std::filesystem::path> findBuiltinTemplateDir(const std::filesystem::path& startDir) {
    std::error_code ec;
    for (auto dir = std::filesystem::absolute(startDir, ec); !ec && !dir.empty(); dir = dir.parent_path()) {
        for (const auto& candidate : {dir / "assets" / "labels", dir / "share" / "lotstation" / "labels"}) {
            if (std::filesystem::is_directory(candidate, ec)) return candidate;
        }
        if (dir == dir.parent_path()) break;
    }
    return std::nullopt;
}

} // namespace lotstation::labels
