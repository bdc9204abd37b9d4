// Quality records through the JSON codec: a signature field by field from storage's one list
// (signature_fields.hpp) keeps its hash; a document's bytes survive base64 (every length mod 3); bad input is
// a sentence naming the field.
#include "lotstation/storage/quality_sync.hpp"
#include "lotstation/storage/signature_fields.hpp"
#include "wire.hpp"

#include <doctest/doctest.h>

using namespace lotstation;

TEST_CASE("a signature record survives the wire with every listed field and its hash") {
    storage::Signature s;
    s.id = "0190f0e4-0000-7000-8000-00000000002a";
    s.stationId = "station-a";
    s.seq = 7;
    s.at = storage::parseTimestamp("2026-03-10T08:00:00.125Z").value();
    s.signer = "quinn";
    s.printedName = "Quinn \"QA\" Lee";
    s.meaning = storage::SignatureMeaning::ApprovedDeviation;
    s.recordKind = "movement";
    s.recordId = "m-1";
    s.subject = "OIL-1";
    s.recordHash = std::string(64, 'b');
    s.statement = "I approve the deviation on lot OIL-1";
    s.reason = "line one\nline two";
    s.prevHash = std::string(64, 'a');
    s.hash = "not checked here";
    const storage::QualityRecord record{0, "station-a", 7, s};
    const auto json = sync::wire::toJson(record);
    std::size_t fields = 0;
    storage::visitSignatureFields(s, [&](const char* name, const auto&) {
        CHECK_MESSAGE(json["record"].contains(name), name);
        ++fields;
    });
    CHECK(json["record"].size() == fields + 1);
    const auto back = sync::wire::qualityRecordFrom(sync::wire::Json::parse(json.dump()), "records[0]");
    const auto& signature = std::get<storage::Signature>(back.value);
    CHECK(storage::canonicalSignatureText(signature) == storage::canonicalSignatureText(s));
    CHECK(signature.hash == s.hash);
    CHECK(back.seq == 7);
}

TEST_CASE("a document's bytes survive base64, and a bad record names its field") {
    for (std::size_t size : {0u, 1u, 2u, 3u, 4u, 257u}) {
        std::string bytes;
        for (std::size_t i = 0; i < size; ++i)
            bytes += static_cast<char>(i * 37 % 256);
        storage::DocumentRecord d;
        d.attachment.id = "a-1";
        d.attachment.fileName = "coa.pdf";
        d.attachment.type = "pdf";
        d.stationId = "station-a";
        d.content = bytes;
        const auto back = sync::wire::qualityRecordFrom(
            sync::wire::Json::parse(sync::wire::toJson(storage::QualityRecord{0, "station-a", 1, d}).dump()), "r");
        CHECK(std::get<storage::DocumentRecord>(back.value).content == bytes);
    }
    auto bad = sync::wire::Json::parse(R"({"station":"s","seq":1,"kind":"inspection","record":{"id":"x"}})");
    CHECK_THROWS_WITH_AS(sync::wire::qualityRecordFrom(bad, "records[3]"), "records[3].record.station is missing",
                         sync::wire::WireError);
    bad = sync::wire::Json::parse(R"({"station":"s","seq":1,"kind":"memo","record":{}})");
    CHECK_THROWS_WITH_AS(sync::wire::qualityRecordFrom(bad, "records[0]"),
                         "records[0].kind 'memo' is not spec, inspection, signature, document, procedure, batch-entry, tag or tag-void", sync::wire::WireError);
}
