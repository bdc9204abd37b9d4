#pragma once
// Where the station's screens put and find files beyond the ledger: the recall exports, the settings file
// and what it held at start, and the label templates the Settings screen offers.
#include "lotstation/station/label_printer.hpp"
#include "lotstation/station/station_settings.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lotstation::station {

struct StationFiles {
    std::filesystem::path ledgerPath;   // the station's ledger file; empty for the demo and in-memory ledgers
    std::filesystem::path exportFolder; // recall CSV / PDF reports
    std::filesystem::path importFolder; // the spreadsheets (CSV) a new business starts from
    std::filesystem::path settingsFile; // see station_settings.hpp
    StationSettings settings;           // as loaded from settingsFile
    std::vector<std::string> labelTemplates{"lot-50x30"};
    std::shared_ptr<const LabelPrinter> labelPreviews; // draws the Labels screen's preview; none: words only
};

} // namespace lotstation::station
