#pragma once
// A serial port opened with given line settings, read with a timeout. Real ports (ttyS, ttyUSB, ttyACM) go
// through libserialport; pseudo-terminals (socat or ser2net bridges, the tests' simulated scales), which
// libserialport does not list, through termios directly. Either way the caller sees the same small type.
#include "lotstation/core/error.hpp"
#include "lotstation/scale/protocol.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace lotstation::scale {

class SerialPort {
  public:
    // Io / Unavailable with a sentence when the device is missing, busy or refuses the settings.
    [[nodiscard]] static Result<SerialPort> open(const std::string& device, const LineSettings& line);
    ~SerialPort();
    SerialPort(SerialPort&&) noexcept;
    SerialPort& operator=(SerialPort&&) noexcept;

    // Writes everything or fails (Unavailable: the device went away).
    [[nodiscard]] Result<void> write(std::string_view bytes, std::chrono::milliseconds timeout);
    // Whatever arrived within `timeout` (empty when nothing did); Unavailable when the device went away.
    [[nodiscard]] Result<std::string> read(std::chrono::milliseconds timeout);
    void discardInput();
    [[nodiscard]] const std::string& device() const;

    struct Impl;

  private:
    explicit SerialPort(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace lotstation::scale
