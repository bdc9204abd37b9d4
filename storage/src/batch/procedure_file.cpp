// Reading a procedure file (the master batch record as JSON, batch_record.hpp). Every problem is one sentence
// naming where it is: a syntax error its line and column, a bad value its step and field. Unknown fields are
// refused too, so a misspelt "tolerence" never silently drops a tolerance.
#include "batch_rules.hpp"

#include "../decimal.hpp"
#include "../rows.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <set>

namespace lotstation::storage {
namespace {

using Json = nlohmann::ordered_json;

struct Problem {
    std::string where;
    Error error() const { return Error{ErrorKind::Invalid, where}; }
};

std::string syntaxWhere(std::string_view text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

class Reader {
  public:
    Reader(const Json& object, std::string where) : m_object(object), m_where(std::move(where)) {}

    Result<void> onlyFields(std::initializer_list<const char*> known) const {
        if (!m_object.is_object()) return fail(ErrorKind::Invalid, m_where + ": expected an object { ... }");
        std::set<std::string> names(known.begin(), known.end());
        for (const auto& [key, value] : m_object.items())
            if (!names.contains(key))
                return fail(ErrorKind::Invalid, m_where + ": unknown field '" + key + "'");
        return {};
    }

    Result<std::optional<std::string>> text(const char* name, bool required) const {
        if (!m_object.contains(name)) {
            if (required) return fail(ErrorKind::Invalid, m_where + ": field '" + name + "' is missing");
            return std::optional<std::string>{};
        }
        const auto& value = m_object.at(name);
        if (value.is_number()) return std::optional<std::string>{value.dump()};
        if (!value.is_string() || trim(value.get<std::string>()).empty())
            return fail(ErrorKind::Invalid, field(name) + " must be text (a number may be written as \"5\")");
        return std::optional<std::string>{std::string(trim(value.get<std::string>()))};
    }

    Result<bool> flag(const char* name) const {
        if (!m_object.contains(name)) return false;
        if (!m_object.at(name).is_boolean()) return fail(ErrorKind::Invalid, field(name) + " must be true or false");
        return m_object.at(name).get<bool>();
    }

    std::string field(const char* name) const { return m_where + ", field '" + name + "'"; }
    const Json& json() const { return m_object; }

  private:
    const Json& m_object;
    std::string m_where;
};

#define TRY_ASSIGN(var, expr)                                                                                  \
    auto var##_result = (expr);                                                                                \
    if (!var##_result) return std::unexpected(var##_result.error());                                          \
    auto var = std::move(*var##_result)

// A number written exactly ("35", "0.5"): checked here so judge() never meets a limit it cannot read.
Result<void> exactDecimal(const std::string& text, const std::string& where) {
    std::string_view rest;
    auto number = readDecimal(trim(text), rest);
    if (!number || !rest.empty() || number->decimals > 18)
        return fail(ErrorKind::Invalid, where + ": '" + text + "' is not a number (digits, one optional '.')");
    return {};
}

Result<SpecTest> readTest(const Json& json, const std::string& where, bool required) {
    Reader r(json, where);
    if (auto ok = r.onlyFields({"name", "unit", "min", "max"}); !ok) return std::unexpected(ok.error());
    TRY_ASSIGN(name, r.text("name", true));
    TRY_ASSIGN(unit, r.text("unit", true));
    TRY_ASSIGN(min, r.text("min", false));
    TRY_ASSIGN(max, r.text("max", false));
    if (required && !min && !max)
        return fail(ErrorKind::Invalid, where + ": an in-process check needs a 'min', a 'max' or both");
    for (const auto& [limit, which] : {std::pair{&min, "min"}, std::pair{&max, "max"}})
        if (*limit)
            if (auto ok = exactDecimal(**limit, r.field(which)); !ok) return std::unexpected(ok.error());
    SpecTest test{.name = *name, .kind = TestKind::Numeric, .min = min, .max = max, .unit = unit};
    if (min && max && !judge(SpecTest{.name = *name, .kind = TestKind::Numeric, .min = min}, *max).value_or(false))
        return fail(ErrorKind::Invalid, where + ": 'min' " + *min + " is above 'max' " + *max);
    return test;
}

Result<ProcedureStep> readStep(LedgerCore& core, const Recipe* recipe, const Json& json, std::size_t number) {
    const std::string at = "step " + std::to_string(number);
    if (!json.is_object() || !json.contains("kind") || !json.at("kind").is_string())
        return fail(ErrorKind::Invalid, at + ": each step is an object with a 'kind' (line-clearance, weigh, "
                                             "instruction, check, pack)");
    auto kind = parseStepKind(json.at("kind").get<std::string>());
    if (!kind) return fail(ErrorKind::Invalid, at + ", field 'kind': " + kind.error().message);
    const std::string where = at + " (" + toString(*kind) + ")";
    Reader r(json, where);
    ProcedureStep step{.kind = *kind};
    switch (*kind) {
    case StepKind::LineClearance: {
        if (auto ok = r.onlyFields({"kind", "title", "checklist", "verify"}); !ok) return std::unexpected(ok.error());
        const auto& list = json.contains("checklist") ? json.at("checklist") : Json();
        if (!list.is_array() || list.empty())
            return fail(ErrorKind::Invalid, r.field("checklist") + " must list what is checked, e.g. [\"previous "
                                                                    "batch removed\"]");
        for (const auto& point : list) {
            if (!point.is_string() || trim(point.get<std::string>()).empty())
                return fail(ErrorKind::Invalid, r.field("checklist") + ": every point is text");
            step.checklist.emplace_back(trim(point.get<std::string>()));
        }
        step.title = "Line clearance";
        break;
    }
    case StepKind::Weigh: {
        if (auto ok = r.onlyFields({"kind", "title", "component", "target", "tolerance", "verify"}); !ok)
            return std::unexpected(ok.error());
        TRY_ASSIGN(component, r.text("component", true));
        const auto item = findItem(core, *component);
        if (!item) return fail(ErrorKind::Invalid, r.field("component") + ": no item " + *component);
        if (recipe && std::ranges::none_of(recipe->components,
                                           [&](const RecipeComponent& c) { return c.sku == item->item.sku; }))
            return fail(ErrorKind::Invalid, r.field("component") + ": " + item->item.sku + " is not in the recipe of " +
                                                recipe->sku);
        step.component = item->item.sku;
        TRY_ASSIGN(target, r.text("target", true));
        auto quantity = parseQuantity(*target, item->item.uom, item->item.sku);
        if (!quantity) return fail(ErrorKind::Invalid, r.field("target") + ": " + quantity.error().message);
        if (*quantity <= 0) return fail(ErrorKind::Invalid, r.field("target") + ": must be more than nothing");
        step.target = *quantity;
        TRY_ASSIGN(tolerance, r.text("tolerance", true));
        if (tolerance->ends_with('%')) {
            if (auto ok = exactDecimal(tolerance->substr(0, tolerance->size() - 1), r.field("tolerance")); !ok)
                return std::unexpected(ok.error());
        } else if (auto amount = parseQuantity(*tolerance, item->item.uom, item->item.sku); !amount || *amount < 0) {
            return fail(ErrorKind::Invalid, r.field("tolerance") + ": '" + *tolerance +
                                                "' is neither a quantity (\"5g\") nor a percentage (\"1%\")");
        } else {
            step.toleranceQuantity = *amount;
        }
        step.tolerance = *tolerance;
        step.title = "Weigh " + item->item.name;
        break;
    }
    case StepKind::Instruction:
    case StepKind::Check:
    case StepKind::Pack: {
        if (auto ok = r.onlyFields({"kind", "title", "text", "equipment", "value", "verify"}); !ok)
            return std::unexpected(ok.error());
        TRY_ASSIGN(text, r.text("text", *kind != StepKind::Check));
        TRY_ASSIGN(equipment, r.text("equipment", false));
        step.text = text.value_or("");
        step.equipment = equipment;
        if (json.contains("value")) {
            TRY_ASSIGN(test, readTest(json.at("value"), where + ", field 'value'", *kind == StepKind::Check));
            step.value = test;
        } else if (*kind == StepKind::Check) {
            return fail(ErrorKind::Invalid, r.field("value") + " is missing: a check names its test, unit and "
                                                                "limits");
        }
        step.title = *kind == StepKind::Pack ? "Pack and label" : step.value ? step.value->name : step.text;
        break;
    }
    }
    TRY_ASSIGN(title, r.text("title", false));
    if (title) step.title = *title;
    TRY_ASSIGN(verify, r.flag("verify"));
    step.verify = verify;
    return step;
}

} // namespace

Result<Procedure> readProcedureFile(LedgerCore& core, std::string_view sku, std::string_view text,
                                    const Recipe* recipe) {
    auto item = requireItem(core, sku);
    if (!item) return std::unexpected(item.error());
    Json json;
    try {
        json = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return fail(ErrorKind::Invalid, "the procedure file is not JSON at " + syntaxWhere(text, e.byte ? e.byte - 1 : 0));
    }
    Reader r(json, "the procedure");
    if (auto ok = r.onlyFields({"per", "yield", "steps"}); !ok) return std::unexpected(ok.error());
    Procedure out{.sku = item->item.sku};
    TRY_ASSIGN(per, r.text("per", true));
    auto perQuantity = parseQuantity(*per, item->item.uom, item->item.sku);
    if (!perQuantity || *perQuantity <= 0)
        return fail(ErrorKind::Invalid, r.field("per") + ": '" + *per + "' is not an output quantity of " +
                                            item->item.sku + " (the targets are per this much output)");
    out.per = *perQuantity;
    if (!json.contains("yield")) return fail(ErrorKind::Invalid, r.field("yield") + " is missing: {\"min\": \"95\", \"max\": \"102\"} (%)");
    Reader y(json.at("yield"), "the procedure, field 'yield'");
    if (auto ok = y.onlyFields({"min", "max"}); !ok) return std::unexpected(ok.error());
    TRY_ASSIGN(yieldMin, y.text("min", true));
    TRY_ASSIGN(yieldMax, y.text("max", true));
    for (const auto& [limit, which] : {std::pair{&yieldMin, "min"}, std::pair{&yieldMax, "max"}})
        if (auto ok = exactDecimal(**limit, y.field(which)); !ok) return std::unexpected(ok.error());
    if (!judge(SpecTest{.name = "yield", .kind = TestKind::Numeric, .min = yieldMin}, *yieldMax).value_or(false))
        return fail(ErrorKind::Invalid, "the procedure, field 'yield': 'min' " + *yieldMin + " is above 'max' " + *yieldMax);
    out.yieldMin = *yieldMin;
    out.yieldMax = *yieldMax;
    if (!json.contains("steps") || !json.at("steps").is_array() || json.at("steps").empty())
        return fail(ErrorKind::Invalid, r.field("steps") + " must list the steps in order");
    std::size_t number = 0;
    for (const auto& step : json.at("steps")) {
        auto read = readStep(core, recipe, step, ++number);
        if (!read) return std::unexpected(read.error());
        out.steps.push_back(std::move(*read));
    }
    out.source = json.dump(2);
    return out;
}

} // namespace lotstation::storage
