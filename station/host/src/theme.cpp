#include "theme.hpp"

#include <array>

namespace lotstation::station::ui {
namespace {

// Latin-1 plus the few symbols the screens use: arrows, ⌫, ✓, ✗, ●, ⚠, ⌂, dashes and the ellipsis.
constexpr std::array<ImWchar, 31> kGlyphRanges{
    0x0020, 0x00FF, // Basic Latin + Latin-1 (·, µ, ×, accented names)
    0x0100, 0x017F, // Latin Extended-A (œ, Ÿ, ł, č, ş: names the keyboard and scanners type)
    0x20AC, 0x20AC, // €
    0x21E7, 0x21E7, // ⇧ (the keyboard's shift)
    0x2328, 0x2328, // ⌨
    0x2013, 0x2014, // – —
    0x2026, 0x2026, // …
    0x2190, 0x2193, // ← ↑ → ↓
    0x2302, 0x2302, // ⌂
    0x232B, 0x232B, // ⌫
    0x25CF, 0x25CF, // ●
    0x26A0, 0x26A0, // ⚠
    0x2713, 0x2713, // ✓
    0x2717, 0x2717, // ✗
    0x2715, 0x2715, // ✕
    0,
};

std::optional<std::filesystem::path> findFont(const std::filesystem::path& assetsDir, const char* file) {
    const std::filesystem::path candidates[] = {
        assetsDir / "fonts" / file,
        std::filesystem::path("/usr/share/fonts/truetype/dejavu") / file,
        std::filesystem::path("/usr/local/share/fonts/truetype/dejavu") / file,
    };
    for (const auto& candidate : candidates) {
        std::error_code ignored;
        if (!candidate.empty() && std::filesystem::is_regular_file(candidate, ignored)) return candidate;
    }
    return std::nullopt;
}

} // namespace

Result<Fonts> loadFonts(const std::filesystem::path& assetsDir, float bodySize) {
    const auto regular = findFont(assetsDir, "DejaVuSans.ttf");
    const auto bold = findFont(assetsDir, "DejaVuSans-Bold.ttf");
    if (!regular || !bold)
        return fail(ErrorKind::Io, 
            std::string("DejaVu Sans not found: install fonts-dejavu-core, or put DejaVuSans.ttf "
                        "and DejaVuSans-Bold.ttf in ") +
            (assetsDir / "fonts").string());
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 2;
    auto add = [&](const std::filesystem::path& file, float size) {
        return io.Fonts->AddFontFromFileTTF(file.string().c_str(), size, &config, kGlyphRanges.data());
    };
    Fonts fonts;
    fonts.size = bodySize;
    fonts.body = add(*regular, bodySize);
    fonts.bold = add(*bold, bodySize);
    fonts.title = add(*bold, bodySize * 1.4f);
    fonts.display = add(*bold, bodySize * 2.3f);
    if (!fonts.body || !fonts.bold || !fonts.title || !fonts.display)
        return fail(ErrorKind::Io, "cannot load " + regular->string());
    return fonts;
}

void applyTheme(float bodySize) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    const float unit = bodySize;
    style.WindowPadding = ImVec2(unit * 0.75f, unit * 0.75f);
    style.FramePadding = ImVec2(unit * 0.6f, unit * 0.45f);
    style.ItemSpacing = ImVec2(unit * 0.6f, unit * 0.6f);
    style.ScrollbarSize = unit * 1.2f; // a thumb can grab it
    style.GrabMinSize = unit * 2.0f;
    style.WindowRounding = 0;
    style.ChildRounding = unit * 0.35f;
    style.FrameRounding = unit * 0.35f;
    style.ScrollbarRounding = unit * 0.35f;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.TouchExtraPadding = ImVec2(unit * 0.2f, unit * 0.2f);
    auto& c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colour::background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(colour::panel);
    c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(colour::textDim);
    // Nothing may depend on hover: a finger has no hover, so hovered looks like idle.
    c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(1, 1, 1, 1);
}

} // namespace lotstation::station::ui
