// Tables to an .xlsx workbook with libxlsxwriter: typed cells, the header row frozen, column widths from
// the widest cell. Money is written as a number rounded to the currency's minor unit (a spreadsheet cell
// is a binary double: exactly the rounded decimal a person reads); the ledger keeps exact values.
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/table_file.hpp"

#include "atomic_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <xlsxwriter.h>

namespace lotstation::storage {
namespace {

struct WorkbookCloser {
    void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

std::string sheetName(std::string name, std::size_t index) {
    for (auto& c : name)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    if (name.empty()) name = "Sheet" + std::to_string(index + 1);
    return name.substr(0, 31);
}

std::string moneyFormat(const std::string& currency) {
    const int digits = minorUnitDigits(currency).value_or(2);
    return digits == 0 ? "#,##0" : "#,##0." + std::string(static_cast<std::size_t>(digits), '0');
}

} // namespace

Result<void> writeXlsx(const std::vector<Table>& tables, const std::filesystem::path& path) {
    return writeAtomically(path, [&](const std::filesystem::path& temporary) -> Result<void> {
        lxw_workbook* workbook = workbook_new(temporary.c_str());
        if (workbook == nullptr) return fail(ErrorKind::Io, "could not create " + path.string());
        std::unique_ptr<lxw_workbook, WorkbookCloser> guard(workbook);
        lxw_format* header = workbook_add_format(workbook);
        format_set_bold(header);
        format_set_bottom(header, LXW_BORDER_THIN);
        lxw_format* date = workbook_add_format(workbook);
        format_set_num_format(date, "yyyy-mm-dd");
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const auto& table = tables[t];
            lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheetName(table.name, t).c_str());
            if (sheet == nullptr) return fail(ErrorKind::Invalid, "two sheets named " + table.name);
            lxw_format* money = workbook_add_format(workbook);
            format_set_num_format(money, moneyFormat(table.currency).c_str());
            std::vector<std::size_t> widths(table.headers.size(), 8);
            for (std::size_t c = 0; c < table.headers.size(); ++c) {
                worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), header);
                widths[c] = std::max(widths[c], table.headers[c].size() + 2);
            }
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                const auto row = static_cast<lxw_row_t>(r + 1);
                for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
                    const auto col = static_cast<lxw_col_t>(c);
                    const auto& cell = table.rows[r][c];
                    const auto text = cellText(cell, table.currency);
                    if (c < widths.size()) widths[c] = std::max(widths[c], std::min<std::size_t>(text.size() + 2, 60));
                    if (const auto* s = std::get_if<std::string>(&cell)) {
                        worksheet_write_string(sheet, row, col, s->c_str(), nullptr);
                    } else if (const auto* n = std::get_if<std::int64_t>(&cell)) {
                        worksheet_write_number(sheet, row, col, static_cast<double>(*n), nullptr);
                    } else if (const auto* decimal = std::get_if<DecimalCell>(&cell)) {
                        worksheet_write_number(sheet, row, col, std::strtod(decimal->text.c_str(), nullptr), nullptr);
                    } else if (std::holds_alternative<MoneyCell>(cell)) {
                        worksheet_write_number(sheet, row, col, std::strtod(text.c_str(), nullptr), money);
                    } else if (const auto* d = std::get_if<Date>(&cell)) {
                        lxw_datetime when{static_cast<int>(d->year()), static_cast<int>(unsigned(d->month())),
                                          static_cast<int>(unsigned(d->day())), 0, 0, 0.0};
                        worksheet_write_datetime(sheet, row, col, &when, date);
                    }
                }
            }
            for (std::size_t c = 0; c < widths.size(); ++c)
                worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                     static_cast<double>(widths[c]), nullptr);
            worksheet_freeze_panes(sheet, 1, 0);
        }
        const auto status = workbook_close(guard.release());
        if (status != LXW_NO_ERROR)
            return fail(ErrorKind::Io, "could not write " + path.string() + ": " + lxw_strerror(status));
        return {};
    });
}

} // namespace lotstation::storage
