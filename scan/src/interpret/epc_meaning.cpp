#include "interpret/epc_meaning.hpp"

#include "lotstation/formats/display_text.hpp"
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/epc.hpp"

namespace lotstation::scan::detail {

Meaning meaningOfEpc(std::string_view data, std::string_view text, const formats::Gs1Options& options) {
    auto epc = data.starts_with("urn:epc:") ? formats::parseEpcUri(data) : formats::decodeEpcHex(data);
    if (!epc) return Unreadable{formats::displayText(text), "EPC: " + epc.error().message};
    std::vector<formats::Gs1Element> elements;
    for (const auto& element : epc->elements) elements.push_back({element.ai, element.value});
    auto gs1 = formats::gs1FromElements(std::move(elements), options);
    if (!gs1) return Unreadable{formats::displayText(text), "EPC: " + gs1.error().message};
    return std::move(*gs1);
}

} // namespace lotstation::scan::detail
