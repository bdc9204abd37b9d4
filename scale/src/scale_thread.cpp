// The scale's thread: open the port (finding the protocol for `auto`), ask and read until the scale is lost,
// then say why and try again. Every wait is bounded so stop() is honoured within about 100 ms.
#include "lotstation/scale/serial_port.hpp"
#include "scale_shared.hpp"

namespace lotstation::scale {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds readSlice{50};

struct Connection {
    SerialPort port;
    Protocol protocol;
};

LineSettings lineFor(const ScaleSettings& settings, Protocol protocol) {
    return settings.line.over(specOf(protocol).line);
}

std::string seconds(milliseconds duration) {
    const auto tenths = duration.count() / 100;
    return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " s";
}

// Does a scale speaking `protocol` answer on this port? A valid reply or the scale's own refusal counts.
bool answers(Scale::Shared& shared, SerialPort& port, Protocol protocol, std::string& heard) {
    const auto& spec = specOf(protocol);
    const auto window = spec.askWeight.empty() ? shared.settings.listenWindow : shared.settings.replyTimeout;
    port.discardInput();
    if (!spec.askWeight.empty() && !port.write(spec.askWeight, window)) return false;
    FrameSplitter splitter;
    const auto deadline = Clock::now() + window;
    while (Clock::now() < deadline && !shared.stopRequested()) {
        auto bytes = port.read(readSlice);
        if (!bytes) return false;
        splitter.feed(*bytes);
        for (const auto& frame : splitter.take()) {
            const auto reply = parseFrame(protocol, frame, shared.settings.unit);
            if (reply || reply.error().kind == ErrorKind::Refused) return true;
            heard = showFrame(frame);
        }
    }
    return false;
}

Result<Connection> connect(Scale::Shared& shared) {
    const auto& settings = shared.settings;
    if (settings.protocol) {
        auto port = SerialPort::open(settings.device, lineFor(settings, *settings.protocol));
        if (!port) return std::unexpected(port.error());
        return Connection{std::move(*port), *settings.protocol};
    }
    std::string heard, tried;
    for (Protocol protocol : autoOrder()) {
        if (shared.stopRequested()) break;
        auto port = SerialPort::open(settings.device, lineFor(settings, protocol));
        if (!port) return std::unexpected(port.error());
        if (answers(shared, *port, protocol, heard)) return Connection{std::move(*port), protocol};
        tried += (tried.empty() ? "" : ", ") + std::string(toString(protocol));
    }
    return fail(ErrorKind::Unavailable, "no scale protocol answered on " + settings.device + " (tried " + tried +
                                            (heard.empty() ? ")" : "; it sent '" + heard + "')"));
}

// Reads until the scale is lost; returns why (empty when stopped).
std::string session(Scale::Shared& shared, Connection& connection) {
    const auto& settings = shared.settings;
    const auto& spec = specOf(connection.protocol);
    FrameSplitter splitter;
    auto lastValid = Clock::now();
    auto askedAt = Clock::time_point{};
    bool awaitingReply = false;
    int garbageInARow = 0;
    std::string lastGarbage;
    while (!shared.stopRequested()) {
        for (Command command : shared.takeCommands()) {
            const auto& bytes = command == Command::Zero ? spec.askZero : spec.askTare;
            const char* what = command == Command::Zero ? "zero" : "tare";
            if (bytes.empty()) {
                shared.setLastCommand(std::string("this scale cannot ") + what +
                                      " over the line; use the key on the scale");
                continue;
            }
            if (auto written = connection.port.write(bytes, settings.replyTimeout); !written)
                return written.error().message;
        }
        const auto now = Clock::now();
        if (!spec.askWeight.empty() && ((!awaitingReply && now - askedAt >= settings.pollInterval) ||
                                        (awaitingReply && now - askedAt >= settings.replyTimeout))) {
            if (auto written = connection.port.write(spec.askWeight, settings.replyTimeout); !written)
                return written.error().message;
            askedAt = now;
            awaitingReply = true;
        }
        auto bytes = connection.port.read(readSlice);
        if (!bytes) return bytes.error().message;
        splitter.feed(*bytes);
        for (const auto& frame : splitter.take()) {
            auto reply = parseFrame(connection.protocol, frame, settings.unit);
            if (!reply && reply.error().kind == ErrorKind::Invalid) {
                shared.countGarbage();
                lastGarbage = showFrame(frame);
                if (++garbageInARow >= settings.garbageLimit)
                    return "the scale sends garbage ('" + lastGarbage + "'): check the protocol and baud rate";
                continue;
            }
            garbageInARow = 0;
            lastValid = Clock::now();
            awaitingReply = false;
            if (!reply) {
                shared.setLastCommand(reply.error().message);
                continue;
            }
            if (reply->reading) {
                reply->reading->at = lastValid;
                shared.publish(std::move(*reply->reading));
            }
            if (!reply->note.empty()) shared.setLastCommand(reply->note);
        }
        if (Clock::now() - lastValid > settings.silenceLimit) {
            if (splitter.partial()) return "the scale stopped in the middle of a frame";
            if (!lastGarbage.empty())
                return "nothing the station understands from the scale for " + seconds(settings.silenceLimit) +
                       " (last: '" + lastGarbage + "')";
            return "no reply from the scale for " + seconds(settings.silenceLimit);
        }
    }
    return {};
}

} // namespace

void runScale(Scale::Shared& shared) {
    while (!shared.stopRequested()) {
        auto connection = connect(shared);
        if (!connection) {
            if (shared.stopRequested()) break;
            shared.setLost(connection.error().message);
            if (!shared.pause(shared.settings.retryInterval)) break;
            continue;
        }
        shared.setLive(connection->protocol);
        const auto reason = session(shared, *connection);
        if (reason.empty()) break;
        shared.setLost(reason);
        if (!shared.pause(shared.settings.retryInterval)) break;
    }
}

} // namespace lotstation::scale
