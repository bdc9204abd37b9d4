// Receiving a supplier's lot. The supplier's lot code is unique per supplier and item: receiving it again
// adds to the same lot (and its movement), it never forks a second lot. The lot's unit cost is then the
// quantity-weighted mean of the costs of its receipts, rounded half-to-even.
#include "quality/quality_rows.hpp"
#include "codes/codes.hpp"
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "rows.hpp"
#include "validation.hpp"
#include "wide_math.hpp"

namespace lotstation::storage {
namespace {

// The lot this supplier lot already is: this station's own when there is one, else the oldest another station
// made (two stations offline may both have created one).
std::optional<std::int64_t> existingSupplierLot(LedgerCore& core, std::int64_t supplierId,
                                                std::int64_t itemId, const std::string& supplierLot,
                                                std::string& code) {
    auto s = core.db.cached(
        "SELECT id, code FROM lots WHERE supplier_id = ?1 AND item_id = ?2 AND supplier_lot = ?3 "
        "ORDER BY created_by = ?4 DESC, id LIMIT 1");
    s.bindAll(supplierId, itemId, supplierLot, core.identity.stationId);
    if (!s.step()) return std::nullopt;
    code = s.text(1);
    return s.int64(0);
}

// Weighted mean over every costed receipt of the lot, this one included.
std::optional<Micros> meanReceiptCost(LedgerCore& core, std::int64_t lotId, std::int64_t quantity,
                                      Micros cost) {
    Wide value = static_cast<Wide>(quantity) * cost;
    Wide total = quantity;
    auto s =
        core.db.cached("SELECT quantity, unit_cost FROM movements WHERE lot_id = ?1 AND kind = 'receive' "
                       "AND unit_cost IS NOT NULL AND id NOT IN "
                       "(SELECT reverses FROM movements WHERE reverses IS NOT NULL AND lot_id = ?1)");
    s.bindAll(lotId);
    while (s.step()) {
        value += static_cast<Wide>(s.int64(0)) * s.int64(1);
        total += s.int64(0);
    }
    return narrow(divideHalfEven(value, total));
}

bool sameDate(const std::optional<Date>& a, const std::optional<Date>& b) {
    return !a || !b || *a == *b;
}

} // namespace

Result<ReceiveResult> Ledger::receive(const ReceiveRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<ReceiveResult> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto item = requireItem(core, request.sku);
        if (!item) return std::unexpected(item.error());
        auto supplier = findSupplier(core, request.supplier);
        if (!supplier) return fail(ErrorKind::NotFound, "no supplier " + request.supplier);
        auto supplierLot = validCode(request.supplierLot, "supplier lot code");
        if (!supplierLot) return std::unexpected(supplierLot.error());
        if (auto quantity = positive(request.quantity, "the quantity received"); !quantity)
            return std::unexpected(quantity.error());
        if (request.unitCost && *request.unitCost < 0)
            return fail(ErrorKind::Invalid, "a unit cost cannot be negative");
        const auto locationCode = request.location ? request.location : item->item.defaultLocation;
        if (!locationCode) {
            return fail(ErrorKind::Invalid,
                        "where does it go? give a location or set a default location for " + item->item.sku);
        }
        auto location = requireLocation(core, *locationCode);
        if (!location) return std::unexpected(location.error());
        const auto today = dateOf(core.clock());

        std::string lotCode;
        const auto existing = existingSupplierLot(core, supplier->id, item->id, *supplierLot, lotCode);
        if (existing) {
            if (request.lotCode && *request.lotCode != lotCode) {
                return fail(ErrorKind::Conflict, "supplier lot " + *supplierLot + " of " +
                                                     supplier->party.code + " for " + item->item.sku +
                                                     " is already our lot " + lotCode);
            }
            const auto lot = *findLot(core, lotCode);
            if (!sameDate(lot.lot.expiry, request.expiry) ||
                !sameDate(lot.lot.bestBefore, request.bestBefore)) {
                return fail(ErrorKind::Refused, "supplier lot " + *supplierLot +
                                                    " was received before with other "
                                                    "dates (lot " +
                                                    lotCode + "); check the label");
            }
        } else if (request.lotCode) {
            auto code = validCode(*request.lotCode, "lot code");
            if (!code) return std::unexpected(code.error());
            if (findLot(core, *code))
                return fail(ErrorKind::Conflict, "lot code " + *code + " already exists");
            lotCode = *code;
        }

        std::int64_t lotId = 0;
        if (existing) {
            lotId = *existing;
            if (request.unitCost) {
                const auto mean = meanReceiptCost(core, lotId, request.quantity, *request.unitCost);
                if (!mean) return fail(ErrorKind::Invalid, "the unit cost is too large");
                core.db.cached("UPDATE lots SET unit_cost = ?2 WHERE id = ?1").bindAll(lotId, *mean).run();
            }
            // Dates printed on a later case fill in what the first one lacked.
            core.db
                .cached(
                    "UPDATE lots SET expiry = coalesce(expiry, ?2), best_before = coalesce(best_before, ?3) "
                    "WHERE id = ?1")
                .bindAll(lotId, request.expiry ? std::optional(formatDate(*request.expiry)) : std::nullopt,
                         request.bestBefore ? std::optional(formatDate(*request.bestBefore)) : std::nullopt)
                .run();
        } else {
            if (lotCode.empty()) lotCode = nextLotCode(core, item->item.sku, today);
            core.db
                .cached(
                    "INSERT INTO lots (code, item_id, supplier_id, supplier_lot, origin_date, expiry, "
                    "best_before, "
                    "status, unit_cost, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'available', ?8, ?9)")
                .bindAll(lotCode, item->id, supplier->id, *supplierLot, formatDate(today),
                         request.expiry ? std::optional(formatDate(*request.expiry)) : std::nullopt,
                         request.bestBefore ? std::optional(formatDate(*request.bestBefore)) : std::nullopt,
                         request.unitCost, core.identity.stationId)
                .run();
        }
        Movement draft;
        draft.kind = MovementKind::Receive;
        draft.user = user->name;
        draft.lot = lotCode;
        draft.quantity = request.quantity;
        draft.to = location->location.code;
        draft.party = supplier->party.code;
        draft.reference = request.reference;
        draft.unitCost = request.unitCost;
        auto movement = appendLocalMovement(core, std::move(draft));
        if (qcOnReceipt(policyOf(core, item->id)))
            quarantineOnArrival(core, lotCode, user->name, "QC on receipt: awaiting inspection");
        return ReceiveResult{lotCode, existing.has_value(), std::move(movement)};
    });
}

} // namespace lotstation::storage
