// Any assertion inside libzxing must leave the station running (scan/src/decode/library_guard.hpp).
// These cases fail the whole test executable if the guard does not work: the process would abort.
#include "decode/library_guard.hpp"
#include "lotstation/scan/decoder.hpp"
#include "synth.hpp"
#include "test_support.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

// glibc's, as <assert.h> declares it without NDEBUG (this build defines NDEBUG): the function a failed
// assert() calls, which the scan module's guard defines for the whole executable.
extern "C" [[noreturn]] void __assert_fail(const char* assertion, const char* file, unsigned line,
                                           const char* function) noexcept;

namespace {

using namespace lotstation;

cv::Mat twoEqualCode128() {
    const auto label = test::renderSymbol(ZXing::BarcodeFormat::Code128, "LOT-GUARD-1", 420, 160);
    cv::Mat sheet(label.rows, label.cols * 2 + 60, CV_8UC1, cv::Scalar(255));
    label.copyTo(sheet(cv::Rect(0, 0, label.cols, label.rows)));
    label.copyTo(sheet(cv::Rect(label.cols + 60, 0, label.cols, label.rows)));
    return sheet;
}

// ZXing 1.4.0's own abort: ReadBarcodes comparing two equal linear results (Result::operator==,
// `lineCount() == 1`), reached here on purpose with several symbols per call.
ZXing::Results readAllCode128(const cv::Mat& image) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::Code128);
    hints.setTryDownscale(false);
    return ZXing::ReadBarcodes({image.data, image.cols, image.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(image.step)},
                               hints);
}

} // namespace

TEST_CASE("ZXing's real assertion inside a guarded call: reported, process and decoder carry on") {
    const cv::Mat sheet = twoEqualCode128();
    ZXing::Results results;
    const bool completed = scan::detail::guardedCall([&] { results = readAllCode128(sheet); });
    CHECK_FALSE(completed); // the assertion fired inside libZXing.so and came back to us as an exception
    CHECK(results.empty());
    CHECK(scan::detail::activeGuard() == nullptr);
    // Healthy afterwards: the same image through the decoder reads both labels, repeatedly.
    for (int i = 0; i < 3; ++i) {
        const auto codes = scan::decodeStill(test::grayFrame(sheet));
        CHECK(codes.size() == 2);
    }
}

TEST_CASE("an assertion whose exception cannot unwind (noexcept frame) resumes through the terminate backstop") {
    // glibc declares __assert_fail noexcept; a library frame whose exception table leaves the call out makes
    // the runtime call std::terminate, just like this noexcept lambda does.
    // Called through a volatile pointer so the compiler cannot see the callee is declared noexcept and must
    // give the lambda its terminate-on-exception region.
    using AssertFail = void (*)(const char*, const char*, unsigned, const char*);
    static AssertFail volatile fail = &__assert_fail;
    auto assertsInNoexcept = []() noexcept { fail("false", "library.cpp", 7, "void f()"); };
    for (int i = 0; i < 3; ++i)
        CHECK_FALSE(scan::detail::guardedCall(assertsInNoexcept));
    CHECK(scan::detail::activeGuard() == nullptr);
    CHECK(std::uncaught_exceptions() == 0);
    // Nested guards unwind to the innermost.
    bool innerFailed = false;
    CHECK(scan::detail::guardedCall([&] { innerFailed = !scan::detail::guardedCall(assertsInNoexcept); }));
    CHECK(innerFailed);
    CHECK(scan::detail::guardedCall([] {}));
}

TEST_CASE("outside a guarded call an assertion still aborts, with glibc's message") {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGABRT, SIG_DFL); // not doctest's crash reporter: the child must simply die
        (void)std::freopen("/dev/null", "w", stderr);
        __assert_fail("1 == 2", "somewhere.cpp", 3, "int main()");
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
}
