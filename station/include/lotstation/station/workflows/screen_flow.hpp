#pragma once
// What every floor workflow (receive, produce, ship, ...) offers the station: the screen it runs on, what it
// makes of a scan or an entered value arriving there, what a confirmed dialog means to it, how to drop its
// draft when the operator leaves, and which entries would be lost by leaving. The station routes by screen,
// so adding a workflow never touches the routing of the others.
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/feedback.hpp"
#include "lotstation/station/field_entry.hpp"
#include "lotstation/station/screen.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"

#include <map>
#include <optional>
#include <string>

namespace lotstation::station {

// Who is acting and when, as the station knows it at the moment of the step.
struct FlowContext {
    std::optional<std::string> user; // the logged-in operator; empty when nobody is logged in
    TimePoint now{};
};

class ScreenFlow {
  public:
    virtual ~ScreenFlow() = default;

    [[nodiscard]] virtual Screen screen() const = 0;

    // A scan arrived while this flow's screen is on top and no dialog is open. nullopt: the code means
    // nothing here, and the station says so.
    [[nodiscard]] virtual std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                             const FlowContext& context) = 0;

    // The keypad or a picker filled the field "<screen>.<name>" of this flow's screen.
    [[nodiscard]] virtual std::optional<FlowOutcome> entered(const FieldEntry&, const FlowContext&) {
        return std::nullopt;
    }

    // The operator said yes to a confirm dialog whose action id starts with "<screen>.".
    [[nodiscard]] virtual std::optional<FlowOutcome> confirmed(const std::string&, const FlowContext&) {
        return std::nullopt;
    }

    // The operator left the screen (Back, Home, idle log-out): drop the draft; nothing was written.
    virtual void cancel() = 0;

    // What leaving now would throw away, keyed "<screen>.<field>" with the value as shown; empty when there
    // is nothing to lose (nothing entered yet, or everything already recorded).
    [[nodiscard]] virtual std::map<std::string, std::string> unsaved() const = 0;
};

} // namespace lotstation::station
