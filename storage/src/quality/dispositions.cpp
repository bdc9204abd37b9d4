// QC dispositions: release, reject, partial acceptance (a split into a rejected lot, traced like a run), the
// return of a rejected lot to its supplier, and the list of lots waiting for QC.
#include "quality_rows.hpp"
#include "signature_writer.hpp"

#include "../movement_writer.hpp"
#include "../stock_rules.hpp"
#include "../validation.hpp"

#include <algorithm>

namespace lotstation::storage {
namespace {

std::int64_t totalOnHand(LedgerCore& core, std::int64_t lotId) {
    std::int64_t total = 0;
    for (const auto& stock : stockOf(core, lotId))
        total += stock.quantity;
    return total;
}

Result<LotRow> quarantinedLot(LedgerCore& core, std::string_view code) {
    auto lot = requireLot(core, code);
    if (!lot) return lot;
    if (lot->lot.status != LotStatus::Quarantine)
        return fail(ErrorKind::Refused, "lot " + lot->lot.code + " is " + toString(lot->lot.status) +
                                            ", not in quarantine: there is no QC decision to make");
    return lot;
}

std::vector<std::string> problemsOf(LedgerCore& core, const LotRow& lot) {
    std::vector<std::string> problems;
    auto item = findItemById(core, lot.itemId);
    if (!item) return problems;
    const auto spec = specOf(core, *item);
    const auto inspections = inspectionsOfLot(core, lot.id);
    for (const auto& test : spec.tests) {
        std::optional<TestResult> latest;
        for (const auto& inspection : inspections)
            for (const auto& result : inspection.results)
                if (result.test == test.name) latest = result;
        if (!latest)
            problems.push_back("test " + test.name + " has no result");
        else if (!latest->passed)
            problems.push_back("test " + test.name + " failed (" + latest->value + "; " + describeLimits(test) + ")");
    }
    return problems;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : "; ") + part;
    return out;
}

Movement statusMovement(MovementKind kind, const std::string& user, const std::string& lot, LotStatus status,
                        std::string reason) {
    Movement draft;
    draft.kind = kind;
    draft.user = user;
    draft.lot = lot;
    draft.quantity = 0;
    draft.lotStatus = status;
    draft.reason = std::move(reason);
    return draft;
}

Signature signMovement(LedgerCore& core, const User& signer, SignatureMeaning meaning, const Movement& movement,
                       std::optional<std::string> reason = {}) {
    return appendSignature(core, signer,
                           SignRequest{.meaning = meaning,
                                       .recordKind = "movement",
                                       .recordId = movement.id,
                                       .subject = movement.lot,
                                       .signedText = canonicalMovementText(movement),
                                       .statement = statementFor(meaning, movement.lot),
                                       .reason = std::move(reason)});
}

std::string freeLotCode(LedgerCore& core, const std::string& base) {
    for (int n = 1;; ++n) {
        auto code = base + "-R" + (n == 1 ? std::string() : std::to_string(n));
        if (!findLot(core, code)) return code;
    }
}

// Moves `quantity` of the lot into a new lot through a split "run" (consume + produce with one run code), so
// the rejected part is traced back to the lot and its supplier like any run's output.
std::vector<Movement> splitOff(LedgerCore& core, const LotRow& lot, std::int64_t quantity, const std::string& code,
                               const std::string& user, const std::string& reason) {
    const auto splitRun = "QC-" + lot.lot.code;
    const auto stocks = stockOf(core, lot.id);
    core.db
        .cached("INSERT INTO lots (code, item_id, run_code, origin_date, expiry, best_before, status, unit_cost, "
                "created_by) SELECT ?1, item_id, ?2, origin_date, expiry, best_before, 'quarantine', unit_cost, ?3 "
                "FROM lots WHERE id = ?4")
        .bindAll(code, splitRun, core.identity.stationId, lot.id)
        .run();
    std::vector<Movement> written;
    std::int64_t left = quantity;
    for (const auto& stock : stocks) {
        if (left == 0) break;
        const auto take = std::min(left, stock.quantity);
        if (take <= 0) continue;
        Movement draft;
        draft.kind = MovementKind::Consume;
        draft.user = user;
        draft.lot = lot.lot.code;
        draft.quantity = take;
        draft.from = stock.location.location.code;
        draft.run = splitRun;
        draft.unitCost = lot.lot.unitCost;
        draft.reason = reason;
        written.push_back(appendLocalMovement(core, std::move(draft)));
        left -= take;
    }
    Movement produce;
    produce.kind = MovementKind::Produce;
    produce.user = user;
    produce.lot = code;
    produce.quantity = quantity;
    produce.to = stocks.front().location.location.code;
    produce.run = splitRun;
    produce.unitCost = lot.lot.unitCost;
    produce.reason = reason;
    written.push_back(appendLocalMovement(core, std::move(produce)));
    return written;
}

} // namespace

void quarantineOnArrival(LedgerCore& core, const std::string& lot, const std::string& user, std::string_view why) {
    auto row = findLot(core, lot);
    if (!row || row->lot.status == LotStatus::Quarantine || row->lot.status == LotStatus::Rejected) return;
    (void)appendLocalMovement(core,
                              statusMovement(MovementKind::Hold, user, row->lot.code, LotStatus::Quarantine, std::string(why)));
}

Result<std::vector<std::string>> releaseProblems(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<std::string>> {
        auto row = requireLot(core, lot);
        if (!row) return std::unexpected(row.error());
        return problemsOf(core, *row);
    });
}

Result<Disposition> qcRelease(Ledger& ledger, const ReleaseRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Disposition> {
        auto lot = quarantinedLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        std::optional<std::string> deviation;
        if (request.deviation) {
            auto reason = validReason(*request.deviation, "a deviation");
            if (!reason) return std::unexpected(reason.error());
            deviation = *reason;
        }
        const auto problems = problemsOf(core, *lot);
        if (!problems.empty() && !deviation)
            return fail(ErrorKind::Refused, "lot " + lot->lot.code + " cannot be released: " + joined(problems) +
                                                ". Re-test, or release with a signed deviation and its reason");
        auto signer = authenticateSigner(ledger, request.signer, request.pin, SignatureMeaning::Released);
        if (!signer) return std::unexpected(signer.error());

        Disposition out;
        sql::Transaction transaction(core.db);
        const auto status = totalOnHand(core, lot->id) > 0 ? LotStatus::Available : LotStatus::Depleted;
        auto movement = appendLocalMovement(
            core, statusMovement(MovementKind::Release, signer->name, lot->lot.code, status,
                                 deviation ? "QC release with deviation: " + *deviation : std::string("QC release")));
        out.signatures.push_back(signMovement(core, *signer, SignatureMeaning::Released, movement));
        if (deviation)
            out.signatures.push_back(
                signMovement(core, *signer, SignatureMeaning::ApprovedDeviation, movement, deviation));
        out.movements.push_back(std::move(movement));
        transaction.commit();
        return out;
    });
}

Result<Disposition> qcReject(Ledger& ledger, const RejectRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Disposition> {
        auto lot = quarantinedLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        auto reason = validReason(request.reason, "a rejection");
        if (!reason) return std::unexpected(reason.error());
        const auto onHand = totalOnHand(core, lot->id);
        std::optional<std::string> deviation;
        if (request.accept) {
            if (*request.accept <= 0 || *request.accept >= onHand)
                return fail(ErrorKind::Invalid,
                            "a partial acceptance accepts more than nothing and less than the " +
                                formatQuantity(onHand, lot->uom) + " of lot " + lot->lot.code + " on hand");
            // The accepted part is released: the release rule is the same one qcRelease applies.
            if (request.deviation) {
                auto why = validReason(*request.deviation, "a deviation");
                if (!why) return std::unexpected(why.error());
                deviation = *why;
            }
            const auto problems = problemsOf(core, *lot);
            if (!problems.empty() && !deviation)
                return fail(ErrorKind::Refused,
                            "lot " + lot->lot.code + " cannot be partly accepted: " + joined(problems) +
                                ". Re-test, or accept part with a signed deviation and its reason");
        } else if (request.deviation) {
            return fail(ErrorKind::Invalid, "a deviation belongs to a release or a partial acceptance, not to a "
                                            "rejection of the whole lot");
        }
        auto signer = authenticateSigner(ledger, request.signer, request.pin, SignatureMeaning::Rejected);
        if (!signer) return std::unexpected(signer.error());

        Disposition out;
        sql::Transaction transaction(core.db);
        if (!request.accept) {
            auto movement = appendLocalMovement(
                core, statusMovement(MovementKind::Hold, signer->name, lot->lot.code, LotStatus::Rejected, *reason));
            out.signatures.push_back(signMovement(core, *signer, SignatureMeaning::Rejected, movement, *reason));
            out.movements.push_back(std::move(movement));
            transaction.commit();
            return out;
        }
        const auto rejected = onHand - *request.accept;
        const auto code = freeLotCode(core, lot->lot.code);
        const auto why = "QC partial acceptance: " + formatQuantity(*request.accept, lot->uom) + " accepted, " +
                         formatQuantity(rejected, lot->uom) + " rejected into lot " + code + ": " + *reason;
        out.movements = splitOff(core, *lot, rejected, code, signer->name, why);
        auto reject = appendLocalMovement(
            core, statusMovement(MovementKind::Hold, signer->name, code, LotStatus::Rejected, *reason));
        out.signatures.push_back(signMovement(core, *signer, SignatureMeaning::Rejected, reject, *reason));
        out.movements.push_back(std::move(reject));
        auto release = appendLocalMovement(
            core, statusMovement(MovementKind::Release, signer->name, lot->lot.code, LotStatus::Available,
                                 deviation ? why + "; with deviation: " + *deviation : why));
        out.signatures.push_back(signMovement(core, *signer, SignatureMeaning::Released, release));
        if (deviation)
            out.signatures.push_back(
                signMovement(core, *signer, SignatureMeaning::ApprovedDeviation, release, deviation));
        out.movements.push_back(std::move(release));
        out.rejectedLot = code;
        transaction.commit();
        return out;
    });
}

Result<Movement> returnToSupplier(Ledger& ledger, const ReturnRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        if (lot->lot.status != LotStatus::Rejected)
            return fail(ErrorKind::Refused, "lot " + lot->lot.code + " is " + toString(lot->lot.status) +
                                                ", not rejected: only a rejected lot goes back to its supplier");
        auto reason = validReason(request.reason, "a return to the supplier");
        if (!reason) return std::unexpected(reason.error());
        // A split-off rejected part has no supplier of its own: it goes back to its parent lot's.
        std::optional<std::string> supplier = lot->lot.supplier;
        if (!supplier && lot->lot.run && lot->lot.run->starts_with("QC-"))
            if (auto parent = findLot(core, lot->lot.run->substr(3))) supplier = parent->lot.supplier;
        if (!supplier)
            return fail(ErrorKind::Refused, "lot " + lot->lot.code + " was not received from a supplier");
        auto from = sourceLocation(core, *lot, request.location);
        if (!from) return std::unexpected(from.error());
        const auto quantity = request.quantity > 0 ? request.quantity : onHandAt(core, lot->id, from->id);
        if (auto onHand = requireOnHand(core, *lot, *from, quantity); !onHand) return std::unexpected(onHand.error());
        Movement draft;
        draft.kind = MovementKind::Ship;
        draft.user = user->name;
        draft.lot = lot->lot.code;
        draft.quantity = quantity;
        draft.from = from->location.code;
        draft.party = *supplier;
        draft.reference = "return to supplier";
        draft.reason = *reason;
        draft.unitCost = lot->lot.unitCost;
        sql::Transaction transaction(core.db);
        auto movement = appendLocalMovement(core, std::move(draft));
        transaction.commit();
        return movement;
    });
}

std::vector<PendingLot> qcPending(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    auto s = core.db.cached(
        "SELECT l.code, i.sku, i.name, i.uom, "
        " (SELECT max(m.at) FROM movements m WHERE m.lot_id = l.id AND m.kind = 'hold' AND m.lot_status = "
        "'quarantine') AS since, "
        " (SELECT coalesce(sum(b.quantity), 0) FROM balances b WHERE b.lot_id = l.id), "
        " (SELECT count(*) FROM inspections n WHERE n.lot_id = l.id), "
        " (SELECT n.passed FROM inspections n WHERE n.lot_id = l.id ORDER BY n.pos DESC LIMIT 1) "
        "FROM lots l JOIN items i ON i.id = l.item_id WHERE l.status = 'quarantine' ORDER BY since, l.code");
    std::vector<PendingLot> out;
    while (s.step()) {
        PendingLot p;
        p.lot = s.text(0);
        p.sku = s.text(1);
        p.itemName = s.text(2);
        p.uom = parseUom(s.text(3)).value_or(Uom::Gram);
        p.since = parseTimestamp(s.text(4)).value_or(Timestamp{});
        p.onHand = s.int64(5);
        p.inspections = static_cast<int>(s.int64(6));
        p.lastInspectionPassed = s.optInt64(7).value_or(0) != 0;
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace lotstation::storage
