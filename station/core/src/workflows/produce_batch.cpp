// Produce following the recipe's procedure (produce_flow.hpp, batch_run.hpp): start the run, then each step
// entered, judged and signed as it is done, through the ledger's batch record operations, which write every
// signed step at once (a crash loses nothing signed) and judge it again.
#include "lotstation/station/overloaded.hpp"
#include "lotstation/station/workflows/produce_flow.hpp"

#include <utility>

namespace lotstation::station {

namespace {

std::string amount(std::int64_t quantity, storage::Uom uom) {
    return storage::formatQuantity(quantity, uom);
}

std::string statementOf(const BatchRun& batch, BatchSignPurpose purpose, int step) {
    const auto& run = batch.record.run.code;
    if (purpose == BatchSignPurpose::Finish) return "I finished run " + run;
    const auto name = step == storage::kFinishStep
                          ? std::string("the finish")
                          : stepTitle(batch.record.steps[static_cast<std::size_t>(step - 1)]);
    switch (purpose) {
    case BatchSignPurpose::Perform: return "I performed " + name + " of run " + run;
    case BatchSignPurpose::Verify: return "I verified " + name + " of run " + run;
    case BatchSignPurpose::Deviation: return "I approve a deviation on " + name + " of run " + run;
    case BatchSignPurpose::Finish: break;
    }
    return {};
}

} // namespace

FlowOutcome ProduceFlow::batchStep(const ProduceIntent& intent, const FlowContext& context) {
    using namespace produce;
    if (!m_state.batch && !std::holds_alternative<StartBatch>(intent) && !std::holds_alternative<ShowRecord>(intent) &&
        !std::holds_alternative<SaveRecord>(intent) && !std::holds_alternative<CloseRecord>(intent))
        return refuse(m_state.procedure ? "Start the run first: it follows " + m_state.product->name + "'s procedure"
                                        : "This run follows no procedure");
    auto* batch = m_state.batch ? &*m_state.batch : nullptr;
    auto signingOpen = [&]() -> ApprovalDraft* { return batch && batch->signing ? &batch->signing->who : nullptr; };
    return std::visit(
        Overloaded{
            [&](const StartBatch&) { return context.user ? startBatch(*context.user) : refuse(kLogInFirst); },
            [&](const ShowStep& i) -> FlowOutcome {
                if (batch->signing) return refuse("Finish the signature first, or cancel it");
                if (i.step < 0 || static_cast<std::size_t>(i.step) > batch->record.steps.size())
                    return refuse("No step " + std::to_string(i.step));
                batch->shown = i.step;
                batch->draft = BatchStepDraft{};
                if (const auto* step = shownStep(*batch)) batch->draft.ticked.assign(step->step.checklist.size(), false);
                return good(FlowOutcome::quiet());
            },
            [&](const TickPoint& i) -> FlowOutcome {
                if (i.index < 0 || static_cast<std::size_t>(i.index) >= batch->draft.ticked.size())
                    return refuse("No such point on the checklist");
                batch->draft.ticked[static_cast<std::size_t>(i.index)] =
                    !batch->draft.ticked[static_cast<std::size_t>(i.index)];
                return good(FlowOutcome::quiet());
            },
            [&](const ValueKey& i) -> FlowOutcome {
                auto& text = batch->draft.value;
                if (i.key == KeypadKey::Backspace) {
                    if (!text.empty()) text.pop_back();
                } else if (i.key == KeypadKey::Clear) {
                    text.clear();
                } else if (i.key == KeypadKey::Dot) {
                    if (text.find('.') != std::string::npos || text.size() >= 12) return FlowOutcome::quiet();
                    text += text.empty() ? "0." : ".";
                } else if (text.size() < 12) {
                    text += keypadKeyId(i.key);
                }
                return good(FlowOutcome::quiet());
            },
            [&](const PickLot& i) -> FlowOutcome {
                auto scanned = lotOfScan(m_ledger, scan::OwnLot{i.lot}, recipeSkus());
                if (!scanned) return refuse(scanned.error().message);
                return batchContainer(std::move(*scanned));
            },
            [&](const SetQuantity& i) { return batchQuantity(i.quantity); },
            [&](const DropContainer&) {
                batch->draft.lot.reset();
                batch->draft.problems.clear();
                batch->draft.quantity.reset();
                batch->draft.scale.reset();
                return good(FlowOutcome::quiet());
            },
            [&](const SignStep&) {
                return openSigning(batch->shown == storage::kFinishStep ? BatchSignPurpose::Finish
                                                                        : BatchSignPurpose::Perform,
                                   context);
            },
            [&](const Finish&) {
                batch->shown = storage::kFinishStep;
                return openSigning(BatchSignPurpose::Finish, context);
            },
            [&](const VerifyStep&) { return openSigning(BatchSignPurpose::Verify, context); },
            [&](const AskDeviation&) { return openSigning(BatchSignPurpose::Deviation, context); },
            [&](const PickSigner& i) -> FlowOutcome {
                auto* who = signingOpen();
                if (!who) return refuse("No signature is open");
                who->supervisor = i.name;
                who->pin.clear();
                who->problem.reset();
                return FlowOutcome::quiet();
            },
            [&](const PinKey& i) -> FlowOutcome {
                auto* who = signingOpen();
                if (!who) return refuse("No signature is open");
                pressPinKey(*who, i.key);
                return FlowOutcome::quiet();
            },
            [&](const PickReason& i) -> FlowOutcome {
                auto* who = signingOpen();
                if (!who) return refuse("No signature is open");
                who->reason = reasonText(overrideReasons(), i.reason).value_or(i.reason);
                who->problem.reset();
                return FlowOutcome::quiet();
            },
            [&](const SubmitSignature&) { return submitSignature(); },
            [&](const CancelSignature&) {
                batch->signing.reset();
                return FlowOutcome::quiet();
            },
            [&](const SetOutput& i) -> FlowOutcome {
                auto output = amountFor(i.quantity, *m_state.product);
                if (!output) return refuse(output.error().message);
                batch->output = *output;
                batch->outputScale = i.quantity.scale;
                return good(FlowOutcome::quiet());
            },
            [&](const SetLabelsPrinted& i) -> FlowOutcome {
                if (i.quantity.unit != storage::Uom::Piece) return refuse("Labels are counted in pieces");
                batch->labelsPrinted = i.quantity.amount;
                return good(FlowOutcome::quiet());
            },
            [&](const SetLabelsDestroyed& i) -> FlowOutcome {
                if (i.quantity.unit != storage::Uom::Piece) return refuse("Labels are counted in pieces");
                batch->labelsDestroyed = i.quantity.amount;
                return good(FlowOutcome::quiet());
            },
            [&](const ShowRecord&) { return showRecord(); },
            [&](const SaveRecord&) { return saveRecord(); },
            [&](const CloseRecord&) {
                m_state.record.reset();
                return FlowOutcome::quiet();
            },
            [&](const auto&) -> FlowOutcome {
                return refuse("This run follows its procedure: do the step on screen and sign it");
            },
        },
        intent);
}

FlowOutcome ProduceFlow::startBatch(const std::string& user) {
    if (m_state.batch) return refuse("Run " + m_state.batch->record.run.code + " is started");
    if (!m_state.procedure || !m_state.planned) return refuse("Pick the recipe and the planned quantity first");
    auto started = m_ledger.startRun({.sku = m_state.product->sku, .planned = *m_state.planned, .user = user});
    if (!started) return refuse(started.error().message);
    auto batch = loadBatchRun(m_ledger, started->code);
    if (!batch) return refuse(batch.error().message);
    m_state.run = started->code;
    m_state.batch = std::move(*batch);
    return good(FlowOutcome::accepted("Run " + started->code + " started: follow its " +
                                      std::to_string(m_state.batch->record.steps.size()) + " steps"));
}

FlowOutcome ProduceFlow::resumeBatch(const std::string& code) {
    auto batch = loadBatchRun(m_ledger, code);
    if (!batch) return refuse(batch.error().message);
    auto product = m_ledger.item(batch->record.run.sku);
    auto recipe = m_ledger.recipe(batch->record.run.sku);
    if (!product || !recipe) return refuse(!product ? product.error().message : recipe.error().message);
    reset();
    m_state.product = std::move(*product);
    m_state.recipe = std::move(*recipe);
    m_state.procedure = batch->record.procedure; // the version the run started on
    m_state.planned = batch->record.run.planned;
    m_state.run = code;
    m_state.batch = std::move(*batch);
    planLines();
    const auto shown = m_state.batch->shown;
    return good(FlowOutcome::accepted("Run " + code + " resumed" +
                                      (shown == storage::kFinishStep ? ": every step is done"
                                                                     : " at step " + std::to_string(shown))));
}

FlowOutcome ProduceFlow::batchContainer(ScannedLot scanned) {
    auto& batch = *m_state.batch;
    if (batch.signing) return refuse("Finish the signature first, or cancel it");
    const auto* step = shownStep(batch);
    if (!step || step->step.kind != storage::StepKind::Weigh)
        return refuse("Step " + std::to_string(batch.shown) + " weighs nothing: lot " + scanned.lot.code +
                      " is not taken here");
    if (scanned.item.sku != step->step.component)
        return refuse("Lot " + scanned.lot.code + " is " + scanned.item.name + ", not " + step->step.component +
                      " that step " + std::to_string(step->number) + " weighs");
    const auto place = mainPlace(m_ledger, scanned.lot.code);
    if (!place) return refuse("nothing of lot " + scanned.lot.code + " is on hand");
    batch.draft.problems = problemsOf(scanned.lot, scanned.item);
    batch.draft.location = place->location;
    batch.draft.onHand = place->quantity;
    batch.draft.quantity.reset();
    batch.draft.scale.reset();
    batch.draft.lot = std::move(scanned.lot);
    const std::string message = scanned.item.name + ": lot " + batch.draft.lot->code + ", weigh " +
                                amount(step->target->target, scanned.item.uom);
    if (!batch.draft.problems.empty())
        return refuse(joinMessages(batch.draft.problems) + ": it needs a supervisor's deviation");
    return good(FlowOutcome::accepted(message));
}

FlowOutcome ProduceFlow::batchQuantity(const Quantity& quantity) {
    auto& batch = *m_state.batch;
    const auto* step = shownStep(batch);
    if (!step || step->step.kind != storage::StepKind::Weigh) return refuse("This step weighs nothing");
    if (!batch.draft.lot) return refuse("Scan the container first");
    auto item = m_ledger.item(step->step.component);
    if (!item) return refuse(item.error().message);
    auto wanted = amountFor(quantity, *item);
    if (!wanted) return refuse(wanted.error().message);
    if (*wanted > batch.draft.onHand)
        return refuse("only " + amount(batch.draft.onHand, item->uom) + " of lot " + batch.draft.lot->code + " is at " +
                      batch.draft.location);
    batch.draft.quantity = *wanted;
    batch.draft.scale = quantity.scale;
    const bool within = judgeDraft(batch) == Judgement::Within;
    const std::string said = amount(*wanted, item->uom) + (within ? " is within " : " is outside ") + targetText(*step, item->uom);
    return good(within ? FlowOutcome::accepted(said) : FlowOutcome::unknown(said));
}

FlowOutcome ProduceFlow::openSigning(BatchSignPurpose purpose, const FlowContext& context) {
    auto& batch = *m_state.batch;
    if (batch.signing) return refuse("A signature is open already");
    const int step = purpose == BatchSignPurpose::Finish ? storage::kFinishStep : batch.shown;
    const auto* shown = shownStep(batch);
    switch (purpose) {
    case BatchSignPurpose::Perform:
        if (!shown) return refuse("Pick a step first");
        if (auto missing = missingForSign(batch)) return refuse(*missing);
        if (auto needs = deviationNeeds(batch); !needs.empty() && !shown->deviationWaiting)
            return refuse(needs.front() + ": a supervisor records a deviation first");
        break;
    case BatchSignPurpose::Verify:
        if (!shown || !shown->awaitsVerification) return refuse("Nothing on this step waits for verification");
        break;
    case BatchSignPurpose::Deviation:
        if (step == storage::kFinishStep ? batch.record.finishDeviationWaiting : shown && shown->deviationWaiting)
            return refuse("A deviation is approved already: sign the step");
        break;
    case BatchSignPurpose::Finish:
        if (batch.record.nextStep) return refuse("Step " + std::to_string(*batch.record.nextStep) + " is not done");
        break;
    }
    BatchSigning signing{purpose, step, {}, statementOf(batch, purpose, step)};
    // The performer is usually the one logged in; a verifier or a supervisor picks their own name.
    if (purpose == BatchSignPurpose::Perform || purpose == BatchSignPurpose::Finish) signing.who.supervisor = context.user;
    batch.signing = std::move(signing);
    return good(FlowOutcome::quiet());
}

FlowOutcome ProduceFlow::submitSignature() {
    auto& batch = *m_state.batch;
    if (!batch.signing) return refuse("No signature is open");
    auto& signing = *batch.signing;
    auto& who = signing.who;
    if (!who.supervisor) {
        who.problem = "Pick who signs";
        return FlowOutcome::refused(*who.problem);
    }
    const std::string pin = std::exchange(who.pin, std::string{}); // never kept past a try
    const auto& run = batch.record.run.code;
    Result<std::string> done = fail(ErrorKind::Invalid, "nothing signed");
    switch (signing.purpose) {
    case BatchSignPurpose::Perform: {
        storage::StepRequest request{.run = run, .step = signing.step, .by = *who.supervisor, .pin = pin};
        if (batch.draft.lot) request.lot = batch.draft.lot->code;
        request.quantity = batch.draft.quantity;
        request.scale = batch.draft.scale;
        if (!batch.draft.value.empty()) request.value = batch.draft.value;
        auto entry = storage::performStep(m_ledger, request);
        if (entry) done = "Step " + std::to_string(signing.step) + " signed by " + entry->entry.user;
        else done = std::unexpected(entry.error());
        break;
    }
    case BatchSignPurpose::Verify: {
        auto entry = storage::verifyStep(m_ledger, run, signing.step, *who.supervisor, pin);
        if (entry) done = "Step " + std::to_string(signing.step) + " verified by " + entry->entry.user;
        else done = std::unexpected(entry.error());
        break;
    }
    case BatchSignPurpose::Deviation: {
        if (!who.reason) {
            who.problem = "Pick or type the reason";
            return FlowOutcome::refused(*who.problem);
        }
        auto entry = storage::recordDeviation(m_ledger, run, signing.step, *who.reason, *who.supervisor, pin);
        if (entry) done = "Deviation approved by " + entry->entry.user + ": " + *who.reason;
        else done = std::unexpected(entry.error());
        break;
    }
    case BatchSignPurpose::Finish: {
        auto finished = storage::finishBatch(m_ledger, {.run = run,
                                                        .output = batch.output.value_or(batch.record.run.planned),
                                                        .labelsPrinted = batch.labelsPrinted,
                                                        .labelsDestroyed = batch.labelsDestroyed,
                                                        .by = *who.supervisor,
                                                        .pin = pin});
        if (!finished) {
            who.problem = finished.error().message;
            return FlowOutcome::refused(finished.error().message);
        }
        return batchFinished(std::move(*finished));
    }
    }
    if (!done) {
        who.problem = done.error().message;
        return FlowOutcome::refused(done.error().message);
    }
    // A deviation keeps what was entered on the step: its performer signs it next.
    if (signing.purpose == BatchSignPurpose::Deviation) {
        auto draft = batch.draft;
        const int shown = batch.shown;
        auto outcome = afterSignature(*done);
        batch.shown = shown;
        batch.draft = std::move(draft);
        return outcome;
    }
    // A step signed that waits for its verification stays on screen for the second person.
    const int signedStep = signing.step;
    auto outcome = afterSignature(*done);
    if (signing.purpose == BatchSignPurpose::Perform && m_state.batch) {
        const auto& step = m_state.batch->record.steps[static_cast<std::size_t>(signedStep - 1)];
        if (step.awaitsVerification) {
            m_state.batch->shown = signedStep;
            m_state.batch->draft = BatchStepDraft{};
            outcome.message += ": a second person verifies it now";
        }
    }
    return outcome;
}

FlowOutcome ProduceFlow::afterSignature(const std::string& message) {
    auto reloaded = reloadBatchRun(m_ledger, *m_state.batch);
    if (!reloaded) return refuse(reloaded.error().message);
    for (auto& line : m_state.lines) line.consumed = 0;
    if (auto inputs = storage::runInputs(m_ledger, m_state.batch->record.run.code))
        for (const auto& movement : *inputs)
            if (auto lot = m_ledger.lot(movement.lot))
                if (ProduceLine* line = lineOf(lot->sku)) line->consumed += movement.quantity;
    refreshFefo();
    return good(FlowOutcome::accepted(message));
}

FlowOutcome ProduceFlow::batchFinished(storage::BatchFinishResult result) {
    m_state.finished = std::move(result.finished);
    if (auto lot = m_ledger.lot(m_state.finished->lotCode)) m_state.outputExpiry = lot->expiry;
    if (auto reloaded = reloadBatchRun(m_ledger, *m_state.batch); !reloaded) m_state.batch->signing.reset();
    m_state.step = ProduceStep::Done;
    m_state.problem.reset();
    FlowOutcome outcome = FlowOutcome::accepted("Finished: lot " + m_state.finished->lotCode + ", yield " +
                                                m_state.batch->record.finish->value.value_or("?") + " %");
    outcome.labelsToPrint.push_back(m_state.finished->lotCode);
    return outcome;
}

FlowOutcome ProduceFlow::showRecord() {
    const auto run = m_state.finished ? std::optional(m_state.finished->run.code) : m_state.run;
    if (!run) return refuse("No run to show");
    auto record = storage::batchRecord(m_ledger, *run);
    if (!record) return refuse(record.error().message);
    m_state.record = RecordOnScreen{std::move(*record), std::nullopt};
    return good(FlowOutcome::quiet());
}

FlowOutcome ProduceFlow::saveRecord() {
    if (!m_state.record) return refuse("Open the batch record first");
    if (m_exportFolder.empty()) return refuse("This station has no export folder");
    auto saved = saveRecordPdf(m_state.record->record, m_exportFolder);
    if (!saved) return refuse(saved.error().message);
    m_state.record->saved = saved->string();
    return good(FlowOutcome::accepted("Saved " + saved->string()));
}

} // namespace lotstation::station
