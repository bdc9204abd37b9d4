#pragma once
// The station core's expected-failure value: a sentence a person can act on.
#include <string>

namespace lotstation::station {

struct Error {
    std::string message;
};

} // namespace lotstation::station
