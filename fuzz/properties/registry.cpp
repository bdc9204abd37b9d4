// The table of every target, for the regular test suite (each fuzz executable calls its one property).
#include "properties.hpp"

#include <array>

namespace lotstation::fuzz {

namespace {

constexpr std::array kProperties{
    NamedProperty{"gs1", checkGs1},
    NamedProperty{"digital_link", checkDigitalLink},
    NamedProperty{"interpreter", checkInterpreter},
    NamedProperty{"own_labels", checkOwnLabels},
    NamedProperty{"wedge", checkWedge},
    NamedProperty{"quantity", checkQuantity},
    NamedProperty{"money", checkMoney},
    NamedProperty{"dates", checkDates},
    NamedProperty{"csv", checkCsv},
    NamedProperty{"label_template", checkLabelTemplate},
    NamedProperty{"sync_request", checkSyncRequest},
};

} // namespace

std::span<const NamedProperty> allProperties() {
    return kProperties;
}

Property findProperty(std::string_view name) {
    for (const auto& named : allProperties()) {
        if (named.name == name) return named.property;
    }
    return nullptr;
}

} // namespace lotstation::fuzz
