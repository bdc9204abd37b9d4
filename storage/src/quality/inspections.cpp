// Inspections: results judged against the item's current spec, recorded with the inspector's signature in
// one transaction.
#include "quality_rows.hpp"
#include "signature_writer.hpp"

#include "../canonical_fields.hpp"
#include "../crypto.hpp"
#include "../decimal.hpp"
#include "../validation.hpp"

#include <algorithm>
#include <set>

namespace lotstation::storage {
namespace {

constexpr std::string_view kInspectionSelect =
    "SELECT i.id, i.station_id, i.at, i.user_name, l.code, i.spec_version, i.sample_size, i.note, i.passed "
    "FROM inspections i JOIN lots l ON l.id = i.lot_id ";

template <typename Row> Inspection readInspection(const Row& s) {
    Inspection out;
    out.id = s.text(0);
    out.stationId = s.text(1);
    out.at = parseTimestamp(s.text(2)).value_or(Timestamp{});
    out.user = s.text(3);
    out.lot = s.text(4);
    out.specVersion = static_cast<int>(s.int64(5));
    out.sampleSize = s.optInt64(6);
    out.note = s.optText(7);
    out.passed = s.int64(8) != 0;
    return out;
}

void loadResults(LedgerCore& core, Inspection& inspection) {
    auto s = core.db.cached(
        "SELECT test, value, passed FROM inspection_results WHERE inspection_id = ?1 ORDER BY position");
    s.bindAll(inspection.id);
    while (s.step())
        inspection.results.push_back(TestResult{s.text(0), s.text(1), s.int64(2) != 0});
}

std::string folded(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string canonicalInspectionText(const Inspection& i) {
    using canonical::field;
    std::string out = "lotstation-inspection/1\n";
    field(out, "id", i.id);
    field(out, "station", i.stationId);
    field(out, "at", formatTimestamp(i.at));
    field(out, "user", i.user);
    field(out, "lot", i.lot);
    field(out, "spec_version", std::to_string(i.specVersion));
    field(out, "sample_size", i.sampleSize ? std::optional<std::string>(std::to_string(*i.sampleSize))
                                           : std::optional<std::string>());
    field(out, "note", i.note);
    field(out, "passed", std::string(i.passed ? "1" : "0"));
    for (const auto& r : i.results) {
        field(out, "test", r.test);
        field(out, "value", r.value);
        field(out, "result", std::string(r.passed ? "pass" : "fail"));
    }
    return out;
}

std::optional<Inspection> findInspection(LedgerCore& core, std::string_view id) {
    std::optional<Inspection> out;
    {
        auto s = core.db.cached(std::string(kInspectionSelect) + "WHERE i.id = ?1");
        s.bindAll(id);
        if (!s.step()) return std::nullopt;
        out = readInspection(s);
    }
    loadResults(core, *out);
    return out;
}

std::vector<Inspection> inspectionsOfLot(LedgerCore& core, std::int64_t lotId) {
    std::vector<Inspection> out;
    {
        auto s = core.db.cached(std::string(kInspectionSelect) + "WHERE i.lot_id = ?1 ORDER BY i.pos");
        s.bindAll(lotId);
        while (s.step())
            out.push_back(readInspection(s));
    }
    for (auto& inspection : out)
        loadResults(core, inspection);
    return out;
}

std::vector<Inspection> inspectionsOf(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    auto row = findLot(core, lot);
    if (!row) return {};
    return inspectionsOfLot(core, row->id);
}

Result<Inspection> inspect(Ledger& ledger, const InspectionRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Inspection> {
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        auto item = findItemById(core, lot->itemId);
        if (!item) return fail(ErrorKind::NotFound, "lot " + lot->lot.code + " names an unknown item");
        const auto spec = specOf(core, *item);
        if (spec.tests.empty())
            return fail(ErrorKind::Invalid, item->item.sku + " has no specification: set its tests first "
                                                             "(lotstation spec set)");
        if (request.results.empty()) return fail(ErrorKind::Invalid, "an inspection needs at least one result");
        if (request.sampleSize && *request.sampleSize <= 0)
            return fail(ErrorKind::Invalid, "the sample size must be at least 1");
        Inspection inspection;
        inspection.lot = lot->lot.code;
        inspection.specVersion = spec.version;
        inspection.sampleSize = request.sampleSize;
        if (request.note && !trim(*request.note).empty()) inspection.note = std::string(trim(*request.note));
        inspection.passed = true;
        std::set<std::string> seen;
        for (const auto& result : request.results) {
            const auto test = std::ranges::find_if(
                spec.tests, [&](const SpecTest& t) { return folded(t.name) == folded(result.test); });
            if (test == spec.tests.end())
                return fail(ErrorKind::Invalid, "the spec of " + item->item.sku + " (version " +
                                                    std::to_string(spec.version) + ") has no test " +
                                                    result.test);
            if (!seen.insert(folded(test->name)).second)
                return fail(ErrorKind::Invalid, "test " + test->name + " is given twice");
            auto passed = judge(*test, result.value);
            if (!passed) return std::unexpected(passed.error());
            inspection.results.push_back(TestResult{test->name, std::string(trim(result.value)), *passed});
            inspection.passed = inspection.passed && *passed;
        }
        std::vector<std::string> documentTypes;
        for (const auto& document : request.documents) {
            auto type = checkDocument(document);
            if (!type) return std::unexpected(type.error());
            documentTypes.push_back(*type);
        }
        // The inspector signs what was performed: PIN first (its count survives a later refusal).
        auto signer = authenticateSigner(ledger, request.signer, request.pin, SignatureMeaning::Performed);
        if (!signer) return std::unexpected(signer.error());
        inspection.user = signer->name;
        inspection.stationId = core.identity.stationId;
        inspection.at = core.clock();
        inspection.id = newUuidV7(inspection.at);

        sql::Transaction transaction(core.db);
        core.db
            .cached("INSERT INTO inspections (id, station_id, at, user_name, lot_id, spec_version, sample_size, "
                    "note, passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bindAll(inspection.id, inspection.stationId, formatTimestamp(inspection.at), inspection.user, lot->id,
                     inspection.specVersion, inspection.sampleSize, inspection.note, inspection.passed ? 1 : 0)
            .run();
        int position = 0;
        for (const auto& r : inspection.results) {
            core.db
                .cached("INSERT INTO inspection_results (inspection_id, position, test, value, passed) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)")
                .bindAll(inspection.id, ++position, r.test, r.value, r.passed ? 1 : 0)
                .run();
        }
        for (std::size_t i = 0; i < request.documents.size(); ++i) {
            auto document = request.documents[i];
            document.subject = inspection.lot;
            document.inspection = inspection.id;
            (void)writeAttachment(core, document, documentTypes[i], inspection.user);
        }
        (void)appendSignature(core, *signer,
                              SignRequest{.meaning = SignatureMeaning::Performed,
                                          .recordKind = "inspection",
                                          .recordId = inspection.id,
                                          .subject = inspection.lot,
                                          .signedText = canonicalInspectionText(inspection),
                                          .statement = "I performed this inspection of lot " + inspection.lot});
        transaction.commit();
        return inspection;
    });
}

} // namespace lotstation::storage
