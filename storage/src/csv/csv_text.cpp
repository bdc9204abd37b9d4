// RFC 4180 reading and writing, and exact decimals for quantities in CSV cells.
#include "lotstation/storage/csv.hpp"

#include <cstdlib>

namespace lotstation::storage {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8.
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) return 1;
    std::size_t length = 0;
    if ((byte & 0xe0) == 0xc0 && byte >= 0xc2)
        length = 2;
    else if ((byte & 0xf0) == 0xe0)
        length = 3;
    else if ((byte & 0xf8) == 0xf0 && byte <= 0xf4)
        length = 4;
    else
        return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
    }
    return length;
}

Result<void> checkUtf8(std::string_view text) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto length = utf8Length(text, i);
        if (length == 0) return fail(ErrorKind::Invalid, "line " + std::to_string(line) + ": not UTF-8 text");
        if (text[i] == '\n') ++line;
        i += length;
    }
    return {};
}

} // namespace

Result<std::vector<CsvRecord>> parseCsv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (auto valid = checkUtf8(text); !valid) return std::unexpected(valid.error());
    std::vector<CsvRecord> records;
    CsvRecord record{1, {}};
    std::string field;
    std::size_t line = 1;
    bool inQuotes = false, quoted = false, closed = false, pending = false;
    auto endField = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        quoted = closed = false;
    };
    auto endRecord = [&] {
        endField();
        records.push_back(std::move(record));
        record = CsvRecord{line + 1, {}};
        pending = false;
    };
    auto where = [&] { return "line " + std::to_string(line) + ": "; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                    closed = true;
                }
                continue;
            }
            if (c == '\n') ++line;
            field += c;
            continue;
        }
        pending = true;
        if (c == ',') {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endRecord();
            ++line;
        } else if (c == '"') {
            if (!field.empty() || quoted)
                return fail(ErrorKind::Invalid, where() +
                                                    "a quote inside a field that does not start with one "
                                                    "(write \"\" inside a quoted field)");
            inQuotes = quoted = true;
        } else {
            if (closed) return fail(ErrorKind::Invalid, where() + "text after the closing quote of a field");
            field += c;
        }
    }
    if (inQuotes)
        return fail(ErrorKind::Invalid,
                    "line " + std::to_string(record.line) + ": a quoted field is never closed");
    if (pending) endRecord();
    return records;
}

std::string csvField(std::string_view value) {
    const bool needsQuotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                             (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needsQuotes) return std::string(value);
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvRow(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += csvField(fields[i]);
    }
    out += "\r\n";
    return out;
}

std::string decimalQuantity(std::int64_t baseUnits, Uom uom) {
    const auto per = baseUnitsPerUnit(uom);
    if (per == 1) return std::to_string(baseUnits);
    const bool negative = baseUnits < 0;
    // Magnitude via unsigned arithmetic: INT64_MIN has no positive counterpart.
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(baseUnits) : static_cast<std::uint64_t>(baseUnits);
    const auto whole = magnitude / static_cast<std::uint64_t>(per);
    auto fraction = std::to_string(magnitude % static_cast<std::uint64_t>(per));
    std::string out = (negative ? "-" : "") + std::to_string(whole);
    if (fraction != "0") {
        fraction.insert(0, 3 - fraction.size(), '0');
        while (fraction.back() == '0')
            fraction.pop_back();
        out += "." + fraction;
    }
    return out;
}

} // namespace lotstation::storage
