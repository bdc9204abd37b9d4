#pragma once
// GS1 Digital Link URIs: https://any.domain/optional/prefix/01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD&15=...
//
// Reading: the path ends in a primary key (an AI the dictionary marks "dlpkey", e.g. 01, 00, 414) and its
// value, followed by key qualifiers in the dictionary's order (for 01: 22, 10, 21, or 235); anything before
// the key is the resolver's own prefix. Query parameters whose names are AIs are data attributes (only AIs
// the dictionary allows there, each once; a key or one of its qualifiers such as the lot belongs in the path
// and is refused in the query); other parameters (linkType, ...) are ignored. Segments and values are
// percent-decoded, and in the query '+' is a space (form encoding; a real '+' is %2B). A GTIN of 8, 12 or 13
// digits is padded to 14 in the path and the query alike. Every value then passes the same checks as in a
// barcode.
#include "lotstation/formats/gs1.hpp"
#include "lotstation/core/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lotstation::formats {

struct DigitalLink {
    std::string uri;  // as scanned
    std::string host; // e.g. "id.gs1.org"
    Gs1Data data;     // key, qualifiers, then attributes, with the typed fields filled
    friend bool operator==(const DigitalLink&, const DigitalLink&) = default;
};

// True for an http(s) URI: the interpreter then reads it as a Digital Link or says why it is not one.
[[nodiscard]] bool isWebAddress(std::string_view text);

[[nodiscard]] Result<DigitalLink> parseDigitalLink(std::string_view uri,
                                                                          const Gs1Options& options = {});

// Builds the canonical form: the first primary-key AI in the path, its qualifiers in dictionary order, the
// rest as query attributes in the order given. Fails on invalid values or AIs a Digital Link cannot carry.
[[nodiscard]] Result<std::string>
buildDigitalLink(const std::vector<Gs1Element>& elements, std::string_view base = "https://id.gs1.org");

} // namespace lotstation::formats
