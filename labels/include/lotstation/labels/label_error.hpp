#pragma once
// The labels module speaks the one error model (lotstation/core/error.hpp). Kinds as used here:
//   Invalid     the label's content cannot be encoded (bad GTIN, lot too long for GS1), or a template or
//               sheet file is malformed
//   Refused     the label cannot be made as asked: a code or the lot code does not fit its box, a renderer
//               failed
//   Unavailable printer absent, refused, lp missing or failed
//   Io          a file could not be read or written
#include "lotstation/core/error.hpp"

namespace lotstation::labels {

using LabelError = lotstation::Error;

} // namespace lotstation::labels
