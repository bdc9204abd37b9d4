#pragma once
// A stand-in camera for machines without one: a moving test pattern with a code-like square drifting and
// turning across it, and that square's corners as the "decoded" outline, so the preview and its overlay can
// be seen and tested. The scan module's real frame sources replace it wherever a camera or video is present.
#include "lotstation/scan/scanned_code.hpp"
#include "lotstation/station/image.hpp"

namespace lotstation::station {

struct CameraFrame {
    const Image* image = nullptr;          // valid until the next frame is asked for
    std::optional<scan::Quad> codeOutline; // where a code was found, in frame pixels
};

class SyntheticCamera {
  public:
    SyntheticCamera(int width, int height);
    // The frame at this index: the same index always paints the same picture.
    [[nodiscard]] CameraFrame frame(long index);

  private:
    Image m_image;
};

} // namespace lotstation::station
