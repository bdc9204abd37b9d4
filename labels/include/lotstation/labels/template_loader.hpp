#pragma once
// Reading templates and sheets from JSON. A file is either a label template ("type": "label") or a sheet
// layout
// ("type": "sheet"). Every error names the file and the field: "lot.json: fields[2].height: missing".
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"

#include <expected>
#include <filesystem>
#include <span>
#include <string_view>
#include <variant>

namespace lotstation::labels {

using TemplateFile = std::variant<LabelTemplate, SheetLayout>;

// Parses one JSON document; sourceName is used in messages.
[[nodiscard]] std::expected<TemplateFile, LabelError> parseTemplate(std::string_view json,
                                                                    std::string_view sourceName);

// Loads every *.json of each folder in order; a later folder's file with the same name replaces an earlier
// one, so a user folder listed after the built-in one can override a shipped template. Missing folders are
// skipped; the first bad file fails the whole load (a half-loaded set would print wrong labels).
[[nodiscard]] std::expected<TemplateSet, LabelError>
loadTemplates(std::span<const std::filesystem::path> dirs);

// The shipped templates folder: the first of <dir>/assets/labels, <dir>/../share/lotstation/labels walking up
// from startDir (usually the executable's folder).
[[nodiscard]] std::optional<std::filesystem::path>
findBuiltinTemplateDir(const std::filesystem::path& startDir);

// A sheet must be able to hold this template (template no larger than one label of the sheet).
[[nodiscard]] std::expected<void, LabelError> checkFitsSheet(const LabelTemplate& label,
                                                             const SheetLayout& sheet);

} // namespace lotstation::labels
