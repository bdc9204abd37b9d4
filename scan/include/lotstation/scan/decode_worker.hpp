#pragma once
// The decoder off the caller's thread. submit() never waits for decoding: the newest frame replaces one
// still waiting (counted as dropped), so the worker always decodes the latest picture. What it found comes
// back through a mailbox the UI thread empties with poll() once per drawn frame.
#include "lotstation/scan/decoder.hpp"
#include "lotstation/scan/dedupe.hpp"
#include "lotstation/scan/frame.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace lotstation::scan {

struct DecodeWorkerSettings {
    LiveDecoderSettings decoder;
    DedupeSettings dedupe;
    // Outcomes kept for the UI between polls; the oldest ones without a registered scan go first.
    std::size_t mailboxCapacity = 64;
};

// One decoded frame.
struct DecodeOutcome {
    std::uint64_t sequence = 0;
    std::chrono::steady_clock::time_point frameTime{}; // when the frame arrived (Frame::captureTime)
    std::chrono::steady_clock::time_point decodedAt{}; // when its scans were registered
    std::vector<ScannedCode> seen;                     // every code in the frame, for the preview outlines
    std::vector<ScannedCode> registered;               // the new scans, after dedupe
    LivePassReport passes;
};

struct DecodeWorkerStats {
    std::uint64_t submitted = 0;
    std::uint64_t decoded = 0;
    std::uint64_t dropped = 0; // replaced by a newer frame before the worker got to them
    std::uint64_t registered = 0;
};

class DecodeWorker {
  public:
    explicit DecodeWorker(DecodeWorkerSettings settings = {});
    ~DecodeWorker(); // stops and joins; a frame being decoded is finished first
    DecodeWorker(const DecodeWorker&) = delete;
    DecodeWorker& operator=(const DecodeWorker&) = delete;

    // Hands a frame over; returns at once. Ignored after stop().
    void submit(Frame frame);
    // Takes everything that arrived since the last poll (oldest first). Never blocks on decoding.
    [[nodiscard]] std::vector<DecodeOutcome> poll();
    [[nodiscard]] DecodeWorkerStats stats() const;
    // Waits until no frame is pending or being decoded (tests and file scans); false on timeout.
    [[nodiscard]] bool waitIdle(std::chrono::milliseconds timeout);
    void stop();

  private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace lotstation::scan
