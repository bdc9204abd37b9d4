#pragma once
// A label other than a lot's that a screen wants printed now: a new location's shelf label, a new user's
// badge. (Lot labels are asked for by lot code.)
#include <string>

namespace lotstation::station {

enum class LabelFor { Location, Badge };

struct LabelRequest {
    LabelFor kind = LabelFor::Location;
    std::string code; // the location's code, the user's name
    bool operator==(const LabelRequest&) const = default;
};

} // namespace lotstation::station
