// Finishing a run that follows a batch record: every step done (or skipped by a deviation) and verified where
// the procedure asks, the yield against its limits and the labels reconciled (or a deviation on the finish),
// then the output lot (born in quarantine when its item needs QC release) and the signed finish entry, in one
// transaction.
#include "batch_state.hpp"
#include <algorithm>

#include "../quality/signature_writer.hpp"
#include "../rows.hpp"

namespace lotstation::storage {

Result<BatchFinishResult> finishBatch(Ledger& ledger, const BatchFinishRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    auto signer = authenticateSigner(ledger, request.by, request.pin, SignatureMeaning::Performed);
    if (!signer) return std::unexpected(signer.error());
    return inWriteTransaction(core, [&]() -> Result<BatchFinishResult> {
        auto state = runRecordState(core, request.run);
        if (!state) return std::unexpected(state.error());
        if (state->run.status != RunStatus::Open)
            return fail(ErrorKind::Refused, "run " + state->run.code + " is already finished");
        if (request.output <= 0) return fail(ErrorKind::Invalid, "the output quantity must be more than nothing");
        std::vector<std::string> open;
        for (std::size_t i = 1; i <= state->procedure.steps.size(); ++i) {
            const auto number = static_cast<std::int64_t>(i);
            const auto stepState = state->stateOf(number);
            if (stepState == StepState::Open) {
                open.push_back(state->name(number) + " is open");
            } else if (stepState == StepState::Done && state->procedure.steps[i - 1].verify) {
                const auto* last = state->performed[i - 1].back();
                const bool verified = std::ranges::any_of(state->verified[i - 1],
                                                          [&](const BatchEntry* v) { return v->at >= last->at; });
                if (!verified) open.push_back(state->name(number) + " awaits a second person's verification");
            }
        }
        if (!open.empty()) {
            std::string list;
            for (const auto& o : open) list += (list.empty() ? "" : "; ") + o;
            return fail(ErrorKind::Refused, "run " + state->run.code + " cannot finish: " + list);
        }
        const auto item = *findItemById(core, findRun(core, state->run.code)->itemId);
        const auto planned = state->start.quantity.value_or(state->run.planned);
        std::vector<std::string> breaks;
        const bool yieldWithin =
            percentWithin(request.output, planned, state->procedure.yieldMin, state->procedure.yieldMax);
        const auto yield = percentText(request.output, planned);
        if (!yieldWithin)
            breaks.push_back("the yield " + yield + " % is outside " + state->procedure.yieldMin + "–" +
                             state->procedure.yieldMax + " %");
        const bool packs = std::ranges::any_of(state->procedure.steps,
                                               [](const ProcedureStep& s) { return s.kind == StepKind::Pack; });
        if (request.labelsDestroyed && !request.labelsPrinted)
            return fail(ErrorKind::Invalid, "labels destroyed without labels printed: give both");
        if (packs && !request.labelsPrinted)
            return fail(ErrorKind::Invalid, "run " + state->run.code + " packs and labels: how many labels were "
                                                                       "printed and destroyed?");
        if (request.labelsPrinted) {
            const auto printed = *request.labelsPrinted, destroyed = request.labelsDestroyed.value_or(0);
            if (printed < 0 || destroyed < 0 || destroyed > printed)
                return fail(ErrorKind::Invalid, "labels: " + std::to_string(destroyed) + " destroyed of " +
                                                    std::to_string(printed) + " printed cannot be");
            if (item.item.uom == Uom::Piece && printed - destroyed != request.output)
                breaks.push_back("labels do not reconcile: " + std::to_string(printed) + " printed − " +
                                 std::to_string(destroyed) + " destroyed = " + std::to_string(printed - destroyed) +
                                 " used for " + std::to_string(request.output) + " pieces");
        }
        const auto deviation = state->unusedDeviation(kFinishStep);
        if (!breaks.empty() && !deviation) {
            std::string list;
            for (const auto& b : breaks) list += (list.empty() ? "" : "; ") + b;
            return fail(ErrorKind::Refused, "run " + state->run.code + ": " + list +
                                                ". A supervisor records a deviation on the finish first");
        }
        auto finished = finishRunIn(core, FinishRunRequest{.run = state->run.code,
                                                           .output = request.output,
                                                           .expiry = request.expiry,
                                                           .location = request.location,
                                                           .lotCode = request.lotCode,
                                                           .user = signer->name});
        if (!finished) return std::unexpected(finished.error());
        BatchEntry entry{.run = state->run.code, .kind = EntryKind::Finish, .step = kFinishStep, .user = signer->name};
        entry.lot = finished->lotCode;
        entry.quantity = request.output;
        entry.value = yield;
        entry.judgement = breaks.empty() ? "within" : "outside";
        if (!breaks.empty()) entry.deviation = (*deviation)->id;
        entry.movement = finished->movement.id;
        entry.labelsPrinted = request.labelsPrinted;
        entry.labelsDestroyed = request.labelsPrinted ? std::optional(request.labelsDestroyed.value_or(0)) : std::nullopt;
        entry = appendBatchEntry(core, entry);
        auto signature = signEntry(core, *signer, entry, SignatureMeaning::Performed,
                                   "I finished run " + state->run.code + ": " +
                                       formatQuantity(request.output, item.item.uom) + " of " + item.item.sku +
                                       " as lot " + finished->lotCode);
        return BatchFinishResult{std::move(*finished), SignedEntry{entry, signature}};
    });
}

Result<bool> hasBatchRecord(const Ledger& ledger, std::string_view run) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<bool> { return !entriesOf(core, run).empty(); });
}

Result<std::vector<BatchEntry>> batchEntries(const Ledger& ledger, std::string_view run) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<BatchEntry>> { return entriesOf(core, run); });
}

} // namespace lotstation::storage
