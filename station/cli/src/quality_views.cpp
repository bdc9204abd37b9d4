#include "quality_views.hpp"

namespace lotstation::station::cli {
namespace {

nlohmann::json optional(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

const char* kindName(storage::TestKind kind) {
    switch (kind) {
    case storage::TestKind::Numeric:
        return "numeric";
    case storage::TestKind::Text:
        return "text";
    case storage::TestKind::PassFail:
        break;
    }
    return "pass-fail";
}

} // namespace

nlohmann::json toJson(const storage::Spec& spec) {
    auto tests = nlohmann::json::array();
    for (const auto& t : spec.tests) {
        tests.push_back({{"name", t.name}, {"kind", kindName(t.kind)}, {"min", optional(t.min)},
                         {"max", optional(t.max)}, {"unit", optional(t.unit)}, {"expected", optional(t.expected)},
                         {"method", optional(t.method)}});
    }
    return {{"sku", spec.sku}, {"version", spec.version}, {"created_by", spec.createdBy},
            {"created_at", storage::formatTimestamp(spec.createdAt)}, {"tests", tests}};
}

std::string describe(const storage::Spec& spec) {
    if (spec.version == 0) return spec.sku + " has no specification";
    std::string out = spec.sku + " specification version " + std::to_string(spec.version) + " (" + spec.createdBy +
                      ", " + storage::formatTimestamp(spec.createdAt) + ")\n";
    for (const auto& t : spec.tests)
        out += "  " + storage::describeLimits(t) + (t.method ? "  [method: " + *t.method + "]" : "") + "\n";
    return out;
}

nlohmann::json toJson(const storage::Inspection& i) {
    auto results = nlohmann::json::array();
    for (const auto& r : i.results)
        results.push_back({{"test", r.test}, {"value", r.value}, {"passed", r.passed}});
    return {{"id", i.id},
            {"lot", i.lot},
            {"at", storage::formatTimestamp(i.at)},
            {"user", i.user},
            {"spec_version", i.specVersion},
            {"sample_size", i.sampleSize ? nlohmann::json(*i.sampleSize) : nlohmann::json(nullptr)},
            {"note", optional(i.note)},
            {"passed", i.passed},
            {"results", results}};
}

std::string describe(const storage::Inspection& i) {
    std::string out = storage::formatTimestamp(i.at) + "  inspection of " + i.lot + " by " + i.user +
                      " (spec version " + std::to_string(i.specVersion) + ")" +
                      (i.sampleSize ? ", sample " + std::to_string(*i.sampleSize) : "") + ": " +
                      (i.passed ? "PASS" : "FAIL") + "\n";
    for (const auto& r : i.results)
        out += "  " + r.test + " = " + r.value + "  " + (r.passed ? "pass" : "FAIL") + "\n";
    if (i.note) out += "  note: " + *i.note + "\n";
    return out;
}

nlohmann::json toJson(const storage::Signature& s) {
    return {{"id", s.id},
            {"station", s.stationId},
            {"seq", s.seq},
            {"at", storage::formatTimestamp(s.at)},
            {"signer", s.signer},
            {"printed_name", s.printedName},
            {"meaning", storage::toString(s.meaning)},
            {"record_kind", s.recordKind},
            {"record_id", s.recordId},
            {"subject", s.subject},
            {"record_hash", s.recordHash},
            {"statement", s.statement},
            {"reason", optional(s.reason)},
            {"hash", s.hash}};
}

std::string describe(const storage::Signature& s) {
    return storage::formatTimestamp(s.at) + "  " + storage::toString(s.meaning) + "  by " + s.printedName +
           ": \"" + s.statement + "\"" + (s.reason ? " (reason: " + *s.reason + ")" : "") + "  [" + s.recordKind +
           " " + s.recordId + ", sha256 " + s.recordHash.substr(0, 12) + "…]";
}

nlohmann::json toJson(const storage::Attachment& a) {
    return {{"id", a.id},
            {"at", storage::formatTimestamp(a.at)},
            {"user", a.user},
            {"lot", a.subject},
            {"kind", storage::toString(a.kind)},
            {"file_name", a.fileName},
            {"sha256", a.sha256},
            {"type", a.type},
            {"size", a.size},
            {"inspection", optional(a.inspection)}};
}

std::string describe(const storage::Attachment& a) {
    return storage::formatTimestamp(a.at) + "  " + storage::toString(a.kind) + "  " + a.fileName + "  (" +
           a.type + ", " + std::to_string(a.size) + " bytes, sha256 " + a.sha256 + ") by " + a.user;
}

} // namespace lotstation::station::cli
