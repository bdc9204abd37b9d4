#include "cairo_handles.hpp"
#include "lotstation/labels/report.hpp"

#include <cairo-pdf.h>
#include <algorithm>
#include <numeric>

namespace lotstation::labels {
namespace {

constexpr double kA4Short = 210.0, kA4Long = 297.0, kMargin = 15.0; // A4 in mm
constexpr double kBody = 3.0, kRow = 5.0;                                 // text size, row pitch (mm)

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<Bytes*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

// Writes report pages top to bottom, starting a new page when the next row would not fit.
class ReportWriter {
  public:
    ReportWriter(Bytes& out, const ReportDocument& report, int totalPages)
        : m_report(report), m_totalPages(totalPages), m_width(report.landscape ? kA4Long : kA4Short),
          m_height(report.landscape ? kA4Short : kA4Long),
          m_surface(cairo_pdf_surface_create_for_stream(appendBytes, &out, m_width * kPointsPerMm,
                                                        m_height * kPointsPerMm)),
          m_cr(cairo_create(m_surface.get())) {
        cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "Lotstation");
        cairo_scale(m_cr.get(), kPointsPerMm, kPointsPerMm);
        pageFurniture();
    }

    int pages() const { return m_page; }
    double usableWidth() const { return m_width - 2 * kMargin; }

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
        if (m_y + height <= m_height - kMargin) return false;
        cairo_show_page(m_cr.get());
        ++m_page;
        pageFurniture();
        m_y = kMargin + kRow;
        return true;
    }

    void advance(double mm) { m_y += mm; }
    void rule() {
        cairo_t* cr = m_cr.get();
        cairo_set_line_width(cr, 0.2);
        cairo_move_to(cr, kMargin, m_y + 1.4);
        cairo_line_to(cr, m_width - kMargin, m_y + 1.4);
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
    // The page's mark and footer (drawn when the page starts: the total is known from a first pass).
    void pageFurniture() {
        cairo_t* cr = m_cr.get();
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
        cairo_set_font_size(cr, kBody);
        if (!m_report.pageMark.empty()) {
            cairo_text_extents_t extents;
            cairo_text_extents(cr, m_report.pageMark.c_str(), &extents);
            cairo_move_to(cr, m_width - kMargin - extents.x_advance, kMargin - 6.0);
            cairo_show_text(cr, m_report.pageMark.c_str());
        }
        if (!m_report.pageFooter.empty()) {
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
            cairo_set_font_size(cr, 2.4);
            const std::string footer = m_report.pageFooter + " · page " + std::to_string(m_page) + " of " +
                                       std::to_string(std::max(m_totalPages, m_page));
            cairo_move_to(cr, kMargin, m_height - kMargin + 7.0);
            cairo_show_text(cr, footer.c_str());
        }
    }

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

    const ReportDocument& m_report;
    int m_totalPages = 0;
    double m_width = kA4Short, m_height = kA4Long;
    int m_page = 1;
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

std::expected<int, LabelError> renderPass(const ReportDocument& report, int totalPages, Bytes& bytes);

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
    // "page x of y" needs y: a first pass counts the pages, the second writes them.
    int pages = 0;
    for (int pass = 0; pass < (report.pageFooter.empty() ? 1 : 2); ++pass) {
        Bytes bytes;
        auto written = renderPass(report, pages, bytes);
        if (!written) return std::unexpected(written.error());
        pages = *written;
        if (pass == (report.pageFooter.empty() ? 0 : 1)) return bytes;
    }
    return Bytes{};
}

namespace {
std::expected<int, LabelError> renderPass(const ReportDocument& report, int totalPages, Bytes& bytes) {
    ReportWriter writer(bytes, report, totalPages);
    writer.text(report.title, kMargin, 6.0, true);
    writer.advance(8.0);
    for (const auto& line : report.lines) {
        writer.need(kRow);
        writer.text(line, kMargin, kBody, false, writer.usableWidth());
        writer.advance(kRow);
    }
    const double usable = writer.usableWidth();
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
    const int pages = writer.pages();
    if (auto finished = writer.finish(); !finished) return std::unexpected(finished.error());
    return pages;
}
} // namespace

} // namespace lotstation::labels
