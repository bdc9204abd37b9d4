// The background sync's snapshot as the station shows it.
#include "lotstation/station/sync_link.hpp"
#include "test_support.hpp"

using namespace lotstation;
using namespace lotstation::station;
using namespace std::chrono_literals;

TEST_CASE("sync link: the background status becomes the app's SyncStatus with the last contact in words") {
    const auto now = std::chrono::system_clock::now();
    sync::BackgroundStatus status;
    status.link = sync::SyncLink::Online;
    status.pending = 12;
    status.conflicts = 2;
    status.lastContact = std::chrono::time_point_cast<storage::Timestamp::duration>(now - 1min);
    auto shown = toSyncStatus(status, now);
    CHECK((shown.link == SyncLink::Online));
    CHECK(shown.pendingEvents == 12);
    CHECK(shown.conflicts == 2);
    REQUIRE(shown.lastContact.has_value());
    CHECK(shown.lastContact->size() == 5); // "HH:MM" (or, a minute after midnight, "yesterday HH:MM")
    CHECK_FALSE(shown.lastError.has_value());

    status.lastContact = std::chrono::time_point_cast<storage::Timestamp::duration>(now - 24h);
    CHECK(toSyncStatus(status, now).lastContact->rfind("yesterday ", 0) == 0);
    status.lastContact = std::chrono::time_point_cast<storage::Timestamp::duration>(now - 24h * 10);
    CHECK(toSyncStatus(status, now).lastContact->size() == 16); // "2026-11-14 09:41"

    status.link = sync::SyncLink::Offline;
    status.why = "cannot reach the server: connection refused";
    shown = toSyncStatus(status, now);
    CHECK((shown.link == SyncLink::Offline));
    CHECK(shown.lastError.value_or("") == status.why);

    status.link = sync::SyncLink::Failing;
    status.pushStopped = "the server holds other content under movement 7";
    CHECK(toSyncStatus(status, now).lastError.value_or("").find("pushing stopped") == 0);

    sync::BackgroundStatus unconfigured;
    unconfigured.why = "no sync server configured";
    shown = toSyncStatus(unconfigured, now);
    CHECK((shown.link == SyncLink::NotConfigured));
    CHECK_FALSE(shown.lastError.has_value());
    CHECK_FALSE(shown.lastContact.has_value());
}

TEST_CASE("sync link: a long pull shows how far it is, in words and as the part of the bar filled") {
    const auto now = std::chrono::system_clock::now();
    sync::BackgroundStatus status;
    status.link = sync::SyncLink::Online;
    CHECK_FALSE(toSyncStatus(status, now).catchingUp);
    status.catchingUp = sync::CatchUp{12'000, 48'000};
    const auto shown = toSyncStatus(status, now);
    REQUIRE(shown.catchingUp);
    CHECK(catchUpText(*shown.catchingUp) == "Catching up 12,000 of 48,000");
    CHECK(catchUpFraction(*shown.catchingUp) == doctest::Approx(0.25));
    // An older server does not say how much is left: a count, and no fill.
    const SyncStatus::CatchUp unknown{5'000, -1};
    CHECK(catchUpText(unknown) == "Catching up: 5,000 received");
    CHECK(catchUpFraction(unknown) < 0.0f);
    CHECK(catchUpFraction({60, 50}) == doctest::Approx(1.0)); // never past the end
}
