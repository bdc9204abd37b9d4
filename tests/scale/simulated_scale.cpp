#include "simulated_scale.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdexcept>
#include <termios.h>
#include <unistd.h>

namespace lotstation::scale::testing {

using Clock = std::chrono::steady_clock;

SimulatedScale::SimulatedScale(Protocol protocol) : m_protocol(protocol) {
    char name[256] = {};
    termios raw{};
    ::cfmakeraw(&raw);
    if (::openpty(&m_master, &m_slave, name, &raw, nullptr) != 0) throw std::runtime_error("openpty failed");
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_path = name;
    m_thread = std::thread([this] { run(); });
}

SimulatedScale::~SimulatedScale() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_thread.join();
    if (m_master >= 0) ::close(m_master);
    ::close(m_slave);
}

void SimulatedScale::show(std::string value, std::string unit, bool stable, std::string kind) {
    std::lock_guard lock(m_mutex);
    m_value = std::move(value);
    m_unit = std::move(unit);
    m_stable = stable;
    m_kind = std::move(kind);
    m_mode = SimMode::Weighing;
}

void SimulatedScale::setMode(SimMode mode) {
    std::lock_guard lock(m_mutex);
    m_mode = mode;
}

void SimulatedScale::setReplyDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(m_mutex);
    m_delay = delay;
}

void SimulatedScale::setByteGap(std::chrono::milliseconds gap) {
    std::lock_guard lock(m_mutex);
    m_gap = gap;
}

void SimulatedScale::setNoise(std::string noiseLine) {
    std::lock_guard lock(m_mutex);
    m_noise = std::move(noiseLine);
}

void SimulatedScale::sendRaw(std::string bytes) {
    std::lock_guard lock(m_mutex);
    m_outgoing.emplace_back(Clock::now(), std::move(bytes));
}

void SimulatedScale::unplugAfter(std::string partialFrame) {
    std::lock_guard lock(m_mutex);
    m_outgoing.emplace_back(Clock::now(), std::move(partialFrame));
    m_outgoing.emplace_back(Clock::now(), std::string("\0unplug", 7));
}

void SimulatedScale::unplug() { unplugAfter(""); }

std::vector<std::string> SimulatedScale::requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

bool SimulatedScale::waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_requests.size() >= count; });
}

std::string SimulatedScale::weightFrame() const {
    const bool negative = !m_value.empty() && m_value.front() == '-';
    const std::string digits = negative ? m_value.substr(1) : m_value;
    const std::string sign = negative ? "-" : "+";
    switch (m_protocol) {
    case Protocol::MtSics:
        if (m_mode == SimMode::Moving) return "S I\r\n";
        if (m_mode == SimMode::Overload) return "S +\r\n";
        if (m_mode == SimMode::Underload) return "S -\r\n";
        return std::string("S ") + (m_stable ? "S" : "D") + "     " + m_value + " " + m_unit + "\r\n";
    case Protocol::Toledo8217:
        if (m_mode == SimMode::Overload) return "\x02?b\r";   // 0x62: bit 1 over capacity
        if (m_mode == SimMode::Underload) return "\x02?d\r";  // 0x64: bit 2 under zero
        if (m_mode == SimMode::Moving || !m_stable) return "\x02?a\r"; // 0x61: bit 0 in motion
        return "\x02" + m_value + "\r";
    case Protocol::Continuous:
        if (m_mode == SimMode::Overload) return "OL," + m_kind + ",+9999.999" + m_unit + "\r\n";
        return std::string(m_stable ? "ST," : "US,") + m_kind + "," + sign + std::string(8 - std::min<std::size_t>(8, digits.size()), '0') +
               digits + m_unit + "\r\n";
    case Protocol::AnD:
        if (m_mode == SimMode::Overload) return "OL,+9999999E+19\r\n";
        return std::string(m_stable ? "ST," : "US,") + sign + std::string(8 - std::min<std::size_t>(8, digits.size()), '0') +
               digits + " " + (m_unit.size() == 1 ? " " : "") + m_unit + "\r\n";
    }
    return {};
}

void SimulatedScale::queue(const std::string& bytes) {
    auto due = Clock::now() + m_delay;
    if (!m_noise.empty()) m_outgoing.emplace_back(due, m_noise + "\r\n");
    if (m_gap.count() == 0) {
        m_outgoing.emplace_back(due, bytes);
        return;
    }
    for (char c : bytes) {
        m_outgoing.emplace_back(due, std::string(1, c));
        due += m_gap;
    }
}

void SimulatedScale::handle(const std::string& request) {
    m_requests.push_back(request);
    m_changed.notify_all();
    if (m_mode == SimMode::Silent) return;
    if (m_protocol == Protocol::MtSics) {
        if (request == "S" || request == "SI") queue(weightFrame());
        else if (request == "Z") queue("Z A\r\n");
        else if (request == "T") queue("T S      " + m_value + " " + m_unit + "\r\n");
        else if (request == "I2") queue("I2 A \"SIM-1 Simulated 6.2 kg\"\r\n");
        else queue("ES\r\n");
    } else if (m_protocol == Protocol::AnD) {
        if (request == "Q" || request == "S" || request == "SI") queue(weightFrame());
        else if (request == "Z" || request == "T") queue("\x06\r\n");
        else queue("EC,E1\r\n");
    } else if (m_protocol == Protocol::Toledo8217) {
        if (request == "W") queue(weightFrame());
    }
}

void SimulatedScale::run() {
    std::string incoming;
    while (true) {
        std::unique_lock lock(m_mutex);
        if (m_stopping) return;
        const auto now = Clock::now();
        if (m_protocol == Protocol::Continuous && !m_unplugged && m_mode != SimMode::Silent && now >= m_nextStream) {
            queue(weightFrame());
            m_nextStream = now + std::chrono::milliseconds(40);
        }
        while (!m_unplugged && !m_outgoing.empty() && m_outgoing.front().first <= now) {
            const std::string bytes = std::move(m_outgoing.front().second);
            m_outgoing.pop_front();
            if (bytes == std::string("\0unplug", 7)) {
                ::close(m_master);
                m_master = -1;
                m_unplugged = true;
                m_outgoing.clear();
                break;
            }
            if (::write(m_master, bytes.data(), bytes.size()) < 0) { /* nobody reading yet: dropped */ }
        }
        const int master = m_master;
        lock.unlock();
        if (master < 0) {
            std::unique_lock wait(m_mutex);
            m_changed.wait_for(wait, std::chrono::milliseconds(20), [&] { return m_stopping; });
            continue;
        }
        pollfd ready{master, POLLIN, 0};
        if (::poll(&ready, 1, 5) <= 0 || !(ready.revents & POLLIN)) continue;
        char buffer[256];
        const auto got = ::read(master, buffer, sizeof buffer);
        if (got <= 0) continue;
        lock.lock();
        for (ssize_t i = 0; i < got; ++i) {
            const char c = buffer[i];
            if (m_protocol == Protocol::Toledo8217 && (c == 'W' || c == 'Z' || c == 'T') && incoming.empty()) {
                handle(std::string(1, c)); // 8217 requests are single letters without a terminator
            } else if (c == '\r' || c == '\n') {
                if (!incoming.empty()) handle(incoming);
                incoming.clear();
            } else {
                incoming.push_back(c);
            }
        }
    }
}

} // namespace lotstation::scale::testing
