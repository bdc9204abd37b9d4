#pragma once
// One scale, read on its own thread: the window never waits on a serial port. The thread (re)opens the port,
// finds the protocol when asked for `auto`, asks for the weight and parses replies; readings arrive in a
// mailbox the UI empties with poll() once per drawn frame. An unplugged, silent or garbage-sending scale is
// the Lost state with the reason, retried every `retryInterval`, never an exception or a hang.
#include "lotstation/scale/protocol.hpp"
#include "lotstation/scale/weight.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::scale {

// Line settings the user gave; each one left empty is the protocol's own (DOMAIN §5).
struct LineOverrides {
    std::optional<int> baud;
    std::optional<int> dataBits;
    std::optional<Parity> parity;
    std::optional<int> stopBits;
    [[nodiscard]] LineSettings over(LineSettings line) const {
        if (baud) line.baud = *baud;
        if (dataBits) line.dataBits = *dataBits;
        if (parity) line.parity = *parity;
        if (stopBits) line.stopBits = *stopBits;
        return line;
    }
};

struct ScaleSettings {
    std::string device = "/dev/ttyUSB0";
    std::optional<Protocol> protocol; // nullopt: auto
    LineOverrides line;               // what is not set: the protocol's usual settings
    std::string unit = "kg";          // for protocols whose frames carry no unit (Toledo 8217)
    std::chrono::milliseconds pollInterval{100};   // between requests to scales that answer when asked
    std::chrono::milliseconds replyTimeout{1000};  // ask again when a request got no reply in this time
    std::chrono::milliseconds silenceLimit{3000};  // no valid frame for this long: Lost
    std::chrono::milliseconds retryInterval{1000}; // between attempts to reopen a lost scale
    std::chrono::milliseconds listenWindow{1200};  // auto: how long to listen for a streaming scale
    int garbageLimit = 5;                          // consecutive unparsable frames: Lost
    std::size_t mailboxCapacity = 64;              // oldest readings dropped beyond this
};

enum class ScaleState { Connecting, Live, Lost, Stopped };
[[nodiscard]] const char* toString(ScaleState state);

struct ScaleStatus {
    ScaleState state = ScaleState::Connecting;
    std::string reason;                 // why Lost, in a sentence
    std::optional<Protocol> protocol;   // the one in use (found by auto)
    std::string lastCommand;            // "zeroed", "tare set", "the scale refused to tare: busy"
    std::uint64_t readings = 0;         // delivered since start
    std::uint64_t garbageFrames = 0;    // unparsable frames seen since start
    std::uint64_t reconnects = 0;       // times the scale was lost
};

class Scale {
  public:
    explicit Scale(ScaleSettings settings);
    ~Scale(); // stops and joins within about 100 ms
    Scale(const Scale&) = delete;
    Scale& operator=(const Scale&) = delete;

    // Readings since the last poll, oldest first. Never blocks on the port.
    [[nodiscard]] std::vector<Reading> poll();
    [[nodiscard]] ScaleStatus status() const;
    // Sends the command when the protocol has one; the outcome shows in status().lastCommand.
    void zero();
    void tare();
    // Waits until a reading or status change arrives after `seen` (an update counter; start with 0), or
    // `timeout` passes; returns the current counter. For command-line waits and tests; the UI polls instead.
    [[nodiscard]] std::uint64_t waitForUpdate(std::uint64_t seen, std::chrono::milliseconds timeout) const;
    void stop();

    struct Shared;

  private:
    std::shared_ptr<Shared> m_shared;
};

// The first stable weight within `timeout`, for the command line. Unavailable with the scale's last reason
// when none came.
[[nodiscard]] Result<Reading> readStable(const ScaleSettings& settings, std::chrono::milliseconds timeout,
                                         ScaleStatus* finalStatus = nullptr);

} // namespace lotstation::scale
