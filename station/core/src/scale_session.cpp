#include "lotstation/station/scale_session.hpp"

#include <charconv>

namespace lotstation::station {

namespace {

bool sameChoice(const scale::ScaleSettings& a, const scale::ScaleSettings& b) {
    return a.device == b.device && a.protocol == b.protocol && a.line.baud == b.line.baud && a.unit == b.unit;
}

std::string nameOf(const scale::ScaleSettings& settings, std::optional<scale::Protocol> found) {
    const auto protocol = found ? found : settings.protocol;
    return std::string(protocol ? scale::toString(*protocol) : "auto") + " on " + settings.device;
}

} // namespace

Result<std::optional<int>> scaleBaudOf(std::string_view text) {
    if (text.empty()) return std::optional<int>{};
    int baud = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), baud);
    if (error != std::errc{} || end != text.data() + text.size() || baud < 300 || baud > 230400)
        return fail(ErrorKind::Invalid, "A baud rate is a number from 300 to 230400, such as 9600");
    return std::optional<int>{baud};
}

Result<std::optional<scale::ScaleSettings>> scaleSettingsOf(const StationSettings& settings) {
    if (settings.scalePort.empty()) return std::optional<scale::ScaleSettings>{};
    scale::ScaleSettings out;
    out.device = settings.scalePort;
    auto protocol = scale::parseProtocol(settings.scaleProtocol.empty() ? "auto" : settings.scaleProtocol);
    if (!protocol) return std::unexpected(protocol.error());
    out.protocol = *protocol;
    auto baud = scaleBaudOf(settings.scaleBaud);
    if (!baud) return std::unexpected(baud.error());
    out.line.baud = *baud;
    return std::optional<scale::ScaleSettings>{std::move(out)};
}

std::string ScaleReadout::shown() const {
    if (!latest) return "—";
    switch (latest->condition) {
    case scale::Condition::Weight:
        return latest->weight.value + " " + latest->weight.unit;
    case scale::Condition::Moving:
        return "Moving";
    case scale::Condition::Overload:
        return "Overload";
    case scale::Condition::Underload:
        return "Under zero";
    }
    return "—";
}

bool ScaleReadout::stable() const {
    return state == scale::ScaleState::Live && latest && latest->condition == scale::Condition::Weight &&
           latest->weight.stable;
}

Result<Quantity> ScaleReadout::quantity() const {
    if (state != scale::ScaleState::Live)
        return fail(ErrorKind::Unavailable,
                    "The scale is not answering" + (reason.empty() ? std::string() : " (" + reason + ")") +
                        ": type the quantity on the keypad");
    if (!latest) return fail(ErrorKind::Unavailable, "No reading from the scale yet");
    if (latest->condition == scale::Condition::Overload)
        return fail(ErrorKind::Refused, "The scale is overloaded: take something off");
    if (latest->condition == scale::Condition::Underload)
        return fail(ErrorKind::Refused, "The scale reads under zero: zero it");
    if (!stable()) return fail(ErrorKind::Refused, "Wait until the scale settles");
    auto amount = scale::toBaseUnits(latest->weight, storage::Uom::Gram);
    if (!amount) return std::unexpected(amount.error());
    if (*amount <= 0)
        return fail(ErrorKind::Refused, "The scale shows " + shown() + ": put what you weigh on it");
    return Quantity{*amount, storage::Uom::Gram, name};
}

ScaleSession::ScaleSession() = default;
ScaleSession::~ScaleSession() = default;

void ScaleSession::choose(const std::optional<scale::ScaleSettings>& settings) {
    if (settings && m_settings && sameChoice(*settings, *m_settings)) return;
    if (!settings && !m_settings) return;
    m_scale.reset(); // stops and joins its thread within about 100 ms
    m_settings = settings;
    m_readout = ScaleReadout{};
    m_seen = 0;
    if (!m_settings) return;
    m_readout.name = nameOf(*m_settings, std::nullopt);
    m_scale = std::make_unique<scale::Scale>(*m_settings);
}

std::optional<ScaleReadout> ScaleSession::poll() {
    if (!m_scale) return std::nullopt;
    auto readings = m_scale->poll();
    const auto status = m_scale->status();
    m_readout.state = status.state;
    m_readout.reason = status.reason;
    m_readout.lastCommand = status.lastCommand;
    m_readout.name = nameOf(*m_settings, status.protocol);
    // A tare reply names the tare taken off, not what lies on the scale: it is never the reading shown.
    for (auto& reading : readings)
        if (reading.condition != scale::Condition::Weight || reading.weight.kind != scale::WeightKind::Tare)
            m_readout.latest = std::move(reading);
    // A reading from before the scale was lost is no reading of what lies on it now.
    if (status.state != scale::ScaleState::Live) m_readout.latest.reset();
    return m_readout;
}

void ScaleSession::waitForNews(std::chrono::milliseconds timeout) {
    if (m_scale) m_seen = m_scale->waitForUpdate(m_seen, timeout);
}

void ScaleSession::command(ScaleCommand command) {
    if (!m_scale) return;
    if (command == ScaleCommand::Tare)
        m_scale->tare();
    else
        m_scale->zero();
}

} // namespace lotstation::station
