#pragma once
// Internal GS1 helpers shared by payloads and GS1 symbols. The formats themselves live in lotstation_formats.
#include "lotstation/formats/gs1.hpp"
#include "lotstation/labels/label_error.hpp"

#include <string>

namespace lotstation::labels {

using formats::kGroupSeparator;

// A formats error is always about the label's data: Invalid, whatever kind formats gave it.
[[nodiscard]] inline Error invalidData(Error error) {
    return Error{ErrorKind::Invalid, std::move(error.message)};
}

} // namespace lotstation::labels
