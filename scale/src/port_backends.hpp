#pragma once
// The two ways a SerialPort is opened (see serial_port.hpp).
#include "lotstation/scale/serial_port.hpp"

namespace lotstation::scale {

struct SerialPort::Impl {
    std::string device;
    virtual ~Impl() = default;
    virtual Result<void> write(std::string_view bytes, std::chrono::milliseconds timeout) = 0;
    virtual Result<std::string> read(std::chrono::milliseconds timeout) = 0;
    virtual void discardInput() = 0;
};

// NotFound when libserialport does not know the device (then try openPseudoTerminal).
[[nodiscard]] Result<std::unique_ptr<SerialPort::Impl>> openWithLibserialport(const std::string& device,
                                                                              const LineSettings& line);
[[nodiscard]] Result<std::unique_ptr<SerialPort::Impl>> openPseudoTerminal(const std::string& device,
                                                                           const LineSettings& line);

} // namespace lotstation::scale
