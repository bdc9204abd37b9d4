#pragma once
// The Code 128 symbol values (start, data, check digit) a drawn symbol is made of, read back from its bars,
// so a printer-side encoder (ZPL ^BC) can be told exactly the subset switching the PNG's symbol uses.
#include "lotstation/labels/symbol.hpp"

#include <expected>
#include <vector>

namespace lotstation::labels {

// Values 0-106 from the start character up to the check character (the stop is left out). Fails if the
// matrix is not a Code 128 symbol.
[[nodiscard]] std::expected<std::vector<int>, LabelError> code128Values(const ModuleMatrix& symbol);

} // namespace lotstation::labels
