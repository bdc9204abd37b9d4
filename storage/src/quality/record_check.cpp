// What a quality record's content must satisfy wherever it is kept (quality_sync.hpp checkRecordContent):
// the checks that need nothing but the record, shared by the ledger that applies it and by a central store
// that keeps the record log without a ledger (the PostgreSQL store).
#include "../crypto.hpp"
#include "lotstation/storage/quality_sync.hpp"

namespace lotstation::storage {

Result<void> checkRecordContent(const QualityRecord& record) {
    return std::visit(
        [](const auto& value) -> Result<void> {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Signature>) {
                if (sha256Hex(canonicalSignatureText(value)) != value.hash)
                    return fail(ErrorKind::Conflict, "signature " + value.id + ": its hash does not match its content");
            } else if constexpr (std::is_same_v<T, BatchEntry>) {
                if (sha256Hex(canonicalBatchEntryText(value)) != value.hash)
                    return fail(ErrorKind::Conflict,
                                "batch record entry " + value.id + ": its hash does not match its content");
            } else if constexpr (std::is_same_v<T, DocumentRecord>) {
                const auto& a = value.attachment;
                if (!value.content) return {};
                const auto& bytes = *value.content;
                if (sha256Hex(bytes) != a.sha256)
                    return fail(ErrorKind::Invalid,
                                "document " + a.fileName + ": its bytes do not match SHA-256 " + a.sha256);
                if (bytes.size() > kMaxAttachmentBytes || sniffDocumentType(bytes) != a.type)
                    return fail(ErrorKind::Invalid,
                                "document " + a.fileName + " is not a " + a.type + " file of at most 16 MB");
            } else if constexpr (std::is_same_v<T, TagVoid>) {
                if (value.reason.empty())
                    return fail(ErrorKind::Invalid, "void of tag " + value.tagId + " has no reason");
            }
            return {};
        },
        record.value);
}

} // namespace lotstation::storage
