#pragma once
// The open record's form on the Records screen: its fields by kind, Save, Cancel and its recent changes.
#include "ui_context.hpp"

namespace lotstation::station::ui {

void drawRecordForm(const AppState& state, const RecordsState& records, const RecordDraft& draft, Ui& ui, ImVec2 min,
                    ImVec2 max);

} // namespace lotstation::station::ui
