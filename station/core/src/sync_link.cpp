#include "lotstation/station/sync_link.hpp"
#include "lotstation/core/text.hpp"

#include <algorithm>

#include <ctime>

namespace lotstation::station {
namespace {

std::tm localTime(std::chrono::system_clock::time_point at) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm local{};
    localtime_r(&seconds, &local);
    return local;
}

// "09:41" today, "yesterday 17:02", else "2026-11-20 17:02" (local time).
std::string contactText(std::chrono::system_clock::time_point at, std::chrono::system_clock::time_point now) {
    const auto then = localTime(at);
    const auto today = localTime(now);
    const auto yesterday = localTime(now - std::chrono::hours(24));
    char text[32];
    const bool sameDay = then.tm_year == today.tm_year && then.tm_yday == today.tm_yday;
    const bool dayBefore = then.tm_year == yesterday.tm_year && then.tm_yday == yesterday.tm_yday;
    std::strftime(text, sizeof text,
                  sameDay     ? "%H:%M"
                  : dayBefore ? "yesterday %H:%M"
                              : "%Y-%m-%d %H:%M",
                  &then);
    return text;
}

SyncLink linkOf(sync::SyncLink link) {
    switch (link) {
    case sync::SyncLink::Online:
        return SyncLink::Online;
    case sync::SyncLink::Offline:
        return SyncLink::Offline;
    case sync::SyncLink::Failing:
        return SyncLink::Failing;
    case sync::SyncLink::NotConfigured:
        return SyncLink::NotConfigured;
    }
    return SyncLink::NotConfigured;
}

} // namespace

SyncStatus toSyncStatus(const sync::BackgroundStatus& status, std::chrono::system_clock::time_point now) {
    SyncStatus out;
    out.link = linkOf(status.link);
    out.pendingEvents = static_cast<long>(status.pending);
    out.conflicts = static_cast<long>(status.conflicts);
    if (status.lastContact) out.lastContact = contactText(*status.lastContact, now);
    if (status.catchingUp)
        out.catchingUp = SyncStatus::CatchUp{static_cast<long>(status.catchingUp->done),
                                             static_cast<long>(status.catchingUp->total)};
    if (status.pushStopped)
        out.lastError = "pushing stopped: " + *status.pushStopped;
    else if (!status.why.empty() && status.link != sync::SyncLink::NotConfigured)
        out.lastError = status.why;
    return out;
}

std::string catchUpText(const SyncStatus::CatchUp& catchUp) {
    if (catchUp.total < 0) return "Catching up: " + groupThousands(catchUp.done) + " received";
    return "Catching up " + groupThousands(catchUp.done) + " of " + groupThousands(catchUp.total);
}

float catchUpFraction(const SyncStatus::CatchUp& catchUp) {
    if (catchUp.total <= 0) return -1.0f;
    return static_cast<float>(std::min(catchUp.done, catchUp.total)) / static_cast<float>(catchUp.total);
}

} // namespace lotstation::station
