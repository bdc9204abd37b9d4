#include "lotstation/station/workflows/setup_flow.hpp"

#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "lotstation/storage/sheet_import.hpp"
#include "lotstation/storage/workbook.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace lotstation::station {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

std::optional<std::string> readWhole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool sameText(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// Workbooks in the folder not named after one kind: the places a sheet per kind may be.
std::vector<std::filesystem::path> otherWorkbooks(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> books;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ignored)) {
        const auto& path = entry.path();
        if (path.extension() != ".xlsx" || path.filename().string().starts_with("~$")) continue; // Excel's lock file
        const auto stem = path.stem().string();
        if (std::ranges::none_of(setupImportKinds(), [&](const std::string& kind) { return sameText(kind, stem); }))
            books.push_back(path);
    }
    std::ranges::sort(books);
    return books;
}

} // namespace

const std::vector<std::string>& setupImportKinds() {
    static const std::vector<std::string> kinds{"locations", "suppliers", "customers", "items",
                                                "users",     "recipes",   "lots"};
    return kinds;
}

std::string SetupSource::label() const {
    return path.filename().string() + (sheet ? " › " + *sheet : "");
}

SetupFlow::SetupFlow(const FlowDeps& deps) : m_ledger(deps.ledger) {
    m_state.importFolder = deps.files.importFolder;
    m_ledgerPath = deps.files.ledgerPath;
    lookForFiles();
}

FlowOutcome SetupFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

FlowOutcome SetupFlow::apply(const SetupIntent& intent, const FlowContext&) {
    return std::visit(Overloaded{
                          [&](const setup::SetText& i) { return setText(i.field, i.text); },
                          [&](const setup::Finish&) { return finish(); },
                          [&](const setup::LookForFiles&) {
                              lookForFiles();
                              return FlowOutcome::quiet();
                          },
                          [&](const setup::ImportFiles&) { return importFiles(); },
                          [&](const setup::TryDemo&) {
                              FlowOutcome outcome = FlowOutcome::accepted("Opening the demo");
                              outcome.openDemo = true;
                              return outcome;
                          },
                          [&](const setup::ShowLink& i) -> FlowOutcome {
                              if (!holdsTheStation()) return refuse("This station is set up already");
                              m_state.step = i.show ? SetupStep::Link : SetupStep::Details;
                              m_state.problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const setup::Link&) { return link(); },
                      },
                      intent);
}

FlowOutcome SetupFlow::setText(SetupField field, std::string text) {
    if (!holdsTheStation()) return refuse("This station is set up already");
    m_state.problem.reset();
    switch (field) {
    case SetupField::Business:
        m_state.business = std::move(text);
        break;
    case SetupField::Currency:
        for (auto& c : text)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        m_state.currency = std::move(text);
        break;
    case SetupField::Station:
        m_state.station = std::move(text);
        break;
    case SetupField::ShortCode:
        for (auto& c : text)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        m_state.shortCode = std::move(text);
        break;
    case SetupField::Admin:
        m_state.admin = std::move(text);
        break;
    case SetupField::Pin:
        if (auto valid = storage::checkPin(text); !valid) return refuse(valid.error().message);
        m_pin = std::move(text);
        m_state.pinDigits = m_pin.size();
        break;
    case SetupField::PinAgain:
        m_pinAgain = std::move(text);
        m_state.pinAgainDigits = m_pinAgain.size();
        break;
    case SetupField::ServerUrl:
        m_state.serverUrl = std::move(text);
        break;
    case SetupField::Token:
        setToken(std::move(text));
        break;
    }
    return FlowOutcome::quiet();
}

FlowOutcome SetupFlow::finish() {
    if (!holdsTheStation()) return refuse("This station is set up already");
    if (m_state.business.empty()) return refuse("Name the business first");
    if (m_state.station.empty()) return refuse("Name this station");
    if (m_state.shortCode.empty()) return refuse("Give the station a short code (it goes into lot codes)");
    if (m_state.admin.empty()) return refuse("Name the first admin");
    if (m_pin.empty()) return refuse("Choose the admin's PIN");
    if (m_pin != m_pinAgain) {
        m_pinAgain.clear();
        m_state.pinAgainDigits = 0;
        return refuse("The two PINs differ: type the PIN again");
    }
    auto admin = storage::setUpBusiness(m_ledger, {m_state.business, m_state.currency, m_state.station,
                                                   m_state.shortCode, m_state.admin, m_pin});
    if (!admin) return refuse(admin.error().message);
    m_pin.clear();
    m_pinAgain.clear();
    m_state.step = SetupStep::Start;
    m_state.problem.reset();
    lookForFiles();
    FlowOutcome outcome = FlowOutcome::accepted(m_state.business + " is set up: log in as " + admin->name);
    outcome.masterDataChanged = true;
    return outcome;
}

void SetupFlow::lookForFiles() {
    m_sources.clear();
    m_state.importFiles.clear();
    std::error_code ignored;
    const auto books = otherWorkbooks(m_state.importFolder);
    for (const auto& kind : setupImportKinds()) {
        const auto csv = m_state.importFolder / (kind + ".csv");
        const auto xlsx = m_state.importFolder / (kind + ".xlsx");
        if (std::filesystem::exists(csv, ignored)) {
            m_sources.push_back({kind, csv, std::nullopt});
        } else if (std::filesystem::exists(xlsx, ignored)) {
            m_sources.push_back({kind, xlsx, std::nullopt});
        } else {
            for (const auto& book : books) {
                const auto sheets = storage::workbookSheets(book);
                if (!sheets) continue; // a workbook that cannot be read offers no sheet to import
                const auto named = std::ranges::find_if(*sheets, [&](const std::string& s) { return sameText(s, kind); });
                if (named == sheets->end()) continue;
                m_sources.push_back({kind, book, *named});
                break;
            }
        }
    }
    for (const auto& source : m_sources)
        m_state.importFiles.push_back(source.label());
}

FlowOutcome SetupFlow::importFiles() {
    if (m_state.step != SetupStep::Start) return refuse("Set up the business first");
    lookForFiles();
    if (m_state.importFiles.empty())
        return refuse("No spreadsheets in " + m_state.importFolder.string() + " yet");
    const auto users = m_ledger.users();
    const std::string admin = users && !users->empty() ? users->front().name : std::string();
    std::vector<std::string> imported;
    // All files or none: a bad row in the last file leaves the first ones unimported too.
    auto done = m_ledger.atomically([&]() -> storage::Result<void> {
        for (const auto& source : m_sources) {
            const auto name = source.label();
            auto kind = storage::parseImportKind(source.kind);
            if (!kind) return std::unexpected(kind.error());
            storage::Result<storage::ImportSummary> summary = fail(ErrorKind::Io, "cannot read " + name);
            if (source.path.extension() == ".xlsx") {
                auto sheet = storage::readSheet(source.path, source.sheet);
                if (!sheet) return fail(sheet.error().kind, name + ": " + sheet.error().message);
                summary = storage::importSheet(m_ledger, *kind, *sheet, {.user = admin});
            } else if (auto text = readWhole(source.path)) {
                summary = storage::importCsv(m_ledger, *kind, *text, {.user = admin});
            }
            if (!summary) return fail(summary.error().kind, name + ": " + summary.error().message);
            imported.push_back(name + ": " + std::to_string(summary->rows) + " rows");
        }
        return {};
    });
    if (!done) return refuse(done.error().message);
    m_state.imported = std::move(imported);
    m_state.problem.reset();
    FlowOutcome outcome = FlowOutcome::accepted("Imported " + std::to_string(m_state.imported.size()) + " files");
    outcome.masterDataChanged = true;
    return outcome;
}

} // namespace lotstation::station
