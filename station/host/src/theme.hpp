#pragma once
// High-contrast colours for a shop floor: near-black background, white text, saturated state colours that
// stay distinguishable for the common colour-vision deficiencies (green/red always come with a shape and a
// word).
#include "ui_context.hpp"

#include "lotstation/core/error.hpp"
#include <filesystem>
#include <string>

namespace lotstation::station::ui {

namespace colour {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}
inline constexpr ImU32 background = rgb(0x12, 0x16, 0x1B);
inline constexpr ImU32 panel = rgb(0x1E, 0x25, 0x2E);
inline constexpr ImU32 panelEdge = rgb(0x3A, 0x46, 0x54);
inline constexpr ImU32 statusBar = rgb(0x0A, 0x0D, 0x10);
inline constexpr ImU32 text = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 textDim = rgb(0xC4, 0xCD, 0xD6);
inline constexpr ImU32 textOnLight = rgb(0x10, 0x10, 0x10);
inline constexpr ImU32 primary = rgb(0x1F, 0x6F, 0xEB);
inline constexpr ImU32 primaryDown = rgb(0x14, 0x4E, 0xAA);
inline constexpr ImU32 secondary = rgb(0x33, 0x3F, 0x4C);
inline constexpr ImU32 secondaryDown = rgb(0x24, 0x2D, 0x37);
inline constexpr ImU32 accepted = rgb(0x1B, 0x9E, 0x4B);
inline constexpr ImU32 refused = rgb(0xD9, 0x2D, 0x20);
inline constexpr ImU32 unknown = rgb(0xF5, 0xB0, 0x00);
inline constexpr ImU32 danger = rgb(0xB4, 0x23, 0x18);
inline constexpr ImU32 dangerDown = rgb(0x86, 0x1A, 0x12);
inline constexpr ImU32 scrim = rgb(0x00, 0x00, 0x00, 0xB8);
} // namespace colour

// Loads DejaVu Sans from the assets folder or the system (fonts-dejavu-core) and builds the font atlas.
[[nodiscard]] Result<Fonts> loadFonts(const std::filesystem::path& assetsDir,
                                                          float bodySize);
void applyTheme(float bodySize);

} // namespace lotstation::station::ui
