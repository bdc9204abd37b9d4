#pragma once
// The scale protocols the station speaks (DOMAIN §5). Each one is its line settings, the bytes it sends to
// ask, zero and tare, and a parser for one frame. Parsers are pure: a frame in, a reading (or nothing, for an
// acknowledgement) out; anything unexpected is an Invalid error naming what was wrong.
#include "lotstation/core/error.hpp"
#include "lotstation/scale/weight.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::scale {

enum class Protocol { MtSics, Toledo8217, Continuous, AnD };
enum class Parity { None, Even, Odd };

struct LineSettings {
    int baud = 9600;
    int dataBits = 8;
    Parity parity = Parity::None;
    int stopBits = 1;
    friend bool operator==(const LineSettings&, const LineSettings&) = default;
};

// "mt-sics", "toledo", "continuous", "and".
[[nodiscard]] const char* toString(Protocol protocol);
// Also accepts "auto" as nullopt (try every protocol in turn).
[[nodiscard]] Result<std::optional<Protocol>> parseProtocol(std::string_view name);
[[nodiscard]] Result<Parity> parseParity(std::string_view name); // "none", "even", "odd" (or n / e / o)

struct ProtocolSpec {
    Protocol protocol;
    LineSettings line;        // the protocol's usual settings (a scale may be configured otherwise)
    std::string askWeight;    // empty: the scale sends on its own
    std::string askZero;      // empty: no command; the operator uses the scale's key
    std::string askTare;
};

[[nodiscard]] const ProtocolSpec& specOf(Protocol protocol);
// The order `auto` tries: the streaming scale first (it talks unasked), then the ones that answer.
[[nodiscard]] const std::vector<Protocol>& autoOrder();

// What one frame (a line without its terminator; STX allowed in front) said.
struct Reply {
    std::optional<Reading> reading; // empty for acknowledgements (zeroed, tared, model name)
    std::string note;               // acknowledgement text: "zeroed", "tare set", "model: ..."
};

// Parses one frame of `protocol`. `unit` is the unit of protocols whose frames carry none (Toledo 8217).
// The scale refusing a command (MT-SICS ES / EL / "Z I", A&D EC) is a Refused error with its meaning.
[[nodiscard]] Result<Reply> parseFrame(Protocol protocol, std::string_view frame, std::string_view unit = "kg");

// Splits a byte stream into frames at CR or LF, whatever chunks it arrives in. A line longer than
// `maxLine` is garbage: it is dropped and reported as one over-long frame.
class FrameSplitter {
  public:
    explicit FrameSplitter(std::size_t maxLine = 96) : m_maxLine(maxLine) {}
    void feed(std::string_view bytes);
    [[nodiscard]] std::vector<std::string> take(); // complete frames, oldest first, empty lines skipped
    [[nodiscard]] bool partial() const { return !m_current.empty(); }
    void clear();

  private:
    std::size_t m_maxLine;
    bool m_overflow = false;
    std::string m_current;
    std::vector<std::string> m_frames;
};

// A frame made safe to show: control bytes as \xNN, cut at 60 characters.
[[nodiscard]] std::string showFrame(std::string_view frame);

} // namespace lotstation::scale
