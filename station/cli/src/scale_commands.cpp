// scale read / watch / tare / zero: a weighing scale on a serial or USB-serial port (scale/).
#include "cli_context.hpp"
#include "lotstation/scale/scale.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace lotstation::station::cli {
namespace {

struct ScaleArgs {
    std::string port = "/dev/ttyUSB0";
    std::string protocol = "auto";
    std::string parity, unit = "kg";
    int baud = 0, dataBits = 0, stopBits = 0;
    double timeoutSeconds = 10; // a CLI argument, not a quantity: the only floating point here
    int count = 0;
};

void addPortOptions(CLI::App& command, ScaleArgs& args) {
    command.add_option("--port", args.port, "Serial device (default /dev/ttyUSB0)");
    command.add_option("--protocol", args.protocol, "auto, mt-sics, toledo, continuous or and (default auto)");
    command.add_option("--baud", args.baud, "Baud rate (default: the protocol's own)");
    command.add_option("--parity", args.parity, "none, even or odd (default: the protocol's own)");
    command.add_option("--data-bits", args.dataBits, "7 or 8 (default: the protocol's own)");
    command.add_option("--stop-bits", args.stopBits, "1 or 2 (default 1)");
    command.add_option("--unit", args.unit, "Unit of scales whose frames name none (Toledo 8217; default kg)");
    command.add_option("--timeout", args.timeoutSeconds, "Seconds to wait (default 10)");
}

scale::ScaleSettings settingsFrom(const ScaleArgs& args) {
    scale::ScaleSettings settings;
    settings.device = args.port;
    auto protocol = scale::parseProtocol(args.protocol);
    if (!protocol) throw CommandFailed(protocol.error().message);
    settings.protocol = *protocol;
    if (args.baud > 0) settings.line.baud = args.baud;
    if (args.dataBits > 0) settings.line.dataBits = args.dataBits;
    if (args.stopBits > 0) settings.line.stopBits = args.stopBits;
    if (!args.parity.empty()) {
        auto parity = scale::parseParity(args.parity);
        if (!parity) throw CommandFailed(parity.error().message);
        settings.line.parity = *parity;
    }
    auto unit = scale::normaliseUnit(args.unit);
    if (!unit) throw CommandFailed(unit.error().message);
    settings.unit = *unit;
    return settings;
}

std::chrono::milliseconds timeoutOf(const ScaleArgs& args) {
    if (!(args.timeoutSeconds > 0) || args.timeoutSeconds > 3600) throw CommandFailed("--timeout must be 0-3600 s");
    return std::chrono::milliseconds(static_cast<std::int64_t>(args.timeoutSeconds * 1000));
}

nlohmann::json readingJson(const scale::Reading& reading, const scale::ScaleStatus& status,
                           const std::string& port) {
    nlohmann::json value{{"condition", scale::toString(reading.condition)},
                         {"frame", reading.frame},
                         {"port", port},
                         {"protocol", status.protocol ? scale::toString(*status.protocol) : nullptr}};
    if (reading.condition == scale::Condition::Weight) {
        value["value"] = reading.weight.value; // a string: the exact decimal the scale printed
        value["unit"] = reading.weight.unit;
        value["stable"] = reading.weight.stable;
        value["kind"] = scale::toString(reading.weight.kind);
    }
    return value;
}

void addRead(CLI::App& scaleCommand, CliContext& context) {
    auto args = std::make_shared<ScaleArgs>();
    auto* read = scaleCommand.add_subcommand("read", "Print one stable reading");
    addPortOptions(*read, *args);
    read->callback([&context, args] {
        context.action = [&context, args] {
            scale::ScaleStatus status;
            auto reading = scale::readStable(settingsFrom(*args), timeoutOf(*args), &status);
            if (!reading) throw CommandFailed(reading.error().message);
            context.emit(reading->weight.value + " " + reading->weight.unit + " " +
                             scale::toString(reading->weight.kind) + " (stable, " +
                             (status.protocol ? scale::toString(*status.protocol) : "?") + " on " + args->port + ")",
                         readingJson(*reading, status, args->port));
            return 0;
        };
    });
}

// One line per reading and per change of the scale's state, until --count readings or --timeout.
void addWatch(CLI::App& scaleCommand, CliContext& context) {
    auto args = std::make_shared<ScaleArgs>();
    args->timeoutSeconds = 3600;
    auto* watch = scaleCommand.add_subcommand("watch", "Stream readings (stop with Ctrl-C, --count or --timeout)");
    addPortOptions(*watch, *args);
    watch->add_option("--count", args->count, "Stop after this many readings");
    watch->callback([&context, args] {
        context.action = [&context, args] {
            scale::Scale scale(settingsFrom(*args));
            const auto deadline = std::chrono::steady_clock::now() + timeoutOf(*args);
            std::uint64_t seen = 0;
            int printed = 0;
            auto lastState = scale::ScaleState::Connecting;
            std::string lastReason;
            while (std::chrono::steady_clock::now() < deadline && (args->count == 0 || printed < args->count)) {
                seen = scale.waitForUpdate(seen, std::chrono::milliseconds(200));
                const auto status = scale.status();
                if (status.state != lastState || status.reason != lastReason) {
                    lastState = status.state;
                    lastReason = status.reason;
                    const std::string line = status.state == scale::ScaleState::Lost
                                                 ? "scale lost: " + status.reason + " (retrying)"
                                                 : std::string("scale ") + scale::toString(status.state) +
                                                       (status.protocol ? std::string(" (") +
                                                                              scale::toString(*status.protocol) + ")"
                                                                        : "");
                    if (context.json)
                        context.out << nlohmann::json{{"event", "status"},
                                                      {"state", scale::toString(status.state)},
                                                      {"reason", status.reason}}
                                           .dump()
                                    << std::endl;
                    else
                        context.out << line << std::endl;
                }
                for (const auto& reading : scale.poll()) {
                    if (args->count != 0 && printed >= args->count) break;
                    ++printed;
                    if (context.json) {
                        auto value = readingJson(reading, status, args->port);
                        value["event"] = "reading";
                        context.out << value.dump() << std::endl;
                    } else {
                        context.out << scale::describe(reading) << std::endl;
                    }
                }
            }
            return 0;
        };
    });
}

void addCommand(CLI::App& scaleCommand, CliContext& context, const char* name, bool tare) {
    auto args = std::make_shared<ScaleArgs>();
    args->timeoutSeconds = 5;
    auto* command = scaleCommand.add_subcommand(name, tare ? "Tare the scale" : "Zero the scale");
    addPortOptions(*command, *args);
    command->callback([&context, args, tare] {
        context.action = [&context, args, tare] {
            scale::Scale scale(settingsFrom(*args));
            const auto deadline = std::chrono::steady_clock::now() + timeoutOf(*args);
            std::uint64_t seen = 0;
            bool sent = false;
            while (std::chrono::steady_clock::now() < deadline) {
                const auto status = scale.status();
                if (!sent && status.state == scale::ScaleState::Live) {
                    tare ? scale.tare() : scale.zero();
                    sent = true;
                } else if (sent && !status.lastCommand.empty()) {
                    const bool done = status.lastCommand == "tare set" || status.lastCommand == "zeroed" ||
                                      status.lastCommand == "done";
                    if (!done) throw CommandFailed(status.lastCommand);
                    context.emit(status.lastCommand, {{"result", status.lastCommand}});
                    return 0;
                }
                seen = scale.waitForUpdate(seen, std::chrono::milliseconds(200));
                (void)scale.poll();
            }
            const auto status = scale.status();
            throw CommandFailed(status.state == scale::ScaleState::Lost ? "scale lost: " + status.reason
                                                                        : "the scale did not answer in time");
        };
    });
}

} // namespace

void addScaleCommands(CLI::App& root, CliContext& context) {
    auto* scaleCommand = root.add_subcommand("scale", "Read a weighing scale on a serial port");
    scaleCommand->require_subcommand(1);
    addRead(*scaleCommand, context);
    addWatch(*scaleCommand, context);
    addCommand(*scaleCommand, context, "tare", true);
    addCommand(*scaleCommand, context, "zero", false);
}

} // namespace lotstation::station::cli
