// Names the module in diagnostics (lotstation --version lists the linked modules).
namespace lotstation::labels {
const char* moduleName() { return "labels"; }
} // namespace lotstation::labels
