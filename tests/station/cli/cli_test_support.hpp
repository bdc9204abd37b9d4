#pragma once
// Runs the real command line in-process against a ledger file in a temporary folder.
#include "lotstation/station/command_line.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace lotstation::test {

struct CliOutcome {
    int exitCode = 0;
    std::string out;
    std::string err;

    [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(out); }
    // JSON Lines output (scan --json): one value per line.
    [[nodiscard]] std::vector<nlohmann::json> jsonLines() const {
        std::vector<nlohmann::json> lines;
        std::istringstream in(out);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
        return lines;
    }
    [[nodiscard]] std::string firstLine() const { return out.substr(0, out.find('\n')); }
};

class CliFixture {
  public:
    CliOutcome run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", m_dir.file("station.db").string()});
        std::ostringstream out;
        std::ostringstream err;
        const int code = station::runCommandLine(args, {out, err}, nullptr);
        return {code, out.str(), err.str()};
    }
    [[nodiscard]] const TempDir& dir() const { return m_dir; }

  private:
    TempDir m_dir;
};

} // namespace lotstation::test
