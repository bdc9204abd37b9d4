#pragma once
// lotstation-server's master data commands: add, update and list items, locations, suppliers, customers and
// users; import any of them (and recipes) from CSV in the station's import format, all or nothing.
// Stations receive every change with their next sync (newer revisions only).
#include "lotstation/storage/ledger.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>

namespace lotstation::server {

class MasterCommands {
  public:
    explicit MasterCommands(CLI::App& app); // registers the subcommands
    ~MasterCommands();
    MasterCommands(const MasterCommands&) = delete;
    MasterCommands& operator=(const MasterCommands&) = delete;

    // Whether one of these subcommands was given.
    [[nodiscard]] bool parsed() const;
    // The exit code when one of these subcommands was given, else nothing.
    [[nodiscard]] std::optional<int> run(storage::Ledger& ledger) const;

    struct Args; // the parsed arguments (master_commands.cpp)

  private:
    std::unique_ptr<Args> m_args;
};

} // namespace lotstation::server
