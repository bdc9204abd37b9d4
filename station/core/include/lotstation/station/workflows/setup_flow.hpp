#pragma once
// The first run of a station that has no ledger yet (and is not the demo): name the business, its currency,
// this station and its short code, the first admin and their PIN (typed twice), then Set up — one ledger
// transaction (storage::setUpBusiness). Then how to start: import the spreadsheets the business keeps (the
// CSV and .xlsx files the command line's import reads, from the station's import folder), add items by hand on the
// Records screen, or try the demo (a separate demo ledger). Or, instead of a business of its own, Link: this
// station's name and short code, the server's address and the station's token (typed, or scanned from a QR
// holding either or both), one sync, and the station has the server's people, items and places (sync/
// client.hpp linkStation). Until Set up or Link succeeds the station stays here.
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class SetupField { Business, Currency, Station, ShortCode, Admin, Pin, PinAgain, ServerUrl, Token };
// Details: the business and its first admin; Link: instead, this station's name and the server it takes
// everything else from; Start: set up, how to begin; Linked: linked, nothing more to ask.
enum class SetupStep { Details, Link, Start, Linked };

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
    // What the import folder holds that Start from a spreadsheet reads, in import order: "items.csv",
    // "suppliers.xlsx", "business.xlsx › Items" (a workbook's sheet named after a kind).
    std::vector<std::string> importFiles;
    std::vector<std::string> imported;    // "items.csv: 12 rows", after an import
    std::string serverUrl;                // Link: "https://office:8750"
    std::string tokenShown;               // Link: the token as shown ("lst_…9f3a"); the token stays in the flow
    std::string linked;                   // Linked: what arrived, in words
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
struct ShowLink {       // Link to a central server instead (true), or back to the details (false)
    bool show = true;
};
struct Link {};         // one sync with the server; the station takes its people, items and places from it
} // namespace setup

using SetupIntent = std::variant<setup::SetText, setup::Finish, setup::LookForFiles, setup::ImportFiles,
                                 setup::TryDemo, setup::ShowLink, setup::Link>;

// The kinds Start from a spreadsheet reads, in the order they are imported (a record may name one before):
// each from KIND.csv, else KIND.xlsx (its first sheet), else a sheet named KIND in another workbook there.
[[nodiscard]] const std::vector<std::string>& setupImportKinds();

// One source of one kind: a CSV file, or a sheet of a workbook.
struct SetupSource {
    std::string kind;               // "items"
    std::filesystem::path path;     // the file
    std::optional<std::string> sheet; // a workbook's sheet; none: a CSV file, or a KIND.xlsx's first sheet
    [[nodiscard]] std::string label() const;
};

class SetupFlow final : public ScreenFlow {
  public:
    using Intent = SetupIntent;
    using State = SetupState;

    explicit SetupFlow(const FlowDeps& deps);

    FlowOutcome apply(const SetupIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const SetupState& state() const { return m_state; }
    // Whether the station must stay on this screen: nothing is set up yet.
    [[nodiscard]] bool holdsTheStation() const {
        return m_state.step == SetupStep::Details || m_state.step == SetupStep::Link;
    }

    [[nodiscard]] Screen screen() const override { return Screen::Setup; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override {}
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override { return {}; }

  private:
    FlowOutcome setText(SetupField field, std::string text);
    FlowOutcome finish();
    FlowOutcome importFiles();
    FlowOutcome link(); // setup_link.cpp
    void setToken(std::string text);
    void lookForFiles();
    FlowOutcome refuse(std::string message);

    storage::Ledger& m_ledger;
    SetupState m_state;
    std::vector<SetupSource> m_sources; // what importFiles lists
    std::string m_pin;
    std::string m_pinAgain;
    std::string m_token;
    std::filesystem::path m_ledgerPath; // where the server link is remembered; empty: no linking (a test's memory)
};

} // namespace lotstation::station
