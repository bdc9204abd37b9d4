// Our committed AI table against GS1's own Barcode Syntax Dictionary, entry by entry, and our parser against
// the GS1 data in the shared corpus of real barcodes. Both skip cleanly when the team's shared folder is
// absent.
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/gs1_ai.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace lotstation::formats;
namespace fs = std::filesystem;

namespace {

struct DictionaryComponent {
    char type = 'N';
    int minLength = 0;
    int maxLength = 0;
    bool optional = false;
    std::vector<std::string> linters;
};

struct DictionaryEntry {
    std::string first, last, flags, title;
    std::vector<DictionaryComponent> components;
    std::vector<std::string> req, ex;
    bool dlpkey = false;
    std::string dlQualifiers;
};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream stream{text};
    for (std::string part; std::getline(stream, part, separator);)
        parts.push_back(part);
    return parts;
}

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// Reads the dictionary by its documented syntax: "AIs [Flags] Specification [Attributes...] [# Title]".
std::vector<DictionaryEntry> readDictionary(const fs::path& path) {
    std::vector<DictionaryEntry> entries;
    std::istringstream lines{lotstation::test::readFile(path)};
    for (std::string line; std::getline(lines, line);) {
        if (trim(line).empty() || line[0] == '#') continue;
        DictionaryEntry entry;
        const auto hash = line.find('#');
        if (hash != std::string::npos) entry.title = trim(line.substr(hash + 1));
        std::istringstream tokens{line.substr(0, hash)};
        std::string token;
        tokens >> token;
        const auto dash = token.find('-');
        entry.first = token.substr(0, dash);
        entry.last = dash == std::string::npos ? entry.first : token.substr(dash + 1);
        while (tokens >> token) {
            const bool specification =
                token[0] == '[' || token[0] == 'N' || token[0] == 'X' || token[0] == 'Y' || token[0] == 'Z';
            if (token.starts_with("req=")) {
                entry.req.push_back(token.substr(4));
            } else if (token.starts_with("ex=")) {
                entry.ex.push_back(token.substr(3));
            } else if (token.starts_with("dlpkey")) {
                entry.dlpkey = true;
                if (token.size() > 7) entry.dlQualifiers = token.substr(7);
            } else if (specification) {
                DictionaryComponent component;
                auto parts = split(token, ',');
                std::string format = parts[0];
                component.optional = format.front() == '[';
                if (component.optional) format = format.substr(1, format.size() - 2);
                component.type = format[0];
                const bool variable = format.substr(1, 2) == "..";
                component.maxLength = std::stoi(format.substr(variable ? 3 : 1));
                component.minLength = variable ? 1 : component.maxLength;
                component.linters.assign(parts.begin() + 1, parts.end());
                entry.components.push_back(component);
            } else {
                entry.flags = token;
            }
        }
        entries.push_back(entry);
    }
    return entries;
}

char typeLetter(CharSet charset) {
    switch (charset) {
    case CharSet::Numeric:
        return 'N';
    case CharSet::Cset82:
        return 'X';
    case CharSet::Cset39:
        return 'Y';
    case CharSet::Cset64:
        return 'Z';
    }
    return '?';
}

std::string linterName(Linter linter) {
    static const std::map<Linter, std::string> names{
        {Linter::Csum, "csum"},
        {Linter::CsumAlpha, "csumalpha"},
        {Linter::GcpPos1, "gcppos1"},
        {Linter::GcpPos2, "gcppos2"},
        {Linter::Yymmd0, "yymmd0"},
        {Linter::Yymmdd, "yymmdd"},
        {Linter::Yyyymmdd, "yyyymmdd"},
        {Linter::Hhmi, "hhmi"},
        {Linter::Hh, "hh"},
        {Linter::Mi, "mi"},
        {Linter::Ss, "ss"},
        {Linter::Iso3166, "iso3166"},
        {Linter::Iso3166With999, "iso3166999"},
        {Linter::Iso3166Alpha2, "iso3166alpha2"},
        {Linter::Iso4217, "iso4217"},
        {Linter::Iso5218, "iso5218"},
        {Linter::PercentEncoded, "pcenc"},
        {Linter::YesNo, "yesno"},
        {Linter::Hyphen, "hyphen"},
        {Linter::NonZero, "nonzero"},
        {Linter::Zero, "zero"},
        {Linter::Winding, "winding"},
        {Linter::PieceOfTotal, "pieceoftotal"},
        {Linter::ImporterIndex, "importeridx"},
        {Linter::PackageType, "packagetype"},
        {Linter::MediaType, "mediatype"},
        {Linter::PositionInSequence, "posinseqslash"},
        {Linter::NoZeroPrefix, "nozeroprefix"},
        {Linter::HasNonDigit, "hasnondigit"},
        {Linter::CouponCode, "couponcode"},
        {Linter::CouponPositiveOffer, "couponposoffer"},
        {Linter::Iban, "iban"},
        {Linter::Latitude, "latitude"},
        {Linter::Longitude, "longitude"},
    };
    return names.at(linter);
}

// Linters left out on purpose, and why: North American coupon data (AIs 8110 / 8112) has no use on a
// lot-tracking floor; those AIs keep their character and length checks.
const std::map<std::string, std::string> kLeftOutLinters{
    {"couponcode", "coupon data (8110), not used on a lot-tracking floor"},
    {"couponposoffer", "coupon data (8112), not used on a lot-tracking floor"},
};

std::string join(const std::vector<std::string>& parts, char separator) {
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : std::string{separator}) + part;
    return out;
}

} // namespace

TEST_CASE("gs1 dictionary: every AI in our table agrees with GS1's syntax dictionary") {
    const auto shared = lotstation::test::sharedDir();
    if (!shared || !fs::exists(*shared / "gs1/gs1-syntax-dictionary.txt")) {
        LOTSTATION_SKIP("GS1 syntax dictionary not available (../shared/gs1)");
    }
    const auto dictionary = readDictionary(*shared / "gs1/gs1-syntax-dictionary.txt");
    REQUIRE(dictionary.size() > 200);
    const auto table = aiTable();
    REQUIRE(table.size() == dictionary.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        const AiSpec& ours = table[i];
        const DictionaryEntry& theirs = dictionary[i];
        INFO("AI " << theirs.first << "-" << theirs.last << " " << theirs.title);
        CHECK(ours.first == theirs.first);
        CHECK(ours.last == theirs.last);
        CHECK(ours.predefinedLength == (theirs.flags.find('*') != std::string::npos));
        CHECK(ours.dlDataAttribute == (theirs.flags.find('?') != std::string::npos));
        CHECK(ours.title == theirs.title);
        CHECK(ours.excludes == join(theirs.ex, ';'));
        CHECK(ours.requiredWith == join(theirs.req, ';'));
        CHECK(ours.dlPrimaryKey == theirs.dlpkey);
        CHECK(ours.dlQualifiers == theirs.dlQualifiers);
        REQUIRE(ours.parts().size() == theirs.components.size());
        for (std::size_t c = 0; c < theirs.components.size(); ++c) {
            const AiComponent& part = ours.parts()[c];
            const DictionaryComponent& spec = theirs.components[c];
            CHECK(typeLetter(part.charset) == spec.type);
            CHECK(part.minLength == spec.minLength);
            CHECK(part.maxLength == spec.maxLength);
            CHECK(part.optional == spec.optional);
            std::vector<std::string> linters;
            for (Linter linter : part.linters) {
                if (linter == Linter::None) continue;
                linters.push_back(linterName(linter));
                // Every linter the dictionary names is implemented, except those left out with a reason.
                const bool leftOut = kLeftOutLinters.contains(linterName(linter));
                CHECK_MESSAGE(linterImplemented(linter) != leftOut, linterName(linter));
            }
            CHECK(linters == spec.linters);
        }
        // Every AI of a range resolves to this entry.
        CHECK(findAi(theirs.first) == &ours);
        CHECK(findAi(theirs.last) == &ours);
    }
}

TEST_CASE("gs1 dictionary: a value of each AI's full format is accepted, one character more is refused") {
    const auto table = aiTable();
    for (const AiSpec& spec : table) {
        // Only AIs whose components carry no content rule can take a synthetic value.
        bool plain = true;
        for (const auto& part : spec.parts()) {
            for (Linter linter : part.linters)
                plain = plain && linter == Linter::None;
        }
        if (!plain) continue;
        std::string value;
        for (const auto& part : spec.parts())
            value.append(part.maxLength, part.charset == CharSet::Numeric ? '7' : 'A');
        INFO("AI " << spec.first << " value " << value);
        CHECK(validateAiValue(spec.first, value).has_value());
        CHECK_FALSE(validateAiValue(spec.last, value + "7").has_value());
    }
}
