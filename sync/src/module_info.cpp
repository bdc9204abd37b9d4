// Names the module in diagnostics (lotstation --version lists the linked modules).
namespace lotstation::sync {
const char* moduleName() { return "sync"; }
} // namespace lotstation::sync
