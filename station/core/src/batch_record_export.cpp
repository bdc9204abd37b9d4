// The batch production record as PDF and JSON (batch_record_export.hpp). Field by field it follows DOMAIN.md §3;
// README "The batch record" says which rule each part answers.
#include "lotstation/station/batch_record_export.hpp"

#include "lotstation/storage/quantity.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace lotstation::station {
namespace {

using Json = nlohmann::ordered_json;
using namespace storage;

// "2026-11-24T07:43:08.123Z" -> "2026-11-24 07:43:08"
std::string when(Timestamp at) {
    const auto text = formatTimestamp(at);
    return text.substr(0, 10) + " " + text.substr(11, 8);
}

std::string qty(std::optional<std::int64_t> value, Uom uom) {
    return value ? formatQuantity(*value, uom) : std::string("-");
}

Uom uomOfStep(const BatchRecord& record, const ProcedureStep& step) {
    for (const auto& c : record.components)
        if (c.sku == step.component) return c.uom;
    return Uom::Gram;
}

std::string stateText(StepState state) {
    return state == StepState::Done ? "done" : state == StepState::Skipped ? "skipped (deviation)" : "OPEN";
}

std::string targetText(const BatchRecord& record, const StepRecord& step) {
    if (step.target) {
        const auto uom = uomOfStep(record, step.step);
        return formatQuantity(step.target->target, uom) + " ± " + step.step.tolerance;
    }
    if (step.step.value) return describeLimits(*step.step.value);
    if (!step.step.checklist.empty()) return std::to_string(step.step.checklist.size()) + " points";
    return "-";
}

std::string actualText(const BatchRecord& record, const BatchEntry& e, const ProcedureStep& step) {
    if (e.quantity) return formatQuantity(*e.quantity, uomOfStep(record, step)) + " of " + e.lot.value_or("?");
    if (e.value) return *e.value + (step.value ? " " + step.value->unit.value_or("") : "");
    return step.kind == StepKind::LineClearance ? "all confirmed" : "done";
}

std::string finishLine(const BatchRecord& record) {
    const auto uom = record.item.uom;
    std::string line = "Planned (theoretical yield) " + formatQuantity(record.run.planned, uom) + ", actual " +
                       qty(record.finish ? record.finish->quantity : std::nullopt, uom);
    if (record.finish)
        line += ": yield " + record.finish->value.value_or("?") + " % of theoretical (limits " +
                record.procedure.yieldMin + "–" + record.procedure.yieldMax + " %), " +
                record.finish->judgement.value_or("") + " its limits";
    else
        line += " (not finished); yield limits " + record.procedure.yieldMin + "–" + record.procedure.yieldMax + " %";
    return line;
}

std::string labelLine(const BatchRecord& record) {
    if (!record.finish || !record.finish->labelsPrinted) return "Labels: not reconciled yet";
    const auto printed = *record.finish->labelsPrinted, destroyed = record.finish->labelsDestroyed.value_or(0);
    return "Labels: " + std::to_string(printed) + " issued (printed), " + std::to_string(printed - destroyed) +
           " used, " + std::to_string(destroyed) + " destroyed";
}

} // namespace

labels::ReportDocument batchRecordDocument(const BatchRecord& record) {
    labels::ReportDocument doc;
    const auto& run = record.run;
    const std::string lot = record.outputLot ? record.outputLot->code : std::string("(not yet made)");
    doc.title = "Batch production record: " + run.code;
    doc.pageMark = "Batch " + run.code + " · lot " + lot + (record.inProgress ? " · IN PROGRESS" : "");
    doc.pageFooter = "Record sha256:" + record.hash;
    doc.landscape = true;
    if (record.inProgress) doc.lines.push_back("IN PROGRESS: this run is still open; the record is not complete.");
    doc.lines.push_back("Product: " + record.item.name + " (" + record.item.sku + ")" +
                        (record.item.gtin ? ", GTIN " + *record.item.gtin : std::string()));
    doc.lines.push_back("Batch (run) " + run.code + "; finished lot " + lot +
                        (record.outputLot && record.outputLot->expiry
                             ? ", use by " + formatDate(*record.outputLot->expiry) + ", status " +
                                   toString(record.outputLot->status)
                             : std::string()));
    doc.lines.push_back("Master record: procedure of " + record.procedure.sku + " version " +
                        std::to_string(record.procedure.version) + " (set " + when(record.procedure.createdAt) +
                        " by " + record.procedure.createdBy + "), targets per " +
                        formatQuantity(record.procedure.per, record.item.uom));
    std::string equipment;
    for (const auto& s : record.procedure.steps)
        if (s.equipment) equipment += (equipment.empty() ? "" : ", ") + *s.equipment;
    doc.lines.push_back("Line / workstation " + run.workstation.value_or("-") + "; equipment: " +
                        (equipment.empty() ? "-" : equipment) + "; station " + record.station.name);
    doc.lines.push_back("Started " + when(run.startedAt) + " UTC by " + run.operatorName + "; finished " +
                        (run.finishedAt ? when(*run.finishedAt) + " UTC" : std::string("-")) +
                        (record.finish ? " by " + record.finish->user : std::string()));
    doc.lines.push_back(finishLine(record));
    doc.lines.push_back(labelLine(record));
    if (record.qaSignatures.empty()) {
        doc.lines.push_back(std::string("QA: ") + (record.outputLot && record.outputLot->status == LotStatus::Quarantine
                                                       ? "awaiting the quality unit's review and release"
                                                       : "no QA disposition recorded"));
    }
    for (const auto& s : record.qaSignatures)
        doc.lines.push_back("QA " + std::string(toString(s.meaning)) + " by " + s.printedName + " at " + when(s.at) +
                            " UTC: \"" + s.statement + "\"" + (s.reason ? " (" + *s.reason + ")" : std::string()));

    labels::ReportTable deviations{"Deviations (review by exception)",
                                   {"Step", "What", "Why", "Approved by", "Signed"},
                                   {1.9, 3.6, 3.2, 1.2, 1.5}, {}, "None: every step within its procedure"};
    for (const auto& d : record.deviations)
        deviations.rows.push_back({d.stepTitle, d.what, d.entry.reason.value_or(""), d.entry.user,
                                   d.signature ? when(d.signature->at) : "-"});
    doc.tables.push_back(std::move(deviations));

    labels::ReportTable steps{"Steps",
                              {"#", "Step", "Target", "Actual", "Result", "Time (UTC)", "Performed by", "Verified by"},
                              {0.3, 2.4, 1.7, 2.0, 1.1, 1.7, 1.1, 1.1}, {}};
    for (const auto& s : record.steps) {
        if (s.performed.empty()) {
            steps.rows.push_back({std::to_string(s.number), s.step.title, targetText(record, s), "-",
                                  stateText(s.state), "-", "-", s.step.verify ? "(required)" : "-"});
            continue;
        }
        for (const auto& e : s.performed) {
            std::string verifier = s.step.verify ? "(required)" : "-";
            for (const auto& v : s.verifications)
                if (v.at >= e.at) verifier = v.user;
            steps.rows.push_back({std::to_string(s.number), s.step.title, targetText(record, s),
                                  actualText(record, e, s.step),
                                  e.judgement ? *e.judgement + (e.deviation ? " (dev.)" : "") : "done", when(e.at),
                                  e.user, verifier});
        }
    }
    doc.tables.push_back(std::move(steps));

    labels::ReportTable components{"Components, packaging and labels used",
                                   {"Item", "Our lot", "Supplier", "Supplier lot", "Expiry", "Quantity"},
                                   {2.4, 2.2, 1.0, 1.5, 1.2, 1.2}, {}};
    for (const auto& c : record.components)
        components.rows.push_back({c.name + " (" + c.sku + ")", c.lot, c.supplier.value_or("-"),
                                   c.supplierLot.value_or("-"), c.expiry ? formatDate(*c.expiry) : "-",
                                   formatQuantity(c.quantity, c.uom)});
    doc.tables.push_back(std::move(components));

    labels::ReportTable checks{"In-process controls and recorded values",
                               {"#", "Test / value", "Acceptance", "Result", "Judgement", "By, time (UTC)"},
                               {0.4, 2.0, 1.8, 1.2, 1.0, 2.2}, {}};
    labels::ReportTable clearance{"Line clearance and start-up checks", {"Point", "Confirmed by", "Time (UTC)"},
                                  {4.0, 1.2, 1.6}, {}};
    for (const auto& s : record.steps) {
        for (const auto& e : s.performed) {
            if (s.step.value)
                checks.rows.push_back({std::to_string(s.number), s.step.value->name, describeLimits(*s.step.value),
                                       e.value.value_or("-") + " " + s.step.value->unit.value_or(""),
                                       e.judgement.value_or("-"), e.user + ", " + when(e.at)});
            for (const auto& point : s.step.checklist) clearance.rows.push_back({point, e.user, when(e.at)});
        }
    }
    doc.tables.push_back(std::move(clearance));
    doc.tables.push_back(std::move(checks));

    labels::ReportTable genealogy{"Genealogy: inputs → batch → outputs", {"Input lot", "→ Batch", "→ Output lot"},
                                  {1, 1, 1}, {}};
    for (const auto& c : record.components) genealogy.rows.push_back({c.lot + " (" + c.sku + ")", run.code, lot});
    doc.tables.push_back(std::move(genealogy));

    labels::ReportTable signatures{"Electronic signatures",
                                   {"Time (UTC)", "Signed by", "Meaning", "Statement", "Signature"},
                                   {1.5, 0.9, 1.3, 4.2, 1.2}, {}};
    auto sign = [&](const Signature& s) {
        signatures.rows.push_back({when(s.at), s.printedName, toString(s.meaning), s.statement, s.hash.substr(0, 12)});
    };
    for (const auto& s : record.allSignatures) sign(s);
    for (const auto& s : record.qaSignatures) sign(s);
    doc.tables.push_back(std::move(signatures));
    return doc;
}

std::string batchRecordJson(const BatchRecord& record) {
    auto sig = [](const Signature& s) {
        return Json{{"id", s.id}, {"at", formatTimestamp(s.at)}, {"signer", s.signer}, {"printed_name", s.printedName},
                    {"meaning", toString(s.meaning)}, {"record_kind", s.recordKind}, {"record_id", s.recordId},
                    {"statement", s.statement}, {"reason", s.reason ? Json(*s.reason) : Json()},
                    {"record_hash", s.recordHash}, {"hash", s.hash}};
    };
    auto opt = [](const auto& value) { return value ? Json(*value) : Json(); };
    auto entry = [&](const BatchEntry& e) {
        return Json{{"id", e.id}, {"station", e.stationId}, {"at", formatTimestamp(e.at)}, {"kind", toString(e.kind)},
                    {"step", e.step}, {"user", e.user}, {"lot", opt(e.lot)}, {"quantity", opt(e.quantity)},
                    {"value", opt(e.value)}, {"judgement", opt(e.judgement)}, {"deviation", opt(e.deviation)},
                    {"reason", opt(e.reason)}, {"movement", opt(e.movement)}, {"prev_hash", e.prevHash},
                    {"hash", e.hash}};
    };
    Json out;
    out["record_hash"] = record.hash;
    out["in_progress"] = record.inProgress;
    out["run"] = {{"code", record.run.code}, {"sku", record.run.sku}, {"item", record.item.name},
                  {"planned", record.run.planned}, {"actual", opt(record.run.actual)},
                  {"uom", toString(record.item.uom)}, {"workstation", opt(record.run.workstation)},
                  {"operator", record.run.operatorName}, {"started_at", formatTimestamp(record.run.startedAt)},
                  {"finished_at", record.run.finishedAt ? Json(formatTimestamp(*record.run.finishedAt)) : Json()},
                  {"output_lot", record.outputLot ? Json(record.outputLot->code) : Json()}};
    out["procedure"] = {{"sku", record.procedure.sku}, {"version", record.procedure.version},
                        {"record_id", record.procedure.recordId}, {"yield_min", record.procedure.yieldMin},
                        {"yield_max", record.procedure.yieldMax}};
    out["deviations"] = Json::array();
    for (const auto& d : record.deviations)
        out["deviations"].push_back({{"step", d.entry.step}, {"title", d.stepTitle}, {"what", d.what},
                                     {"reason", opt(d.entry.reason)}, {"approved_by", d.entry.user},
                                     {"entry", d.entry.id}, {"signature", d.signature ? sig(*d.signature) : Json()}});
    out["steps"] = Json::array();
    for (const auto& s : record.steps) {
        Json step{{"number", s.number}, {"kind", toString(s.step.kind)}, {"title", s.step.title},
                  {"state", s.state == StepState::Done ? "done" : s.state == StepState::Skipped ? "skipped" : "open"},
                  {"verify", s.step.verify}, {"performed", Json::array()}, {"verifications", Json::array()}};
        if (s.target) step["target"] = {{"quantity", s.target->target}, {"low", s.target->low}, {"high", s.target->high}};
        for (const auto& e : s.performed) step["performed"].push_back(entry(e));
        for (const auto& e : s.verifications) step["verifications"].push_back(entry(e));
        out["steps"].push_back(std::move(step));
    }
    out["components"] = Json::array();
    for (const auto& c : record.components)
        out["components"].push_back({{"sku", c.sku}, {"item", c.name}, {"lot", c.lot}, {"supplier", opt(c.supplier)},
                                     {"supplier_lot", opt(c.supplierLot)},
                                     {"expiry", c.expiry ? Json(formatDate(*c.expiry)) : Json()},
                                     {"quantity", c.quantity}, {"uom", toString(c.uom)}});
    out["finish"] = record.finish ? entry(*record.finish) : Json();
    if (record.finish) {
        out["finish"]["yield_percent"] = opt(record.finish->value);
        out["finish"]["labels_printed"] = opt(record.finish->labelsPrinted);
        out["finish"]["labels_destroyed"] = opt(record.finish->labelsDestroyed);
    }
    out["qa"] = Json::array();
    for (const auto& s : record.qaSignatures) out["qa"].push_back(sig(s));
    out["signatures"] = Json::array();
    for (const auto& s : record.allSignatures) out["signatures"].push_back(sig(s));
    return out.dump(2) + "\n";
}

Result<void> writeBatchRecord(const BatchRecord& record, const std::filesystem::path& path) {
    const auto extension = path.extension().string();
    std::string bytes;
    if (extension == ".json") {
        bytes = batchRecordJson(record);
    } else if (extension == ".pdf") {
        auto pdf = labels::renderReportPdf(batchRecordDocument(record));
        if (!pdf) return fail(ErrorKind::Io, "the batch record PDF: " + pdf.error().message);
        bytes.assign(pdf->begin(), pdf->end());
    } else {
        return fail(ErrorKind::Invalid, path.string() + ": the record is written as FILE.pdf or FILE.json");
    }
    auto temporary = path;
    temporary += ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return fail(ErrorKind::Io, "cannot write " + temporary.string());
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) return fail(ErrorKind::Io, "cannot write " + path.string() + ": " + error.message());
    return {};
}

} // namespace lotstation::station
