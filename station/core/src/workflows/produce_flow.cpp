#include "lotstation/station/workflows/produce_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include <algorithm>

namespace lotstation::station {

namespace {

// Steps that only a run following its procedure takes (from StartBatch on in ProduceIntent).
bool batchOnly(const ProduceIntent& intent) {
    return intent.index() >= ProduceIntent(produce::StartBatch{}).index();
}

// Steps a run following its procedure takes its own way (produce_batch.cpp).
bool batchWay(const ProduceIntent& intent) {
    using namespace produce;
    return std::holds_alternative<PickLot>(intent) || std::holds_alternative<SetQuantity>(intent) ||
           std::holds_alternative<UseContainer>(intent) || std::holds_alternative<DropContainer>(intent) ||
           std::holds_alternative<AskApproval>(intent) || std::holds_alternative<PickSupervisor>(intent) ||
           std::holds_alternative<PinKey>(intent) || std::holds_alternative<PickReason>(intent) ||
           std::holds_alternative<SubmitApproval>(intent) || std::holds_alternative<CancelApproval>(intent) ||
           std::holds_alternative<SetOutput>(intent) || std::holds_alternative<Finish>(intent);
}

std::string amount(std::int64_t quantity, const storage::Item& item) {
    return storage::formatQuantity(quantity, item.uom);
}

} // namespace

std::int64_t scaledNeed(const storage::Recipe& recipe, std::int64_t componentQuantity, std::int64_t planned) {
    if (recipe.outputQuantity <= 0) return 0;
    __extension__ using Wide = __int128;
    const Wide product = static_cast<Wide>(componentQuantity) * planned;
    const Wide need = (product + recipe.outputQuantity - 1) / recipe.outputQuantity;
    return static_cast<std::int64_t>(need);
}

ProduceFlow::ProduceFlow(storage::Ledger& ledger, std::filesystem::path exportFolder)
    : m_ledger(ledger), m_exportFolder(std::move(exportFolder)) {
    reset();
}

void ProduceFlow::reset() {
    m_state = ProduceState{};
    m_state.openRuns = storage::openRuns(m_ledger).value_or(std::vector<storage::Run>{});
}

void ProduceFlow::cancel() {
    // Called whenever the screen is not shown: only a draft worth dropping costs a query.
    const bool pristine =
        m_state.step == ProduceStep::ChooseRecipe && !m_state.product && !m_state.planned && !m_state.problem;
    if (!pristine) reset();
}

FlowOutcome ProduceFlow::apply(const ProduceIntent& intent, const FlowContext& context) {
    using namespace produce;
    const bool recordStep = std::holds_alternative<ShowRecord>(intent) ||
                            std::holds_alternative<SaveRecord>(intent) || std::holds_alternative<CloseRecord>(intent);
    if (m_state.step == ProduceStep::Done && !std::holds_alternative<Next>(intent) &&
        !std::holds_alternative<Cancel>(intent) && !recordStep)
        return refuse("This run is finished: tap Next run");
    if (batchOnly(intent) || (m_state.procedure && m_state.step == ProduceStep::Gathering && batchWay(intent)))
        return batchStep(intent, context);
    return std::visit(Overloaded{
                          [&](const PickRecipe& i) { return pickRecipe(i.sku); },
                          [&](const SetPlanned& i) { return setPlanned(i.quantity); },
                          [&](const ResumeRun& i) { return resume(i.run); },
                          [&](const PickLot& i) -> FlowOutcome {
                              if (m_state.step != ProduceStep::Gathering)
                                  return refuse("Pick the recipe and the planned quantity first");
                              auto scanned = lotOfScan(m_ledger, scan::OwnLot{i.lot}, recipeSkus());
                              if (!scanned) return refuse(scanned.error().message);
                              return container(std::move(*scanned));
                          },
                          [&](const SetQuantity& i) { return setQuantity(i.quantity); },
                          [&](const UseContainer&) { return context.user ? use(*context.user) : FlowOutcome::refused(kLogInFirst); },
                          [&](const DropContainer&) {
                              m_state.container.reset();
                              m_state.approval.reset();
                              return good(FlowOutcome::quiet());
                          },
                          [&](const AskApproval&) -> FlowOutcome {
                              if (!m_state.container || !m_state.container->blocked())
                                  return refuse("Nothing here needs a supervisor");
                              m_state.approval = ApprovalDraft{};
                              return FlowOutcome::quiet();
                          },
                          [&](const PickSupervisor& i) -> FlowOutcome {
                              if (!m_state.approval) return refuse("No approval is open");
                              m_state.approval->supervisor = i.name;
                              m_state.approval->pin.clear();
                              m_state.approval->problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const PinKey& i) -> FlowOutcome {
                              if (!m_state.approval) return refuse("No approval is open");
                              pressPinKey(*m_state.approval, i.key);
                              return FlowOutcome::quiet();
                          },
                          [&](const PickReason& i) -> FlowOutcome {
                              if (!m_state.approval) return refuse("No approval is open");
                              m_state.approval->reason =
                                  reasonText(overrideReasons(), i.reason).value_or(i.reason);
                              m_state.approval->problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const SubmitApproval&) { return submitApproval(); },
                          [&](const CancelApproval&) {
                              m_state.approval.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const SetOutput& i) -> FlowOutcome {
                              if (!m_state.product) return refuse("Pick the recipe first");
                              auto output = amountFor(i.quantity, *m_state.product);
                              if (!output) return refuse(output.error().message);
                              m_state.output = *output;
                              m_state.outputScale = i.quantity.scale;
                              return good(FlowOutcome::quiet());
                          },
                          [&](const Finish&) { return context.user ? finish(*context.user) : FlowOutcome::refused(kLogInFirst); },
                          [&](const Cancel&) {
                              reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const Next&) {
                              reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const auto&) { return refuse("Not a step of this run"); },
                      },
                      intent);
}

std::optional<FlowOutcome> ProduceFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (const auto* badgeScan = std::get_if<scan::OwnBadge>(&meaning)) {
        if (m_state.batch && m_state.batch->signing) { // the signer shows their badge
            auto user = m_ledger.userByBadge(badgeScan->badge);
            if (!user) return refuse("no user has badge " + badgeScan->badge);
            return apply(produce::PickSigner{user->name}, context);
        }
        if (!m_state.approval) return std::nullopt; // elsewhere a badge logs in
        return badge(badgeScan->badge);
    }
    if (std::holds_alternative<scan::OwnCommand>(meaning) ||
        std::holds_alternative<scan::Unreadable>(meaning))
        return std::nullopt;
    if (m_state.step == ProduceStep::Done) return refuse("This run is finished: tap Next run");
    if (m_state.step != ProduceStep::Gathering)
        return refuse("Pick the recipe and the planned quantity first, then scan the containers");
    if (m_state.approval) return refuse("Finish the supervisor's approval first, or cancel it");
    if (m_state.procedure && !m_state.batch) return refuse("Start the run first, then scan the containers");
    auto scannedLot = lotOfScan(m_ledger, meaning, recipeSkus());
    if (!scannedLot) return refuse("Not a container here: " + scannedLot.error().message);
    if (m_state.batch) return batchContainer(std::move(*scannedLot));
    return container(std::move(*scannedLot));
}

std::map<std::string, std::string> ProduceFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.step == ProduceStep::Done) return values;
    if (!m_state.run) { // once started, the run itself is in the ledger and can be resumed
        if (m_state.product) values["produce.recipe"] = m_state.product->name;
        if (m_state.planned && m_state.product)
            values["produce.planned"] = amount(*m_state.planned, *m_state.product);
    }
    if (m_state.container) values["produce.container"] = m_state.container->lot.code;
    return values;
}

FlowOutcome ProduceFlow::pickRecipe(const std::string& sku) {
    if (m_state.run) return refuse("Run " + *m_state.run + " is started: finish it first");
    auto product = m_ledger.item(sku);
    if (!product) return refuse(product.error().message);
    auto recipe = m_ledger.recipe(sku);
    if (!recipe) return refuse(product->name + " has no recipe");
    if (m_state.planned && m_state.product && m_state.product->uom != product->uom) m_state.planned.reset();
    m_state.product = std::move(*product);
    m_state.recipe = std::move(*recipe);
    auto procedure = storage::procedureOf(m_ledger, sku); // none: today's flow
    m_state.procedure = procedure ? std::optional(std::move(*procedure)) : std::nullopt;
    m_state.container.reset();
    m_state.output.reset();
    m_state.outputScale.reset();
    if (m_state.planned) planLines();
    return good(FlowOutcome::quiet());
}

FlowOutcome ProduceFlow::setPlanned(const Quantity& quantity) {
    if (m_state.run) return refuse("Run " + *m_state.run + " is started: the plan is recorded");
    if (!m_state.product) return refuse("Pick the recipe first");
    auto planned = amountFor(quantity, *m_state.product);
    if (!planned) return refuse(planned.error().message);
    m_state.planned = *planned;
    m_state.container.reset();
    planLines();
    return good(FlowOutcome::quiet());
}

FlowOutcome ProduceFlow::resume(const std::string& code) {
    if (m_state.run) return refuse("Run " + *m_state.run + " is already on screen");
    auto run = m_ledger.run(code);
    if (!run) return refuse(run.error().message);
    if (run->status != storage::RunStatus::Open) return refuse("run " + code + " is finished");
    if (auto followsRecord = storage::hasBatchRecord(m_ledger, code); followsRecord && *followsRecord)
        return resumeBatch(code);
    auto product = m_ledger.item(run->sku);
    auto recipe = m_ledger.recipe(run->sku);
    auto inputs = storage::runInputs(m_ledger, code);
    if (!product || !recipe || !inputs)
        return refuse(!product  ? product.error().message
                      : !recipe ? recipe.error().message
                                : inputs.error().message);
    reset();
    m_state.product = std::move(*product);
    m_state.recipe = std::move(*recipe);
    m_state.planned = run->planned;
    m_state.run = code;
    for (auto& movement : *inputs) {
        ConsumedInput input{std::move(movement), {}, {}, storage::Uom::Gram};
        if (auto lot = m_ledger.lot(input.movement.lot))
            if (auto item = m_ledger.item(lot->sku)) {
                input.sku = item->sku;
                input.itemName = item->name;
                input.uom = item->uom;
            }
        m_state.consumed.push_back(std::move(input));
    }
    planLines();
    return good(FlowOutcome::accepted("Run " + code + " resumed"));
}

void ProduceFlow::planLines() {
    m_state.lines.clear();
    for (const auto& component : m_state.recipe->components) {
        auto item = m_ledger.item(component.sku);
        if (!item) continue; // a recipe names only existing items (the ledger checks)
        ProduceLine line{std::move(*item), scaledNeed(*m_state.recipe, component.quantity, *m_state.planned),
                         0, std::nullopt};
        for (const auto& input : m_state.consumed)
            if (input.sku == line.item.sku) line.consumed += input.movement.quantity;
        m_state.lines.push_back(std::move(line));
    }
    m_state.step = ProduceStep::Gathering;
    refreshFefo();
}

void ProduceFlow::refreshFefo() {
    const auto today = ledgerToday(m_ledger);
    for (auto& line : m_state.lines) {
        auto lots = storage::fefo(m_ledger, line.item.sku, today);
        line.takeFirst.reset();
        if (lots && !lots->empty()) line.takeFirst = lots->front();
    }
}

std::vector<std::string> ProduceFlow::recipeSkus() const {
    std::vector<std::string> skus;
    if (m_state.recipe)
        for (const auto& component : m_state.recipe->components)
            skus.push_back(component.sku);
    return skus;
}

ProduceLine* ProduceFlow::lineOf(const std::string& sku) {
    for (auto& line : m_state.lines)
        if (line.item.sku == sku) return &line;
    return nullptr;
}

std::vector<UsageProblem> ProduceFlow::problemsOf(const storage::Lot& lot, const storage::Item& item) const {
    // The ledger's usage check, the same one consume() applies: status, expiry, recipe and FEFO.
    auto usage = storage::checkUsage(m_ledger, {.lot = lot.code, .into = m_state.product->sku});
    if (!usage) return {{"ledger", usage.error().message}};
    return sayUsage(*usage, item.name, m_state.product->name);
}

FlowOutcome ProduceFlow::container(ScannedLot scanned) {
    const auto place = mainPlace(m_ledger, scanned.lot.code);
    if (!place) return refuse("nothing of lot " + scanned.lot.code + " is on hand");
    ContainerDraft draft;
    draft.problems = problemsOf(scanned.lot, scanned.item);
    draft.location = place->location;
    draft.onHand = place->quantity;
    draft.quantity = place->quantity;
    if (const ProduceLine* line = lineOf(scanned.item.sku)) {
        const std::int64_t left = line->needed - line->consumed;
        if (left > 0) draft.quantity = std::min(left, place->quantity);
    }
    draft.lot = std::move(scanned.lot);
    draft.item = std::move(scanned.item);
    m_state.approval.reset();
    m_state.container = std::move(draft);
    const auto& c = *m_state.container;
    if (c.blocked()) return refuse(joinMessages(c.problems) + ": a supervisor may approve it");
    return good(FlowOutcome::accepted(c.item.name + ": take " + amount(c.quantity, c.item) + " of lot " +
                                      c.lot.code));
}

FlowOutcome ProduceFlow::setQuantity(const Quantity& quantity) {
    if (!m_state.container) return refuse("Scan the container first");
    auto& c = *m_state.container;
    auto wanted = amountFor(quantity, c.item);
    if (!wanted) return refuse(wanted.error().message);
    if (*wanted > c.onHand)
        return refuse("only " + amount(c.onHand, c.item) + " of lot " + c.lot.code + " is at " + c.location);
    c.quantity = *wanted;
    c.scale = quantity.scale;
    return good(FlowOutcome::quiet());
}

FlowOutcome ProduceFlow::use(const std::string& user) {
    if (!m_state.container) return refuse("Scan the container first");
    auto& c = *m_state.container;
    if (c.blocked()) return refuse(joinMessages(c.problems) + ": it needs a supervisor's approval");
    std::optional<std::string> started;
    storage::Movement recorded;
    // The run and its first consumption commit together: a run is never recorded without an input.
    auto written = m_ledger.atomically([&]() -> storage::Result<void> {
        std::string run = m_state.run.value_or("");
        if (!m_state.run) {
            auto created =
                m_ledger.startRun({.sku = m_state.product->sku, .planned = *m_state.planned, .user = user});
            if (!created) return std::unexpected(created.error());
            run = created->code;
            started = run;
        }
        auto consumed = m_ledger.consume({.run = run,
                                          .lot = c.lot.code,
                                          .quantity = c.quantity,
                                          .location = c.location,
                                          .override = c.approval,
                                          .scale = c.scale,
                                          .user = user});
        if (!consumed) return std::unexpected(consumed.error());
        recorded = std::move(*consumed);
        return {};
    });
    if (!written) {
        // The ledger has the last word: when its usage check says no since the scan (a lot held meanwhile),
        // the blockers are checked again and the supervisor's approval is offered. The container stays either
        // way: fix and try again.
        const auto& error = written.error();
        if (error.kind == ErrorKind::NeedsOverride && !c.approval) {
            c.problems = problemsOf(c.lot, c.item);
            if (c.problems.empty()) c.problems.push_back({"ledger", error.message});
        }
        return refuse(error.message);
    }
    if (started) m_state.run = started;
    if (ProduceLine* line = lineOf(c.item.sku)) line->consumed += recorded.quantity;
    const std::string message = "Used " + amount(recorded.quantity, c.item) + " of lot " + c.lot.code +
                                (started ? " · run " + *started + " started" : "");
    m_state.consumed.push_back(ConsumedInput{std::move(recorded), c.item.sku, c.item.name, c.item.uom});
    m_state.container.reset();
    m_state.approval.reset();
    refreshFefo();
    return good(FlowOutcome::accepted(message));
}

FlowOutcome ProduceFlow::badge(const std::string& code) {
    auto name = supervisorOfBadge(m_ledger, code);
    if (!name) {
        m_state.approval->problem = name.error().message;
        return FlowOutcome::refused(name.error().message);
    }
    m_state.approval->supervisor = *name;
    m_state.approval->pin.clear();
    m_state.approval->problem.reset();
    return FlowOutcome::accepted(*name + ": type your PIN");
}

FlowOutcome ProduceFlow::submitApproval() {
    if (!m_state.approval || !m_state.container) return refuse("No approval is open");
    auto approved = approve(m_ledger, *m_state.approval);
    m_state.approval->pin.clear(); // never kept past a try
    if (!approved) {
        m_state.approval->problem = approved.error().message;
        return FlowOutcome::refused(approved.error().message);
    }
    m_state.container->approval = *approved;
    m_state.approval.reset();
    return good(FlowOutcome::accepted("Approved by " + approved->supervisor + ": " + approved->reason));
}

FlowOutcome ProduceFlow::finish(const std::string& user) {
    if (m_state.step != ProduceStep::Gathering)
        return refuse("Pick the recipe and the planned quantity first");
    if (!m_state.run) return refuse("Nothing used yet: scan the first container");
    if (m_state.container)
        return refuse("Lot " + m_state.container->lot.code +
                      " is scanned but not used: use it or put it back");
    auto finished = m_ledger.finishRun(
        {.run = *m_state.run,
         .output = m_state.output.value_or(*m_state.planned),
         // A weighed output names its scale; the planned quantity taken as it is was not weighed.
         .scale = m_state.output ? m_state.outputScale : std::nullopt,
         .user = user});
    if (!finished) return refuse(finished.error().message);
    m_state.finished = std::move(*finished);
    if (auto lot = m_ledger.lot(m_state.finished->lotCode)) m_state.outputExpiry = lot->expiry;
    m_state.step = ProduceStep::Done;
    m_state.problem.reset();
    FlowOutcome outcome = FlowOutcome::accepted("Finished: lot " + m_state.finished->lotCode);
    outcome.labelsToPrint.push_back(m_state.finished->lotCode);
    return outcome;
}

FlowOutcome ProduceFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

FlowOutcome ProduceFlow::good(FlowOutcome outcome) {
    m_state.problem.reset();
    return outcome;
}

} // namespace lotstation::station
