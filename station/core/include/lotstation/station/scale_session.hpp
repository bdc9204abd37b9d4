#pragma once
// The station's weighing scale: chosen in Settings (device, protocol, baud rate), read on the scale reader's
// own thread (lotstation/scale/scale.hpp) and polled once per drawn frame, which never waits on the port.
// What the keypad shows and accepts is a ScaleReadout, plain data in AppState: the live reading while the
// scale settles, Lost with the reason when it is unplugged, silent or sends garbage, and the one rule for
// turning a reading into a quantity (stable, live, a positive weight in a unit the ledger holds exactly).
#include "lotstation/core/error.hpp"
#include "lotstation/scale/scale.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/station_settings.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::station {

// A baud rate typed in Settings: empty is the protocol's own (nullopt); else 300 to 230400.
[[nodiscard]] Result<std::optional<int>> scaleBaudOf(std::string_view text);

// The reader's settings for what Settings chose; nullopt when no scale is chosen.
[[nodiscard]] Result<std::optional<scale::ScaleSettings>> scaleSettingsOf(const StationSettings& settings);

enum class ScaleCommand { Tare, Zero };

struct ScaleReadout {
    std::string name; // "mt-sics on /dev/ttyUSB0"; "auto on ..." until a protocol answered
    scale::ScaleState state = scale::ScaleState::Connecting;
    std::string reason;                   // why it is Lost, in a sentence
    std::optional<scale::Reading> latest; // the newest reading while Live; none while Lost or connecting
    std::string lastCommand;              // "tare set", "the scale refused to zero: ..."

    // What the big display says: "1.234 kg", "Overload", "Moving", "—".
    [[nodiscard]] std::string shown() const;
    [[nodiscard]] bool stable() const;
    // The latest reading as a quantity of a g item, named after this scale; a refusal in a sentence when the
    // scale is not live, still settling, overloaded, shows nothing to weigh, or reads in pounds.
    [[nodiscard]] Result<Quantity> quantity() const;
};

class ScaleSession {
  public:
    ScaleSession();
    ~ScaleSession();
    ScaleSession(const ScaleSession&) = delete;
    ScaleSession& operator=(const ScaleSession&) = delete;

    // Starts, stops or restarts the reader when the choice changed; the same choice again changes nothing.
    void choose(const std::optional<scale::ScaleSettings>& settings);
    // The readout after the readings that arrived since the last call; nullopt when no scale is chosen.
    [[nodiscard]] std::optional<ScaleReadout> poll();
    void command(ScaleCommand command);
    // Waits until the reader has something new (a reading, a change of state) or `timeout` passes. For the
    // command line and tests; the window polls each frame instead.
    void waitForNews(std::chrono::milliseconds timeout);

  private:
    std::uint64_t m_seen = 0;
    std::optional<scale::ScaleSettings> m_settings;
    std::unique_ptr<scale::Scale> m_scale;
    ScaleReadout m_readout;
};

} // namespace lotstation::station
