#include "lotstation/formats/digital_link.hpp"

#include "lotstation/formats/display_text.hpp"
#include "lotstation/formats/gs1_ai.hpp"
#include "lotstation/formats/gtin.hpp"
#include "percent.hpp"

#include <algorithm>
#include <optional>

namespace lotstation::formats {

namespace {

std::unexpected<Error> fail(std::string message) {
    return std::unexpected(Error{ErrorKind::Invalid, std::move(message)});
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(text[i]) != prefix[i]) return false;
    }
    return true;
}

Result<std::string> percentDecode(std::string_view text) {
    auto decoded = detail::percentDecode(text);
    if (!decoded)
        return fail("bad %-escape \"" + displayText(text.substr(decoded.error(), 3)) + "\" in the link");
    return std::move(*decoded);
}

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) break;
        text.remove_prefix(at + 1);
    }
    return parts;
}

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "22,10,21|235" -> {{"22","10","21"}, {"235"}}
std::vector<std::vector<std::string_view>> qualifierSequences(const AiSpec& key) {
    std::vector<std::vector<std::string_view>> sequences;
    if (key.dlQualifiers.empty()) return sequences;
    for (auto alternative : splitOn(key.dlQualifiers, '|'))
        sequences.push_back(splitOn(alternative, ','));
    return sequences;
}

// Whether `ais` is an in-order subsequence of one qualifier sequence.
bool qualifiersInOrder(const AiSpec& key, const std::vector<std::string>& ais) {
    if (ais.empty()) return true;
    for (const auto& sequence : qualifierSequences(key)) {
        std::size_t next = 0;
        for (const auto& ai : sequence) {
            if (next < ais.size() && ais[next] == ai) ++next;
        }
        if (next == ais.size()) return true;
    }
    return false;
}

bool isQualifierOf(const AiSpec& key, std::string_view ai) {
    for (const auto& sequence : qualifierSequences(key)) {
        if (std::find(sequence.begin(), sequence.end(), ai) != sequence.end()) return true;
    }
    return false;
}

// A GTIN-8/12/13 is the same GTIN as its GTIN-14 form, in the path and in the query alike.
std::string padGtin(std::string_view ai, std::string value) {
    const bool gtinAi = ai == "01" || ai == "02" || ai == "03";
    if (gtinAi && allDigits(value) && isGtinLength(value.size())) {
        value.insert(0, 14 - value.size(), '0');
    }
    return value;
}

// In a query (application/x-www-form-urlencoded, as browsers and resolvers write it) '+' is a space; a real
// '+' arrives as %2B. In the path '+' is itself.
std::string formDecodePlus(std::string_view text) {
    std::string out{text};
    std::replace(out.begin(), out.end(), '+', ' ');
    return out;
}

// The path from segment `start` on as key + qualifier pairs, or why not.
Result<std::vector<Gs1Element>> readPathFrom(const std::vector<std::string>& segments,
                                                                    std::size_t start) {
    const AiSpec* key = findAi(segments[start]);
    if ((segments.size() - start) % 2 != 0) {
        return fail("the link path after (" + segments[start] + ") does not pair every AI with a value");
    }
    std::vector<Gs1Element> elements;
    std::vector<std::string> qualifiers;
    for (std::size_t i = start; i < segments.size(); i += 2) {
        const std::string& ai = segments[i];
        std::string value = segments[i + 1];
        if (i > start) {
            if (!isQualifierOf(*key, ai)) {
                return fail("(" + displayText(ai, 8) + ") cannot follow (" + segments[start] +
                            ") in a Digital Link path");
            }
            qualifiers.push_back(ai);
            if (!qualifiersInOrder(*key, qualifiers)) {
                return fail("Digital Link path qualifiers out of order at (" + ai + ")");
            }
        }
        value = padGtin(ai, std::move(value));
        if (auto valid = validateAiValue(ai, value); !valid) return std::unexpected(valid.error());
        elements.push_back({ai, std::move(value)});
    }
    return elements;
}

std::string percentEncode(std::string_view value) {
    return detail::percentEncode(value, detail::isUriUnreserved);
}

} // namespace

bool isWebAddress(std::string_view text) {
    return startsWithIgnoreCase(text, "https://") || startsWithIgnoreCase(text, "http://");
}

Result<DigitalLink> parseDigitalLink(std::string_view uri, const Gs1Options& options) {
    if (!isWebAddress(uri)) return fail("not a web address (http:// or https://)");
    std::string_view rest = uri.substr(uri.find("//") + 2);
    rest = rest.substr(0, rest.find('#'));
    const auto pathStart = rest.find_first_of("/?");
    const std::string_view host = rest.substr(0, pathStart);
    if (host.empty()) return fail("the link names no host");
    rest = pathStart == std::string_view::npos ? std::string_view{} : rest.substr(pathStart);
    const auto queryStart = rest.find('?');
    const std::string_view path = rest.substr(0, queryStart);
    const std::string_view query =
        queryStart == std::string_view::npos ? std::string_view{} : rest.substr(queryStart + 1);

    std::vector<std::string> segments;
    for (auto raw : splitOn(path, '/')) {
        if (raw.empty()) continue;
        auto decoded = percentDecode(raw);
        if (!decoded) return std::unexpected(decoded.error());
        segments.push_back(std::move(*decoded));
    }

    std::optional<Error> firstProblem;
    std::vector<Gs1Element> elements;
    bool found = false;
    for (std::size_t start = 0; start + 1 < segments.size() && !found; ++start) {
        const AiSpec* key = findAi(segments[start]);
        if (key == nullptr || !key->dlPrimaryKey) continue;
        auto pathElements = readPathFrom(segments, start);
        if (pathElements) {
            elements = std::move(*pathElements);
            found = true;
        } else if (!firstProblem) {
            firstProblem = pathElements.error();
        }
    }
    if (!found) {
        if (firstProblem) return std::unexpected(*firstProblem);
        return fail(
            "web address without a GS1 key in its path (such as /01/ and a GTIN), so not a GS1 Digital Link");
    }

    if (!query.empty()) {
        const AiSpec& key = *findAi(elements.front().ai);
        for (auto parameter : splitOn(query, '&')) {
            const auto equals = parameter.find('=');
            const auto name = parameter.substr(0, equals);
            if (!allDigits(name)) continue; // linkType, context, ... are for the resolver, not data
            const AiSpec* spec = findAi(name);
            if (spec == nullptr) return fail("unknown AI (" + std::string{name} + ") in the link's query");
            // The key and its qualifiers (lot, serial, ...) identify the thing: they belong in the path, where
            // their order is checked, never in the query where a second copy could contradict the path.
            if (spec->dlPrimaryKey || isQualifierOf(key, name)) {
                return fail("AI (" + std::string{name} +
                            ") belongs in the Digital Link path, not in its query");
            }
            if (!spec->dlDataAttribute) {
                return fail("AI (" + std::string{name} +
                            ") is not allowed as a Digital Link query attribute");
            }
            const bool repeated = std::any_of(elements.begin(), elements.end(),
                                              [&](const Gs1Element& e) { return e.ai == name; });
            if (repeated) return fail("AI (" + std::string{name} + ") appears twice in the link");
            auto value = percentDecode(formDecodePlus(equals == std::string_view::npos
                                                          ? std::string_view{}
                                                          : parameter.substr(equals + 1)));
            if (!value) return std::unexpected(value.error());
            elements.push_back({std::string{name}, padGtin(std::string{name}, std::move(*value))});
        }
    }
    auto data = gs1FromElements(std::move(elements), options);
    if (!data) return std::unexpected(data.error());
    return DigitalLink{std::string{uri}, std::string{host}, std::move(*data)};
}

Result<std::string> buildDigitalLink(const std::vector<Gs1Element>& elements,
                                                            std::string_view base) {
    if (auto valid = gs1FromElements(elements); !valid) {
        return std::unexpected(valid.error());
    }
    const auto keyAt = std::find_if(elements.begin(), elements.end(), [](const Gs1Element& e) {
        const AiSpec* spec = findAi(e.ai);
        return spec != nullptr && spec->dlPrimaryKey;
    });
    if (keyAt == elements.end()) return fail("no AI that can be a Digital Link key (such as (01) or (00))");
    const AiSpec& key = *findAi(keyAt->ai);

    // The qualifier sequence that carries the most of the given AIs goes into the path.
    std::vector<std::string_view> best;
    std::size_t bestCount = 0;
    for (const auto& sequence : qualifierSequences(key)) {
        const auto count =
            static_cast<std::size_t>(std::count_if(sequence.begin(), sequence.end(), [&](auto ai) {
                return std::any_of(elements.begin(), elements.end(),
                                   [&](const Gs1Element& e) { return e.ai == ai; });
            }));
        if (count > bestCount) {
            best = sequence;
            bestCount = count;
        }
    }
    std::string uri{base};
    while (!uri.empty() && uri.back() == '/')
        uri.pop_back();
    uri += "/" + keyAt->ai + "/" + percentEncode(keyAt->value);
    std::vector<const Gs1Element*> inPath{&*keyAt};
    for (auto ai : best) {
        for (const auto& element : elements) {
            if (element.ai == ai) {
                uri += "/" + element.ai + "/" + percentEncode(element.value);
                inPath.push_back(&element);
                break;
            }
        }
    }
    char separator = '?';
    for (const auto& element : elements) {
        if (std::find(inPath.begin(), inPath.end(), &element) != inPath.end()) continue;
        const AiSpec* spec = findAi(element.ai);
        if (!spec->dlDataAttribute)
            return fail("AI (" + element.ai + ") cannot be carried in a Digital Link");
        uri += separator + element.ai + "=" + percentEncode(element.value);
        separator = '&';
    }
    return uri;
}

} // namespace lotstation::formats
