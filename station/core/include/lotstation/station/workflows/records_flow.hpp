#pragma once
// Records: the master data a business keeps at its station — items, recipes, suppliers, customers,
// locations and users — listed by kind, added and changed on the glass. Supervisors and admins change
// records; only admins change users and reset PINs (the ledger says who may, in its own words). Each save is
// one audited, revisioned change (storage/master_edits.hpp). An item's GTIN is scanned from the product or
// typed; a recipe's components are scanned from their labels or picked. A new item opened from Receive (an
// unknown GTIN) carries the GTIN and goes back to the receipt when saved.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/master_edits.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class RecordKind { Item, Recipe, Supplier, Customer, Location, User };
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
};

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
} // namespace records

using RecordsIntent =
    std::variant<records::ShowKind, records::New, records::NewItemWithGtin, records::Edit, records::SetText,
                 records::SetQuantity, records::AddComponent, records::SetComponent, records::RemoveComponent,
                 records::Save, records::Cancel, records::ResetPin>;

class RecordsFlow final : public ScreenFlow {
  public:
    using Intent = RecordsIntent;
    using State = RecordsState;

    explicit RecordsFlow(storage::Ledger& ledger);

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
    FlowOutcome refuse(std::string message);
    void readRows();
    void learnItem(const std::string& sku); // its name and unit into the draft
    void readHistory();

    storage::Ledger& m_ledger;
    RecordsState m_state;
};

} // namespace lotstation::station
