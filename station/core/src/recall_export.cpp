#include "lotstation/station/recall_export.hpp"

#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/quantity.hpp"

#include <fstream>

namespace lotstation::station {
namespace {

std::string dateText(const std::optional<storage::Date>& date) {
    return date ? storage::formatDate(*date) : std::string("-");
}

// "2026-11-24T07:43:08.123Z" -> "2026-11-24 07:43"
std::string minuteText(storage::Timestamp at) {
    std::string text = storage::formatTimestamp(at);
    return text.substr(0, 10) + " " + text.substr(11, 5);
}

// "20261124-074308" for file names.
std::string fileStamp(storage::Timestamp at) {
    std::string stamp;
    for (char c : storage::formatTimestamp(at).substr(0, 19))
        if (c != '-' && c != ':') stamp += c == 'T' ? '-' : c;
    return stamp;
}

// Lot codes may hold characters a file name should not.
std::string safeName(std::string_view code) {
    std::string name;
    for (char c : code)
        name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return name;
}

storage::Result<void> writeBytes(const std::filesystem::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) return storage::fail(storage::ErrorKind::Invalid, "cannot write " + path.string());
    return {};
}

} // namespace

labels::ReportDocument recallDocument(const storage::RecallReport& report, const storage::Trace& backward,
                                      const std::vector<storage::QualityEvent>& quality,
                                      const std::string& stationName, storage::Timestamp at) {
    labels::ReportDocument doc;
    const auto& trace = report.trace;
    doc.title = "Recall report: " + trace.root;
    if (!trace.lots.empty())
        doc.lines.push_back("Lot " + trace.root + " of " + trace.lots.front().itemName + " (" +
                            trace.lots.front().sku + ")");
    doc.lines.push_back("Made " + minuteText(at) + " UTC at " + stationName);
    doc.lines.push_back(std::to_string(trace.lots.size()) + " affected lot(s), " +
                        std::to_string(trace.shipments.size()) + " shipment(s) to " +
                        std::to_string(trace.customers.size()) + " customer(s), " +
                        std::to_string(report.openRuns.size()) + " open run(s)");
    if (!report.holds.empty())
        doc.lines.push_back(std::to_string(report.holds.size()) + " lot(s) put on hold by " +
                            report.holds.front().user + ": " + report.holds.front().reason.value_or(""));

    labels::ReportTable affected{"Affected lots (forward trace)",
                                 {"Lot", "Item", "Status", "Origin date", "Use by", "Step"},
                                 {3.4, 3.0, 1.2, 1.5, 1.4, 0.6},
                                 {},
                                 "None"};
    for (const auto& lot : trace.lots)
        affected.rows.push_back({lot.code, lot.itemName, storage::toString(lot.status),
                                 storage::formatDate(lot.originDate), dateText(lot.expiry),
                                 std::to_string(lot.depth)});
    doc.tables.push_back(std::move(affected));

    labels::ReportTable stock{"Stock on hand",
                              {"Lot", "Item", "Location", "Quantity", "Status"},
                              {3.4, 2.8, 2.6, 1.5, 1.2},
                              {},
                              "No stock of affected lots on hand"};
    for (const auto& line : report.stock)
        stock.rows.push_back({line.lot, line.itemName, line.location + " " + line.locationName,
                              storage::formatQuantity(line.quantity, line.uom),
                              storage::toString(line.status)});
    doc.tables.push_back(std::move(stock));

    labels::ReportTable shipped{"Shipments",
                                {"Date", "Customer", "Lot", "Quantity", "Order"},
                                {1.9, 2.8, 3.4, 1.2, 1.5},
                                {},
                                "Nothing of it was shipped"};
    for (const auto& shipment : trace.shipments)
        shipped.rows.push_back(
            {minuteText(shipment.at), shipment.customerName + " (" + shipment.customer + ")", shipment.lot,
             storage::formatQuantity(shipment.quantity, shipment.uom), shipment.reference.value_or("-")});
    doc.tables.push_back(std::move(shipped));

    labels::ReportTable sources{"Where it came from (backward trace)",
                                {"Lot", "Item", "Supplier", "Supplier lot", "Step"},
                                {3.4, 2.8, 2.4, 2.0, 0.6},
                                {},
                                "No inputs recorded"};
    for (const auto& lot : backward.lots) {
        if (lot.depth == 0 && !lot.supplier) continue; // the traced lot itself, made here: its inputs follow
        sources.rows.push_back({lot.code, lot.itemName,
                                lot.supplierName.value_or(lot.run ? "made here" : "-"),
                                lot.supplierLot.value_or("-"), std::to_string(lot.depth)});
    }
    doc.tables.push_back(std::move(sources));

    labels::ReportTable checks{"Quality: inspections, dispositions, documents",
                               {"Date", "Lot", "Record", "By", "What", "Reference"},
                               {1.9, 2.6, 1.5, 1.2, 3.2, 1.6},
                               {},
                               "No quality records"};
    for (const auto& event : quality)
        checks.rows.push_back({minuteText(event.at), event.lot, event.kind, event.by, event.summary,
                               event.reference});
    doc.tables.push_back(std::move(checks));
    return doc;
}

storage::Result<RecallFiles> exportRecall(const storage::Ledger& ledger, const storage::RecallReport& report,
                                          const storage::Trace& backward,
                                          const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        return storage::fail(storage::ErrorKind::Invalid,
                             "cannot create " + folder.string() + ": " + error.message());
    const storage::Timestamp at = ledger.now();
    const std::string stem = "recall-" + safeName(report.trace.root) + "-" + fileStamp(at);
    RecallFiles files{folder / (stem + ".csv"), folder / (stem + ".pdf")};
    const auto csv = storage::fsmaCsv(ledger, report);
    if (!csv) return std::unexpected(csv.error());
    if (auto written = writeBytes(files.csv, csv->data(), csv->size()); !written)
        return std::unexpected(written.error());
    std::vector<std::string> affected;
    for (const auto& lot : report.trace.lots)
        affected.push_back(lot.code);
    const auto quality = storage::qualityHistory(ledger, affected);
    auto pdf = labels::renderReportPdf(recallDocument(report, backward, quality, ledger.station().name, at));
    if (!pdf) return storage::fail(storage::ErrorKind::Invalid, "recall PDF: " + pdf.error().message);
    if (auto written = writeBytes(files.pdf, pdf->data(), pdf->size()); !written)
        return std::unexpected(written.error());
    return files;
}

} // namespace lotstation::station
