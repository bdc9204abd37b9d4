// Names the module in diagnostics (lotstation --version lists the linked modules).
namespace lotstation::station {
const char* moduleName() {
    return "station";
}
} // namespace lotstation::station
