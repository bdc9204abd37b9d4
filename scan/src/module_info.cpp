// Names the module in diagnostics (lotstation --version lists the linked modules).
namespace lotstation::scan {
const char* moduleName() { return "scan"; }
} // namespace lotstation::scan
