// The libFuzzer entry of one target: LOTSTATION_FUZZ_PROPERTY names the property (fuzz/properties) it checks.
// A violated property prints what was expected and aborts, which libFuzzer records as a crash with the input.
#include "properties.hpp"

#include <cstdio>
#include <cstdlib>

#define LOTSTATION_FUZZ_STRING2(x) #x
#define LOTSTATION_FUZZ_STRING(x) LOTSTATION_FUZZ_STRING2(x)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* target = LOTSTATION_FUZZ_STRING(LOTSTATION_FUZZ_PROPERTY);
    try {
        lotstation::fuzz::LOTSTATION_FUZZ_PROPERTY({data, size});
    } catch (const lotstation::fuzz::PropertyViolation& violation) {
        std::fprintf(stderr, "property violated (%s): %s\n", target, violation.what());
        std::abort();
    } catch (const std::exception& unexpected) {
        std::fprintf(stderr, "exception escaped (%s): %s\n", target, unexpected.what());
        std::abort();
    }
    return 0;
}
