#include "cairo_handles.hpp"
#include "label_painter.hpp"
#include "lotstation/labels/render.hpp"
#include "lotstation/labels/template_loader.hpp"

#include <cairo-pdf.h>

namespace lotstation::labels {

namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<Bytes*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

// A PDF document in memory; pages are added by the caller's drawing and showPage().
class PdfDocument {
  public:
    PdfDocument(double widthMm, double heightMm)
        : m_surface(cairo_pdf_surface_create_for_stream(appendBytes, &m_bytes, widthMm * kPointsPerMm,
                                                        heightMm * kPointsPerMm)),
          m_cr(cairo_create(m_surface.get())) {
        cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "Lotstation");
        cairo_scale(m_cr.get(), kPointsPerMm, kPointsPerMm); // user space in millimetres
    }

    [[nodiscard]] cairo_t* context() const { return m_cr.get(); }
    void showPage() { cairo_show_page(m_cr.get()); }

    [[nodiscard]] std::expected<Bytes, LabelError> finish() {
        m_cr.reset();
        cairo_surface_finish(m_surface.get());
        const auto status = cairo_surface_status(m_surface.get());
        m_surface.reset();
        if (status != CAIRO_STATUS_SUCCESS)
            return std::unexpected(LabelError{ErrorKind::Refused,
                                              std::string("cairo PDF: ") + cairo_status_to_string(status)});
        return std::move(m_bytes);
    }

  private:
    Bytes m_bytes; // declared first: the surface writes into it until finish()
    SurfacePtr m_surface;
    CairoPtr m_cr;
};

std::expected<void, LabelError> paintAt(cairo_t* cr, const LabelTemplate& tmpl, const LabelContent& content,
                                        double xMm, double yMm, bool whiteBackground) {
    auto resolved = resolveLabel(tmpl, content);
    if (!resolved) return std::unexpected(resolved.error());
    cairo_save(cr);
    cairo_translate(cr, xMm, yMm);
    auto painted = paintLabel(cr, tmpl, *resolved, PaintOptions{false, whiteBackground});
    cairo_restore(cr);
    return painted;
}

} // namespace

std::expected<Bytes, LabelError> renderPdf(const LabelTemplate& tmpl, std::span<const LabelContent> labels) {
    if (labels.empty())
        return std::unexpected(LabelError{ErrorKind::Invalid, "no labels to render"});
    PdfDocument pdf(tmpl.widthMm, tmpl.heightMm);
    for (const auto& content : labels) {
        if (auto painted = paintAt(pdf.context(), tmpl, content, 0, 0, true); !painted)
            return std::unexpected(painted.error());
        pdf.showPage();
    }
    return pdf.finish();
}

std::expected<Bytes, LabelError> renderSheetPdf(const LabelTemplate& tmpl, const SheetLayout& sheet,
                                                std::span<const LabelContent> labels,
                                                const SheetOptions& options) {
    if (labels.empty())
        return std::unexpected(LabelError{ErrorKind::Invalid, "no labels to render"});
    if (auto fits = checkFitsSheet(tmpl, sheet); !fits) return std::unexpected(fits.error());
    const int perPage = sheet.labelsPerPage();
    if (options.firstCell < 0 || options.firstCell >= perPage)
        return std::unexpected(LabelError{
            ErrorKind::Invalid, "first cell " + std::to_string(options.firstCell) +
                                             " is not on a sheet of " + std::to_string(perPage) + " labels"});
    PdfDocument pdf(sheet.pageWidthMm, sheet.pageHeightMm);
    cairo_t* cr = pdf.context();
    int cell = options.firstCell;
    for (std::size_t i = 0; i < labels.size(); ++i, ++cell) {
        if (cell == perPage) {
            pdf.showPage();
            cell = 0;
        }
        const int column = cell % sheet.columns;
        const int row = cell / sheet.columns;
        const double cellX = sheet.marginLeftMm + column * sheet.pitchXMm;
        const double cellY = sheet.marginTopMm + row * sheet.pitchYMm;
        if (options.cutMarks) {
            cairo_save(cr);
            cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
            cairo_set_line_width(cr, 0.1);
            cairo_rectangle(cr, cellX, cellY, sheet.labelWidthMm, sheet.labelHeightMm);
            cairo_stroke(cr);
            cairo_restore(cr);
        }
        const double x = cellX + (sheet.labelWidthMm - tmpl.widthMm) / 2;
        const double y = cellY + (sheet.labelHeightMm - tmpl.heightMm) / 2;
        if (auto painted = paintAt(cr, tmpl, labels[i], x, y, false); !painted)
            return std::unexpected(painted.error());
    }
    pdf.showPage();
    return pdf.finish();
}

} // namespace lotstation::labels
