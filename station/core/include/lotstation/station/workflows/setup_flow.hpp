#pragma once
// The first run of a station that has no ledger yet (and is not the demo): name the business, its currency,
// this station and its short code, the first admin and their PIN (typed twice), then Set up — one ledger
// transaction (storage::setUpBusiness). Then how to start: import the spreadsheets the business keeps (the
// CSV files the command line's import reads, from the station's import folder), add items by hand on the
// Records screen, or try the demo (a separate demo ledger). Until Set up succeeds the station stays here.
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class SetupField { Business, Currency, Station, ShortCode, Admin, Pin, PinAgain };
enum class SetupStep { Details, Start };

struct SetupState {
    SetupStep step = SetupStep::Details;
    std::string business;
    std::string currency = "USD";
    std::string station;
    std::string shortCode;
    std::string admin;
    std::size_t pinDigits = 0;      // the PIN itself stays inside the flow; views show dots
    std::size_t pinAgainDigits = 0;
    std::optional<std::string> problem;
    std::filesystem::path importFolder;
    std::vector<std::string> importFiles; // what the import folder holds that Start from a spreadsheet reads
    std::vector<std::string> imported;    // "items.csv: 12 rows", after an import
};

namespace setup {
struct SetText {
    SetupField field;
    std::string text;
};
struct Finish {};       // Set up: writes everything, or nothing and the reason
struct LookForFiles {}; // reads the import folder again (the files were copied in meanwhile)
struct ImportFiles {};  // start from a spreadsheet
struct TryDemo {};      // the host opens the demo ledger instead
} // namespace setup

using SetupIntent =
    std::variant<setup::SetText, setup::Finish, setup::LookForFiles, setup::ImportFiles, setup::TryDemo>;

// The files Start from a spreadsheet reads, in the order they are imported (a record may name one before).
[[nodiscard]] const std::vector<std::string>& setupImportFiles();

class SetupFlow final : public ScreenFlow {
  public:
    using Intent = SetupIntent;
    using State = SetupState;

    explicit SetupFlow(const FlowDeps& deps);

    FlowOutcome apply(const SetupIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const SetupState& state() const { return m_state; }
    // Whether the station must stay on this screen: nothing is set up yet.
    [[nodiscard]] bool holdsTheStation() const { return m_state.step == SetupStep::Details; }

    [[nodiscard]] Screen screen() const override { return Screen::Setup; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override {}
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override { return {}; }

  private:
    FlowOutcome setText(SetupField field, std::string text);
    FlowOutcome finish();
    FlowOutcome importFiles();
    void lookForFiles();
    FlowOutcome refuse(std::string message);

    storage::Ledger& m_ledger;
    SetupState m_state;
    std::string m_pin;
    std::string m_pinAgain;
};

} // namespace lotstation::station
