// Orders from one ledger to another. A newer order here is appended to, never changed: a line that differs
// becomes a new line record, a line no longer on the order a record of quantity 0, a cancellation its own
// record. An order here for another customer under the same reference is refused (and with it the batch, as
// for any bad master record). A cancellation stands: a stale copy without it does not undo it.
#include "../rows.hpp"
#include "order_master.hpp"
#include "lotstation/storage/time.hpp"
#include "order_rows.hpp"

#include <map>

namespace lotstation::storage {
namespace {

std::int64_t storedRevision(std::int64_t revision) {
    return revision > 0 ? revision : -1;
}

Result<void> applyOne(LedgerCore& core, const SalesOrder& incoming, std::int64_t revision,
                      const std::optional<OrderRow>& here) {
    auto customer = findCustomer(core, incoming.customer);
    if (!customer) return fail(ErrorKind::NotFound, "no customer " + incoming.customer);
    std::map<std::string, OrderLine> lines; // by the SKU as the item here spells it
    for (const auto& line : incoming.lines) {
        auto item = requireItem(core, line.sku);
        if (!item) return std::unexpected(item.error());
        if (line.quantity < 0 || line.unitPrice < 0)
            return fail(ErrorKind::Invalid, "a line of " + item->item.sku + " below zero");
        lines[item->item.sku] = {item->item.sku, line.quantity, line.unitPrice};
    }
    const auto by = incoming.createdBy.empty() ? std::string("central") : incoming.createdBy;
    std::int64_t id = 0;
    if (!here) {
        auto order = incoming;
        order.customer = customer->party.code;
        if (order.createdAt.empty()) order.createdAt = formatTimestamp(core.clock());
        order.createdBy = by;
        id = insertOrder(core, order, revision);
    } else {
        if (here->order.customer != customer->party.code)
            return fail(ErrorKind::Conflict, "order " + here->order.reference + " is " + here->order.customer +
                                                 "'s here, not " + customer->party.code + "'s");
        id = here->id;
        for (const auto& line : here->order.lines)
            if (!lines.contains(line.sku)) insertOrderLine(core, id, {line.sku, 0, line.unitPrice}, by, revision);
    }
    for (const auto& [sku, line] : lines) {
        auto current = here ? lineInForce(core, id, sku) : std::nullopt;
        if (!current || current->quantity != line.quantity || current->unitPrice != line.unitPrice)
            insertOrderLine(core, id, line, by, revision);
    }
    if (incoming.cancelledReason && !(here && here->order.cancelledReason))
        insertCancellation(core, id, *incoming.cancelledReason, by, revision);
    return {};
}

} // namespace

void readOrderMaster(LedgerCore& core, MasterData& out) {
    std::vector<std::string> references;
    {
        auto s = core.db.cached("SELECT reference FROM sales_orders ORDER BY reference");
        while (s.step())
            references.push_back(s.text(0));
    }
    for (const auto& reference : references)
        if (auto row = findOrder(core, reference)) out.orders.push_back({std::move(row->order), row->revision});
}

Result<void> applyOrderMaster(LedgerCore& core, const MasterData& data, MasterApplySummary& summary) {
    for (std::size_t i = 0; i < data.orders.size(); ++i) {
        const auto& [order, revision] = data.orders[i];
        const auto label = "orders[" + std::to_string(i) + "] (" + order.reference + ")";
        const auto here = findOrder(core, order.reference);
        const auto stored = storedRevision(revision);
        if (here && stored <= here->revision) {
            ++summary.unchanged;
            continue;
        }
        if (auto applied = applyOne(core, order, stored, here); !applied)
            return fail(applied.error().kind, "master data " + label + ": " + applied.error().message);
        ++(here ? summary.updated : summary.added);
    }
    return {};
}

} // namespace lotstation::storage
