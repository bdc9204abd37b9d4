#include "lotstation/station/synthetic_camera.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lotstation::station {
namespace {

constexpr int kModules = 21; // a version-1 QR's size: the pattern reads as "a code" at a glance

// Three finder squares with their light separators, the rest a fixed hash so every run paints the same.
bool darkModule(int x, int y) {
    for (const auto& [cx, cy] : {std::pair{0, 0}, std::pair{kModules - 7, 0}, std::pair{0, kModules - 7}}) {
        const int fx = x - cx, fy = y - cy;
        if (fx < -1 || fy < -1 || fx > 7 || fy > 7) continue;
        if (fx < 0 || fy < 0 || fx > 6 || fy > 6) return false;
        const int ring = std::min(std::min(fx, fy), std::min(6 - fx, 6 - fy));
        return ring != 1;
    }
    const auto hash = static_cast<std::uint32_t>(x * 73856093) ^ static_cast<std::uint32_t>(y * 19349663);
    return ((hash >> 7) & 1U) != 0;
}

std::uint8_t toByte(double value) {
    return static_cast<std::uint8_t>(std::clamp(value, 0.0, 255.0));
}

} // namespace

SyntheticCamera::SyntheticCamera(int width, int height) {
    m_image.width = std::max(width, 16);
    m_image.height = std::max(height, 16);
    m_image.channels = 3;
    m_image.pixels.resize(m_image.rowBytes() * static_cast<std::size_t>(m_image.height));
}

CameraFrame SyntheticCamera::frame(long index) {
    const double t = static_cast<double>(index) / 30.0;
    const double w = m_image.width, h = m_image.height;
    // The label drifts on a slow Lissajous path and turns a little, as a hand-held container would.
    const double centerX = w * (0.5 + 0.22 * std::sin(t * 0.7));
    const double centerY = h * (0.5 + 0.18 * std::sin(t * 1.1 + 1.0));
    const double angle = 0.25 * std::sin(t * 0.5);
    const double codeHalf = std::min(w, h) * 0.22;                   // half the code's side
    const double labelHalf = codeHalf * (kModules + 8.0) / kModules; // quiet zone of four modules each side
    const double cosA = std::cos(angle), sinA = std::sin(angle);

    for (int y = 0; y < m_image.height; ++y) {
        auto* row = m_image.pixels.data() + static_cast<std::size_t>(y) * m_image.rowBytes();
        for (int x = 0; x < m_image.width; ++x) {
            const double dx = x - centerX, dy = y - centerY;
            const double u = cosA * dx + sinA * dy; // into the label's own frame
            const double v = -sinA * dx + cosA * dy;
            double r, g, b;
            if (std::abs(u) <= labelHalf && std::abs(v) <= labelHalf) {
                r = g = b = 245;
                if (std::abs(u) < codeHalf && std::abs(v) < codeHalf) {
                    const int mx = static_cast<int>((u + codeHalf) / (2 * codeHalf) * kModules);
                    const int my = static_cast<int>((v + codeHalf) / (2 * codeHalf) * kModules);
                    if (darkModule(mx, my)) r = g = b = 20;
                }
            } else {
                // A dim workbench: a diagonal wood-brown gradient with a faint moving sheen.
                const double shade = 0.55 + 0.25 * (x / w) + 0.1 * std::sin((x + y) * 0.02 - t * 2.0);
                r = 120 * shade;
                g = 92 * shade;
                b = 70 * shade;
            }
            row[3 * x + 0] = toByte(r);
            row[3 * x + 1] = toByte(g);
            row[3 * x + 2] = toByte(b);
        }
    }

    scan::Quad quad;
    const double corners[4][2] = {
        {-codeHalf, -codeHalf}, {codeHalf, -codeHalf}, {codeHalf, codeHalf}, {-codeHalf, codeHalf}};
    for (std::size_t i = 0; i < 4; ++i) {
        const double u = corners[i][0], v = corners[i][1];
        quad.corners[i] = scan::Point{static_cast<int>(std::lround(centerX + cosA * u - sinA * v)),
                                      static_cast<int>(std::lround(centerY + sinA * u + cosA * v))};
    }
    return CameraFrame{&m_image, quad};
}

} // namespace lotstation::station
