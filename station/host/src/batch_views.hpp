#pragma once
// The batch record's views: Produce following a procedure (produce_batch_view.cpp) and a run's batch record
// on screen (batch_record_view.cpp), shared by Produce's finished screen and Look up.
#include "floor_widgets.hpp"
#include "lotstation/station/workflows/produce_flow.hpp"
#include "ui_context.hpp"

#include <functional>
#include <string_view>

namespace lotstation::station::ui {

// The record filling the body: header, deviations first, the steps, components and yield; Save PDF and
// Close at the bottom ("<prefix>.record-save", "<prefix>.record-close").
struct RecordEvents {
    std::function<void()> save;
    std::function<void()> close;
};
void drawBatchRecord(Ui& ui, const RecordOnScreen& shown, std::string_view prefix, ImVec2 min, ImVec2 max,
                     const RecordEvents& events);

// Produce's body while the run follows its procedure (before its start too). False when it is not such a run.
bool drawBatchProduce(const AppState& state, const ProduceState& produce, Ui& ui, ImVec2 min, ImVec2 max);

} // namespace lotstation::station::ui
