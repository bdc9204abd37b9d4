// The fuzz targets' properties (fuzz/properties), run by the regular suite with g++: on every committed seed
// (fuzz/corpus/<target>/) and on every input a fuzzer once crashed or broke a property on
// (tests/hardening/regressions/<target>/). A regression input that fails here is a bug back again.
#include "properties.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace {

namespace fs = std::filesystem;
using lotstation::fuzz::allProperties;
using lotstation::fuzz::NamedProperty;

std::vector<fs::path> inputsIn(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code error;
    if (!fs::is_directory(folder, error)) return files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Runs the property on each input; returns how many inputs there were.
std::size_t replay(const NamedProperty& property, const fs::path& folder) {
    const auto files = inputsIn(folder);
    for (const auto& file : files) {
        const auto content = lotstation::test::readFile(file);
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(content.data());
        INFO("target " << property.name << ", input " << file.string());
        CHECK_NOTHROW(property.property({bytes, content.size()}));
    }
    return files.size();
}

const fs::path kSourceDir{LOTSTATION_SOURCE_DIR};

} // namespace

TEST_CASE("fuzz properties hold on every committed seed") {
    std::size_t seeds = 0;
    for (const auto& property : allProperties()) {
        const auto count = replay(property, kSourceDir / "fuzz" / "corpus" / std::string(property.name));
        INFO("target " << property.name);
        CHECK(count > 0); // every target ships with seeds
        seeds += count;
    }
    MESSAGE(seeds << " seeds replayed");
}

TEST_CASE("fuzz properties hold on every input a fuzzer crashed on") {
    std::size_t inputs = 0;
    for (const auto& property : allProperties())
        inputs +=
            replay(property, kSourceDir / "tests" / "hardening" / "regressions" / std::string(property.name));
    MESSAGE(inputs << " regression inputs replayed");
}
