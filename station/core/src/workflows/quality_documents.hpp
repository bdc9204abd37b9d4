#pragma once
// The documents a QA person puts on the inspection form (quality_flow.hpp): a photo from the station camera,
// encoded as JPEG, or a file from the station's import folder. Whether a document may be attached (type by
// content, size) is the ledger's rule (storage::attach), applied when the inspection is signed.
#include "lotstation/station/workflows/quality_flow.hpp"

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace lotstation::station {

// The PDF, PNG and JPEG files (by extension, any case) directly in `folder`, by name; none when it is absent.
[[nodiscard]] std::vector<std::string> documentFilesIn(const std::filesystem::path& folder);

// The frame as a JPEG named by the time it was taken ("photo-20261205-094312.jpg"; "-2", "-3"... when that
// name is already on the form).
[[nodiscard]] std::expected<StagedDocument, Error> photoDocument(const Image& frame, const std::string& camera,
                                                               storage::Timestamp at,
                                                               const std::vector<StagedDocument>& staged);

// A file of the import folder, read: a PDF as a certificate of analysis, an image as a document. Refused: a
// name that is not a plain file name there, a file larger than the ledger would take.
[[nodiscard]] std::expected<StagedDocument, Error> importedDocument(const std::filesystem::path& folder,
                                                                  const std::string& name);

} // namespace lotstation::station
