#pragma once
// What a workflow step tells the shell: which flash and tone, what to say, and what to do outside the ledger.
#include "lotstation/station/feedback.hpp"
#include "lotstation/station/label_request.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lotstation::station {

struct FlowOutcome {
    std::optional<FeedbackKind> feedback;   // none: nothing worth a flash (a key press, a cancel)
    std::string message;                    // "Received SHEA-261124-01", "GTIN 0401... is not a known item"
    std::vector<std::string> labelsToPrint; // lot codes whose label should print now
    std::vector<LabelRequest> otherLabels;  // location and badge labels to print now
    bool openDemo = false;                  // the host leaves this ledger for the demo's (first run's Try the demo)
    bool masterDataChanged = false;         // items, people, places changed: the pickers read them again
    bool leaveScreen = false;               // done here: back to the screen below (a new item, back to Receive)
    std::optional<std::string> madeSupplier; // a supplier made for the screen below, which takes it (Receive)

    [[nodiscard]] static FlowOutcome quiet() { return {}; }
    [[nodiscard]] static FlowOutcome accepted(std::string message) {
        return {FeedbackKind::Accepted, std::move(message), {}};
    }
    [[nodiscard]] static FlowOutcome refused(std::string message) {
        return {FeedbackKind::Refused, std::move(message), {}};
    }
    [[nodiscard]] static FlowOutcome unknown(std::string message) {
        return {FeedbackKind::Unknown, std::move(message), {}};
    }
};

} // namespace lotstation::station
