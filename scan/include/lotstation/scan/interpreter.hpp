#pragma once
// One interpreter for every input (camera, image file, keyboard-wedge scanner): scanned text -> Meaning.
//
// Classification, first match wins:
//  1. A GS1 symbology identifier (]C1 ]d2 ]Q3 ]e0 ]e1 ]e2 ]J1, passed in or leading the text), a leading GS
//     (FNC1) or a leading "(NN)" with 2-4 digits: GS1 element string. Bad data is Unreadable with the GS1
//     reason, never a lookup key.
//  2. EAN/UPC (]E0 ]E4) or ITF (]I0 ]I1) holding 8/12/13/14 digits with a valid check digit: a GTIN, as
//     Gs1Data with (01); an 8-digit ]E0 is UPC-E and is expanded to its UPC-A first.
//  3. "LS:..." (any case): our own lot / location / badge / command label, or Unreadable with the reason.
//  4. http:// or https://: a GS1 Digital Link, or Unreadable saying why it is not one.
//  5. No symbology identifier at all (a scanner that drops the AIM prefix) and the text starts with 00, 01 or
//     02 and parses *completely* as GS1 with every check passing: Gs1Data. The check digit of the SSCC/GTIN
//     that must sit at a fixed place rejects 9 in 10 look-alikes, and any trailing text must again form valid
//     AIs; what remains is a numeric code of exactly that shape, e.g. a 16-digit "01..." lot number with a
//     valid check digit. Such a code is read as GS1; Gs1Data keeps the raw elements, so the station can still
//     fall back to a lookup. With a non-GS1 identifier (]C0, ]Q1, ...) this rule never applies.
//     A scanner that drops GS separators makes a variable-length field swallow what follows (lot "AB1217261231"
//     instead of lot AB12 + expiry); no parser can tell in general, so scanners must send GS or a substitute
//     (see wedge.hpp).
//  5b. No symbology identifier and an EPC as an RFID reader types it: the hex of a known EPC header and length
//     (SGTIN-96 ... DSGTIN+) or an urn:epc: URI: Gs1Data with the GTIN + serial / SSCC / lot / expiry it holds
//     (formats/epc.hpp), or Unreadable saying why.
//  6. Otherwise a LookupKey (trimmed); empty, control characters inside, invalid UTF-8 or over 256 characters
//     make it Unreadable.
#include "lotstation/scan/meaning.hpp"
#include "lotstation/scan/scanned_code.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::scan {

struct InterpretOptions {
    // For the century of two-digit GS1 years; absent = the current UTC year.
    std::optional<std::chrono::year> referenceYear;
};

[[nodiscard]] Meaning interpret(std::string_view text, std::string_view symbologyId = {},
                                const InterpretOptions& options = {});
[[nodiscard]] Meaning interpret(const ScannedCode& code, const InterpretOptions& options = {});

// One line for the operator: "GTIN 09501101530003, lot AB-12, expiry 2026-12-31", "Lot label SOAP-261124-01",
// "Not understood: \"0109501101530004\": GTIN check digit wrong (expected 3, got 4)".
[[nodiscard]] std::string describe(const Meaning& meaning);

// The scanned text made safe to show: control characters and invalid UTF-8 escaped ("<GS>", "\xFF"), long
// text cut with "…".
[[nodiscard]] std::string displayScannedText(std::string_view text);

} // namespace lotstation::scan
