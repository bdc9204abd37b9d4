// The batch record as a whole (batch_record.hpp, BatchRecord): what prints and exports. Read in one snapshot.
#include "batch_state.hpp"

#include "../crypto.hpp"
#include "../quality/signature_writer.hpp"
#include "../rows.hpp"

#include <algorithm>
#include <set>

namespace lotstation::storage {
namespace {

std::vector<ComponentUse> componentsOf(LedgerCore& core, const std::string& run) {
    std::vector<std::pair<std::string, std::int64_t>> uses;
    {
        auto s = core.db.cached("SELECT l.code, sum(m.quantity) FROM movements m JOIN lots l ON l.id = m.lot_id "
                                "WHERE m.run_code = ?1 AND m.kind = 'consume' AND NOT EXISTS (SELECT 1 FROM "
                                "movements r WHERE r.reverses = m.id) GROUP BY l.code ORDER BY min(m.pos)");
        s.bindAll(run);
        while (s.step())
            uses.emplace_back(s.text(0), s.int64(1));
    }
    std::vector<ComponentUse> out;
    for (const auto& [code, quantity] : uses) {
        const auto lot = findLot(core, code);
        if (!lot) continue;
        const auto item = findItemById(core, lot->itemId);
        out.push_back(ComponentUse{.sku = lot->lot.sku,
                                   .name = item ? item->item.name : lot->lot.sku,
                                   .lot = lot->lot.code,
                                   .supplier = lot->lot.supplier,
                                   .supplierLot = lot->lot.supplierLot,
                                   .expiry = lot->lot.expiry,
                                   .quantity = quantity,
                                   .uom = lot->uom});
    }
    return out;
}

} // namespace

Result<BatchRecord> batchRecord(const Ledger& ledger, std::string_view code) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<BatchRecord> {
        sql::Transaction snapshot(core.db, sql::Transaction::Mode::Deferred);
        auto state = runRecordState(core, code);
        if (!state) return std::unexpected(state.error());
        BatchRecord out;
        out.run = state->run;
        out.item = findItem(core, state->run.sku)->item;
        out.procedure = state->procedure;
        out.station = core.identity;
        out.inProgress = state->run.status == RunStatus::Open;
        out.allSignatures = signaturesOf(ledger, state->run.code);
        std::set<std::string> stations;
        for (const auto& e : state->entries)
            if (stations.insert(e.stationId).second) out.stationsInvolved.push_back(e.stationId);
        auto signatureOf = [&](const BatchEntry& e) -> std::optional<Signature> {
            for (const auto& s : out.allSignatures)
                if (s.recordKind == "batch-entry" && s.recordId == e.id) return s;
            return std::nullopt;
        };
        for (std::size_t i = 0; i < state->procedure.steps.size(); ++i) {
            const auto number = static_cast<int>(i + 1);
            StepRecord step{.number = number, .step = state->procedure.steps[i], .state = state->stateOf(number)};
            if (step.step.kind == StepKind::Weigh)
                step.target = weighTarget(step.step, state->procedure.per, state->start.quantity.value_or(state->run.planned));
            for (const auto* e : state->performed[i]) step.performed.push_back(*e);
            for (const auto* e : state->verified[i]) step.verifications.push_back(*e);
            for (const auto& e : step.performed)
                if (auto s = signatureOf(e)) step.signatures.push_back(*s);
            for (const auto& e : step.verifications)
                if (auto s = signatureOf(e)) step.signatures.push_back(*s);
            step.deviationWaiting = state->unusedDeviation(number).has_value();
            if (step.step.verify && !step.performed.empty()) {
                const auto& last = step.performed.back();
                step.awaitsVerification = std::ranges::none_of(
                    step.verifications, [&](const BatchEntry& v) { return v.at >= last.at; });
            }
            out.steps.push_back(std::move(step));
        }
        for (const auto& e : state->entries) {
            if (e.kind == EntryKind::Finish) {
                out.finish = e;
                out.finishSignature = signatureOf(e);
            }
            if (e.kind != EntryKind::Deviation) continue;
            DeviationRecord deviation{.entry = e, .stepTitle = state->name(e.step), .signature = signatureOf(e)};
            for (const auto& user : state->entries) {
                if (user.deviation != e.id) continue;
                if (user.kind == EntryKind::Finish)
                    deviation.what = "finished with yield " + user.value.value_or("?") + " %";
                else if (user.quantity) {
                    const auto lot = findLot(core, user.lot.value_or(""));
                    deviation.what = "weighed " + formatQuantity(*user.quantity, lot ? lot->uom : Uom::Gram) +
                                     " of " + user.lot.value_or("?") + ", " + user.judgement.value_or("") +
                                     " tolerance";
                }
                else
                    deviation.what = "recorded " + user.value.value_or("the step") + ", " +
                                     user.judgement.value_or("") + " limits";
            }
            if (deviation.what.empty())
                deviation.what = state->stateOf(e.step) == StepState::Skipped ? "step skipped" : "not yet relied on";
            out.deviations.push_back(std::move(deviation));
        }
        out.nextStep = state->nextStep();
        out.finishDeviationWaiting = state->unusedDeviation(kFinishStep).has_value();
        out.components = componentsOf(core, state->run.code);
        if (out.finish && out.finish->lot) {
            if (auto lot = findLot(core, *out.finish->lot)) out.outputLot = lot->lot;
            for (const auto& s : signaturesOf(ledger, *out.finish->lot))
                if (needsQaRole(s.meaning)) out.qaSignatures.push_back(s);
        }
        std::string chain;
        for (const auto& e : state->entries) chain += e.hash + "\n";
        for (const auto& s : out.allSignatures) chain += s.hash + "\n";
        for (const auto& s : out.qaSignatures) chain += s.hash + "\n";
        out.hash = sha256Hex(chain);
        return out;
    });
}

} // namespace lotstation::storage
