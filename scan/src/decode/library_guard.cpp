#include "decode/library_guard.hpp"

#include "decode/assert_hook.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <exception>
#include <string>
#include <typeinfo>

namespace lotstation::scan::detail {
namespace {

std::terminate_handler& replacedHandler() noexcept {
    static std::terminate_handler handler = nullptr;
    return handler;
}

[[noreturn]] void resumeGuardedCall() {
    if (GuardFrame* guard = activeGuard()) siglongjmp(guard->resume, 1);
    if (auto previous = replacedHandler()) previous();
    std::abort();
}

} // namespace

void failedAssertion(const char* assertion, const char* file, unsigned line, const char* function) {
    if (activeGuard() != nullptr)
        throw LibraryAssertion(std::string(file) + ":" + std::to_string(line) + ": " + function +
                               ": Assertion '" + assertion + "' failed");
    // glibc's own wording, then abort: unguarded code keeps assert's meaning.
    std::fprintf(stderr, "%s: %s:%u: %s: Assertion `%s' failed.\n", program_invocation_short_name, file, line,
                 function, assertion);
    std::abort();
}

GuardFrame*& activeGuard() noexcept {
    thread_local GuardFrame* guard = nullptr;
    return guard;
}

void installTerminateBackstop() noexcept {
    static const bool installed = [] {
        linkAssertHook();
        replacedHandler() = std::set_terminate(resumeGuardedCall);
        return true;
    }();
    (void)installed;
}

void releaseAbandonedAssertion() noexcept {
    const std::type_info* current = abi::__cxa_current_exception_type();
    if (current != nullptr && *current == typeid(LibraryAssertion)) abi::__cxa_end_catch();
}

} // namespace lotstation::scan::detail
