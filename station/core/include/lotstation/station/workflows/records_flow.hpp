#pragma once
// Records: the master data a business keeps at its station — items, recipes, suppliers, customers,
// locations, users, and the business's currency and lot-code pattern — listed by kind, changed on the glass. Supervisors and admins change
// records; only admins change users and reset PINs (the ledger says who may, in its own words). Each save is
// one audited, revisioned change (storage/master_edits.hpp). An item's GTIN is scanned from the product or
// typed; a recipe's components are scanned from their labels or picked. A new item opened from Receive (an
// unknown GTIN) carries the GTIN and goes back to the receipt when saved; so does a new supplier made from there. A location's label and a user's badge
// print again from their open record. On a station linked to a central server, the server stays the one
// source: a change is made there (and arrives back by sync), refused in a sentence while it cannot be reached.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/master_edits.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class RecordKind { Item, Recipe, Supplier, Customer, Location, User, Business };
enum class RecordField {
    Code,
    Name,
    ItemKind,
    Unit,
    Gtin,
    ShelfLife,
    DefaultLocation,
    ReorderPoint,
    LotTracked,
    LocationKind,
    Role,
    Badge,
    RecipeOutput,
    Setting, // the value of the open business setting (a currency code, a lot-code pattern)
};

// The business's settings, the rows of RecordKind::Business.
inline constexpr std::string_view kCurrencySetting = "currency";
inline constexpr std::string_view kLotCodeSetting = "lot-codes";

[[nodiscard]] std::string_view recordKindId(RecordKind kind);    // "item", "recipe", ... (widget ids)
[[nodiscard]] std::string_view recordKindTitle(RecordKind kind); // "Items", "Recipes", ...
[[nodiscard]] std::span<const RecordKind> allRecordKinds();

// One record being added or changed; only the part of its kind is used.
struct RecordDraft {
    RecordKind kind = RecordKind::Item;
    bool isNew = true;
    storage::NewItem item{.sku = "", .name = "", .kind = storage::ItemKind::Raw, .uom = storage::Uom::Gram};
    storage::Party party;
    storage::Location location{"", "", storage::LocationKind::Store};
    storage::NewUser user;
    storage::Recipe recipe;
    bool hasPin = false; // a user's: set, or they choose one at their first log-in
    std::string setting;      // the business setting open: kCurrencySetting or kLotCodeSetting
    std::string settingValue; // its value as typed
    std::string example;      // a lot-code pattern's code for today, or empty
    // A recipe's items (its output and components) by SKU: their names and units, for the view and keypad.
    std::map<std::string, std::string> names;
    std::map<std::string, storage::Uom> units;
};

struct RecordRow {
    std::string code;   // the widget id is "records.row.<code>"
    std::string name;   // "Shea butter"
    std::string detail; // "SHEA · raw · g · GTIN 09501101530003"
};

struct RecordsState {
    RecordKind kind = RecordKind::Item;
    std::vector<RecordRow> rows; // the records of the kind
    std::optional<RecordDraft> draft;
    std::optional<std::string> problem;
    std::optional<std::string> saved;                 // the last save, in words
    std::vector<storage::MasterChange> history;       // the draft's record, newest first
    bool backToReceipt = false;                       // opened from Receive: Save returns there
};

namespace records {
struct ShowKind {
    RecordKind kind;
};
struct New {};
struct NewItemWithGtin { // from Receive, an unknown GTIN
    std::string gtin;
};
struct NewSupplierForReceipt {}; // from Receive: a supplier not in the list yet
struct Edit {
    std::string code;
};
struct SetText { // text fields, and the choices of the pickers by their id ("raw", "g", "yes", "STORE")
    RecordField field;
    std::string text;
};
struct SetQuantity { // reorder point, a recipe's output
    RecordField field;
    Quantity quantity;
};
struct AddComponent {
    std::string sku;
};
struct SetComponent {
    std::string sku;
    Quantity quantity;
};
struct RemoveComponent {
    std::string sku;
};
struct Save {};
struct Cancel {};
struct ResetPin {};
struct PrintLabel {}; // the open location's label, or the open user's badge, again
} // namespace records

using RecordsIntent =
    std::variant<records::ShowKind, records::New, records::NewItemWithGtin, records::NewSupplierForReceipt, records::Edit, records::SetText,
                 records::SetQuantity, records::AddComponent, records::SetComponent, records::RemoveComponent,
                 records::Save, records::Cancel, records::ResetPin, records::PrintLabel>;

class RecordsFlow final : public ScreenFlow {
  public:
    using Intent = RecordsIntent;
    using State = RecordsState;

    explicit RecordsFlow(storage::Ledger& ledger);
    // With the ledger's file: a station linked to a server sends its changes there (records_remote.cpp).
    explicit RecordsFlow(const FlowDeps& deps);

    FlowOutcome apply(const RecordsIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const RecordsState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Records; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override;
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    [[nodiscard]] std::optional<std::string> whyNot(RecordKind kind, const FlowContext& context) const;
    FlowOutcome startNew(RecordKind kind, const FlowContext& context);
    FlowOutcome edit(const std::string& code, const FlowContext& context);
    FlowOutcome setText(RecordField field, const std::string& text);
    FlowOutcome setQuantity(RecordField field, const Quantity& quantity);
    FlowOutcome addComponent(const std::string& sku);
    FlowOutcome save(const FlowContext& context);
    FlowOutcome printLabel() const;
    // The business settings (records_business.cpp).
    [[nodiscard]] std::vector<RecordRow> businessRows() const;
    FlowOutcome editBusiness(const std::string& setting);
    void setSetting(const std::string& text);
    [[nodiscard]] storage::Result<std::string> saveBusiness(const RecordDraft& draft, const std::string& by);
    // A linked station's change, made on the server (records_remote.cpp).
    [[nodiscard]] storage::Result<std::string> saveOnServer(const RecordDraft& draft, const std::string& by);
    FlowOutcome refuse(std::string message);
    void readRows();
    void learnItem(const std::string& sku); // its name and unit into the draft
    void readHistory();

    storage::Ledger& m_ledger;
    std::filesystem::path m_ledgerPath; // empty: not a file, so never linked
    RecordsState m_state;
};

} // namespace lotstation::station
