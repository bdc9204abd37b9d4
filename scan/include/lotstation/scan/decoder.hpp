#pragma once
// Turning frames into ScannedCodes with ZXing-cpp behind the curtain.
//
// decodeStill() gives one image everything it has (photos and files: accuracy first).
// LiveDecoder decides per frame how much work a camera frame gets, so a 30 fps 1080p feed keeps up on
// two cores: a fast pass on a downscaled frame, a full-resolution pass around the last hit, and the
// expensive passes only when the time budget allows (see decoder.cpp for the policy).
#include "lotstation/scan/frame.hpp"
#include "lotstation/scan/scanned_code.hpp"

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

namespace lotstation::scan {

// A set of symbologies, e.g. SymbologySet::all() or SymbologySet{Symbology::QrCode, Symbology::Code128}.
class SymbologySet {
  public:
    SymbologySet() = default;
    SymbologySet(std::initializer_list<Symbology> symbologies) {
        for (auto s : symbologies)
            add(s);
    }
    [[nodiscard]] static SymbologySet all();

    void add(Symbology s) { m_bits |= bit(s); }
    void remove(Symbology s) { m_bits &= ~bit(s); }
    [[nodiscard]] bool contains(Symbology s) const { return (m_bits & bit(s)) != 0; }
    [[nodiscard]] bool empty() const { return m_bits == 0; }
    [[nodiscard]] bool operator==(const SymbologySet&) const = default;

  private:
    [[nodiscard]] static std::uint32_t bit(Symbology s) { return 1u << static_cast<unsigned>(s); }
    std::uint32_t m_bits = 0;
};

struct DecoderSettings {
    SymbologySet symbologies = SymbologySet::all();
    // Most symbols to look for in one image; several labels on one sheet are normal.
    int maxSymbols = 8;
};

// Every code in one still image, tried hard (rotations, several scales, both binarizers).
// Never throws and never aborts, whatever the pixels (see zxing_call.cpp for the library defect avoided).
[[nodiscard]] std::vector<ScannedCode> decodeStill(const Frame& frame, const DecoderSettings& settings = {});

struct LiveDecoderSettings {
    DecoderSettings decoder;
    // Time one frame may take before the optional passes are skipped. A 30 fps feed on two cores leaves
    // ~33 ms per frame if every frame is to be looked at.
    std::chrono::microseconds frameBudget{25'000};
    // Frames wider than this are first searched at a reduced size.
    int fastPassWidth = 1280;
    // How long the region around the last hit stays interesting.
    std::chrono::milliseconds regionMemory{1'500};
};

// Which passes a frame got: for benchmarks and the on-screen diagnostics.
struct LivePassReport {
    bool fast = false;
    bool region = false;
    bool full = false;
    std::chrono::microseconds elapsed{0};
};

class LiveDecoder {
  public:
    explicit LiveDecoder(LiveDecoderSettings settings = {});
    ~LiveDecoder();
    LiveDecoder(LiveDecoder&&) noexcept;
    LiveDecoder& operator=(LiveDecoder&&) noexcept;
    LiveDecoder(const LiveDecoder&) = delete;
    LiveDecoder& operator=(const LiveDecoder&) = delete;

    // Codes seen in this frame (frameTime and origin set from the frame). Never throws.
    [[nodiscard]] std::vector<ScannedCode> decode(const Frame& frame);
    [[nodiscard]] const LivePassReport& lastReport() const;

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace lotstation::scan
