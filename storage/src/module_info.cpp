// Names the module in diagnostics (lotstation --version lists the linked modules).
namespace lotstation::storage {
const char* moduleName() { return "storage"; }
} // namespace lotstation::storage
