#include "interpret/epc_meaning.hpp"

#include "display_text.hpp"
#include "lotstation/formats/epc.hpp"

namespace lotstation::scan::detail {

Meaning meaningOfEpc(std::string_view data, std::string_view text, const Gs1Options& options) {
    auto epc = data.starts_with("urn:epc:") ? formats::parseEpcUri(data) : formats::decodeEpcHex(data);
    if (!epc) return Unreadable{displayText(text), "EPC: " + epc.error().message};
    std::vector<Gs1Element> elements;
    for (const auto& element : epc->elements) elements.push_back({element.ai, element.value});
    auto gs1 = gs1FromElements(std::move(elements), options);
    if (!gs1) return Unreadable{displayText(text), "EPC: " + gs1.error().message};
    return std::move(*gs1);
}

} // namespace lotstation::scan::detail
