#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace lotstation::station::ui {

void drawCameraPreview(Ui& ui, ImVec2 min, ImVec2 max) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = ui.em(0.5f);
    list->AddRectFilled(min, max, colour::rgb(0, 0, 0), rounding);
    const PreviewFrame& frame = ui.preview;
    if (!frame.texture || frame.width <= 0 || frame.height <= 0) {
        const char* text = "No camera: a handheld scanner still works";
        drawText(ui, list, ui.fonts.bold, centred(ui.fonts.bold, text, min, max), colour::textDim, text);
        if (!frame.sourceName.empty()) { // why there is no picture, under the headline
            const ImVec2 at(min.x, min.y + (max.y - min.y) / 2 + ui.em(1.0f));
            const ImVec2 below(max.x, at.y + ui.em(1.5f));
            drawText(ui, list, ui.fonts.body, centred(ui.fonts.body, frame.sourceName, at, below),
                     colour::textDim, frame.sourceName);
        }
        return;
    }
    // Fit the frame, keeping its shape; the rest stays black.
    const float scale = std::min((max.x - min.x) / static_cast<float>(frame.width),
                                 (max.y - min.y) / static_cast<float>(frame.height));
    const ImVec2 size(static_cast<float>(frame.width) * scale, static_cast<float>(frame.height) * scale);
    const ImVec2 origin(min.x + (max.x - min.x - size.x) / 2, min.y + (max.y - min.y - size.y) / 2);
    list->AddImageRounded(frame.texture, origin, ImVec2(origin.x + size.x, origin.y + size.y), ImVec2(0, 0),
                          ImVec2(1, 1), colour::text, rounding);
    for (const scan::Quad& outline : frame.outlines) {
        ImVec2 points[4];
        for (std::size_t i = 0; i < 4; ++i) {
            const auto& corner = outline.corners[i];
            points[i] = ImVec2(origin.x + static_cast<float>(corner.x) * scale,
                               origin.y + static_cast<float>(corner.y) * scale);
        }
        list->AddPolyline(points, 4, colour::accepted, ImDrawFlags_Closed, ui.em(0.22f));
        for (const ImVec2& point : points)
            list->AddCircleFilled(point, ui.em(0.3f), colour::accepted);
    }
    const std::string caption = "● " + (frame.sourceName.empty() ? std::string("Camera") : frame.sourceName);
    const ImVec2 chipMin(min.x + ui.em(0.6f), min.y + ui.em(0.6f));
    const float chipWidth =
        ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0, caption.c_str()).x + ui.em(1.0f);
    const ImVec2 chipMax(chipMin.x + chipWidth, chipMin.y + ui.em(1.5f));
    list->AddRectFilled(chipMin, chipMax, colour::rgb(0, 0, 0, 0xC0), ui.em(0.75f));
    drawText(ui, list, ui.fonts.body, centred(ui.fonts.body, caption, chipMin, chipMax), colour::text,
             caption);
}

} // namespace lotstation::station::ui
