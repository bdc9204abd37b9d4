#pragma once
// Keeps an assertion inside a library (ZXing 1.4.0 has 52 of them, compiled in by Debian) from ending the
// process: the frame is reported as not read and the decoder goes on.
//
// How: assert_hook.cpp defines glibc's `__assert_fail`. Linked into an executable, it interposes the C
// library's for libZXing.so (the dynamic linker binds a shared library's undefined symbols to the
// executable's definition first; ld exports the definition because libZXing on the link line refers to it).
// It is always linked: installTerminateBackstop (used by guardedCall) calls linkAssertHook beside it. Outside a
// guarded call it prints glibc's message and aborts, exactly as before, so no other library's assertion
// changes meaning.
//
// Inside guardedCall it throws LibraryAssertion, caught by guardedCall. Whether that unwinds depends on the
// library's exception tables: glibc declares __assert_fail noexcept, so a function that has cleanups need
// not list the assert's call site, and an exception from an unlisted site makes the C++ runtime call
// std::terminate. Checked against libZXing.so.1.4.0's .eh_frame / .gcc_except_table: of its 52 calls of
// __assert_fail, 32 lie in functions with no exception table and 7 are covered (these unwind, running
// ZXing's destructors: nothing leaks), and 13 are not covered (Reed-Solomon, DataMatrix edge tracer,
// Code 128 pattern decoding, PDF417 codewords, QR matrix building, the hybrid binarizer, Aztec). The one
// seen in real photographs (Result::operator==, `lineCount() == 1`) is one that unwinds. For the other
// 13, and for a noexcept function (a destructor) between the assert and us, the terminate handler
// installed here is the backstop: on a guarded thread it jumps (siglongjmp) back into guardedCall instead of
// aborting. Frames between that point and guardedCall are then abandoned without their destructors: their
// heap memory leaks (bounded per failed assertion), which is acceptable because ZXing 1.4 holds no locks
// (it imports no mutex functions) and keeps no shared state a decode could leave half-changed beyond its
// function-local constant tables, initialised before any decode runs them.
#include <csetjmp>
#include <setjmp.h>
#include <stdexcept>
#include <utility>

namespace lotstation::scan::detail {

class LibraryAssertion : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct GuardFrame {
    sigjmp_buf resume;
    GuardFrame* outer = nullptr;
};

// The innermost guarded call on this thread (nullptr outside one).
[[nodiscard]] GuardFrame*& activeGuard() noexcept;
// Installs, once per process, the terminate handler that resumes a guarded call (and otherwise calls the
// handler it replaced).
void installTerminateBackstop() noexcept;
// After resuming from the terminate handler: the C++ runtime had marked the LibraryAssertion as caught;
// end that so it is freed.
void releaseAbandonedAssertion() noexcept;

// Runs call(); returns false when an assertion inside it failed (whatever call produced is abandoned, so
// write results only after the library returns). Other exceptions pass through.
template <class Call> [[nodiscard]] bool guardedCall(Call&& call) {
    installTerminateBackstop();
    GuardFrame frame;
    frame.outer = activeGuard();
    if (sigsetjmp(frame.resume, 0) != 0) { // back from the terminate handler
        activeGuard() = frame.outer;
        releaseAbandonedAssertion();
        return false;
    }
    activeGuard() = &frame;
    try {
        std::forward<Call>(call)();
    } catch (const LibraryAssertion&) {
        activeGuard() = frame.outer;
        return false;
    } catch (...) {
        activeGuard() = frame.outer;
        throw;
    }
    activeGuard() = frame.outer;
    return true;
}

} // namespace lotstation::scan::detail
