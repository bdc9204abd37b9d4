#include "lotstation/formats/gs1_ai.hpp"

#include "lotstation/formats/display_text.hpp"
#include "gs1_linters.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace lotstation::formats {

namespace {


bool inRange(const AiSpec& spec, std::string_view ai) {
    // AIs of equal length compare as numbers when compared as digit strings.
    return ai.size() == spec.first.size() && ai >= spec.first && ai <= spec.last;
}

bool digitsOnly(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::unexpected<Error> fail(std::string message) {
    return std::unexpected(Error{ErrorKind::Invalid, std::move(message)});
}

std::string charsetWord(CharSet charset) {
    switch (charset) {
    case CharSet::Numeric:
        return "digits";
    case CharSet::Cset82:
        return "characters";
    case CharSet::Cset39:
        return "characters";
    case CharSet::Cset64:
        return "characters";
    }
    return "characters";
}

} // namespace

std::size_t AiSpec::minLength() const {
    std::size_t length = 0;
    for (const auto& part : parts()) {
        if (!part.optional) length += part.minLength;
    }
    return length;
}

std::size_t AiSpec::maxLength() const {
    std::size_t length = 0;
    for (const auto& part : parts())
        length += part.maxLength;
    return length;
}

const AiSpec* findAi(std::string_view ai) {
    if (ai.size() < 2 || ai.size() > 4 || !digitsOnly(ai)) return nullptr;
    for (const auto& spec : aiTable()) {
        if (inRange(spec, ai)) return &spec;
    }
    return nullptr;
}

AiMatch matchAiPrefix(std::string_view data) {
    for (std::size_t length = 2; length <= 4 && length <= data.size(); ++length) {
        const auto candidate = data.substr(0, length);
        if (const AiSpec* spec = findAi(candidate)) return {spec, candidate};
    }
    return {};
}

std::size_t unknownAiLength(std::string_view data) {
    if (data.size() < 2) return data.size();
    const auto prefix = data.substr(0, 2);
    for (const auto& spec : aiTable()) {
        if (spec.first.substr(0, 2) == prefix) return std::min(spec.first.size(), data.size());
    }
    return 2;
}

std::string aiDisplayName(std::string_view ai) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 33> names{{
        {"00", "SSCC"},
        {"01", "GTIN"},
        {"02", "GTIN of contents"},
        {"03", "GTIN"},
        {"10", "lot"},
        {"11", "production date"},
        {"12", "due date"},
        {"13", "packaging date"},
        {"15", "best-before date"},
        {"16", "sell-by date"},
        {"17", "expiry"},
        {"21", "serial"},
        {"30", "count"},
        {"37", "count"},
        {"253", "GDTI"},
        {"255", "GCN"},
        {"402", "GSIN"},
        {"410", "GLN"},
        {"411", "GLN"},
        {"412", "GLN"},
        {"413", "GLN"},
        {"414", "GLN"},
        {"415", "GLN"},
        {"416", "GLN"},
        {"417", "GLN"},
        {"7003", "expiry time"},
        {"7006", "first freeze date"},
        {"7007", "harvest date"},
        {"7011", "test-by date"},
        {"8003", "GRAI"},
        {"8006", "ITIP"},
        {"8017", "GSRN"},
        {"8018", "GSRN"},
    }};
    for (const auto& [key, name] : names) {
        if (key == ai) return std::string{name};
    }
    return "AI (" + std::string{ai} + ")";
}

bool linterImplemented(Linter linter) {
    return linter != Linter::CouponCode && linter != Linter::CouponPositiveOffer;
}

Result<void> validateAiValue(std::string_view ai, std::string_view value) {
    const AiSpec* spec = findAi(ai);
    if (spec == nullptr) return fail("unknown AI (" + std::string{ai} + ")");
    const std::string label = "AI (" + std::string{ai} + ")";
    const std::string name = aiDisplayName(ai);
    if (value.empty()) return fail(label + " is empty");
    if (spec->fixedLength() && value.size() != spec->maxLength()) {
        const bool numeric = std::all_of(spec->parts().begin(), spec->parts().end(),
                                         [](const AiComponent& c) { return c.charset == CharSet::Numeric; });
        return fail(label + " must be " + std::to_string(spec->maxLength()) +
                    (numeric ? " digits" : " characters") + ", got " + std::to_string(value.size()));
    }
    if (value.size() > spec->maxLength()) {
        return fail(label + " longer than " + std::to_string(spec->maxLength()) + " characters");
    }
    if (value.size() < spec->minLength()) {
        return fail(label + " shorter than " + std::to_string(spec->minLength()) + " characters");
    }
    // First the shape of every part (lengths, characters), then the content checks: a value that is wrong in
    // form is reported as such before any of its parts is judged against a rule or a code list.
    std::vector<std::string_view> components;
    std::size_t pos = 0;
    for (const auto& part : spec->parts()) {
        if (pos == value.size() && part.optional) break;
        const std::size_t remaining = value.size() - pos;
        if (remaining < part.minLength) {
            return fail(label + " ends inside a part that needs " + std::to_string(part.minLength) + " " +
                        charsetWord(part.charset));
        }
        const std::size_t take = std::min<std::size_t>(remaining, part.maxLength);
        const auto component = value.substr(pos, take);
        for (char c : component) {
            if (detail::inCharSet(part.charset, c)) continue;
            if (part.charset == CharSet::Numeric)
                return fail(label + " allows only digits here, found " + displayChar(c));
            return fail(label + " contains " + displayChar(c) + ", which GS1 does not allow there");
        }
        components.push_back(component);
        pos += take;
    }
    if (pos != value.size()) return fail(label + " longer than " + std::to_string(pos) + " characters");
    for (std::size_t i = 0; i < components.size(); ++i) {
        const AiComponent& part = spec->parts()[i];
        if (part.charset == CharSet::Cset64) {
            if (auto padded = detail::checkBase64Padding(components[i], label); !padded) return padded;
        }
        for (Linter linter : part.linters) {
            if (auto checked = detail::applyLinter(linter, components[i], name); !checked) return checked;
        }
    }
    return {};
}

} // namespace lotstation::formats
