#include "pg_fixture.hpp"

#include "pg/pg_connection.hpp"

#include <atomic>
#include <cstdlib>
#include <doctest/doctest.h>
#include <unistd.h>
#include <utility>

namespace lotstation::sync::test {
namespace {

// postgresql:///postgres?host=...  ->  the same URL naming database `name`.
std::string withDatabase(const std::string& url, const std::string& name) {
    const auto slash = url.find('/', url.find("://") + 3);
    const auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

} // namespace

bool pgRequired() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

std::optional<PgDatabase> PgDatabase::create() {
    const char* admin = std::getenv("LOTSTATION_TEST_PG");
    if (!admin || !*admin) return std::nullopt;
    static std::atomic<int> counter{0};
    const auto name = "lotstation_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    auto connection = pg::Connection::open(admin);
    REQUIRE_MESSAGE(connection, connection.error().message);
    // One statement each: several in one round trip would be one transaction, which CREATE DATABASE refuses.
    auto dropped = connection->script("DROP DATABASE IF EXISTS " + name);
    REQUIRE_MESSAGE(dropped, dropped.error().message);
    auto created = connection->script("CREATE DATABASE " + name);
    REQUIRE_MESSAGE(created, created.error().message);
    return PgDatabase(admin, name, withDatabase(admin, name));
}

PgDatabase::PgDatabase(std::string admin, std::string name, std::string url)
    : m_admin(std::move(admin)), m_name(std::move(name)), m_url(std::move(url)) {}

PgDatabase::PgDatabase(PgDatabase&& other) noexcept
    : m_admin(std::move(other.m_admin)), m_name(std::exchange(other.m_name, {})),
      m_url(std::move(other.m_url)) {}

PgDatabase::~PgDatabase() {
    if (m_name.empty()) return;
    if (auto connection = pg::Connection::open(m_admin))
        (void)connection->script("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
}

} // namespace lotstation::sync::test
