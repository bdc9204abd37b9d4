#include "lotstation/station/last_resort.hpp"

#include <exception>
#include <ostream>
#include <string>

namespace lotstation::station {

Effects lastResort(Station& station, std::ostream& log, std::string_view doing,
                   const std::function<Effects()>& step, TimePoint now) noexcept {
    std::string what;
    try {
        return step();
    } catch (const std::exception& error) {
        what = error.what();
    } catch (...) {
        what = "an unknown error";
    }
    try {
        log << "lotstation: unexpected error while " << doing << ": " << what << std::endl;
        return station.notify(FeedbackKind::Refused, "Something went wrong", what + " — nothing more was done",
                              now);
    } catch (...) {
        return Effects{}; // not even the flash could be shown: the frame goes on regardless
    }
}

} // namespace lotstation::station
