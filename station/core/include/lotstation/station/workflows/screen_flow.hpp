#pragma once
// What every floor workflow (receive, produce, ship, ...) offers the station: the screen it runs on, what it
// makes of a scan arriving there, how to drop its draft when the operator leaves, and which entries would be
// lost by leaving. Its own steps (`XIntent`, `apply(step, context)`) reach it by type through the registry
// (flow_registry.hpp); so do the keypad's, pickers' and confirm dialogs' answers, whose sessions carry the step
// to send back. Adding a workflow never touches the routing of the others.
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/feedback.hpp"
#include "lotstation/station/screen.hpp"
#include "lotstation/station/station_files.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace lotstation::storage {
class Ledger;
}

namespace lotstation::station {

// Who is acting and when, as the station knows it at the moment of the step. The only source of both: views
// and intents never carry a user name.
struct FlowContext {
    std::optional<std::string> user; // the logged-in operator; empty when nobody is logged in
    TimePoint now{};
};

// What a step that records something for the operator says when nobody is logged in.
inline constexpr const char* kLogInFirst = "Log in first";

// What a flow may be built from (flows taking more than the ledger have a constructor from this).
struct FlowDeps {
    storage::Ledger& ledger;
    StationFiles files;
    std::function<std::string()> lotTemplate; // the lot label template chosen in Settings, now
};

class ScreenFlow {
  public:
    virtual ~ScreenFlow() = default;

    [[nodiscard]] virtual Screen screen() const = 0;

    // A scan arrived while this flow's screen is on top and no dialog is open. nullopt: the code means
    // nothing here, and the station says so.
    [[nodiscard]] virtual std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                             const FlowContext& context) = 0;

    // The screen is on top again after one opened from it finished its job (a new item or supplier made for a
    // receipt; `above` is what that job said): the flow may carry on with what it was waiting for.
    [[nodiscard]] virtual std::optional<FlowOutcome> resumed(const FlowContext&, const FlowOutcome& /*above*/) {
        return std::nullopt;
    }

    // The operator left the screen (Back, Home, idle log-out): drop the draft; nothing was written. Called
    // once, when the screen leaves the navigation stack.
    virtual void cancel() = 0;

    // What leaving now would throw away, keyed "<screen>.<field>" with the value as shown; empty when there
    // is nothing to lose (nothing entered yet, or everything already recorded). Asked when Back is pressed.
    [[nodiscard]] virtual std::map<std::string, std::string> unsaved() const = 0;
};

} // namespace lotstation::station
