#include "table_reader.hpp"
#include "lotstation/core/text.hpp"

#include <algorithm>
#include <cctype>

namespace lotstation::storage::csv {
namespace {

// "Supplier Lot", "supplier-lot" and "SUPPLIER_LOT" all name supplier_lot.
std::string normalName(std::string_view header) {
    auto name = trimmed(header);
    for (auto& c : name) {
        if (c == ' ' || c == '-')
            c = '_';
        else
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return name;
}

} // namespace

Result<Table> Table::read(std::string_view text, const std::vector<std::string>& known,
                          const std::vector<std::string>& required) {
    auto records = parseCsv(text);
    if (!records) return std::unexpected(records.error());
    if (records->empty()) return fail(ErrorKind::Invalid, "the file is empty: a header row is needed");
    Table table;
    const auto& header = records->front();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto name = normalName(header.fields[i]);
        if (std::ranges::find(known, name) == known.end()) {
            if (!name.empty()) table.m_ignored.push_back(trimmed(header.fields[i]));
            continue;
        }
        if (!table.m_columns.emplace(name, i).second)
            return fail(ErrorKind::Invalid, "line 1: column '" + name + "' appears twice");
    }
    for (const auto& name : required) {
        if (!table.m_columns.contains(name)) {
            std::string all;
            for (const auto& r : required)
                all += (all.empty() ? "" : ", ") + r;
            return fail(ErrorKind::Invalid,
                        "line 1: column '" + name + "' is missing (required: " + all + ")");
        }
    }
    for (std::size_t i = 1; i < records->size(); ++i) {
        auto& row = (*records)[i];
        const bool blank =
            std::ranges::all_of(row.fields, [](const std::string& f) { return trimmed(f).empty(); });
        if (!blank) table.m_rows.push_back(std::move(row));
    }
    return table;
}

std::string Table::cell(const CsvRecord& row, const std::string& column) const {
    const auto found = m_columns.find(column);
    if (found == m_columns.end() || found->second >= row.fields.size()) return {};
    return trimmed(row.fields[found->second]);
}

void Problems::add(const CsvRecord& row, const std::string& column, const std::string& message) {
    m_lines.push_back("line " + std::to_string(row.line) + ", column '" + column + "': " + message);
}

void Problems::add(const CsvRecord& row, const std::string& message) {
    m_lines.push_back("line " + std::to_string(row.line) + ": " + message);
}

Error Problems::error() const {
    std::string message;
    for (const auto& line : m_lines)
        message += (message.empty() ? "" : "\n") + line;
    return Error{ErrorKind::Invalid, message};
}

} // namespace lotstation::storage::csv
