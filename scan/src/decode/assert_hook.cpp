// The executable's own __assert_fail (see library_guard.hpp for why it interposes libZXing's).
#include "decode/assert_hook.hpp"

void lotstation::scan::detail::linkAssertHook() noexcept {}

extern "C" [[noreturn]] void __assert_fail(const char* assertion, const char* file, unsigned line,
                                           const char* function) {
    lotstation::scan::detail::failedAssertion(assertion, file, line, function);
}
