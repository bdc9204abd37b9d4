#pragma once
// Everything the labels module offers, for callers that want one include.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"
#include "lotstation/labels/payload.hpp"
#include "lotstation/labels/print.hpp"
#include "lotstation/labels/render.hpp"
#include "lotstation/labels/symbol.hpp"
#include "lotstation/labels/template_loader.hpp"
