#pragma once
// A value the operator entered through the keypad or a picker, on its way to the workflow that owns the
// field.
#include "lotstation/station/quantity_entry.hpp"

#include <optional>
#include <string>

namespace lotstation::station {

struct FieldEntry {
    std::string fieldId;                 // "receive.quantity"
    std::string shown;                   // "2.5 kg", "Store B"
    std::optional<Quantity> quantity;    // from the keypad
    std::optional<std::string> optionId; // from a picker: the option's id (SKU, location code, ...)
    bool operator==(const FieldEntry&) const = default;
};

} // namespace lotstation::station
