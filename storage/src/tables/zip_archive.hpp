#pragma once
// A read-only zip archive (libzip), for the parts of an .xlsx workbook.
#include "lotstation/storage/error.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

struct zip;

namespace lotstation::storage {

class ZipArchive {
  public:
    [[nodiscard]] static Result<ZipArchive> open(const std::filesystem::path& path);
    // The entry's bytes, or empty when the archive has no such entry.
    [[nodiscard]] Result<std::optional<std::string>> read(const std::string& name) const;

  private:
    struct Closer {
        void operator()(zip* archive) const;
    };
    explicit ZipArchive(zip* archive, std::string shown) : m_archive(archive), m_shown(std::move(shown)) {}
    std::unique_ptr<zip, Closer> m_archive;
    std::string m_shown;
};

} // namespace lotstation::storage
