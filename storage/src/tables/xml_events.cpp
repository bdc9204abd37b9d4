#include "xml_events.hpp"

#include <expat.h>
#include <memory>

namespace lotstation::storage {
namespace {

std::string_view localName(const XML_Char* name) {
    std::string_view full(name);
    const auto colon = full.rfind(':');
    return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

struct ParserFree {
    void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    const auto& handlers = *static_cast<const XmlHandlers*>(data);
    if (!handlers.start) return;
    XmlAttributes map;
    for (int i = 0; attributes[i] != nullptr; i += 2)
        map.emplace(std::string(localName(attributes[i])), attributes[i + 1]);
    handlers.start(localName(name), map);
}

void XMLCALL onEnd(void* data, const XML_Char* name) {
    const auto& handlers = *static_cast<const XmlHandlers*>(data);
    if (handlers.end) handlers.end(localName(name));
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    const auto& handlers = *static_cast<const XmlHandlers*>(data);
    if (handlers.text) handlers.text(std::string_view(text, static_cast<std::size_t>(length)));
}

} // namespace

Result<void> parseXml(std::string_view xml, const XmlHandlers& handlers, const std::string& what) {
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate("UTF-8"));
    if (!parser) return fail(ErrorKind::Io, "out of memory reading " + what);
    XML_SetUserData(parser.get(), const_cast<XmlHandlers*>(&handlers));
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    // Part by part: expat takes an int length.
    constexpr std::size_t kChunk = 1 << 24;
    for (std::size_t at = 0;; at += kChunk) {
        const auto part = at < xml.size() ? xml.substr(at, kChunk) : std::string_view();
        const bool last = at + kChunk >= xml.size();
        if (XML_Parse(parser.get(), part.data(), static_cast<int>(part.size()), last ? 1 : 0) == XML_STATUS_ERROR) {
            return fail(ErrorKind::Invalid, what + " is not well-formed XML (line " +
                                                std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                                                XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
        }
        if (last) break;
    }
    return {};
}

} // namespace lotstation::storage
