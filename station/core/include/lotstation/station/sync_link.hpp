#pragma once
// The background sync's status as the station shows it: the sync module's snapshot turned into the app
// state's SyncStatus, with the last contact in words for people ("09:41", "yesterday 17:02").
#include "lotstation/station/app_state.hpp"
#include "lotstation/sync/background_sync.hpp"

#include <chrono>

namespace lotstation::station {

[[nodiscard]] SyncStatus toSyncStatus(const sync::BackgroundStatus& status,
                                      std::chrono::system_clock::time_point now);

} // namespace lotstation::station
