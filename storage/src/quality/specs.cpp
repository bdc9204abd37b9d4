// QC policy per item and versioned specifications; judging a value against a test with exact decimals.
#include "quality_rows.hpp"
#include "lotstation/storage/quality_sync.hpp"

#include "../decimal.hpp"
#include "../validation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace lotstation::storage {
namespace {

constexpr std::array<std::pair<QcPolicy, const char*>, 4> kPolicies{{{QcPolicy::None, "none"},
                                                                     {QcPolicy::Receipt, "receipt"},
                                                                     {QcPolicy::Release, "release"},
                                                                     {QcPolicy::Both, "both"}}};
constexpr std::array<std::pair<TestKind, const char*>, 3> kTestKinds{
    {{TestKind::PassFail, "pass_fail"}, {TestKind::Numeric, "numeric"}, {TestKind::Text, "text"}}};

const char* kindName(TestKind kind) {
    for (const auto& [value, name] : kTestKinds)
        if (value == kind) return name;
    return "pass_fail";
}

TestKind kindFrom(std::string_view text) {
    for (const auto& [value, name] : kTestKinds)
        if (text == name) return value;
    return TestKind::PassFail;
}

std::string lower(std::string_view text) {
    std::string out(trim(text));
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// An exact decimal of at most 18 significant digits and 18 decimals (so any two compare exactly in 128 bits).
std::optional<Decimal> exactNumber(std::string_view text) {
    std::string_view rest;
    auto value = readDecimal(trim(text), rest);
    if (!value || !rest.empty()) return std::nullopt;
    const Wide limit = powerOfTen(18);
    if (value->mantissa >= limit || value->mantissa <= -limit || value->decimals > 18) return std::nullopt;
    return value;
}

int compare(const Decimal& a, const Decimal& b) {
    const int scale = std::max(a.decimals, b.decimals);
    const Wide left = a.mantissa * powerOfTen(scale - a.decimals);
    const Wide right = b.mantissa * powerOfTen(scale - b.decimals);
    return left < right ? -1 : left > right ? 1 : 0;
}

Result<SpecTest> validTest(const SpecTest& test) {
    auto name = validCode(test.name, "test name");
    if (!name) return std::unexpected(name.error());
    SpecTest out = test;
    out.name = *name;
    if (test.kind == TestKind::Numeric) {
        if (!test.min && !test.max)
            return fail(ErrorKind::Invalid, "numeric test " + out.name + " needs a --min, a --max or both");
        if (!test.unit || trim(*test.unit).empty())
            return fail(ErrorKind::Invalid, "numeric test " + out.name + " needs a --unit");
        std::optional<Decimal> min, max;
        for (auto [limit, which] : {std::pair{&test.min, "min"}, std::pair{&test.max, "max"}}) {
            if (!*limit) continue;
            auto value = exactNumber(**limit);
            if (!value)
                return fail(ErrorKind::Invalid, std::string(which) + " of " + out.name + ": '" + **limit +
                                                    "' is not a number (digits, one optional '.')");
            (std::string_view(which) == "min" ? min : max) = value;
        }
        if (min && max && compare(*min, *max) > 0)
            return fail(ErrorKind::Invalid, "test " + out.name + ": min " + *test.min + " is above max " + *test.max);
        out.expected.reset();
    } else if (test.kind == TestKind::Text) {
        if (!test.expected || trim(*test.expected).empty())
            return fail(ErrorKind::Invalid, "text test " + out.name + " needs the expected value");
        out.min.reset();
        out.max.reset();
    } else {
        out.min.reset();
        out.max.reset();
        out.expected.reset();
        out.unit.reset();
    }
    if (out.method && trim(*out.method).empty()) out.method.reset();
    return out;
}

} // namespace

const char* toString(QcPolicy policy) {
    for (const auto& [value, name] : kPolicies)
        if (value == policy) return name;
    return "none";
}

const char* toString(TestKind kind) {
    return kindName(kind);
}

Result<TestKind> parseTestKind(std::string_view text) {
    for (const auto& [value, name] : kTestKinds)
        if (text == name) return value;
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a test kind (pass_fail, numeric, text)");
}

Result<QcPolicy> parseQcPolicy(std::string_view text) {
    for (const auto& [value, name] : kPolicies)
        if (lower(text) == name) return value;
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a QC policy (none, receipt, release, both)");
}

bool qcOnReceipt(QcPolicy policy) {
    return policy == QcPolicy::Receipt || policy == QcPolicy::Both;
}

bool qcOnRelease(QcPolicy policy) {
    return policy == QcPolicy::Release || policy == QcPolicy::Both;
}

QcPolicy policyOf(LedgerCore& core, std::int64_t itemId) {
    auto s = core.db.cached("SELECT qc_policy FROM items WHERE id = ?1");
    s.bindAll(itemId);
    if (!s.step()) return QcPolicy::None;
    return parseQcPolicy(s.text(0)).value_or(QcPolicy::None);
}

Result<void> setQcPolicy(Ledger& ledger, std::string_view sku, QcPolicy policy) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<void> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        core.db.cached("UPDATE items SET qc_policy = ?2 WHERE id = ?1").bindAll(item->id, toString(policy)).run();
        return {};
    });
}

Result<QcPolicy> qcPolicy(const Ledger& ledger, std::string_view sku) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<QcPolicy> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        return policyOf(core, item->id);
    });
}

Spec specOf(LedgerCore& core, const ItemRow& item) {
    Spec spec;
    spec.sku = item.item.sku;
    std::int64_t specId = 0;
    {
        auto s = core.db.cached("SELECT id, version, created_at, created_by FROM spec_versions WHERE item_id = ?1 "
                                "ORDER BY version DESC LIMIT 1");
        s.bindAll(item.id);
        if (!s.step()) return spec;
        specId = s.int64(0);
        spec.version = static_cast<int>(s.int64(1));
        spec.createdAt = parseTimestamp(s.text(2)).value_or(Timestamp{});
        spec.createdBy = s.text(3);
    }
    auto s = core.db.cached("SELECT name, kind, min, max, unit, expected, method FROM spec_tests WHERE spec_id = ?1 "
                            "ORDER BY position");
    s.bindAll(specId);
    while (s.step()) {
        spec.tests.push_back(SpecTest{s.text(0), kindFrom(s.text(1)), s.optText(2), s.optText(3), s.optText(4),
                                      s.optText(5), s.optText(6)});
    }
    return spec;
}

Result<Spec> currentSpec(const Ledger& ledger, std::string_view sku) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Spec> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        return specOf(core, *item);
    });
}

Result<Spec> setSpecTest(Ledger& ledger, std::string_view sku, const SpecTest& test, std::string_view user) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Spec> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        auto who = requireUser(core, user);
        if (!who) return std::unexpected(who.error());
        auto valid = validTest(test);
        if (!valid) return std::unexpected(valid.error());
        auto spec = specOf(core, *item);
        auto same = std::ranges::find_if(spec.tests, [&](const SpecTest& t) { return lower(t.name) == lower(valid->name); });
        if (same != spec.tests.end())
            *same = *valid;
        else
            spec.tests.push_back(*valid);
        sql::Transaction transaction(core.db);
        core.db
            .cached("INSERT INTO spec_versions (item_id, version, created_at, created_by) VALUES (?1, ?2, ?3, ?4)")
            .bindAll(item->id, spec.version + 1, formatTimestamp(core.clock()), who->name)
            .run();
        const auto specId = core.db.lastInsertRowid();
        int position = 0;
        for (const auto& t : spec.tests) {
            core.db
                .cached("INSERT INTO spec_tests (spec_id, position, name, kind, min, max, unit, expected, method) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .bindAll(specId, ++position, t.name, kindName(t.kind), t.min, t.max, t.unit, t.expected, t.method)
                .run();
        }
        transaction.commit();
        return specOf(core, *item);
    });
}

Result<bool> judge(const SpecTest& test, std::string_view value) {
    switch (test.kind) {
    case TestKind::PassFail: {
        const auto word = lower(value);
        if (word == "pass" || word == "ok" || word == "yes") return true;
        if (word == "fail" || word == "no") return false;
        return fail(ErrorKind::Invalid, test.name + ": '" + std::string(value) + "' is not pass or fail");
    }
    case TestKind::Numeric: {
        auto number = exactNumber(value);
        if (!number)
            return fail(ErrorKind::Invalid, test.name + ": '" + std::string(value) +
                                                "' is not a number (digits, one optional '.'; in " +
                                                test.unit.value_or("") + ")");
        if (test.min && compare(*number, *exactNumber(*test.min)) < 0) return false;
        if (test.max && compare(*number, *exactNumber(*test.max)) > 0) return false;
        return true;
    }
    case TestKind::Text:
        if (trim(value).empty()) return fail(ErrorKind::Invalid, test.name + ": no value given");
        return lower(value) == lower(test.expected.value_or(""));
    }
    return false;
}

std::string describeLimits(const SpecTest& test) {
    switch (test.kind) {
    case TestKind::PassFail:
        return test.name + " pass/fail";
    case TestKind::Numeric: {
        const auto unit = test.unit ? " " + *test.unit : std::string();
        if (test.min && test.max) return test.name + " " + *test.min + "–" + *test.max + unit;
        if (test.min) return test.name + " ≥ " + *test.min + unit;
        return test.name + " ≤ " + test.max.value_or("") + unit;
    }
    case TestKind::Text:
        return test.name + " = " + test.expected.value_or("");
    }
    return test.name;
}

} // namespace lotstation::storage
