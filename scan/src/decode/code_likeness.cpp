#include "decode/code_likeness.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace lotstation::scan::detail {

bool hasBarLikePatch(const cv::Mat& gray) {
    // At most 800 px on the long side: enough for the bars of any code the clean-up passes can rescue.
    constexpr int kLongSide = 800, kBlock = 16;
    // Mean squared gradient (Sobel 3x3) of a block with bars in it: ~60 grey levels of edge contrast.
    constexpr double kStrongEnergy = 60.0 * 60.0;
    // Structure-tensor coherence: 1 for perfectly parallel edges, 0 for no preferred direction.
    constexpr double kParallel = 0.8;
    // Connected strong parallel blocks (of 16x16 px) that make a patch: the smallest 1D code of the
    // corpus makes 15, code-free photos mostly 0-12.
    constexpr int kPatchBlocks = 13;

    const int longSide = std::max(gray.cols, gray.rows);
    const double factor = longSide > kLongSide ? double(kLongSide) / longSide : 1.0;
    const int columns = static_cast<int>(gray.cols * factor) / kBlock;
    const int rows = static_cast<int>(gray.rows * factor) / kBlock;
    if (columns < 1 || rows < 1) return true; // too small (or thin) to judge: let the passes decide
    cv::Mat small = gray;
    if (factor < 1.0) cv::resize(gray, small, {}, factor, factor, cv::INTER_AREA);
    cv::Mat gx, gy;
    cv::Sobel(small, gx, CV_32F, 1, 0, 3);
    cv::Sobel(small, gy, CV_32F, 0, 1, 3);
    const cv::Mat xx = gx.mul(gx), yy = gy.mul(gy), xy = gx.mul(gy);
    cv::Mat marked(rows, columns, CV_8UC1, cv::Scalar(0));
    for (int by = 0; by < rows; ++by)
        for (int bx = 0; bx < columns; ++bx) {
            const cv::Rect block(bx * kBlock, by * kBlock, kBlock, kBlock);
            const double a = cv::sum(xx(block))[0], b = cv::sum(yy(block))[0], c = cv::sum(xy(block))[0];
            const double energy = (a + b) / (kBlock * kBlock);
            const double coherence = std::sqrt((a - b) * (a - b) + 4 * c * c) / std::max(1e-9, a + b);
            if (energy > kStrongEnergy && coherence > kParallel) marked.at<std::uint8_t>(by, bx) = 255;
        }
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(marked, labels, stats, centroids, 8);
    for (int i = 1; i < count; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) >= kPatchBlocks) return true;
    return false;
}

} // namespace lotstation::scan::detail
