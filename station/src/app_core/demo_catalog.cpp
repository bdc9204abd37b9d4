#include "lotstation/station/catalog.hpp"

namespace lotstation::station {

Catalog demoCatalog() {
    Catalog catalog;
    catalog.items = {
        {"RM-SHEA", "Shea butter, unrefined", "RM-SHEA · raw material · kg"},
        {"RM-OLIVE", "Olive oil, pomace", "RM-OLIVE · raw material · l"},
        {"RM-COCO", "Coconut oil", "RM-COCO · raw material · kg"},
        {"RM-NAOH", "Sodium hydroxide (lye)", "RM-NAOH · raw material · kg"},
        {"RM-LAV", "Lavender essential oil", "RM-LAV · raw material · ml"},
        {"RM-OAT", "Colloidal oatmeal", "RM-OAT · raw material · kg"},
        {"RM-HONEY", "Honey", "RM-HONEY · raw material · kg"},
        {"PK-BOX", "Kraft soap box", "PK-BOX · packaging · pc"},
        {"PK-LABEL", "Bar label roll", "PK-LABEL · packaging · pc"},
        {"FG-LAV100", "Lavender soap bar 100 g", "FG-LAV100 · finished good · pc"},
        {"FG-OAT100", "Oat & honey soap bar 100 g", "FG-OAT100 · finished good · pc"},
        {"FG-SHEA50", "Shea body butter 50 ml", "FG-SHEA50 · finished good · pc"},
    };
    catalog.locations = {
        {"DOCK", "Dock", "DOCK · receiving"},
        {"QUAR", "Quarantine shelf", "QUAR · quarantine"},
        {"STORE-A", "Store A, shelves 1-4", "STORE-A · store"},
        {"STORE-B", "Store B, cold room", "STORE-B · store"},
        {"WS-1", "Workstation 1 (soap kettle)", "WS-1 · workstation"},
        {"WS-2", "Workstation 2 (cure racks)", "WS-2 · workstation"},
        {"FG", "Finished goods", "FG · finished"},
        {"PACK", "Packing table", "PACK · finished"},
    };
    catalog.recipes = {
        {"R-LAV100", "Lavender soap bar 100 g", "makes 100 bars"},
        {"R-OAT100", "Oat & honey soap bar 100 g", "makes 100 bars"},
        {"R-SHEA50", "Shea body butter 50 ml", "makes 60 jars"},
    };
    catalog.customers = {
        {"C-MARKET", "Saturday market stall", "retail"},
        {"C-GREEN", "Green Leaf Store", "order GL-2211"},
        {"C-WEB", "Web shop orders", "DTC"},
    };
    return catalog;
}

} // namespace lotstation::station
