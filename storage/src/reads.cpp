// Point reads of lots, movements, balances and the outbox. Richer queries (history, traces, recall, FEFO,
// costs) live in src/queries/.
#include "lotstation/formats/gtin.hpp"
#include "ledger_core.hpp"
#include "rows.hpp"

namespace lotstation::storage {

Result<Lot> Ledger::lot(std::string_view code) const {
    return guarded([&]() -> Result<Lot> {
        auto row = requireLot(m_impl->core, code);
        if (!row) return std::unexpected(row.error());
        return row->lot;
    });
}

Result<std::vector<Lot>> Ledger::lotsBySupplierLot(std::string_view supplierLot,
                                                   std::optional<std::string_view> supplier) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<std::vector<Lot>> {
        std::vector<std::string> codes;
        {
            auto s =
                core.db.cached("SELECT l.code FROM lots l JOIN suppliers s ON s.id = l.supplier_id "
                               "WHERE l.supplier_lot = ?1 AND (?2 IS NULL OR s.code = ?2) ORDER BY l.code");
            s.bindAll(supplierLot, supplier ? std::optional<std::string>(*supplier) : std::nullopt);
            while (s.step())
                codes.push_back(s.text(0));
        }
        std::vector<Lot> out;
        for (const auto& code : codes)
            out.push_back(findLot(core, code)->lot);
        return out;
    });
}

Result<Lot> Ledger::lotByGtin(std::string_view gtin, std::string_view lotText) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<Lot> {
        auto normal = formats::normaliseGtin(gtin);
        if (!normal) return std::unexpected(normal.error());
        auto sku = findItemGtin(core, *normal);
        if (!sku) return fail(ErrorKind::NotFound, "no item has GTIN " + *normal);
        if (auto own = findLot(core, lotText); own && own->lot.sku == *sku) return own->lot;
        std::optional<std::string> code;
        {
            auto s = core.db.cached("SELECT l.code FROM lots l JOIN items i ON i.id = l.item_id "
                                    "WHERE i.sku = ?1 AND l.supplier_lot = ?2 ORDER BY l.id");
            s.bindAll(*sku, lotText);
            if (s.step()) code = s.text(0);
        }
        if (!code) return fail(ErrorKind::NotFound, "no lot " + std::string(lotText) + " of " + *sku);
        return findLot(core, *code)->lot;
    });
}

Result<Movement> Ledger::movement(std::string_view id) const {
    return guarded([&]() -> Result<Movement> {
        if (auto found = findMovement(m_impl->core, id)) return *found;
        return fail(ErrorKind::NotFound, "no movement " + std::string(id));
    });
}

Result<std::int64_t> Ledger::movementCount() const {
    return guarded([&]() -> Result<std::int64_t> {
        auto s = m_impl->core.db.cached("SELECT count(*) FROM movements");
        s.step();
        return s.int64(0);
    });
}

Result<std::vector<Balance>> Ledger::balances(std::string_view lotCode) const {
    return guarded([&]() -> Result<std::vector<Balance>> {
        auto s = m_impl->core.db.cached(
            "SELECT lot.code, l.code, b.quantity FROM balances b "
            "JOIN lots lot ON lot.id = b.lot_id JOIN locations l ON l.id = b.location_id "
            "WHERE lot.code = ?1 AND b.quantity <> 0 ORDER BY l.code");
        s.bindAll(lotCode);
        std::vector<Balance> out;
        while (s.step())
            out.push_back(Balance{s.text(0), s.text(1), s.int64(2)});
        return out;
    });
}

Result<std::int64_t> Ledger::onHand(std::string_view lotCode, std::string_view location) const {
    return guarded([&]() -> Result<std::int64_t> {
        auto s = m_impl->core.db.cached(
            "SELECT b.quantity FROM balances b JOIN lots lot ON lot.id = b.lot_id "
            "JOIN locations l ON l.id = b.location_id WHERE lot.code = ?1 AND l.code = ?2");
        s.bindAll(lotCode, location);
        return s.step() ? s.int64(0) : 0;
    });
}

Result<std::int64_t> Ledger::onHand(std::string_view lotCode) const {
    return guarded([&]() -> Result<std::int64_t> {
        auto s =
            m_impl->core.db.cached("SELECT coalesce(sum(b.quantity), 0) FROM balances b JOIN lots lot ON "
                                   "lot.id = b.lot_id WHERE lot.code = ?1");
        s.bindAll(lotCode);
        s.step();
        return s.int64(0);
    });
}

Result<std::vector<OutboxEntry>> Ledger::outbox(std::int64_t afterSeq, std::size_t limit) const {
    return guarded([&]() -> Result<std::vector<OutboxEntry>> {
        auto s = m_impl->core.db.cached(
            std::string(kMovementSelect) +
            "JOIN outbox o ON o.movement_id = m.id WHERE o.seq > ?1 ORDER BY o.seq LIMIT ?2");
        s.bindAll(afterSeq, static_cast<std::int64_t>(limit));
        std::vector<OutboxEntry> out;
        while (s.step()) {
            auto movement = readMovement(s.statement());
            const auto seq = movement.seq;
            out.push_back(OutboxEntry{seq, std::move(movement)});
        }
        return out;
    });
}

Result<std::vector<ArrivedMovement>> Ledger::movementsSince(std::int64_t afterPosition,
                                                            std::size_t limit) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<std::vector<ArrivedMovement>> {
        std::vector<std::int64_t> positions;
        {
            auto s = core.db.cached("SELECT pos FROM movements WHERE pos > ?1 ORDER BY pos LIMIT ?2");
            s.bindAll(afterPosition, static_cast<std::int64_t>(limit));
            while (s.step())
                positions.push_back(s.int64(0));
        }
        std::vector<ArrivedMovement> out;
        if (positions.empty()) return out;
        out.reserve(positions.size());
        // Bounded by the last position read: rows arriving meanwhile only come after it.
        auto s =
            core.db.cached(std::string(kMovementSelect) + "WHERE m.pos > ?1 AND m.pos <= ?2 ORDER BY m.pos");
        s.bindAll(afterPosition, positions.back());
        for (std::size_t i = 0; i < positions.size() && s.step(); ++i)
            out.push_back(ArrivedMovement{positions[i], readMovement(s.statement())});
        return out;
    });
}

} // namespace lotstation::storage
