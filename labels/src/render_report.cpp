#include "cairo_handles.hpp"
#include "lotstation/labels/report.hpp"

#include <cairo-pdf.h>
#include <numeric>

namespace lotstation::labels {
namespace {

constexpr double kPageWidth = 210.0, kPageHeight = 297.0, kMargin = 15.0; // A4 in mm
constexpr double kBody = 3.0, kRow = 5.0;                                 // text size, row pitch (mm)

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<Bytes*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

// Writes report pages top to bottom, starting a new page when the next row would not fit.
class ReportWriter {
  public:
    explicit ReportWriter(Bytes& out)
        : m_surface(cairo_pdf_surface_create_for_stream(appendBytes, &out, kPageWidth * kPointsPerMm,
                                                        kPageHeight * kPointsPerMm)),
          m_cr(cairo_create(m_surface.get())) {
        cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "Lotstation");
        cairo_scale(m_cr.get(), kPointsPerMm, kPointsPerMm);
    }

    void text(const std::string& value, double x, double size, bool bold, double maxWidth = 0) {
        cairo_t* cr = m_cr.get();
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, size);
        cairo_move_to(cr, x, m_y);
        cairo_show_text(cr, maxWidth > 0 ? fitted(value, maxWidth).c_str() : value.c_str());
    }

    // Room for `height` more millimetres on this page, else a new page; true when a page was started.
    bool need(double height) {
        if (m_y + height <= kPageHeight - kMargin) return false;
        cairo_show_page(m_cr.get());
        m_y = kMargin + kRow;
        return true;
    }

    void advance(double mm) { m_y += mm; }
    void rule() {
        cairo_t* cr = m_cr.get();
        cairo_set_line_width(cr, 0.2);
        cairo_move_to(cr, kMargin, m_y + 1.4);
        cairo_line_to(cr, kPageWidth - kMargin, m_y + 1.4);
        cairo_stroke(cr);
    }

    std::expected<void, LabelError> finish() {
        m_cr.reset();
        cairo_surface_finish(m_surface.get());
        const auto status = cairo_surface_status(m_surface.get());
        m_surface.reset();
        if (status != CAIRO_STATUS_SUCCESS)
            return std::unexpected(LabelError{ErrorKind::Refused,
                                              std::string("cairo PDF: ") + cairo_status_to_string(status)});
        return {};
    }

  private:
    // The text, shortened at a UTF-8 character boundary with "…" until it fits.
    std::string fitted(const std::string& value, double maxWidth) {
        cairo_text_extents_t extents;
        cairo_text_extents(m_cr.get(), value.c_str(), &extents);
        if (extents.x_advance <= maxWidth) return value;
        std::string shortened = value;
        while (!shortened.empty()) {
            shortened.pop_back();
            while (!shortened.empty() && (static_cast<unsigned char>(shortened.back()) & 0xC0) == 0x80)
                shortened.pop_back();
            if (!shortened.empty()) shortened.pop_back(); // the lead byte of the character just cut
            const std::string candidate = shortened + "…";
            cairo_text_extents(m_cr.get(), candidate.c_str(), &extents);
            if (extents.x_advance <= maxWidth) return candidate;
        }
        return "…";
    }

    SurfacePtr m_surface;
    CairoPtr m_cr;
    double m_y = kMargin + 6.0;
};

void tableHeader(ReportWriter& writer, const ReportTable& table, const std::vector<double>& xs,
                 const std::vector<double>& widths) {
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        writer.text(table.columns[c], xs[c], kBody, true, widths[c] - 1.5);
    writer.rule();
    writer.advance(kRow);
}

} // namespace

std::expected<Bytes, LabelError> renderReportPdf(const ReportDocument& report) {
    for (const auto& table : report.tables) {
        if (table.columns.empty())
            return std::unexpected(LabelError{ErrorKind::Invalid, table.heading + ": no columns"});
        if (!table.widths.empty() && table.widths.size() != table.columns.size())
            return std::unexpected(
                LabelError{ErrorKind::Invalid, table.heading + ": one width per column is needed"});
        for (const auto& row : table.rows)
            if (row.size() != table.columns.size())
                return std::unexpected(LabelError{ErrorKind::Invalid,
                                                  table.heading + ": a row has " +
                                                      std::to_string(row.size()) + " cells for " +
                                                      std::to_string(table.columns.size()) + " columns"});
    }
    Bytes bytes;
    ReportWriter writer(bytes);
    writer.text(report.title, kMargin, 6.0, true);
    writer.advance(8.0);
    for (const auto& line : report.lines) {
        writer.need(kRow);
        writer.text(line, kMargin, kBody, false, kPageWidth - 2 * kMargin);
        writer.advance(kRow);
    }
    const double usable = kPageWidth - 2 * kMargin;
    for (const auto& table : report.tables) {
        std::vector<double> relative = table.widths;
        if (relative.empty()) relative.assign(table.columns.size(), 1.0);
        const double total = std::accumulate(relative.begin(), relative.end(), 0.0);
        std::vector<double> xs, widths;
        double x = kMargin;
        for (double w : relative) {
            xs.push_back(x);
            widths.push_back(usable * w / total);
            x += widths.back();
        }
        writer.advance(4.0);
        writer.need(3 * kRow + 2.0); // a heading never sits alone at the foot of a page
        writer.text(table.heading + " (" + std::to_string(table.rows.size()) + ")", kMargin, 4.4, true);
        writer.advance(kRow + 1.5);
        tableHeader(writer, table, xs, widths);
        if (table.rows.empty()) {
            writer.text(table.emptyText, kMargin, kBody, false);
            writer.advance(kRow);
        }
        for (const auto& row : table.rows) {
            if (writer.need(kRow)) tableHeader(writer, table, xs, widths);
            for (std::size_t c = 0; c < row.size(); ++c)
                writer.text(row[c], xs[c], kBody, false, widths[c] - 1.5);
            writer.advance(kRow);
        }
    }
    if (auto finished = writer.finish(); !finished) return std::unexpected(finished.error());
    return bytes;
}

} // namespace lotstation::labels
