#pragma once
// Streaming XML (expat) reduced to what a workbook needs: element starts with their attributes, element ends
// and text, names without their namespace prefix ("x:row" is "row").
#include "lotstation/storage/error.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace lotstation::storage {

using XmlAttributes = std::map<std::string, std::string, std::less<>>;

struct XmlHandlers {
    std::function<void(std::string_view name, const XmlAttributes& attributes)> start;
    std::function<void(std::string_view name)> end;
    std::function<void(std::string_view text)> text;
};

// Fails with "<what> is not well-formed XML (line N)" on bad XML.
[[nodiscard]] Result<void> parseXml(std::string_view xml, const XmlHandlers& handlers, const std::string& what);

} // namespace lotstation::storage
