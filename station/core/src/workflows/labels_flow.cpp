#include "lotstation/station/workflows/labels_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/labels/payload.hpp"
#include "lotstation/station/label_content.hpp"
#include "lotstation/station/lookup.hpp"

namespace lotstation::station {

namespace {

LabelPreviewer previewerOf(const FlowDeps& deps) {
    auto printer = deps.files.labelPreviews;
    if (!printer) return {};
    return [printer, lotTemplate = deps.lotTemplate](const labels::LotLabelData& content) {
        return printer->preview(content, lotTemplate ? lotTemplate() : std::string("lot-50x30"));
    };
}

} // namespace

LabelsFlow::LabelsFlow(const FlowDeps& deps) : LabelsFlow(deps.ledger, previewerOf(deps)) {}

FlowOutcome LabelsFlow::apply(const LabelsIntent& intent, const FlowContext& context) {
    return std::visit(Overloaded{
                          [&](const labelsflow::OpenLot& i) { return openLot(i.code); },
                          [&](const labelsflow::PickItem& i) {
                              auto item = m_ledger.item(i.sku);
                              if (!item) return refuse(item.error().message);
                              m_state = LabelsState{};
                              m_state.lotsOfItem = lotsInStock(m_ledger, item->sku);
                              m_state.item = std::move(*item);
                              if (m_state.lotsOfItem.empty())
                                  return refuse("No lot of " + m_state.item->name +
                                                " in stock: scan the lot's old label instead");
                              return FlowOutcome::quiet();
                          },
                          [&](const labelsflow::SetCopies& i) {
                              if (i.copies < 1 || i.copies > kMaxCopies)
                                  return refuse("Copies: 1 to " + std::to_string(kMaxCopies));
                              m_state.copies = i.copies;
                              m_state.problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const labelsflow::CopiesEntered& i) {
                              if (i.quantity.unit != storage::Uom::Piece) return refuse("Copies are whole labels");
                              return apply(labelsflow::SetCopies{static_cast<int>(
                                               std::min<std::int64_t>(i.quantity.amount, kMaxCopies + 1))},
                                           context);
                          },
                          [&](const labelsflow::Print&) {
                              if (!m_state.content) return refuse("Scan or pick the lot first");
                              const std::string& code = m_state.content->lotCode;
                              FlowOutcome outcome = FlowOutcome::accepted(std::to_string(m_state.copies) +
                                                                          " label(s) for " + code + " sent");
                              outcome.labelsToPrint.assign(static_cast<std::size_t>(m_state.copies), code);
                              m_state.printed += m_state.copies;
                              return outcome;
                          },
                      },
                      intent);
}

std::optional<FlowOutcome> LabelsFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (std::holds_alternative<scan::OwnBadge>(meaning) || std::holds_alternative<scan::OwnCommand>(meaning))
        return std::nullopt;
    const LookupResult found = lookUp(m_ledger, meaning);
    if (const auto* lots = std::get_if<FoundLots>(&found)) {
        if (lots->lots.size() == 1) return openLot(lots->lots.front().code);
        m_state = LabelsState{};
        for (const auto& lot : lots->lots)
            m_state.lotsOfItem.push_back(itemLotOf(m_ledger, lot));
        return FlowOutcome::accepted(std::to_string(lots->lots.size()) +
                                     " lots answer to that code: pick one");
    }
    if (const auto* item = std::get_if<FoundItem>(&found)) return apply(labelsflow::PickItem{item->item.sku}, context);
    if (const auto* notFound = std::get_if<NotFound>(&found)) return refuse(notFound->reason);
    return refuse("Scan a lot's label to print it again");
}

FlowOutcome LabelsFlow::openLot(const std::string& code) {
    auto content = lotLabelContent(m_ledger, code);
    if (!content) return refuse(content.error().message);
    auto payload = labels::payloadFor(*content);
    if (!payload) return refuse("The label cannot hold this lot: " + payload.error().message);
    auto lot = m_ledger.lot(code);
    const auto item = m_state.item;
    const auto lots = m_state.lotsOfItem;
    m_state = LabelsState{};
    m_state.item = item;
    m_state.lotsOfItem = lots;
    m_state.content = std::move(*content);
    m_state.payload = std::move(*payload);
    if (lot) m_state.standing = standingOf(*lot, storage::dateOf(m_ledger.now()));
    if (m_previewer) {
        // A label that cannot be drawn still prints its fields' check: the words stand in for the picture.
        if (auto image = m_previewer(*m_state.content)) {
            m_state.preview = std::make_shared<const Image>(std::move(*image));
            m_state.previewVersion = ++m_previews;
        }
    }
    return FlowOutcome::accepted("Label of " + m_state.content->lotCode);
}

FlowOutcome LabelsFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

} // namespace lotstation::station
