#pragma once
// One parser per protocol; parseFrame() has already dropped STX and padding and refused control bytes.
#include "lotstation/scale/protocol.hpp"

#include <string_view>
#include <vector>

namespace lotstation::scale {

[[nodiscard]] Result<Reply> parseMtSics(std::string_view frame);
[[nodiscard]] Result<Reply> parseToledo(std::string_view frame, std::string_view unit);
[[nodiscard]] Result<Reply> parseContinuous(std::string_view frame);
[[nodiscard]] Result<Reply> parseAnD(std::string_view frame);

// Shared by the parsers: "+0001.234kg", "  1.234 kg", "-0.5 g" -> value and unit.
[[nodiscard]] Result<Weight> parseValueAndUnit(std::string_view text);
// Space-separated fields ("S S      1.234 kg" -> S, S, 1.234, kg).
[[nodiscard]] std::vector<std::string_view> splitFields(std::string_view text, char separator);
[[nodiscard]] Reply weightReply(Weight weight, std::string_view frame);
[[nodiscard]] Reply conditionReply(Condition condition, std::string_view frame);

} // namespace lotstation::scale
