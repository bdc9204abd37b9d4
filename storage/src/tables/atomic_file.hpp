#pragma once
// Writes a file whole or not at all: `write` fills a temporary file beside `path`, which is then renamed over
// it; on any failure the temporary file is removed and `path` is untouched.
#include "lotstation/storage/error.hpp"

#include <filesystem>
#include <functional>
#include <system_error>

namespace lotstation::storage {

[[nodiscard]] inline Result<void> writeAtomically(
    const std::filesystem::path& path, const std::function<Result<void>(const std::filesystem::path&)>& write) {
    auto temporary = path;
    temporary += ".partial";
    auto written = write(temporary);
    std::error_code error;
    if (written) {
        std::filesystem::rename(temporary, path, error);
        if (!error) return {};
        written = fail(ErrorKind::Io, "could not write " + path.string() + ": " + error.message());
    }
    std::filesystem::remove(temporary, error);
    return written;
}

} // namespace lotstation::storage
