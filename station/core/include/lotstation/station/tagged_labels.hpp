#pragma once
// Lot labels that also write an RFID tag: a template with "rfid" sent as ZPL (raw 9100, a .zpl file, a raw
// CUPS queue). Each copy is its own label with its own serial, taken from the station's range and recorded
// in the ledger before it prints (lot_tags.hpp), so the tag is found by any station's scan. A print that then
// fails voids the serials it took: never assigned again, never shown as the lot's tag. The command line and
// the window both print tagged labels through these.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_template.hpp"
#include "lotstation/labels/print.hpp"
#include "lotstation/station/label_printer.hpp"
#include "lotstation/storage/ledger.hpp"

#include <string>
#include <vector>

namespace lotstation::station {

struct TaggedCopies {
    std::vector<labels::LotLabelData> labels; // one per copy, each with its serial
    TakenTags tags;                            // recorded in lot_tags: voided when the print fails
};

// Whether printing `tmpl` to `target` writes tags (only ZPL does; PNG and PDF print the label alone).
[[nodiscard]] bool writesTags(const labels::LabelTemplate& tmpl, const labels::PrinterTarget& target);

// Takes and records a serial for each copy. The template is tried with a stand-in serial first, so a lot that
// cannot be tagged (no GTIN, no date for DSGTIN+) takes none; a failure midway voids those already taken.
[[nodiscard]] Result<TaggedCopies> tagCopies(storage::Ledger& ledger, const labels::LabelTemplate& tmpl,
                                             const labels::LotLabelData& lot, int copies, const std::string& user);

// Voids the tags a failed print took, saying why. Returns the sentences of any that could not be voided.
[[nodiscard]] std::vector<std::string> voidTags(storage::Ledger& ledger, const TakenTags& tags,
                                                const std::string& reason);

// The window's lot label jobs (labelJobs) whose template writes tags to the chosen printer become one job
// per copy, each with its serial, for `user` (nobody logged in: refused in a sentence). Other jobs pass as
// they are; a lot that cannot be tagged becomes a failed result and prints nothing.
[[nodiscard]] PreparedJobs tagLabelJobs(storage::Ledger& ledger, PreparedJobs prepared,
                                        const labels::TemplateSet& templates, const std::optional<std::string>& user);

} // namespace lotstation::station
