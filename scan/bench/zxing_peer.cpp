#include "peers.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <chrono>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lotstation::bench {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool writeAll(int fd, const void* data, std::size_t size) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const auto n = ::write(fd, p, size);
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool readAll(int fd, void* data, std::size_t size) {
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const auto n = ::read(fd, p, size);
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

PeerResult plainZxing(const GrayImage& image) {
    int fds[2];
    PeerResult result;
    if (::pipe(fds) != 0) return result;
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        const auto start = Clock::now();
        ZXing::DecodeHints hints; // defaults: try-harder, try-rotate, try-downscale, all formats
        hints.setTryHarder(true);
        const auto results = ZXing::ReadBarcodes(
            {image.data, image.width, image.height, ZXing::ImageFormat::Lum, image.stride}, hints);
        const double ms = msSince(start);
        std::uint32_t count = static_cast<std::uint32_t>(results.size());
        writeAll(fds[1], &ms, sizeof ms);
        writeAll(fds[1], &count, sizeof count);
        for (const auto& r : results) {
            const auto bytes = r.bytes();
            const std::string text = r.contentType() == ZXing::ContentType::Binary ||
                                             r.contentType() == ZXing::ContentType::UnknownECI
                                         ? std::string(bytes.begin(), bytes.end())
                                         : r.text();
            const auto size = static_cast<std::uint32_t>(text.size());
            writeAll(fds[1], &size, sizeof size);
            writeAll(fds[1], text.data(), text.size());
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    double ms = 0;
    std::uint32_t count = 0;
    bool ok = readAll(fds[0], &ms, sizeof ms) && readAll(fds[0], &count, sizeof count);
    for (std::uint32_t i = 0; ok && i < count; ++i) {
        std::uint32_t size = 0;
        ok = readAll(fds[0], &size, sizeof size);
        std::string text(size, '\0');
        ok = ok && readAll(fds[0], text.data(), size);
        if (ok) result.texts.push_back(std::move(text));
    }
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    auto cpuMs = [](const timeval& t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    result.cpuMilliseconds = cpuMs(usage.ru_utime) + cpuMs(usage.ru_stime);
    result.crashed = !ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    result.milliseconds = ms;
    return result;
}

} // namespace lotstation::bench
