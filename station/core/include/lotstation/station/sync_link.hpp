#pragma once
// The background sync's status as the station shows it: the sync module's snapshot turned into the app
// state's SyncStatus, with the last contact in words for people ("09:41", "yesterday 17:02").
#include "lotstation/station/app_state.hpp"
#include "lotstation/sync/background_sync.hpp"

#include <chrono>
#include <string>

namespace lotstation::station {

[[nodiscard]] SyncStatus toSyncStatus(const sync::BackgroundStatus& status,
                                      std::chrono::system_clock::time_point now);

// "Catching up 12,000 of 50,000" (or "Catching up: 12,000 received" when the server does not say), and the
// part done from 0 to 1 for the bar (negative when unknown).
[[nodiscard]] std::string catchUpText(const SyncStatus::CatchUp& catchUp);
[[nodiscard]] float catchUpFraction(const SyncStatus::CatchUp& catchUp);

} // namespace lotstation::station
