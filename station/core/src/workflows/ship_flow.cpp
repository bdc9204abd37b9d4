#include "lotstation/station/workflows/ship_flow.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/sales.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/storage/queries.hpp"

#include <algorithm>

namespace lotstation::station {

namespace {

std::string amount(std::int64_t quantity, const storage::Item& item) {
    return storage::formatQuantity(quantity, item.uom);
}

} // namespace

FlowOutcome ShipFlow::apply(const ShipIntent& intent, const FlowContext& context) {
    using namespace ship;
    if (m_state.step == ShipStep::Done && !std::holds_alternative<Next>(intent) &&
        !std::holds_alternative<Cancel>(intent))
        return refuse("This shipment is recorded: tap Next shipment");
    return std::visit(
        Overloaded{
            [&](const PickCustomer& i) {
                auto customer = m_ledger.customer(i.code);
                if (!customer) return refuse(customer.error().message);
                if (m_state.order && m_state.order->order.customer != customer->code)
                    return refuse("Order " + m_state.order->order.reference + " is " + m_state.order->order.customer +
                                  "'s: clear the order to ship to " + customer->code);
                m_state.customer = std::move(*customer);
                return done(FlowOutcome::quiet());
            },
            [&](const ScanReference&) {
                m_state.awaitingReference = true;
                return done(FlowOutcome::quiet());
            },
            [&](const SetReference& i) { return setReference(i.reference); },
            [&](const BrowseOrders&) {
                storage::OrderFilter filter{.openOnly = true};
                if (m_state.customer) filter.customer = m_state.customer->code;
                auto orders = storage::salesOrders(m_ledger, filter);
                if (!orders) return refuse(orders.error().message);
                m_state.openOrders = std::move(*orders);
                return FlowOutcome::quiet();
            },
            [&](const PickOrder& i) {
                m_state.openOrders.reset();
                return setReference(i.reference);
            },
            [&](const CloseOrders&) {
                m_state.openOrders.reset();
                return FlowOutcome::quiet();
            },
            [&](const PickLot& i) {
                auto scanned = lotOfScan(m_ledger, scan::OwnLot{i.lot});
                if (!scanned) return refuse(scanned.error().message);
                m_state.choices.close();
                return addLot(std::move(*scanned), i.from);
            },
            [&](const Browse&) {
                // Only what may go out: finished goods that are available and not past their date.
                auto stock = storage::allStock(m_ledger);
                if (!stock) return refuse(stock.error().message);
                const auto today = ledgerToday(m_ledger);
                std::erase_if(*stock, [&](const storage::StockLine& line) {
                    auto item = m_ledger.item(line.sku);
                    auto lot = m_ledger.lot(line.lot);
                    return !item || !lot || item->kind != storage::ItemKind::Finished ||
                           !storage::statusUsage(*lot, today).allowed();
                });
                m_state.choices.show(std::move(*stock));
                return FlowOutcome::quiet();
            },
            [&](const ScrollChoices& i) {
                m_state.choices.scroll(i.rows);
                return FlowOutcome::quiet();
            },
            [&](const CloseBrowse&) {
                m_state.choices.close();
                return FlowOutcome::quiet();
            },
            [&](const SelectLine& i) {
                if (i.index >= m_state.lines.size()) return refuse("No such line");
                m_state.selected = i.index;
                return done(FlowOutcome::quiet());
            },
            [&](const SetQuantity& i) { return setQuantity(i.quantity); },
            [&](const SetPrice& i) {
                if (!m_state.selected || *m_state.selected >= m_state.lines.size()) return refuse("Scan a lot first");
                auto& line = m_state.lines[*m_state.selected];
                if (i.text.empty()) {
                    line.priceTyped = false;
                    return done(FlowOutcome::quiet());
                }
                auto price = storage::parsePrice(m_ledger, i.text, line.item.uom);
                if (!price) return refuse(price.error().message);
                line.unitPrice = *price;
                line.priceTyped = true;
                return done(FlowOutcome::quiet());
            },
            [&](const RemoveLine& i) {
                if (i.index >= m_state.lines.size()) return refuse("No such line");
                m_state.lines.erase(m_state.lines.begin() + static_cast<std::ptrdiff_t>(i.index));
                m_state.selected =
                    m_state.lines.empty() ? std::nullopt : std::optional(m_state.lines.size() - 1);
                return done(FlowOutcome::quiet());
            },
            [&](const Confirm&) { return context.user ? confirm(*context.user) : FlowOutcome::refused(kLogInFirst); },
            [&](const Cancel&) {
                m_state = ShipState{};
                return FlowOutcome::quiet();
            },
            [&](const Next&) {
                m_state = ShipState{};
                return FlowOutcome::quiet();
            },
        },
        intent);
}

std::optional<FlowOutcome> ShipFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (std::holds_alternative<scan::OwnBadge>(meaning) ||
        std::holds_alternative<scan::OwnCommand>(meaning) ||
        std::holds_alternative<scan::Unreadable>(meaning))
        return std::nullopt;
    if (m_state.step == ShipStep::Done) return refuse("This shipment is recorded: tap Next shipment");
    if (m_state.awaitingReference) {
        if (const auto* key = std::get_if<scan::LookupKey>(&meaning))
            return apply(ship::SetReference{key->key}, context);
    }
    auto scannedLot = lotOfScan(m_ledger, meaning);
    if (!scannedLot) return refuse("Not a lot to ship: " + scannedLot.error().message);
    return addLot(std::move(*scannedLot));
}

std::map<std::string, std::string> ShipFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.step == ShipStep::Done) return values;
    if (m_state.customer) values["ship.customer"] = m_state.customer->name;
    if (m_state.reference) values["ship.reference"] = *m_state.reference;
    if (!m_state.lines.empty()) values["ship.lots"] = std::to_string(m_state.lines.size()) + " lots";
    return values;
}

std::vector<std::string> ShipFlow::missing() const {
    std::vector<std::string> out;
    if (!m_state.customer) out.emplace_back("customer");
    if (m_state.lines.empty()) out.emplace_back("a lot");
    return out;
}

FlowOutcome ShipFlow::setReference(const std::string& reference) {
    m_state.awaitingReference = false;
    if (reference.empty()) {
        m_state.reference.reset();
        m_state.order.reset();
        return done(FlowOutcome::quiet());
    }
    auto order = storage::salesOrder(m_ledger, reference);
    if (!order) { // not an order on record: a free reference, as it always was
        m_state.order.reset();
        m_state.reference = reference;
        return done(FlowOutcome::accepted("Order " + reference));
    }
    const auto& o = order->order;
    if (o.cancelledReason) return refuse("Order " + o.reference + " is cancelled (" + *o.cancelledReason + ")");
    if (order->complete) return refuse("Order " + o.reference + " has shipped in full");
    if (m_state.customer && m_state.customer->code != o.customer)
        return refuse("Order " + o.reference + " is " + o.customer + "'s, not " + m_state.customer->code + "'s");
    for (const auto& line : m_state.lines)
        if (std::ranges::none_of(o.lines, [&](const auto& l) { return l.sku == line.item.sku; }))
            return refuse("Order " + o.reference + " has no line for " + line.item.sku + " (lot " + line.lot.code +
                          ")");
    auto customer = m_ledger.customer(o.customer);
    if (!customer) return refuse(customer.error().message);
    m_state.customer = std::move(*customer);
    m_state.reference = o.reference;
    m_state.order = std::move(*order);
    return done(FlowOutcome::accepted("Order " + *m_state.reference + " for " + m_state.customer->name));
}

FlowOutcome ShipFlow::addLot(ScannedLot scanned, const std::optional<std::string>& from) {
    m_state.awaitingReference = false;
    if (m_state.order && std::ranges::none_of(m_state.order->order.lines, [&](const auto& line) {
            return line.sku == scanned.item.sku;
        }))
        return refuse("Order " + m_state.order->order.reference + " has no line for " + scanned.item.sku);
    const auto same = std::ranges::find_if(
        m_state.lines, [&](const ShipLine& line) { return line.lot.code == scanned.lot.code; });
    if (same != m_state.lines.end()) {
        m_state.selected = static_cast<std::size_t>(same - m_state.lines.begin());
        return refuse("Lot " + scanned.lot.code + " is already in this shipment");
    }
    // The ledger's usage check without FEFO (a customer may get any good lot): status and expiry.
    if (auto usage = storage::statusUsage(scanned.lot, ledgerToday(m_ledger)); !usage.allowed())
        return refuse(usage.messages() + ": it cannot be shipped");
    auto place = placeToTake(m_ledger, scanned.lot.code, from);
    if (!place) return refuse(place.error().message);
    ShipLine line{std::move(scanned.lot), std::move(scanned.item), place->location, place->quantity,
                  place->quantity};
    const std::string message =
        line.item.name + " · " + amount(line.quantity, line.item) + " of lot " + line.lot.code;
    m_state.lines.push_back(std::move(line));
    m_state.selected = m_state.lines.size() - 1;
    return done(FlowOutcome::accepted(message));
}

FlowOutcome ShipFlow::setQuantity(const Quantity& quantity) {
    if (!m_state.selected || *m_state.selected >= m_state.lines.size()) return refuse("Scan a lot first");
    auto& line = m_state.lines[*m_state.selected];
    auto wanted = amountToTake(quantity, line.item, {line.lot.code, line.location, line.onHand});
    if (!wanted) return refuse(wanted.error().message);
    line.quantity = *wanted;
    return done(FlowOutcome::quiet());
}

FlowOutcome ShipFlow::confirm(const std::string& user) {
    if (const auto needed = missing(); !needed.empty()) {
        std::string list;
        for (const auto& what : needed)
            list += (list.empty() ? "" : ", ") + what;
        return refuse("Still missing: " + list);
    }
    std::vector<storage::Movement> written;
    // One shipment is one transaction: a refused line leaves the others unrecorded too.
    auto result = m_ledger.atomically([&]() -> storage::Result<void> {
        for (const auto& line : m_state.lines) {
            const storage::ShipRequest request{.lot = line.lot.code,
                                               .quantity = line.quantity,
                                               .customer = m_state.customer->code,
                                               .reference = m_state.reference,
                                               .location = line.location,
                                               .user = user};
            const auto typed = line.priceTyped ? line.unitPrice : std::nullopt;
            auto shipped = m_state.order ? storage::shipAgainstOrder(m_ledger, request, typed)
                                         : storage::shipAtPrice(m_ledger, request, typed);
            if (!shipped) return std::unexpected(shipped.error());
            written.push_back(std::move(shipped->movement));
        }
        return {};
    });
    if (!result) return refuse(result.error().message);
    m_state.shipped = std::move(written);
    m_state.step = ShipStep::Done;
    m_state.problem.reset();
    refreshOrder();
    return FlowOutcome::accepted("Shipped " + std::to_string(m_state.shipped.size()) +
                                 (m_state.shipped.size() == 1 ? " lot to " : " lots to ") +
                                 m_state.customer->name);
}

FlowOutcome ShipFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

void ShipFlow::refreshOrder() {
    m_state.orderProgress.clear();
    if (!m_state.order) return;
    if (auto fresh = storage::salesOrder(m_ledger, m_state.order->order.reference)) m_state.order = std::move(*fresh);
    std::string sku;
    if (m_state.selected && *m_state.selected < m_state.lines.size()) sku = m_state.lines[*m_state.selected].item.sku;
    m_state.orderProgress = storage::orderSummary(*m_state.order, sku);
}

std::optional<storage::Micros> ShipFlow::listedPrice(const std::string& sku) const {
    if (m_state.order) {
        for (const auto& line : m_state.order->order.lines)
            if (line.sku == sku) return line.unitPrice;
        return std::nullopt;
    }
    return m_state.customer ? storage::customerPrice(m_ledger, m_state.customer->code, sku) : std::nullopt;
}

FlowOutcome ShipFlow::done(FlowOutcome outcome) {
    m_state.currency = storage::ledgerCurrency(m_ledger);
    for (auto& line : m_state.lines)
        if (!line.priceTyped) line.unitPrice = listedPrice(line.item.sku);
    refreshOrder();
    if (m_state.step != ShipStep::Done)
        m_state.step = missing().empty() ? ShipStep::ReadyToConfirm : ShipStep::Filling;
    if (outcome.feedback != FeedbackKind::Refused) m_state.problem.reset();
    return outcome;
}

} // namespace lotstation::station
