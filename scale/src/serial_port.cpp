#include "lotstation/scale/serial_port.hpp"

#include "port_backends.hpp"

namespace lotstation::scale {

SerialPort::SerialPort(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SerialPort::~SerialPort() = default;
SerialPort::SerialPort(SerialPort&&) noexcept = default;
SerialPort& SerialPort::operator=(SerialPort&&) noexcept = default;

Result<SerialPort> SerialPort::open(const std::string& device, const LineSettings& line) {
    if (line.dataBits < 5 || line.dataBits > 8 || (line.stopBits != 1 && line.stopBits != 2) || line.baud <= 0)
        return fail(ErrorKind::Invalid, "line settings " + std::to_string(line.baud) + " " +
                                            std::to_string(line.dataBits) + " data bits " +
                                            std::to_string(line.stopBits) + " stop bits are not possible");
    // libserialport knows the machine's real ports; it does not list pseudo-terminals, which termios opens.
    auto impl = openWithLibserialport(device, line);
    if (!impl && impl.error().kind == ErrorKind::NotFound) impl = openPseudoTerminal(device, line);
    if (!impl) return std::unexpected(impl.error());
    return SerialPort(std::move(*impl));
}

Result<void> SerialPort::write(std::string_view bytes, std::chrono::milliseconds timeout) {
    return m_impl->write(bytes, timeout);
}

Result<std::string> SerialPort::read(std::chrono::milliseconds timeout) { return m_impl->read(timeout); }
void SerialPort::discardInput() { m_impl->discardInput(); }
const std::string& SerialPort::device() const { return m_impl->device; }

} // namespace lotstation::scale
