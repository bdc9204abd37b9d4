// Quality records on the wire (wire.hpp, sync/PROTOCOL.md "Quality records"): specs, inspections, signatures,
// documents, and lots' RFID tags with their voids, each with the station and sequence that make it travel exactly once.
#include "wire.hpp"

#include "lotstation/storage/time.hpp"

#include <array>

namespace lotstation::sync::wire {
namespace {

using namespace lotstation::storage;

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string toBase64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t chunk = static_cast<std::uint8_t>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) chunk |= static_cast<std::uint8_t>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) chunk |= static_cast<std::uint8_t>(bytes[i + 2]);
        out += kAlphabet[(chunk >> 18) & 63];
        out += kAlphabet[(chunk >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
    }
    return out;
}

std::string fromBase64(std::string_view text, const std::string& where) {
    std::array<int, 256> value{};
    value.fill(-1);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i)
        value[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
    if (text.size() % 4 != 0) throw WireError(where + " is not base64");
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        std::uint32_t chunk = 0;
        int pad = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && i + 4 == text.size() && j >= 2) {
                ++pad;
                chunk <<= 6;
                continue;
            }
            const int v = value[static_cast<unsigned char>(c)];
            if (v < 0 || pad > 0) throw WireError(where + " is not base64");
            chunk = (chunk << 6) | static_cast<std::uint32_t>(v);
        }
        out += static_cast<char>((chunk >> 16) & 0xFF);
        if (pad < 2) out += static_cast<char>((chunk >> 8) & 0xFF);
        if (pad < 1) out += static_cast<char>(chunk & 0xFF);
    }
    return out;
}

template <typename T> T parsed(Result<T> result, const std::string& field) {
    if (!result) throw WireError(field + ": " + result.error().message);
    return std::move(*result);
}

std::optional<std::string> optString(const Json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw WireError(where + "." + name + " must be a string");
    return it->get<std::string>();
}

void put(Json& out, const char* name, const std::optional<std::string>& value) {
    if (value) out[name] = *value;
}

Timestamp timeAt(const Json& json, const char* name, const std::string& where) {
    return parsed(parseTimestamp(stringAt(json, name, where)), where + "." + name);
}

bool flagAt(const Json& json, const char* name, const std::string& where) {
    const auto& value = member(json, name, where);
    if (!value.is_boolean()) throw WireError(where + "." + name + " must be true or false");
    return value.get<bool>();
}

Json specJson(const SpecRecord& spec) {
    Json tests = Json::array();
    for (const auto& t : spec.tests) {
        Json test = {{"name", t.name}, {"kind", toString(t.kind)}};
        put(test, "min", t.min);
        put(test, "max", t.max);
        put(test, "unit", t.unit);
        put(test, "expected", t.expected);
        put(test, "method", t.method);
        tests.push_back(std::move(test));
    }
    return {{"id", spec.recordId}, {"sku", spec.sku}, {"version", spec.version},
            {"created_at", formatTimestamp(spec.createdAt)}, {"created_by", spec.createdBy}, {"tests", tests}};
}

SpecRecord specFrom(const Json& json, const std::string& where) {
    SpecRecord spec{stringAt(json, "id", where), stringAt(json, "sku", where),
                    static_cast<int>(integerAt(json, "version", where)), timeAt(json, "created_at", where),
                    stringAt(json, "created_by", where), {}};
    const auto& tests = arrayAt(json, "tests", where);
    for (std::size_t i = 0; i < tests.size(); ++i) {
        const auto at = where + ".tests[" + std::to_string(i) + "]";
        spec.tests.push_back(SpecTest{stringAt(tests[i], "name", at),
                                      parsed(parseTestKind(stringAt(tests[i], "kind", at)), at + ".kind"),
                                      optString(tests[i], "min", at), optString(tests[i], "max", at),
                                      optString(tests[i], "unit", at), optString(tests[i], "expected", at),
                                      optString(tests[i], "method", at)});
    }
    return spec;
}

Json inspectionJson(const Inspection& i) {
    Json results = Json::array();
    for (const auto& r : i.results)
        results.push_back({{"test", r.test}, {"value", r.value}, {"passed", r.passed}});
    Json out = {{"id", i.id}, {"station", i.stationId}, {"at", formatTimestamp(i.at)}, {"user", i.user},
                {"lot", i.lot}, {"spec_version", i.specVersion}, {"passed", i.passed}, {"results", results}};
    if (i.sampleSize) out["sample_size"] = *i.sampleSize;
    put(out, "note", i.note);
    return out;
}

Inspection inspectionFrom(const Json& json, const std::string& where) {
    Inspection i;
    i.id = stringAt(json, "id", where);
    i.stationId = stringAt(json, "station", where);
    i.at = timeAt(json, "at", where);
    i.user = stringAt(json, "user", where);
    i.lot = stringAt(json, "lot", where);
    i.specVersion = static_cast<int>(integerAt(json, "spec_version", where));
    i.passed = flagAt(json, "passed", where);
    if (json.contains("sample_size") && !json["sample_size"].is_null()) i.sampleSize = integerAt(json, "sample_size", where);
    i.note = optString(json, "note", where);
    const auto& results = arrayAt(json, "results", where);
    for (std::size_t n = 0; n < results.size(); ++n) {
        const auto at = where + ".results[" + std::to_string(n) + "]";
        i.results.push_back(TestResult{stringAt(results[n], "test", at), stringAt(results[n], "value", at),
                                       flagAt(results[n], "passed", at)});
    }
    return i;
}

Json documentJson(const DocumentRecord& d) {
    const auto& a = d.attachment;
    Json out = {{"id", a.id}, {"station", d.stationId}, {"at", formatTimestamp(a.at)}, {"user", a.user},
                {"subject", a.subject}, {"kind", toString(a.kind)}, {"file_name", a.fileName},
                {"sha256", a.sha256}, {"type", a.type}, {"size", a.size}};
    put(out, "inspection", a.inspection);
    if (d.content) out["content"] = toBase64(*d.content);
    return out;
}

DocumentRecord documentFrom(const Json& json, const std::string& where) {
    DocumentRecord d;
    auto& a = d.attachment;
    a.id = stringAt(json, "id", where);
    d.stationId = stringAt(json, "station", where);
    a.at = timeAt(json, "at", where);
    a.user = stringAt(json, "user", where);
    a.subject = stringAt(json, "subject", where);
    a.kind = parsed(parseAttachmentKind(stringAt(json, "kind", where)), where + ".kind");
    a.fileName = stringAt(json, "file_name", where);
    a.sha256 = stringAt(json, "sha256", where);
    a.type = stringAt(json, "type", where);
    a.size = integerAt(json, "size", where);
    a.inspection = optString(json, "inspection", where);
    if (auto content = optString(json, "content", where)) d.content = fromBase64(*content, where + ".content");
    return d;
}

Json tagJson(const LotTag& t) {
    return {{"id", t.id},           {"gtin", t.gtin},         {"serial", t.serial},
            {"lot", t.lot},         {"scheme", t.scheme},     {"epc_hex", t.epcHex},
            {"station", t.stationId}, {"user", t.user},       {"at", formatTimestamp(t.at)}};
}

LotTag tagFrom(const Json& json, const std::string& where) {
    return LotTag{stringAt(json, "id", where),      stringAt(json, "gtin", where),    stringAt(json, "serial", where),
                  stringAt(json, "lot", where),     stringAt(json, "scheme", where),  stringAt(json, "epc_hex", where),
                  stringAt(json, "station", where), stringAt(json, "user", where),    timeAt(json, "at", where)};
}

Json tagVoidJson(const TagVoid& v) {
    return {{"tag", v.tagId}, {"station", v.stationId}, {"user", v.user}, {"at", formatTimestamp(v.at)},
            {"reason", v.reason}};
}

TagVoid tagVoidFrom(const Json& json, const std::string& where) {
    return TagVoid{stringAt(json, "tag", where), stringAt(json, "station", where), stringAt(json, "user", where),
                   timeAt(json, "at", where), stringAt(json, "reason", where)};
}

} // namespace

Json toJson(const QualityRecord& record) {
    Json body = std::visit(
        [](const auto& value) -> Json {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, SpecRecord>) return specJson(value);
            else if constexpr (std::is_same_v<T, Inspection>) return inspectionJson(value);
            else if constexpr (std::is_same_v<T, Signature>) return toJson(value);
            else if constexpr (std::is_same_v<T, DocumentRecord>) return documentJson(value);
            else if constexpr (std::is_same_v<T, Procedure> || std::is_same_v<T, BatchEntry>) return toJson(value);
            else if constexpr (std::is_same_v<T, LotTag>) return tagJson(value);
            else return tagVoidJson(value);
        },
        record.value);
    return {{"station", record.stationId}, {"seq", record.seq}, {"kind", recordKindOf(record)},
            {"record", std::move(body)}};
}

QualityRecord qualityRecordFrom(const Json& json, const std::string& where) {
    if (!json.is_object()) throw WireError(where + " must be an object");
    QualityRecord record;
    record.stationId = stringAt(json, "station", where);
    record.seq = integerAt(json, "seq", where);
    if (record.seq < 1) throw WireError(where + ".seq must be 1 or more");
    const auto kind = stringAt(json, "kind", where);
    const auto& body = member(json, "record", where);
    const auto at = where + ".record";
    if (!body.is_object()) throw WireError(at + " must be an object");
    if (kind == "spec") record.value = specFrom(body, at);
    else if (kind == "inspection") record.value = inspectionFrom(body, at);
    else if (kind == "signature") record.value = signatureFrom(body, at);
    else if (kind == "document") record.value = documentFrom(body, at);
    else if (kind == "procedure") record.value = procedureFrom(body, at);
    else if (kind == "batch-entry") record.value = batchEntryFrom(body, at);
    else if (kind == "tag") record.value = tagFrom(body, at);
    else if (kind == "tag-void") record.value = tagVoidFrom(body, at);
    else throw WireError(where + ".kind '" + kind + "' is not spec, inspection, signature, document, procedure, "
                                                    "batch-entry, tag or tag-void");
    return record;
}

} // namespace lotstation::sync::wire
