#pragma once
// Internal GS1 helpers shared by payloads and GS1 symbols. The formats themselves live in lotstation_formats.
#include "lotstation/formats/gs1.hpp"
#include "lotstation/labels/label_error.hpp"

#include <string>

namespace lotstation::labels {

using formats::kGroupSeparator;

// A formats error (always about the label's data) in the labels module's terms.
[[nodiscard]] inline LabelError invalidData(Error error) {
    return LabelError{LabelErrorKind::InvalidData, std::move(error.message)};
}

} // namespace lotstation::labels
