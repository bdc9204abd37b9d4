#pragma once
// The one error type of the labels module: a category for callers that branch on it, and a message written
// for the operator ("printer 10.0.0.5:9100 did not answer within 3 s").
#include <string>

namespace lotstation::labels {

enum class LabelErrorKind {
    InvalidData, // the label's content cannot be encoded (bad GTIN, lot too long for GS1, ...)
    Template,    // a template or sheet file is malformed or does not fit
    Render,      // cairo / encoder failure, code does not fit its box
    Printer,     // printer absent, refused, lp missing or failed
    Io,          // a file could not be read or written
};

struct LabelError {
    LabelErrorKind kind = LabelErrorKind::InvalidData;
    std::string message;
};

} // namespace lotstation::labels
