#include "lotstation/station/image.hpp"

#include <memory>
#include <stb_image.h>
#include <stb_image_write.h>

namespace lotstation::station {

std::expected<void, Error> writePng(const std::filesystem::path& path, const Image& image) {
    if (image.empty() || (image.channels != 3 && image.channels != 4) ||
        image.pixels.size() != image.rowBytes() * static_cast<std::size_t>(image.height))
        return fail(ErrorKind::Io, "cannot write " + path.string() + ": the image is empty or malformed");
    std::error_code ignored;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
    const int ok = stbi_write_png(path.string().c_str(), image.width, image.height, image.channels,
                                  image.pixels.data(), static_cast<int>(image.rowBytes()));
    if (!ok) return fail(ErrorKind::Io, "cannot write " + path.string());
    return {};
}

std::expected<Image, Error> readPng(const std::filesystem::path& path) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> data(
        stbi_load(path.string().c_str(), &width, &height, &channels, 3), &stbi_image_free);
    if (!data) {
        const char* why = stbi_failure_reason();
        return fail(ErrorKind::Io, "cannot read " + path.string() + ": " + (why ? why : "unknown reason"));
    }
    Image image{width, height, 3, {}};
    image.pixels.assign(data.get(), data.get() + image.rowBytes() * static_cast<std::size_t>(height));
    return image;
}

} // namespace lotstation::station
