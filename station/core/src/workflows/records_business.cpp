// Records: the business's own settings — the currency money is kept in and the pattern generated lot codes
// follow. The ledger checks and keeps them (storage/currency.hpp, storage/lot_code_pattern.hpp, each
// append-only with who set it); this shows them with what they mean today and saves a change.
#include "lotstation/station/workflows/records_flow.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/lot_code_pattern.hpp"

namespace lotstation::station {
namespace {

std::string todaysExample(const storage::Ledger& ledger, const std::string& pattern) {
    return storage::exampleLotCode(pattern, "SKU", storage::dateOf(storage::systemClock()()),
                                   ledger.station().shortCode);
}

std::string currencyDetail(const std::string& code) {
    const auto digits = storage::minorUnitDigits(code);
    return code + " · amounts shown with " + std::to_string(digits.value_or(2)) +
           " decimals; fixed once a rate or price is recorded";
}

} // namespace

std::vector<RecordRow> RecordsFlow::businessRows() const {
    const auto currency = storage::ledgerCurrency(m_ledger);
    const auto pattern = storage::lotCodePattern(m_ledger);
    return {{std::string(kCurrencySetting), "Currency", currencyDetail(currency)},
            {std::string(kLotCodeSetting), "Lot codes", pattern + " · e.g. " + todaysExample(m_ledger, pattern)}};
}

FlowOutcome RecordsFlow::editBusiness(const std::string& setting) {
    RecordDraft draft;
    draft.kind = RecordKind::Business;
    draft.isNew = false;
    if (setting == kCurrencySetting) {
        draft.settingValue = storage::ledgerCurrency(m_ledger);
    } else if (setting == kLotCodeSetting) {
        draft.settingValue = storage::lotCodePattern(m_ledger);
        draft.example = todaysExample(m_ledger, draft.settingValue);
    } else {
        return refuse("No business setting " + setting);
    }
    draft.setting = setting;
    m_state.draft = std::move(draft);
    m_state.problem.reset();
    m_state.saved.reset();
    m_state.history.clear();
    m_state.backToReceipt = false;
    return FlowOutcome::quiet();
}

void RecordsFlow::setSetting(const std::string& text) {
    RecordDraft& draft = *m_state.draft;
    draft.settingValue = text;
    draft.example.clear();
    if (draft.setting != kLotCodeSetting) return;
    // Said while typing, so the person sees what their pattern makes (or why it cannot be used) before Save.
    if (auto ok = storage::checkLotCodePattern(text); !ok)
        m_state.problem = ok.error().message;
    else
        draft.example = todaysExample(m_ledger, text);
}

storage::Result<std::string> RecordsFlow::saveBusiness(const RecordDraft& draft, const std::string& by) {
    if (draft.setting == kCurrencySetting) {
        auto set = storage::setLedgerCurrency(m_ledger, draft.settingValue, by);
        if (!set) return std::unexpected(set.error());
        return "the currency: " + *set;
    }
    auto set = storage::setLotCodePattern(m_ledger, draft.settingValue, by);
    if (!set) return std::unexpected(set.error());
    return "the lot-code pattern: " + *set + " (e.g. " + todaysExample(m_ledger, *set) + ")";
}

} // namespace lotstation::station
