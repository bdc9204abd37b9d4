#include "lotstation/station/workflows/receive_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/station/workflows/stock_scan.hpp"
#include "lotstation/storage/receipt_check.hpp"

namespace lotstation::station {

const char* toString(ReceiveField field) {
    switch (field) {
    case ReceiveField::Item:
        return "item";
    case ReceiveField::Supplier:
        return "supplier";
    case ReceiveField::SupplierLot:
        return "supplier lot";
    case ReceiveField::Quantity:
        return "quantity";
    case ReceiveField::Location:
        return "location";
    }
    return "?";
}

FlowOutcome ReceiveFlow::apply(const ReceiveIntent& intent, const FlowContext& context) {
    if (m_state.step == ReceiveStep::Done && !std::holds_alternative<receive::Next>(intent) &&
        !std::holds_alternative<receive::Cancel>(intent))
        return refuse("This delivery is already received: tap Next for the next one");
    return std::visit(Overloaded{
                          [&](const receive::LabelScanned& i) { return label(i.label); },
                          [&](const receive::CodeScanned& i) { return code(i.text); },
                          [&](const receive::PickItem& i) {
                              auto item = m_ledger.item(i.sku);
                              if (!item) return refuse(item.error().message);
                              return setItem(std::move(*item));
                          },
                          [&](const receive::PickSupplier& i) {
                              auto supplier = m_ledger.supplier(i.code);
                              if (!supplier) return refuse(supplier.error().message);
                              m_state.draft.supplier = supplier->code;
                              return done(FlowOutcome::quiet());
                          },
                          [&](const receive::PickLocation& i) {
                              auto location = m_ledger.location(i.code);
                              if (!location) return refuse(location.error().message);
                              m_state.draft.location = location->code;
                              return done(FlowOutcome::quiet());
                          },
                          [&](const receive::SetQuantity& i) {
                              m_state.draft.quantity = i.quantity;
                              if (auto problem = unitProblem()) {
                                  m_state.draft.quantity.reset();
                                  return refuse(*problem);
                              }
                              return done(FlowOutcome::quiet());
                          },
                          [&](const receive::SetReference& i) {
                              m_state.draft.reference = i.reference;
                              return done(FlowOutcome::quiet());
                          },
                          [&](const receive::Confirm& i) { return context.user ? confirm(*context.user, i.large) : FlowOutcome::refused(kLogInFirst); },
                          [&](const receive::Cancel&) {
                              m_state = ReceiveState{};
                              return FlowOutcome::quiet();
                          },
                          [&](const receive::Next&) {
                              const auto supplier =
                                  m_state.draft.supplier; // a delivery usually has several cases
                              m_state = ReceiveState{};
                              m_state.draft.supplier = supplier;
                              return done(FlowOutcome::quiet());
                          },
                      },
                      intent);
}

SupplierLabel supplierLabelOf(const scan::Gs1Data& data) {
    SupplierLabel label;
    label.gtin = data.gtin;
    label.lot = data.lot;
    label.expiry = data.expiry;
    label.bestBefore = data.bestBefore;
    if (data.netWeight)
        label.quantity = Quantity{scan::toMilligrams(*data.netWeight), storage::Uom::Gram};
    else if (data.count)
        label.quantity = Quantity{*data.count, storage::Uom::Piece};
    return label;
}

std::optional<FlowOutcome> ReceiveFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (const auto* gs1 = std::get_if<scan::Gs1Data>(&meaning))
        return apply(receive::LabelScanned{supplierLabelOf(*gs1)}, context);
    if (const auto* link = std::get_if<scan::DigitalLink>(&meaning))
        return apply(receive::LabelScanned{supplierLabelOf(link->data)}, context);
    if (const auto* location = std::get_if<scan::OwnLocation>(&meaning))
        return apply(receive::CodeScanned{location->location}, context);
    if (const auto* key = std::get_if<scan::LookupKey>(&meaning))
        return apply(receive::CodeScanned{key->key}, context);
    return std::nullopt;
}

std::map<std::string, std::string> ReceiveFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.step == ReceiveStep::Done) return values; // received: nothing left to lose
    const auto& draft = m_state.draft;
    if (draft.item) values["receive.item"] = draft.item->name;
    // A supplier alone (kept by Next for the delivery's following cases) is not worth a question.
    const bool more = draft.item || draft.supplierLot || draft.quantity || draft.location;
    if (draft.supplier && more) values["receive.supplier"] = *draft.supplier;
    if (draft.supplierLot) values["receive.supplier-lot"] = *draft.supplierLot;
    if (draft.quantity) values["receive.quantity"] = std::to_string(draft.quantity->amount);
    if (draft.location) values["receive.location"] = *draft.location;
    return values;
}

FlowOutcome ReceiveFlow::label(const SupplierLabel& label) {
    if (label.gtin) {
        auto item = m_ledger.itemByGtin(*label.gtin);
        if (!item) {
            m_unknownLabel = label;
            m_state.unknownGtin = label.gtin;
            return refuse("GTIN " + *label.gtin + " is not a known item: pick the item, or tap New item");
        }
        m_unknownLabel.reset();
        m_state.unknownGtin.reset();
        if (m_state.draft.item && m_state.draft.item->sku != item->sku)
            return refuse("This label is for " + item->name + ", not " + m_state.draft.item->name);
        m_state.draft.item = std::move(*item);
    }
    if (label.lot) m_state.draft.supplierLot = label.lot;
    if (label.expiry) m_state.draft.expiry = label.expiry;
    if (label.bestBefore) m_state.draft.bestBefore = label.bestBefore;
    if (label.quantity) {
        const auto previous = m_state.draft.quantity;
        m_state.draft.quantity = label.quantity;
        if (auto problem = unitProblem()) {
            m_state.draft.quantity = previous;
            return refuse(*problem);
        }
    }
    const std::string what = m_state.draft.item ? m_state.draft.item->name : std::string("Label");
    return done(FlowOutcome::accepted(what + " read"));
}

std::optional<FlowOutcome> ReceiveFlow::resumed(const FlowContext&, const FlowOutcome& above) {
    if (above.madeSupplier) {
        m_state.draft.supplier = *above.madeSupplier;
        return done(FlowOutcome::accepted("Supplier " + *above.madeSupplier));
    }
    if (!m_unknownLabel) return std::nullopt;
    const SupplierLabel again = *m_unknownLabel;
    return label(again);
}

FlowOutcome ReceiveFlow::code(const std::string& text) {
    // A plain code is, in order: the item's SKU (when no item yet), a location label, else the supplier's
    // lot.
    if (!m_state.draft.item) {
        if (auto item = m_ledger.item(text)) return setItem(std::move(*item));
    }
    if (auto location = m_ledger.location(text)) {
        m_state.draft.location = location->code;
        return done(FlowOutcome::accepted("Put away at " + location->name));
    }
    if (!m_state.draft.supplierLot) {
        m_state.draft.supplierLot = text;
        return done(FlowOutcome::accepted("Supplier lot " + text));
    }
    return FlowOutcome::unknown("Read " + text + ": not an item, a location or a lot needed here");
}

FlowOutcome ReceiveFlow::setItem(storage::Item item) {
    if (!item.lotTracked) return refuse(item.name + " is not lot-tracked: nothing to receive as a lot");
    m_state.draft.item = std::move(item);
    if (auto problem = unitProblem()) {
        m_state.draft.quantity.reset();
        return refuse(*problem);
    }
    return done(FlowOutcome::quiet());
}

std::optional<std::string> ReceiveFlow::unitProblem() const {
    const auto& draft = m_state.draft;
    if (!draft.item || !draft.quantity) return std::nullopt;
    return unitMismatch(*draft.quantity, *draft.item);
}

FlowOutcome ReceiveFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

FlowOutcome ReceiveFlow::done(FlowOutcome outcome) {
    auto& draft = m_state.draft;
    m_state.missing.clear();
    if (!draft.item) m_state.missing.push_back(ReceiveField::Item);
    if (!draft.supplier) m_state.missing.push_back(ReceiveField::Supplier);
    if (!draft.supplierLot) m_state.missing.push_back(ReceiveField::SupplierLot);
    if (!draft.quantity) m_state.missing.push_back(ReceiveField::Quantity);
    if (!draft.location && !(draft.item && draft.item->defaultLocation))
        m_state.missing.push_back(ReceiveField::Location);
    if (m_state.step != ReceiveStep::Done)
        m_state.step = m_state.missing.empty() ? ReceiveStep::ReadyToConfirm : ReceiveStep::Filling;
    m_state.largeQuantity.reset();
    if (draft.item && draft.quantity && m_state.step != ReceiveStep::Done)
        if (auto size = storage::checkReceiptSize(m_ledger, draft.item->sku, draft.quantity->amount); !size)
            m_state.largeQuantity = size.error().message;
    if (outcome.feedback != FeedbackKind::Refused) m_state.problem.reset();
    return outcome;
}

FlowOutcome ReceiveFlow::confirm(const std::string& user, bool large) {
    if (m_state.step != ReceiveStep::ReadyToConfirm) {
        std::string list;
        for (const ReceiveField field : m_state.missing)
            list += (list.empty() ? "" : ", ") + std::string(toString(field));
        return refuse("Still missing: " + list);
    }
    if (m_state.largeQuantity && !large) return refuse(*m_state.largeQuantity);
    const auto& draft = m_state.draft;
    storage::ReceiveRequest request;
    request.sku = draft.item->sku;
    request.supplier = *draft.supplier;
    request.supplierLot = *draft.supplierLot;
    request.quantity = draft.quantity->amount;
    request.expiry = draft.expiry;
    request.bestBefore = draft.bestBefore;
    request.location = draft.location;
    request.reference = draft.reference;
    request.user = user;
    auto result = m_ledger.receive(request);
    if (!result)
        return refuse(result.error().message); // the draft stays: the operator fixes it and confirms again
    m_state.received = *result;
    m_state.step = ReceiveStep::Done;
    m_state.problem.reset();
    FlowOutcome outcome = FlowOutcome::accepted(
        (result->addedToExistingLot ? "Added to lot " : "Received lot ") + result->lotCode);
    outcome.labelsToPrint.push_back(result->lotCode);
    return outcome;
}

} // namespace lotstation::station
