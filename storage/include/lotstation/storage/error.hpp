#pragma once
// storage speaks the project's one error model (lotstation/core/error.hpp); these names keep storage's
// callers short.
#include <lotstation/core/error.hpp>

namespace lotstation::storage {

using lotstation::Error;
using lotstation::ErrorKind;
using lotstation::fail;
using lotstation::Result;
using lotstation::toString;

} // namespace lotstation::storage
