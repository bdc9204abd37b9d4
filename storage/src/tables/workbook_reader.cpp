// One sheet of an .xlsx workbook: workbook.xml names the sheets, its relationships say which part holds each,
// sharedStrings.xml holds the text most cells point at, and the sheet part holds the cells and merged ranges.
#include "lotstation/storage/workbook.hpp"

#include "xml_events.hpp"
#include "zip_archive.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <tuple>

namespace lotstation::storage {
namespace {

struct SheetRef {
    std::string name;
    std::string part; // "xl/worksheets/sheet1.xml"
};

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What the file is when it is not a zip: an encrypted workbook and an old .xls are both OLE compound files.
std::optional<Error> notAZip(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorKind::Io, "cannot open " + path.string()};
    char magic[8] = {};
    in.read(magic, sizeof magic);
    const std::string_view head(magic, static_cast<std::size_t>(in.gcount()));
    if (head == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return Error{ErrorKind::Invalid, path.filename().string() +
                                             " is password-protected (encrypted) or an old .xls file: save it as an "
                                             ".xlsx workbook without a password"};
    if (!head.starts_with("PK"))
        return Error{ErrorKind::Invalid, path.filename().string() + " is not an .xlsx workbook (not a zip file)"};
    return std::nullopt;
}

Result<std::string> requirePart(const ZipArchive& zip, const std::string& name, const std::string& shown) {
    auto bytes = zip.read(name);
    if (!bytes) return std::unexpected(bytes.error());
    if (!*bytes)
        return fail(ErrorKind::Invalid, shown + " is a zip file but not an Excel workbook (no " + name + ")");
    return std::move(**bytes);
}

Result<std::vector<SheetRef>> sheetRefs(const ZipArchive& zip, const std::string& shown) {
    auto workbook = requirePart(zip, "xl/workbook.xml", shown);
    if (!workbook) return std::unexpected(workbook.error());
    auto rels = requirePart(zip, "xl/_rels/workbook.xml.rels", shown);
    if (!rels) return std::unexpected(rels.error());
    std::vector<std::pair<std::string, std::string>> named; // name, relationship id
    auto parsed = parseXml(*workbook, {.start = [&](std::string_view element, const XmlAttributes& a) {
                                           if (element != "sheet") return;
                                           const auto name = a.find("name");
                                           const auto id = a.find("id");
                                           if (name != a.end() && id != a.end()) named.emplace_back(name->second, id->second);
                                       }},
                           shown + " (workbook.xml)");
    if (!parsed) return std::unexpected(parsed.error());
    std::map<std::string, std::string> targets;
    parsed = parseXml(*rels, {.start = [&](std::string_view element, const XmlAttributes& a) {
                                  if (element != "Relationship") return;
                                  const auto id = a.find("Id");
                                  const auto target = a.find("Target");
                                  if (id != a.end() && target != a.end()) targets[id->second] = target->second;
                              }},
                      shown + " (workbook relationships)");
    if (!parsed) return std::unexpected(parsed.error());
    std::vector<SheetRef> out;
    for (const auto& [name, id] : named) {
        const auto target = targets.find(id);
        if (target == targets.end()) continue;
        auto part = target->second;
        part = part.starts_with('/') ? part.substr(1) : "xl/" + part;
        out.push_back({name, part});
    }
    if (out.empty()) return fail(ErrorKind::Invalid, shown + " has no sheets");
    return out;
}

Result<std::vector<std::string>> sharedStrings(const ZipArchive& zip, const std::string& shown) {
    auto bytes = zip.read("xl/sharedStrings.xml");
    if (!bytes) return std::unexpected(bytes.error());
    std::vector<std::string> out;
    if (!*bytes) return out;
    std::string current;
    bool inText = false;
    int phonetic = 0; // <rPh> runs hold pronunciation hints, not the text
    auto parsed = parseXml(**bytes,
                           {.start = [&](std::string_view e, const XmlAttributes&) {
                                if (e == "si") current.clear();
                                if (e == "rPh") ++phonetic;
                                if (e == "t" && phonetic == 0) inText = true;
                            },
                            .end = [&](std::string_view e) {
                                if (e == "t") inText = false;
                                if (e == "rPh") --phonetic;
                                if (e == "si") out.push_back(current);
                            },
                            .text = [&](std::string_view text) {
                                if (inText) current += text;
                            }},
                           shown + " (shared strings)");
    if (!parsed) return std::unexpected(parsed.error());
    return out;
}

// "B12" -> (11, 1).
std::optional<std::pair<std::size_t, std::size_t>> cellPosition(std::string_view ref) {
    std::size_t column = 0;
    std::size_t at = 0;
    while (at < ref.size() && std::isalpha(static_cast<unsigned char>(ref[at])) != 0) {
        column = column * 26 + static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(ref[at])) - 'A' + 1);
        ++at;
    }
    std::size_t row = 0;
    const auto digits = at;
    while (at < ref.size() && std::isdigit(static_cast<unsigned char>(ref[at])) != 0)
        row = row * 10 + static_cast<std::size_t>(ref[at++] - '0');
    if (column == 0 || row == 0 || at != ref.size() || at == digits || row > 1'048'576 || column > 16'384)
        return std::nullopt;
    return std::pair{row - 1, column - 1};
}

struct CellDraft {
    std::size_t row = 0, column = 0;
    std::string type; // t attribute
    std::string value, inlineText;
    bool hasFormula = false, hasValue = false;
};

} // namespace

std::string columnLetters(std::size_t column) {
    std::string out;
    for (++column; column > 0; column = (column - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

Result<std::vector<std::string>> workbookSheets(const std::filesystem::path& path) {
    if (auto problem = notAZip(path)) return std::unexpected(*problem);
    auto zip = ZipArchive::open(path);
    if (!zip) return std::unexpected(zip.error());
    auto refs = sheetRefs(*zip, path.filename().string());
    if (!refs) return std::unexpected(refs.error());
    std::vector<std::string> out;
    for (const auto& ref : *refs)
        out.push_back(ref.name);
    return out;
}

Result<Sheet> readSheet(const std::filesystem::path& path, const std::optional<std::string>& name) {
    const auto shown = path.filename().string();
    if (auto problem = notAZip(path)) return std::unexpected(*problem);
    auto zip = ZipArchive::open(path);
    if (!zip) return std::unexpected(zip.error());
    if (auto encrypted = zip->read("EncryptedPackage"); encrypted && *encrypted)
        return fail(ErrorKind::Invalid, shown + " is password-protected (encrypted): save it without a password");
    auto refs = sheetRefs(*zip, shown);
    if (!refs) return std::unexpected(refs.error());
    auto chosen = refs->begin();
    if (name) {
        chosen = std::find_if(refs->begin(), refs->end(), [&](const SheetRef& r) { return lower(r.name) == lower(*name); });
        if (chosen == refs->end()) {
            std::string names;
            for (const auto& r : *refs)
                names += (names.empty() ? "" : ", ") + r.name;
            return fail(ErrorKind::NotFound, shown + " has no sheet '" + *name + "' (it has " + names + ")");
        }
    }
    auto strings = sharedStrings(*zip, shown);
    if (!strings) return std::unexpected(strings.error());
    auto xml = requirePart(*zip, chosen->part, shown);
    if (!xml) return std::unexpected(xml.error());

    Sheet sheet;
    sheet.name = chosen->name;
    const auto where = [&](const CellDraft& c) {
        return "sheet '" + sheet.name + "', row " + std::to_string(c.row + 1) + ", column " + columnLetters(c.column);
    };
    std::optional<Error> problem;
    CellDraft cell;
    std::string* collecting = nullptr;
    std::size_t nextRow = 0, nextColumn = 0;
    std::vector<std::string> merges;
    const auto put = [&](std::size_t row, std::size_t column, SheetCell value) {
        if (sheet.rows.size() <= row) sheet.rows.resize(row + 1);
        auto& cells = sheet.rows[row];
        if (cells.size() <= column) cells.resize(column + 1);
        cells[column] = std::move(value);
    };
    const auto finishCell = [&] {
        if (problem) return;
        SheetCell out;
        if (cell.type == "s") {
            std::size_t index = 0;
            try {
                index = std::stoul(cell.value);
            } catch (...) {
                index = strings->size();
            }
            if (index >= strings->size()) {
                problem = Error{ErrorKind::Invalid, where(cell) + ": a shared string that does not exist"};
                return;
            }
            out.text = (*strings)[index];
        } else if (cell.type == "inlineStr") {
            out.text = cell.inlineText;
        } else if (cell.type == "e") {
            problem = Error{ErrorKind::Invalid, where(cell) + ": the cell holds the error " + cell.value};
            return;
        } else if (cell.hasFormula && (!cell.hasValue || cell.value.empty())) {
            problem = Error{ErrorKind::Invalid, where(cell) +
                                                    ": a formula without a saved value (open the workbook in a "
                                                    "spreadsheet and save it, so the result is stored)"};
            return;
        } else if (cell.type == "b") {
            out.text = cell.value == "1" ? "TRUE" : "FALSE";
        } else {
            out.text = cell.value;
            out.number = cell.type.empty() || cell.type == "n";
        }
        if (!out.text.empty()) put(cell.row, cell.column, std::move(out));
    };
    auto parsed = parseXml(
        *xml,
        {.start = [&](std::string_view e, const XmlAttributes& a) {
             if (e == "row") {
                 const auto r = a.find("r");
                 nextRow = r != a.end() ? static_cast<std::size_t>(std::max(1L, std::atol(r->second.c_str()))) - 1 : nextRow;
                 nextColumn = 0;
             } else if (e == "c") {
                 cell = CellDraft{};
                 cell.row = nextRow;
                 cell.column = nextColumn;
                 if (const auto r = a.find("r"); r != a.end()) {
                     if (auto position = cellPosition(r->second)) std::tie(cell.row, cell.column) = *position;
                 }
                 nextColumn = cell.column + 1;
                 if (const auto t = a.find("t"); t != a.end()) cell.type = t->second;
             } else if (e == "v") {
                 cell.hasValue = true;
                 collecting = &cell.value;
             } else if (e == "f") {
                 cell.hasFormula = true;
             } else if (e == "t") {
                 collecting = &cell.inlineText;
             } else if (e == "mergeCell") {
                 if (const auto ref = a.find("ref"); ref != a.end()) merges.push_back(ref->second);
             }
         },
         .end = [&](std::string_view e) {
             if (e == "v" || e == "t") collecting = nullptr;
             if (e == "c") finishCell();
             if (e == "row") ++nextRow;
         },
         .text = [&](std::string_view text) {
             if (collecting) *collecting += text;
         }},
        shown + " (sheet '" + sheet.name + "')");
    if (!parsed) return std::unexpected(parsed.error());
    if (problem) return std::unexpected(*problem);
    // A merged range shows its top-left value across the range: repeat it, as a person reading the sheet does.
    for (const auto& ref : merges) {
        const auto colon = ref.find(':');
        if (colon == std::string::npos) continue;
        const auto from = cellPosition(std::string_view(ref).substr(0, colon));
        const auto to = cellPosition(std::string_view(ref).substr(colon + 1));
        if (!from || !to || to->first < from->first || to->second < from->second) continue;
        if ((to->first - from->first + 1) * (to->second - from->second + 1) > 1'000'000) continue;
        SheetCell value;
        if (from->first < sheet.rows.size() && from->second < sheet.rows[from->first].size())
            value = sheet.rows[from->first][from->second];
        for (auto r = from->first; r <= to->first; ++r)
            for (auto c = from->second; c <= to->second; ++c)
                if (!value.text.empty()) put(r, c, value);
    }
    return sheet;
}

} // namespace lotstation::storage
