#pragma once
// The demo's camera, for machines without one: the demo's own labels, rendered by the label module, are
// carried into view one after another over a workbench, held a moment with a slight sway, and taken away
// again. Its frames go through the same pump, decoder and dedupe as a real camera's, so every scan the demo
// shows was really read from pixels.
#include "lotstation/labels/template_loader.hpp"
#include "lotstation/scan/frame.hpp"
#include "lotstation/scan/frame_source.hpp"
#include "lotstation/core/error.hpp"
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace lotstation::station {

class DemoCamera {
  public:
    // One label's pass: in, held, out, then a moment of empty bench so the next one is a new scan.
    static constexpr std::uint64_t kFramesPerLabel = 150; // 5 s at 30 fps

    // `labels`: printed labels as images (gray or RGB), shown in this order, round and round.
    DemoCamera(std::vector<scan::Frame> labels, int width = 640, int height = 480);

    // The picture at frame `index`: the same index always paints the same RGB frame.
    [[nodiscard]] scan::Frame frame(std::uint64_t index) const;
    [[nodiscard]] std::size_t labelCount() const { return m_labels.size(); }

  private:
    std::vector<scan::Frame> m_labels;
    int m_width;
    int m_height;
};

// A frame source playing the camera (at the pump's file pace), named "Demo camera".
[[nodiscard]] scan::SourceSpec demoCameraSource(std::shared_ptr<const DemoCamera> camera);

// Renders the labels the demo camera shows into `dir` as PNGs (print them to try a real camera): the lot
// label of each lot, then the location label of each location. Returns the files in that order.
[[nodiscard]] std::expected<std::vector<std::filesystem::path>, Error>
writeDemoLabels(const storage::Ledger& ledger, const labels::TemplateSet& templates,
                std::span<const std::string> lots, std::span<const std::string> locations,
                const std::filesystem::path& dir);

// writeDemoLabels, then the camera over those files.
[[nodiscard]] std::expected<std::shared_ptr<const DemoCamera>, Error>
makeDemoCamera(const storage::Ledger& ledger, const labels::TemplateSet& templates,
               std::span<const std::string> lots, std::span<const std::string> locations,
               const std::filesystem::path& dir);

} // namespace lotstation::station
