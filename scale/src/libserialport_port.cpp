// Real serial and USB-serial ports through libserialport.
#include "port_backends.hpp"

#include <libserialport.h>

namespace lotstation::scale {
namespace {

std::string lastMessage() {
    char* message = sp_last_error_message();
    std::string text = message != nullptr ? message : "unknown error";
    sp_free_error_message(message);
    return text;
}

class LibserialportPort final : public SerialPort::Impl {
  public:
    explicit LibserialportPort(sp_port* port) : m_port(port) {}
    ~LibserialportPort() override {
        sp_close(m_port);
        sp_free_port(m_port);
    }
    LibserialportPort(const LibserialportPort&) = delete;
    LibserialportPort& operator=(const LibserialportPort&) = delete;

    Result<void> write(std::string_view bytes, std::chrono::milliseconds timeout) override {
        const auto written =
            sp_blocking_write(m_port, bytes.data(), bytes.size(), static_cast<unsigned>(timeout.count()));
        if (written < 0) return fail(ErrorKind::Unavailable, device + " went away: " + lastMessage());
        if (static_cast<std::size_t>(written) != bytes.size())
            return fail(ErrorKind::Unavailable, device + " did not take the command within " +
                                                    std::to_string(timeout.count()) + " ms");
        return {};
    }

    Result<std::string> read(std::chrono::milliseconds timeout) override {
        char buffer[256];
        // Waits for the first byte only, then takes what is there: frames arrive in pieces.
        const auto got = sp_blocking_read_next(m_port, buffer, sizeof buffer, static_cast<unsigned>(timeout.count()));
        if (got < 0) return fail(ErrorKind::Unavailable, device + " went away: " + lastMessage());
        // A USB-serial adapter pulled out reads as "ready with nothing"; the port's own check tells.
        if (got == 0 && sp_input_waiting(m_port) < 0)
            return fail(ErrorKind::Unavailable, device + " went away: " + lastMessage());
        return std::string(buffer, static_cast<std::size_t>(got));
    }

    void discardInput() override { sp_flush(m_port, SP_BUF_INPUT); }

  private:
    sp_port* m_port;
};

sp_parity toSp(Parity parity) {
    switch (parity) {
    case Parity::None: return SP_PARITY_NONE;
    case Parity::Even: return SP_PARITY_EVEN;
    case Parity::Odd: return SP_PARITY_ODD;
    }
    return SP_PARITY_NONE;
}

} // namespace

Result<std::unique_ptr<SerialPort::Impl>> openWithLibserialport(const std::string& device, const LineSettings& line) {
    sp_port* port = nullptr;
    if (sp_get_port_by_name(device.c_str(), &port) != SP_OK)
        return fail(ErrorKind::NotFound, "no serial port " + device);
    if (sp_open(port, SP_MODE_READ_WRITE) != SP_OK) {
        const auto message = lastMessage();
        sp_free_port(port);
        return fail(ErrorKind::Unavailable, "cannot open " + device + ": " + message);
    }
    auto opened = std::make_unique<LibserialportPort>(port);
    opened->device = device;
    if (sp_set_baudrate(port, line.baud) != SP_OK || sp_set_bits(port, line.dataBits) != SP_OK ||
        sp_set_parity(port, toSp(line.parity)) != SP_OK || sp_set_stopbits(port, line.stopBits) != SP_OK ||
        sp_set_flowcontrol(port, SP_FLOWCONTROL_NONE) != SP_OK)
        return fail(ErrorKind::Io, device + " refused the line settings: " + lastMessage());
    return std::unique_ptr<SerialPort::Impl>(std::move(opened));
}

} // namespace lotstation::scale
