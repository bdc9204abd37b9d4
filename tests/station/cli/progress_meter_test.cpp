// The command line's progress meter: quiet for quick work, a bar with counts and time left on a terminal,
// a line every tenth otherwise, and Ctrl-C turned into a stop the work can honour.
#include "lotstation/station/progress_meter.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <sstream>
#include <string>

using lotstation::station::cli::ProgressMeter;
using namespace std::chrono_literals;

TEST_CASE("progress meter: nothing for work that ends within its quiet time") {
    std::ostringstream err;
    {
        ProgressMeter meter(err, "verify", true); // a second of quiet by default
        auto report = meter.callback();
        CHECK(report(1, 10));
        CHECK(report(10, 10));
    }
    CHECK(err.str().empty());
}

TEST_CASE("progress meter: plain lines every tenth when stderr is not a terminal") {
    std::ostringstream err;
    {
        ProgressMeter meter(err, "import", false, 0ms);
        for (std::int64_t done = 0; done <= 2000; done += 100)
            CHECK(meter.report(done, 2000));
    }
    const auto text = err.str();
    CHECK(text.find("import: 0 of 2,000\n") != std::string::npos);
    CHECK(text.find("import: 1,000 of 2,000\n") != std::string::npos);
    CHECK(text.find("import: 2,000 of 2,000\n") != std::string::npos);
    CHECK(text.find("import: 1,100") == std::string::npos); // one line a tenth, not one a report
}

TEST_CASE("progress meter: a bar with counts and time left on a terminal; a count when the total is unknown") {
    std::ostringstream err;
    {
        ProgressMeter meter(err, "pull", true, 0ms);
        CHECK(meter.report(25'000, 100'000));
        CHECK(meter.report(40'000, -1));
    }
    const auto text = err.str();
    const auto bar = "\rpull [" + std::string(7, '#') + std::string(23, ' ') + "] 25,000 / 100,000"; // a quarter of 30
    CHECK(text.find(bar) != std::string::npos);
    CHECK(text.find(" s left") != std::string::npos);
    CHECK(text.find("\rpull 40,000") != std::string::npos);
    CHECK(text.back() == '\n'); // the bar's line is ended when the meter goes
}

TEST_CASE("progress meter: Ctrl-C while it runs asks the work to stop instead of killing the command") {
    std::ostringstream err;
    ProgressMeter meter(err, "export", false, 0ms);
    CHECK(meter.report(1, 10));
    REQUIRE(raise(SIGINT) == 0); // blocked while the meter lives: it waits, pending, for the next report
    CHECK_FALSE(meter.report(2, 10));
    CHECK(meter.report(3, 10)); // consumed: one Ctrl-C, one stop
}
