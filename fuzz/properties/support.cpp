#include "properties.hpp"

namespace lotstation::fuzz {

void require(bool holds, const std::string& what) {
    if (!holds) throw PropertyViolation(what);
}

std::string_view asText(Bytes input) {
    // Reading bytes as chars is what every text parser does with scanner input.
    return {reinterpret_cast<const char*>(input.data()), input.size()};
}

} // namespace lotstation::fuzz
