#include "test_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace lotstation::test {

TempDir::TempDir() {
    std::random_device random;
    const auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = base / ("lotstation-test-" + std::to_string(random()));
        if (std::filesystem::create_directory(candidate)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::optional<std::filesystem::path> sharedDir() {
    if (const char* env = std::getenv("LOTSTATION_SHARED_DIR")) {
        if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
        return std::nullopt;
    }
    std::filesystem::path compiled = LOTSTATION_SHARED_DIR;
    if (std::filesystem::is_directory(compiled)) return std::filesystem::canonical(compiled);
    return std::nullopt;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeFile(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

bool underCtest() { return std::getenv("LOTSTATION_UNDER_CTEST") != nullptr; }

void exitSkipped(std::string_view why) {
    std::fprintf(stderr, "SKIPPED: %.*s\n", static_cast<int>(why.size()), why.data());
    std::fflush(stderr);
    std::_Exit(77);
}

} // namespace lotstation::test
