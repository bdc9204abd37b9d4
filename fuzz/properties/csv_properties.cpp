// Properties of CSV reading and import: what parses re-serialises (csvRow) to text that parses to the same
// fields, and an import either takes every row or writes nothing at all.
#include "lotstation/storage/csv.hpp"
#include "properties.hpp"

namespace lotstation::fuzz {
namespace {

// A ledger with the master data an import may refer to, so that good rows get past the name checks.
storage::Ledger importLedger() {
    auto ledger =
        storage::Ledger::open(":memory:", {.identity = storage::StationIdentity{"fuzz", "Fuzz", "F"}});
    require(ledger.has_value(), "cannot open an in-memory ledger");
    (void)ledger->addUser({.name = "op", .role = storage::UserRole::Admin});
    (void)ledger->addLocation({"STORE", "Store", storage::LocationKind::Store});
    (void)ledger->addSupplier({"SUP", "Supplier"});
    (void)ledger->addItem(
        {.sku = "OIL", .name = "Oil", .uom = storage::Uom::Gram, .defaultLocation = "STORE"});
    (void)ledger->addItem(
        {.sku = "BAR", .name = "Bar", .uom = storage::Uom::Piece, .defaultLocation = "STORE"});
    return std::move(*ledger);
}

struct Counts {
    std::int64_t movements = 0;
    std::size_t items = 0;
    bool operator==(const Counts&) const = default;
};

Counts countsOf(const storage::Ledger& ledger) {
    return {ledger.movementCount().value(), ledger.items().value().size()};
}

} // namespace

void checkCsv(Bytes input) {
    // The first byte picks what the text is imported as; the rest is the file.
    const auto kind =
        input.empty() || input[0] % 2 == 0 ? storage::ImportKind::Items : storage::ImportKind::Lots;
    const auto text = asText(input.empty() ? input : input.subspan(1));

    const auto records = storage::parseCsv(text);
    if (records) {
        std::string written;
        for (const auto& record : *records)
            written += storage::csvRow(record.fields);
        const auto again = storage::parseCsv(written);
        require(again.has_value(), "CSV written from parsed records is refused: " +
                                       (again ? std::string() : again.error().message));
        require(again->size() == records->size(), "CSV round trip changes the number of records");
        for (std::size_t i = 0; i < records->size(); ++i) {
            require((*again)[i].fields == (*records)[i].fields,
                    "CSV round trip changes record " + std::to_string(i + 1));
        }
        for (std::size_t i = 1; i < records->size(); ++i)
            require((*records)[i].line > (*records)[i - 1].line, "CSV record lines not increasing");
    } else {
        require(!records.error().message.empty(), "CSV refused without a reason");
    }

    auto ledger = importLedger();
    const auto before = countsOf(ledger);
    const auto imported = storage::importCsv(ledger, kind, text, {.user = "op"});
    const auto after = countsOf(ledger);
    if (!imported) {
        require(!imported.error().message.empty(), "import refused without a reason");
        require(after == before, "a refused import wrote to the ledger: " + imported.error().message);
    } else {
        require(records.has_value(), "an import accepted text that parseCsv refuses");
        require(imported->created.size() <= imported->rows, "import created more than it had rows");
        if (kind == storage::ImportKind::Items)
            require(after.items == before.items + imported->created.size(), "items import count is off");
    }
    require(ledger.verify().value().empty(), "the ledger does not verify after an import");
}

} // namespace lotstation::fuzz
