#include "gs1_text.hpp"
#include "lotstation/labels/payload.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace lotstation::labels {

namespace {

LabelError invalid(std::string message) {
    return LabelError{ErrorKind::Invalid, std::move(message)};
}

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// GS1 General Specifications, figure 7.11-1: the "character set 82" allowed in alphanumeric AIs.
bool isCset82(char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    constexpr std::string_view kPunctuation = "!\"%&'()*+,-./:;<=>?_";
    return kPunctuation.find(c) != std::string_view::npos;
}

struct Gs1Parts {
    std::string gtin;
    std::string dateAi; // "17", "15" or empty
    std::string date;
};

std::expected<Gs1Parts, LabelError> gs1Parts(const LotLabelData& lot) {
    if (!lot.gtin)
        return std::unexpected(invalid("GS1 codes need a GTIN; item '" + lot.itemName + "' has none"));
    auto gtin = normaliseGtin(*lot.gtin);
    if (!gtin) return std::unexpected(gtin.error());
    if (!isGs1LotCode(lot.lotCode))
        return std::unexpected(invalid("lot code '" + lot.lotCode +
                                       "' cannot go into GS1 AI (10): 1 to 20 characters of GS1 set 82"));
    Gs1Parts parts{*gtin, {}, {}};
    if (lot.expiry) {
        auto date = gs1Date(*lot.expiry, "expiry");
        if (!date) return std::unexpected(date.error());
        parts.dateAi = "17";
        parts.date = *date;
    } else if (lot.bestBefore) {
        auto date = gs1Date(*lot.bestBefore, "best-before date");
        if (!date) return std::unexpected(date.error());
        parts.dateAi = "15";
        parts.date = *date;
    }
    return parts;
}

} // namespace

std::expected<std::string, LabelError> gs1Date(const Date& date, std::string_view what) {
    if (!date.ok()) return std::unexpected(invalid(std::string(what) + " is not a valid date"));
    const int year = static_cast<int>(date.year());
    if (year < 2000 || year > 2099)
        return std::unexpected(invalid(std::string(what) + " " + formatDate(date) + " is outside 2000-2099"));
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "%02d%02u%02u", year % 100, static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return std::string(text.data());
}

std::expected<std::string, LabelError> normaliseGtin(std::string_view gtin) {
    if (!allDigits(gtin) || (gtin.size() != 8 && gtin.size() != 12 && gtin.size() != 13 && gtin.size() != 14))
        return std::unexpected(invalid("GTIN '" + std::string(gtin) + "' must be 8, 12, 13 or 14 digits"));
    std::string full(14 - gtin.size(), '0');
    full += gtin;
    int sum = 0;
    for (std::size_t i = 0; i < 13; ++i) {
        const int digit = full[i] - '0';
        sum += (i % 2 == 0) ? digit * 3 : digit; // weights 3,1,3,... from the left of a GTIN-14
    }
    const int check = (10 - sum % 10) % 10;
    if (full[13] - '0' != check)
        return std::unexpected(invalid("GTIN check digit wrong: '" + std::string(gtin) + "' should end in " +
                                       std::to_string(check)));
    return full;
}

bool isGs1LotCode(std::string_view lot) {
    return !lot.empty() && lot.size() <= 20 && std::all_of(lot.begin(), lot.end(), isCset82);
}

std::expected<std::string, LabelError> gs1ElementString(const LotLabelData& lot) {
    auto parts = gs1Parts(lot);
    if (!parts) return std::unexpected(parts.error());
    // Fixed-length AIs first and the variable-length lot last: no FNC1 separator is needed anywhere.
    return "01" + parts->gtin + parts->dateAi + parts->date + "10" + lot.lotCode;
}

std::expected<std::string, LabelError> gs1HumanReadable(const LotLabelData& lot) {
    auto parts = gs1Parts(lot);
    if (!parts) return std::unexpected(parts.error());
    std::string text = "(01)" + parts->gtin;
    if (!parts->dateAi.empty()) text += "(" + parts->dateAi + ")" + parts->date;
    return text + "(10)" + lot.lotCode;
}

} // namespace lotstation::labels
