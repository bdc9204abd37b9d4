#pragma once
// Writing and reading the audit of master data changes (master_edits.hpp), inside storage/.
#include "../ledger_core.hpp"
#include "lotstation/storage/master_edits.hpp"

#include <string>

namespace lotstation::storage {

// "field: old → new" pieces of one change, joined with "; ".
class ChangeDetails {
  public:
    void compare(std::string_view field, const std::string& before, const std::string& after);
    void note(std::string text);
    [[nodiscard]] bool empty() const { return m_text.empty(); }
    [[nodiscard]] const std::string& text() const { return m_text; }

  private:
    std::string m_text;
};

// The record's current revision (stamped by the database when it was written).
[[nodiscard]] std::int64_t currentRevision(LedgerCore& core, MasterKind kind, std::string_view record);

// Appends one audit record; call inside the transaction that wrote the change.
void recordChange(LedgerCore& core, std::string_view user, MasterKind kind, std::string_view record,
                  std::string_view change, const std::string& details);

} // namespace lotstation::storage
