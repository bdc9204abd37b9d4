#include "lotstation/station/workflows/lot_choices.hpp"

#include <algorithm>

namespace lotstation::station {

void LotChoices::show(std::vector<storage::StockLine> stock) {
    std::erase_if(stock, [](const storage::StockLine& line) { return line.quantity <= 0; });
    lines = std::move(stock);
    first = 0;
    open = true;
}

void LotChoices::scroll(int rows) {
    const long last = std::max(0L, static_cast<long>(lines.size()) - 1);
    first = static_cast<std::size_t>(std::clamp(static_cast<long>(first) + rows, 0L, last));
}

} // namespace lotstation::station
