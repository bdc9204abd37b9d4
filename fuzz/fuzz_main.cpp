// The libFuzzer entry of one target: LOTSTATION_FUZZ_TARGET names the property (fuzz/properties) it checks.
// A violated property prints what was expected and aborts, which libFuzzer records as a crash with the input.
#include "properties.hpp"

#include <cstdio>
#include <cstdlib>

namespace {

const lotstation::fuzz::Property kProperty = lotstation::fuzz::findProperty(LOTSTATION_FUZZ_TARGET);

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (kProperty == nullptr) {
        std::fprintf(stderr, "unknown fuzz target %s\n", LOTSTATION_FUZZ_TARGET);
        std::abort();
    }
    try {
        kProperty({data, size});
    } catch (const lotstation::fuzz::PropertyViolation& violation) {
        std::fprintf(stderr, "property violated (%s): %s\n", LOTSTATION_FUZZ_TARGET, violation.what());
        std::abort();
    } catch (const std::exception& unexpected) {
        std::fprintf(stderr, "exception escaped (%s): %s\n", LOTSTATION_FUZZ_TARGET, unexpected.what());
        std::abort();
    }
    return 0;
}
