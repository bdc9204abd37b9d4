#pragma once
// Deliberately free of standard headers: assert_hook.cpp defines glibc's __assert_fail, which <assert.h>
// (when a build does not define NDEBUG) declares noexcept, and ours must be allowed to throw.
namespace lotstation::scan::detail {

// Throws LibraryAssertion inside a guarded call; otherwise prints glibc's message and aborts.
[[noreturn]] void failedAssertion(const char* assertion, const char* file, unsigned line, const char* function);

// Does nothing; calling it keeps assert_hook.cpp (and its __assert_fail) in every executable that uses the
// guard, as a static library member is linked only when something refers to it.
void linkAssertHook() noexcept;

} // namespace lotstation::scan::detail
