#pragma once
// The RFID part of a ZPL lot label: ^RS8 (EPC Class 1 Gen 2) and ^RFW,H with the tag's EPC in hex.
// Zebra RFID Programming Guide 3 (^RF): memory bank E writes a 96-bit EPC from EPC block 0 (the printer
// keeps CRC and PC); memory bank A writes an EPC of any length and adjusts the PC bits to its size, for the
// longer sgtin+ / dsgtin+ EPCs.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"

#include <expected>
#include <string>

namespace lotstation::labels {

// "" for a template without "rfid"; an error sentence when the lot cannot be tagged (no GTIN, no serial
// assigned, a serial or lot the scheme cannot hold).
[[nodiscard]] std::expected<std::string, LabelError> zplTagCommands(const LabelTemplate& tmpl,
                                                                    const LotLabelData& lot);

} // namespace lotstation::labels
