#pragma once
// The peer for the trace figures: the same genealogy walked the way an ORM-style app does it — one SELECT
// per hop issued from C++ (prepared once, bound and stepped per lot), over its own sqlite3 connection to the
// same file. It reads the same facts as storage's recursive-CTE traces (lot details, net consumptions,
// shipments), so the two are comparable; the lot count is returned to check they agree.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace lotstation::bench {

class NaiveTracer {
  public:
    explicit NaiveTracer(const std::filesystem::path& database);
    ~NaiveTracer();
    NaiveTracer(const NaiveTracer&) = delete;
    NaiveTracer& operator=(const NaiveTracer&) = delete;

    // Lots reached (the traced one included); shipments counted too for forward.
    [[nodiscard]] std::size_t backward(const std::string& lot);
    [[nodiscard]] std::size_t forward(const std::string& lot, std::size_t& shipments);

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace lotstation::bench
