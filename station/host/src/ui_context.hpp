#pragma once
// What every view gets besides the state: where to send intents, where to record what it drew, the fonts, the
// camera preview to show and the wall clock. Views draw from these and the const state only.
#include "lotstation/station/frame_record.hpp"
#include "lotstation/station/intents.hpp"
#include "lotstation/station/workflows/flow_registry.hpp"

#include <imgui.h>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::station::ui {

struct Fonts {
    ImFont* body = nullptr;    // ~26 px: everything a person reads
    ImFont* bold = nullptr;    // body size, bold: labels on buttons
    ImFont* title = nullptr;   // ~36 px bold: screen titles, tile names
    ImFont* display = nullptr; // ~60 px bold: keypad display, feedback headline
    float size = 26.0f;        // the body size: every length is a multiple of it
};

struct PreviewFrame {
    ImTextureID texture = nullptr;
    int width = 0;
    int height = 0;
    std::vector<scan::Quad> outlines; // the codes seen in the frame, in frame pixels
    std::string sourceName;           // "Synthetic camera", "Camera 0"; without a frame, why ("Lost: ...")
};

struct Ui {
    IntentSink& intents;
    FrameRecord& drawn;
    const Fonts& fonts;
    const PreviewFrame& preview;
    std::string clock; // "09:41"
    const StationFlows* flows = nullptr; // null without a ledger
    const PreviewFrame* labelPreview = nullptr; // the Labels screen's label, rendered, on the GPU

    [[nodiscard]] float em(float multiple) const { return fonts.size * multiple; }
    // A registered flow's state; null without a ledger.
    template <class F> [[nodiscard]] const typename F::State* stateOf() const {
        const F* flow = flows ? flows->get<F>() : nullptr;
        return flow ? &flow->state() : nullptr;
    }
};

} // namespace lotstation::station::ui
