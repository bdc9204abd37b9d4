#include "zip_archive.hpp"

#include <zip.h>

namespace lotstation::storage {

void ZipArchive::Closer::operator()(zip* archive) const {
    zip_discard(archive); // read-only: nothing to write back
}

Result<ZipArchive> ZipArchive::open(const std::filesystem::path& path) {
    int code = 0;
    zip* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (archive == nullptr) {
        if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN) return fail(ErrorKind::Io, "cannot open " + path.string());
        return fail(ErrorKind::Invalid, path.filename().string() + " is not an .xlsx workbook (not a zip file)");
    }
    return ZipArchive(archive, path.filename().string());
}

Result<std::optional<std::string>> ZipArchive::read(const std::string& name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_archive.get(), name.c_str(), 0, &stat) != 0) return std::optional<std::string>();
    if (stat.size > 512u * 1024u * 1024u) return fail(ErrorKind::Invalid, m_shown + ": " + name + " is too large");
    zip_file_t* file = zip_fopen(m_archive.get(), name.c_str(), 0);
    if (file == nullptr) {
        return fail(ErrorKind::Invalid, m_shown + ": cannot read " + name + " (" + zip_strerror(m_archive.get()) + ")");
    }
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    const auto got = zip_fread(file, bytes.data(), stat.size);
    zip_fclose(file);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size)
        return fail(ErrorKind::Invalid, m_shown + ": " + name + " is damaged");
    return std::optional<std::string>(std::move(bytes));
}

} // namespace lotstation::storage
