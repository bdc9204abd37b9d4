#include "lotstation/station/demo_camera.hpp"

#include "lotstation/labels/render.hpp"
#include "lotstation/station/label_content.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace lotstation::station {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr std::uint64_t kSlideFrames = 24; // about 0.8 s to bring a label in, the same to take it away
constexpr std::uint64_t kHeldUntil = 100;  // then held for about 2.5 s, long enough to read from any phase

std::uint8_t toByte(double value) {
    return static_cast<std::uint8_t>(std::clamp(value, 0.0, 255.0));
}

double easeInOut(double t) {
    return 0.5 - 0.5 * std::cos(std::clamp(t, 0.0, 1.0) * kPi);
}

std::uint8_t grayAt(const scan::Frame& image, int x, int y) {
    const std::uint8_t* row = image.row(y);
    if (image.format == scan::PixelFormat::Gray8) return row[x];
    return row[3 * x + 1]; // labels are black on white: any channel will do
}

// Where the label is in frame `phase` of its pass, in frame pixels, and how it is turned.
struct Placement {
    bool visible = false;
    double centerX = 0, centerY = 0, angle = 0;
};

Placement placementAt(std::uint64_t phase, double width, double height, double labelWidth) {
    const double t = static_cast<double>(phase) / 30.0;
    const double offstage = width / 2 + labelWidth * 0.75;
    Placement place;
    place.centerY = height * (0.5 + 0.03 * std::sin(t * 0.9));
    place.angle = 0.07 * std::sin(t * 0.7);
    if (phase < kSlideFrames) {
        place.centerX = width / 2 + offstage * (1 - easeInOut(double(phase) / kSlideFrames));
    } else if (phase < kHeldUntil) {
        place.centerX = width * (0.5 + 0.025 * std::sin((t - 0.8) * 1.3));
    } else if (phase < kHeldUntil + kSlideFrames) {
        place.centerX = width / 2 - offstage * easeInOut(double(phase - kHeldUntil) / kSlideFrames);
    } else {
        return place;
    }
    place.visible = true;
    return place;
}

std::expected<void, Error> writeBytes(const std::filesystem::path& path, const labels::Bytes& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return fail(ErrorKind::Io, "cannot write " + path.string());
    return {};
}

} // namespace

DemoCamera::DemoCamera(std::vector<scan::Frame> labels, int width, int height)
    : m_labels(std::move(labels)), m_width(std::max(width, 64)), m_height(std::max(height, 48)) {
    std::erase_if(m_labels, [](const scan::Frame& label) { return label.empty(); });
}

scan::Frame DemoCamera::frame(std::uint64_t index) const {
    const double width = m_width, height = m_height;
    const double t = static_cast<double>(index) / 30.0;
    const scan::Frame* label =
        m_labels.empty() ? nullptr : &m_labels[(index / kFramesPerLabel) % m_labels.size()];
    Placement place;
    double scale = 1;
    if (label) {
        scale = std::min(0.72 * width / label->width, 0.62 * height / label->height);
        place = placementAt(index % kFramesPerLabel, width, height, label->width * scale);
    }
    const double cosA = std::cos(place.angle), sinA = std::sin(place.angle);
    const double halfW = label ? label->width / 2.0 : 0, halfH = label ? label->height / 2.0 : 0;
    const double shadowX = width * 0.012, shadowY = height * 0.018;

    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) *
                                     3);
    for (int y = 0; y < m_height; ++y) {
        std::uint8_t* row =
            pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width) * 3;
        for (int x = 0; x < m_width; ++x) {
            // A dim workbench: a diagonal wood-brown gradient with a faint moving sheen.
            double shade = 0.55 + 0.25 * (x / width) + 0.08 * std::sin((x + y) * 0.02 - t * 2.0);
            double r = 120 * shade, g = 92 * shade, b = 70 * shade;
            if (place.visible) {
                // Into the label's own pixels (inverse of: scale, turn, move).
                const auto labelPoint = [&](double px, double py) {
                    const double dx = px - place.centerX, dy = py - place.centerY;
                    return std::pair{(cosA * dx + sinA * dy) / scale + halfW,
                                     (-sinA * dx + cosA * dy) / scale + halfH};
                };
                const auto [u, v] = labelPoint(x, y);
                if (u >= 0 && v >= 0 && u < label->width && v < label->height) {
                    // Paper under workshop light: never pure white or black.
                    const double ink = grayAt(*label, static_cast<int>(u), static_cast<int>(v));
                    r = g = b = 18 + ink * 0.88;
                    b -= 6;
                } else if (const auto [su, sv] = labelPoint(x - shadowX, y - shadowY);
                           su >= 0 && sv >= 0 && su < label->width && sv < label->height) {
                    r *= 0.55;
                    g *= 0.55;
                    b *= 0.55;
                }
            }
            row[3 * x + 0] = toByte(r);
            row[3 * x + 1] = toByte(g);
            row[3 * x + 2] = toByte(b);
        }
    }
    return scan::makeFrame(m_width, m_height, scan::PixelFormat::Rgb8, std::move(pixels), {}, index);
}

scan::SourceSpec demoCameraSource(std::shared_ptr<const DemoCamera> camera) {
    return scan::SourceSpec::generated(
        "Demo camera", [camera = std::move(camera)](std::uint64_t index) { return camera->frame(index); });
}

std::expected<std::vector<std::filesystem::path>, Error>
writeDemoLabels(const storage::Ledger& ledger, const labels::TemplateSet& templates,
                std::span<const std::string> lots, std::span<const std::string> locations,
                const std::filesystem::path& dir) {
    const auto* lotTemplate = templates.findTemplate("lot-50x30");
    const auto* locationTemplate = templates.findTemplate("location-100x50");
    if (!lotTemplate || !locationTemplate)
        return fail(ErrorKind::NotFound, "the label templates lot-50x30 and location-100x50 are missing");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail(ErrorKind::Io, "cannot create " + dir.string() + ": " + ec.message());

    std::vector<std::filesystem::path> files;
    const auto render = [&](const labels::LabelTemplate& tmpl, const labels::LabelContent& content,
                            const std::string& name) -> std::expected<void, Error> {
        auto png = labels::renderPng(tmpl, content, 203);
        if (!png) return fail(ErrorKind::Io, name + ": " + png.error().message);
        const auto path = dir / (std::to_string(files.size() + 1) + "-" + name + ".png");
        if (auto written = writeBytes(path, *png); !written) return written;
        files.push_back(path);
        return {};
    };
    for (const auto& lot : lots) {
        auto content = lotLabelContent(ledger, lot);
        if (!content) return fail(ErrorKind::Io, "lot " + lot + ": " + content.error().message);
        if (auto rendered = render(*lotTemplate, *content, "lot-" + lot); !rendered)
            return std::unexpected(rendered.error());
    }
    for (const auto& location : locations) {
        auto content = locationLabelContent(ledger, location);
        if (!content) return fail(ErrorKind::Io, "location " + location + ": " + content.error().message);
        if (auto rendered = render(*locationTemplate, *content, "location-" + location); !rendered)
            return std::unexpected(rendered.error());
    }
    return files;
}

std::expected<std::shared_ptr<const DemoCamera>, Error> makeDemoCamera(const storage::Ledger& ledger,
                                                                       const labels::TemplateSet& templates,
                                                                       std::span<const std::string> lots,
                                                                       std::span<const std::string> locations,
                                                                       const std::filesystem::path& dir) {
    auto files = writeDemoLabels(ledger, templates, lots, locations, dir);
    if (!files) return std::unexpected(files.error());
    std::vector<scan::Frame> images;
    for (const auto& file : *files) {
        auto image = scan::readImageFile(file);
        if (!image) return fail(ErrorKind::Io, image.error().message);
        images.push_back(std::move(*image));
    }
    return std::make_shared<const DemoCamera>(std::move(images));
}

} // namespace lotstation::station
