// Tables to CSV, and the one rule for writing any file: beside the destination, then renamed into place.
#include "lotstation/storage/table_file.hpp"

#include "atomic_file.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/currency.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace lotstation::storage {

std::string cellText(const Cell& cell, const std::string& currency) {
    struct Visit {
        const std::string& currency;
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(const std::string& text) const { return text; }
        std::string operator()(std::int64_t number) const { return std::to_string(number); }
        std::string operator()(const DecimalCell& number) const { return number.text; }
        std::string operator()(MoneyCell money) const { return formatMinorUnits(money.amount, currency); }
        std::string operator()(Date date) const { return formatDate(date); }
    };
    return std::visit(Visit{currency}, cell);
}

namespace {

bool isNumberText(std::string_view text) {
    std::size_t at = text.starts_with('-') ? 1 : 0;
    std::size_t digits = 0;
    bool dot = false;
    if (at >= text.size()) return false;
    if (text[at] == '0' && at + 1 < text.size() && text[at + 1] != '.') return false; // a code like 0400638...
    for (; at < text.size(); ++at) {
        if (text[at] == '.' && !dot) {
            dot = true;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(text[at])) == 0) return false;
        ++digits;
    }
    return digits > 0 && digits <= 15 && !text.ends_with('.');
}

} // namespace

Result<Table> tableFromCsv(std::string_view csvText, std::string name) {
    auto records = parseCsv(csvText);
    if (!records) return std::unexpected(records.error());
    Table table;
    table.name = std::move(name);
    if (records->empty()) return table;
    table.headers = records->front().fields;
    for (std::size_t r = 1; r < records->size(); ++r) {
        std::vector<Cell> row;
        for (const auto& field : (*records)[r].fields) {
            if (field.empty()) {
                row.emplace_back(std::monostate{});
            } else if (isNumberText(field)) {
                if (field.find('.') == std::string::npos)
                    row.emplace_back(static_cast<std::int64_t>(std::stoll(field)));
                else
                    row.emplace_back(DecimalCell{field});
            } else if (field.size() == 10 && field[4] == '-' && field[7] == '-' && parseDate(field)) {
                row.emplace_back(*parseDate(field));
            } else {
                row.emplace_back(field);
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

Result<void> writeCsv(const Table& table, const std::filesystem::path& path) {
    return writeAtomically(path, [&](const std::filesystem::path& temporary) -> Result<void> {
        std::ofstream out(temporary, std::ios::binary);
        out << csvRow(table.headers);
        for (const auto& row : table.rows) {
            std::vector<std::string> fields;
            fields.reserve(row.size());
            for (const auto& cell : row)
                fields.push_back(cellText(cell, table.currency));
            out << csvRow(fields);
        }
        out.flush();
        if (!out) return fail(ErrorKind::Io, "could not write " + path.string());
        return {};
    });
}

Result<void> writeTextFile(const std::filesystem::path& path, std::string_view content) {
    return writeAtomically(path, [&](const std::filesystem::path& temporary) -> Result<void> {
        std::ofstream out(temporary, std::ios::binary);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) return fail(ErrorKind::Io, "could not write " + path.string());
        return {};
    });
}

Result<void> writeTables(const std::vector<Table>& tables, const std::filesystem::path& path) {
    auto extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (tables.empty()) return fail(ErrorKind::Invalid, "nothing to write");
    if (extension == ".csv") return writeCsv(tables.front(), path);
    if (extension == ".xlsx") return writeXlsx(tables, path);
    return fail(ErrorKind::Invalid, "'" + path.string() + "': write to a .csv or an .xlsx file");
}

} // namespace lotstation::storage
