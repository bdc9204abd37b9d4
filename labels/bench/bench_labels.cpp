// lotstation-bench-labels: time to render one lot label PNG (median / p95 over 200) and a 100-label A4 sheet
// PDF, beside a peer measured in the same run: the same QR drawn from ZXing's own QR writer into a bare cairo
// PNG (no template, no text), i.e. the cost floor of "a code in a PNG".
#define ZX_USE_UTF8 1
#include "lotstation/labels/labels.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <cairo.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

using namespace lotstation::labels;
using Clock = std::chrono::steady_clock;

namespace {

struct Stats {
    double medianMs = 0;
    double p95Ms = 0;
};

Stats measure(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)]};
}

cairo_status_t discard(void* closure, const unsigned char*, unsigned int length) {
    *static_cast<std::size_t*>(closure) += length;
    return CAIRO_STATUS_SUCCESS;
}

// Peer: ZXing QR writer → cairo RGB24 surface → PNG, one module per 4 px.
void peerQrPng(const std::string& payload) {
    const auto bits =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(4).encode(payload, 0, 0);
    const int scale = 4;
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, bits.width() * scale, bits.height() * scale);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (int y = 0; y < bits.height(); ++y) {
        for (int x = 0; x < bits.width(); ++x) {
            if (bits.get(x, y)) cairo_rectangle(cr, x * scale, y * scale, scale, scale);
        }
    }
    cairo_fill(cr);
    std::size_t bytes = 0;
    cairo_surface_write_to_png_stream(surface, discard, &bytes);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

LotLabelData sampleLot(int i) {
    using namespace std::chrono;
    LotLabelData lot;
    lot.itemName = "Lavender & Oatmeal Soap";
    lot.sku = "SOAP-LAV";
    lot.lotCode = "LAV-261124-" + std::to_string(100 + i);
    lot.gtin = "09506000134352";
    lot.produced = year{2026} / November / 24;
    lot.expiry = year{2027} / November / 24;
    lot.quantity = "48 bars";
    return lot;
}

} // namespace

int main(int argc, char** argv) {
    std::filesystem::path assets = LOTSTATION_LABELS_ASSETS;
    bool smoke = false; // --smoke: a few repetitions, under a second (CTest runs it)
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--smoke")
            smoke = true;
        else
            assets = argv[i];
    }
    const int n = smoke ? 1 : 10; // repetitions: n x 20 PNGs, n / 2 (at least 1) sheets, 2n ZPL runs
    const std::vector<std::filesystem::path> dirs{assets};
    auto set = loadTemplates(dirs);
    if (!set) {
        std::fprintf(stderr, "%s\n", set.error().message.c_str());
        return 1;
    }
    const auto* small = set->findTemplate("lot-50x30");
    const auto* large = set->findTemplate("lot-100x50-gs1");
    const auto* sheetTemplate = set->findTemplate("lot-70x37");
    const auto* sheet = set->findSheet("a4-3x8");
    if (!small || !large || !sheetTemplate || !sheet) {
        std::fprintf(stderr, "shipped templates missing in %s\n", assets.string().c_str());
        return 1;
    }
    const LabelContent lot = sampleLot(0);
    const std::string payload = lotPayload(sampleLot(0)).value();

    std::printf("lotstation-bench-labels (target: one PNG < 20 ms, 100-label PDF < 2 s)\n");
    std::printf("%-44s %10s %10s\n", "case", "median ms", "p95 ms");
    bool ok = true;
    for (const auto& [tmpl, dpi] :
         {std::pair{small, 203}, std::pair{small, 300}, std::pair{large, 203}, std::pair{large, 300}}) {
        const Stats stats = measure(20 * n, [&] { ok = renderPng(*tmpl, lot, dpi).has_value() && ok; });
        const std::string name = "label PNG " + tmpl->name + " @" + std::to_string(dpi) + " dpi";
        std::printf("%-44s %10.2f %10.2f\n", name.c_str(), stats.medianMs, stats.p95Ms);
    }
    const Stats peer = measure(20 * n, [&] { peerQrPng(payload); });
    std::printf("%-44s %10.2f %10.2f\n", "peer: ZXing QR -> bare cairo PNG (4 px)", peer.medianMs,
                peer.p95Ms);

    std::vector<LabelContent> hundred;
    for (int i = 0; i < 100; ++i)
        hundred.emplace_back(sampleLot(i));
    std::size_t pdfBytes = 0;
    const Stats sheetStats = measure(std::max(1, n / 2), [&] {
        auto pdf = renderSheetPdf(*sheetTemplate, *sheet, hundred);
        ok = pdf.has_value() && ok;
        if (pdf) pdfBytes = pdf->size();
    });
    std::printf("%-44s %10.2f %10.2f  (%zu bytes, 5 pages)\n", "100-label A4 sheet PDF (lot-70x37)",
                sheetStats.medianMs, sheetStats.p95Ms, pdfBytes);
    const Stats zplStats = measure(2 * n, [&] { ok = renderZpl(*large, hundred, 1).has_value() && ok; });
    std::printf("%-44s %10.2f %10.2f\n", "100 labels as ZPL (lot-100x50-gs1)", zplStats.medianMs,
                zplStats.p95Ms);
    return ok ? 0 : 1;
}
