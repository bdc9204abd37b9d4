#pragma once
// The text each label's code carries: a contract with the scan interpreter (see README "Label payloads").
//   lot with GTIN   https://id.gs1.org/01/{GTIN-14}/10/{lot}[?17=YYMMDD | ?15=YYMMDD]   (GS1 Digital Link)
//   lot, no GTIN    LS:LOT:{lot}
//   location        LS:LOC:{code}
//   badge           LS:USR:{badge}
//   command         LS:CMD:{FINISH|UNDO|CANCEL|CONFIRM|LOGOUT}
// Both formats (and the GTIN rules) are lotstation_formats' (formats/own_labels.hpp, formats/digital_link.hpp):
// the interpreter reads back with the same code that writes here.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace lotstation::labels {

// The QR payload of any label.
[[nodiscard]] std::expected<std::string, LabelError> payloadFor(const LabelContent& content);

// True when the lot fits GS1 AI (10) (formats' rule: 1..20 characters of GS1 character set 82).
[[nodiscard]] bool isGs1LotCode(std::string_view lot);

[[nodiscard]] std::expected<std::string, LabelError> lotPayload(const LotLabelData& lot);
[[nodiscard]] std::expected<std::string, LabelError> locationPayload(const LocationLabelData& location);
[[nodiscard]] std::expected<std::string, LabelError> badgePayload(const BadgeLabelData& badge);
[[nodiscard]] std::string commandPayload(LabelCommand command);

// The GS1 element string for GS1-128 / GS1 DataMatrix: (01) GTIN-14, then (17) expiry or else (15)
// best-before, then (10) lot last so that no separator is needed. FNC1 is not included: each symbology adds
// its own. Fails without a GTIN, with a wrong GTIN or with a lot outside AI (10)'s rules.
[[nodiscard]] std::expected<std::string, LabelError> gs1ElementString(const LotLabelData& lot);

// "(01)09506000134352(17)261231(10)AB-12", the human-readable line under a GS1 code.
[[nodiscard]] std::expected<std::string, LabelError> gs1HumanReadable(const LotLabelData& lot);

} // namespace lotstation::labels
