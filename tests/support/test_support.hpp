#pragma once
// Small helpers shared by every test suite: real temporary folders and files, the team's shared data folder,
// and a clean "skipped" outcome when optional data is absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::test {

// A fresh folder under the system temp dir, removed (with its contents) when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path file(std::string_view name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// ../shared next to the repository, when present.
[[nodiscard]] std::optional<std::filesystem::path> sharedDir();

[[nodiscard]] std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, std::string_view content);

// Under CTest a skip exits with 77 (registered as SKIP_RETURN_CODE) so the run reports it as skipped;
// run by hand, the case just says why and returns.
[[noreturn]] void exitSkipped(std::string_view why);
[[nodiscard]] bool underCtest();

} // namespace lotstation::test

#define LOTSTATION_SKIP(why)                                                                                   \
    do {                                                                                                       \
        MESSAGE("skipped: " << (why));                                                                         \
        if (::lotstation::test::underCtest()) ::lotstation::test::exitSkipped(why);                            \
        return;                                                                                                \
    } while (false)
