#pragma once
// The properties each fuzz target asserts, as plain functions over the fuzzer's bytes. The libFuzzer
// executables (fuzz/fuzz_main.cpp) call them; the regular test suite (tests/hardening) calls the same
// functions on the committed seed corpora and on every input a fuzzer ever crashed on, so a fixed crash stays
// fixed in builds without clang or libFuzzer.
//
// A property that does not hold throws PropertyViolation with what was expected and what happened. Memory
// errors are left to AddressSanitizer (the fuzz build and scripts/sanitize.sh).
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lotstation::fuzz {

using Bytes = std::span<const std::uint8_t>;
using Property = void (*)(Bytes input);

class PropertyViolation : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

// Throws PropertyViolation(what) unless `holds`.
void require(bool holds, const std::string& what);

// The input as text, byte for byte.
[[nodiscard]] std::string_view asText(Bytes input);

// scan/: GS1 element strings, Digital Link URIs, the whole interpreter, our own label payloads, the
// keyboard-wedge reader.
void checkGs1(Bytes input);
void checkDigitalLink(Bytes input);
void checkInterpreter(Bytes input);
void checkOwnLabels(Bytes input);
void checkWedge(Bytes input);
// storage/: quantity, money / unit cost and date / timestamp parsers.
void checkQuantity(Bytes input);
void checkMoney(Bytes input);
void checkDates(Bytes input);
// storage/ CSV: parse / write round trip, and imports that are all-or-nothing.
void checkCsv(Bytes input);
// labels/: templates read from JSON, then rendered (ZPL and PNG).
void checkLabelTemplate(Bytes input);
// sync/: the central server's request handling (push, pull, master, status, tokens), in-process.
void checkSyncRequest(Bytes input);

struct NamedProperty {
    std::string_view name; // the fuzz target's name, also its corpus and regression folder name
    Property property;
};

// Every target, in the order scripts/fuzz.sh runs them.
[[nodiscard]] std::span<const NamedProperty> allProperties();
[[nodiscard]] Property findProperty(std::string_view name); // nullptr when unknown

} // namespace lotstation::fuzz
