#include "lot_code_expansion.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace lotstation::storage {
namespace {

constexpr std::array kTokens{std::string_view("SKU"), std::string_view("YYYY"), std::string_view("YY"),
                             std::string_view("MM"),  std::string_view("DD"),   std::string_view("YYMMDD"),
                             std::string_view("JJJ"), std::string_view("ST"),   std::string_view("NN")};

bool printable(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '/' || c == '_';
}

std::string padded(long value, int width) {
    char text[32];
    std::snprintf(text, sizeof text, "%0*ld", width, value);
    return text;
}

std::string tokenValue(std::string_view token, const LotCodeValues& values) {
    const int year = static_cast<int>(values.day.year());
    const auto month = static_cast<long>(static_cast<unsigned>(values.day.month()));
    const auto day = static_cast<long>(static_cast<unsigned>(values.day.day()));
    if (token == "SKU") return std::string(values.sku);
    if (token == "YYYY") return padded(year, 4);
    if (token == "YY") return padded(year % 100, 2);
    if (token == "MM") return padded(month, 2);
    if (token == "DD") return padded(day, 2);
    if (token == "YYMMDD") return padded(year % 100, 2) + padded(month, 2) + padded(day, 2);
    if (token == "JJJ") {
        const std::chrono::sys_days first{values.day.year() / std::chrono::January / 1};
        return padded((std::chrono::sys_days{values.day} - first).count() + 1, 3);
    }
    if (token == "ST") return std::string(values.shortCode);
    return {};
}

} // namespace

Result<LotCodePieces> splitLotCodePattern(std::string_view pattern) {
    LotCodePieces pieces;
    bool counterSeen = false;
    for (std::size_t at = 0; at < pattern.size();) {
        const char c = pattern[at];
        if (c == '{') {
            const auto close = pattern.find_first_of("{}", at + 1);
            if (close == std::string_view::npos || pattern[close] == '{')
                return fail(ErrorKind::Invalid, "the lot-code pattern opens a token at character " +
                                                    std::to_string(at + 1) + " and never closes it with }");
            const auto token = pattern.substr(at + 1, close - at - 1);
            bool known = false;
            for (const auto name : kTokens)
                known = known || name == token;
            if (!known)
                return fail(ErrorKind::Invalid, "{" + std::string(token) +
                                                    "} is not a lot-code token; use {SKU} {YYYY} {YY} {MM} {DD} "
                                                    "{YYMMDD} {JJJ} {ST} {NN}");
            if (token == "NN") {
                if (counterSeen) return fail(ErrorKind::Invalid, "the lot-code pattern has {NN} twice; once, please");
                counterSeen = true;
            } else {
                (counterSeen ? pieces.after : pieces.before) += pattern.substr(at, close - at + 1);
            }
            at = close + 1;
            continue;
        }
        if (!printable(c))
            return fail(ErrorKind::Invalid, "'" + std::string(1, c) +
                                                "' cannot be part of a lot code on a label; letters, digits and "
                                                "- . / _ can");
        (counterSeen ? pieces.after : pieces.before) += c;
        ++at;
    }
    if (!counterSeen)
        return fail(ErrorKind::Invalid, "the lot-code pattern needs {NN}, the counter: without it two lots made "
                                        "the same day would get the same code");
    return pieces;
}

std::string expandLotCodePiece(std::string_view piece, const LotCodeValues& values) {
    std::string text;
    for (std::size_t at = 0; at < piece.size();) {
        if (piece[at] == '{') {
            const auto close = piece.find('}', at);
            text += tokenValue(piece.substr(at + 1, close - at - 1), values);
            at = close + 1;
        } else {
            text += piece[at++];
        }
    }
    return text;
}

} // namespace lotstation::storage
