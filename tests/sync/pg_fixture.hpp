#pragma once
// PostgreSQL for the sync tests: scripts/test.sh starts a throwaway cluster and names it in
// LOTSTATION_TEST_PG. Each test gets a database of its own, dropped at the end. Without a cluster the test
// fails under CI (CI=true: the PostgreSQL store must be tested there) and skips, saying so, elsewhere.
#include <optional>
#include <string>

namespace lotstation::sync::test {

class PgDatabase {
  public:
    // Empty when no cluster is configured (see pgSkipOrFail).
    [[nodiscard]] static std::optional<PgDatabase> create();
    PgDatabase(PgDatabase&&) noexcept;
    PgDatabase& operator=(PgDatabase&&) = delete;
    ~PgDatabase();
    [[nodiscard]] const std::string& url() const { return m_url; }

  private:
    PgDatabase(std::string admin, std::string name, std::string url);
    std::string m_admin; // the cluster's maintenance database, to drop ours from
    std::string m_name;
    std::string m_url;
};

// The sentence for a missing cluster, and whether that is a failure (CI) or a skip.
[[nodiscard]] bool pgRequired();
inline constexpr const char* kNoPg =
    "no PostgreSQL cluster (LOTSTATION_TEST_PG unset): run the suite with scripts/test.sh, which starts one";

} // namespace lotstation::sync::test

// Gives `db` (a PgDatabase) or ends the test: FAIL under CI, a skip elsewhere.
#define LOTSTATION_PG_DATABASE(db)                                                                           \
    auto db##_maybe = ::lotstation::sync::test::PgDatabase::create();                                        \
    if (!db##_maybe) {                                                                                       \
        if (::lotstation::sync::test::pgRequired()) FAIL(std::string(::lotstation::sync::test::kNoPg));      \
        LOTSTATION_SKIP(std::string(::lotstation::sync::test::kNoPg));                                       \
    }                                                                                                        \
    auto& db = *db##_maybe
