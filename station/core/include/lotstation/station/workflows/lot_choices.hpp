#pragma once
// Choosing a lot from a list instead of scanning it (a torn label, a station without a scanner): the lots
// with stock, one line per place, read fresh when the list opens, shown a page at a time.
#include "lotstation/storage/queries.hpp"

#include <cstddef>
#include <vector>

namespace lotstation::station {

struct LotChoices {
    bool open = false;
    std::vector<storage::StockLine> lines;
    std::size_t first = 0; // the first line shown

    void show(std::vector<storage::StockLine> stock);
    void scroll(int rows); // negative: up; stays within the list
    void close() { open = false; }
};

} // namespace lotstation::station
