#pragma once
// Why a scanned text could not be understood, in words an operator can read.
#include <string>

namespace lotstation::scan {

struct InterpretError {
    std::string message; // e.g. "GTIN check digit wrong (expected 3, got 4)", "expiry 261331 is not a date"
};

} // namespace lotstation::scan
