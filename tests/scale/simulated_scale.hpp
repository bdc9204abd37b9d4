#pragma once
// A scale on the far end of a pseudo-terminal, driven by the test: it answers requests (or streams) in the
// protocol it is told, with whatever weight, delay, noise or unplugging the test sets. The code under test
// opens the pty's slave path as it would open /dev/ttyUSB0.
#include "lotstation/scale/protocol.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lotstation::scale::testing {

enum class SimMode { Weighing, Moving, Overload, Underload, Silent };

class SimulatedScale {
  public:
    explicit SimulatedScale(Protocol protocol);
    ~SimulatedScale();
    SimulatedScale(const SimulatedScale&) = delete;
    SimulatedScale& operator=(const SimulatedScale&) = delete;

    [[nodiscard]] const std::string& path() const { return m_path; }

    // The weight it shows: value as the scale prints it ("1.234"), unit, settled or not.
    void show(std::string value, std::string unit, bool stable = true, std::string kind = "GS");
    void setMode(SimMode mode);
    void setReplyDelay(std::chrono::milliseconds delay);     // before each reply
    void setByteGap(std::chrono::milliseconds gap);          // between the bytes of a reply (a dribbling line)
    void setNoise(std::string noiseLine);                    // sent as its own line before every reply
    void sendRaw(std::string bytes);                         // now, as is
    void unplugAfter(std::string partialFrame);              // sends these bytes, then closes the master
    void unplug();

    // Requests received so far ("SI", "W", "T"...), and a bounded wait for the n-th.
    [[nodiscard]] std::vector<std::string> requests() const;
    [[nodiscard]] bool waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const;

  private:
    void run();
    void handle(const std::string& request);
    [[nodiscard]] std::string weightFrame() const; // under lock
    void queue(const std::string& bytes);          // under lock; honours delay, gap and noise

    Protocol m_protocol;
    int m_master = -1;
    int m_slave = -1;
    std::string m_path;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::string m_value = "0.000", m_unit = "kg", m_kind = "GS";
    bool m_stable = true;
    SimMode m_mode = SimMode::Weighing;
    std::chrono::milliseconds m_delay{0}, m_gap{0};
    std::string m_noise;
    std::deque<std::pair<std::chrono::steady_clock::time_point, std::string>> m_outgoing;
    std::vector<std::string> m_requests;
    bool m_unplugged = false;
    bool m_stopping = false;
    std::chrono::steady_clock::time_point m_nextStream{};
    std::thread m_thread;
};

} // namespace lotstation::scale::testing
