#include "label_painter.hpp"

#include "code_painter.hpp"
#include "text_fit.hpp"

namespace lotstation::labels {

std::expected<void, LabelError> paintLabel(cairo_t* cr, const LabelTemplate& tmpl, const ResolvedLabel& label,
                                           const PaintOptions& options) {
    if (options.whiteBackground) {
        cairo_save(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, 0, 0, tmpl.widthMm, tmpl.heightMm);
        cairo_fill(cr);
        cairo_restore(cr);
    }
    for (const auto& code : label.codes) {
        if (auto painted = paintCode(cr, code, options.pixelSnap); !painted) return painted;
    }
    for (const auto& field : label.fields) {
        const auto fitted = fitText(cr, field.spec, field.text);
        if (!fitted.whole && mustPrintWhole(field.spec))
            return std::unexpected(LabelError{
                ErrorKind::Refused,
                "'" + field.text + "' does not fit the " + field.spec.field +
                    " field of template '" + tmpl.name + "' even at its smallest size on " +
                    std::to_string(field.spec.maxLines) + " line(s): it is never printed cut; use a larger template"});
        drawFittedText(cr, fitted, field.spec.box, field.spec.align);
    }
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return std::unexpected(LabelError{ErrorKind::Refused,
                                          std::string("cairo: ") + cairo_status_to_string(cairo_status(cr))});
    return {};
}

} // namespace lotstation::labels
