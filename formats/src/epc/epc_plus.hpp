#pragma once
// SGTIN+ and DSGTIN+ (TDS 2.x): the whole GTIN as 14 digits, an alphanumeric serial, DSGTIN+'s prioritised
// date, and optional +AIDC data (further AIs: lot (10), the dates (11) (13) (15) (16) (17)).
#include "lotstation/formats/epc.hpp"

#include <vector>

namespace lotstation::formats::epc {

[[nodiscard]] Result<std::string> encodePlus(const Epc& epc);
[[nodiscard]] Result<Epc> decodePlus(EpcScheme scheme, std::vector<bool> bits);

} // namespace lotstation::formats::epc
