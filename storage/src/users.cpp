// Users, their badges and PINs (Argon2id via libsodium's crypto_pwhash_str), who may add users, and the
// lock-out after repeated wrong PINs.
#include "crypto.hpp"
#include "ledger_core.hpp"
#include "permissions.hpp"
#include "rows.hpp"
#include "validation.hpp"

namespace lotstation::storage {
namespace {

Result<User> insertUser(LedgerCore& core, const NewUser& request) {
    auto name = validCode(request.name, "user name");
    if (!name) return std::unexpected(name.error());
    if (findUser(core, *name)) return fail(ErrorKind::Conflict, "user " + *name + " already exists");
    std::optional<std::string> badge;
    if (request.badge && !request.badge->empty()) {
        auto valid = validCode(*request.badge, "badge code");
        if (!valid) return std::unexpected(valid.error());
        auto other = core.db.cached("SELECT name FROM users WHERE badge = ?1");
        other.bindAll(*valid);
        if (other.step())
            return fail(ErrorKind::Conflict, "badge " + *valid + " already belongs to " + other.text(0));
        badge = *valid;
    }
    std::optional<std::string> pinHash;
    if (request.pin) {
        if (request.pin->size() < 4) return fail(ErrorKind::Invalid, "a PIN has at least 4 characters");
        pinHash = hashPin(*request.pin);
        if (!pinHash) return fail(ErrorKind::Io, "not enough memory to hash the PIN");
    }
    core.db.cached("INSERT INTO users (name, role, badge, pin_hash) VALUES (?1, ?2, ?3, ?4)")
        .bindAll(*name, toString(request.role), badge, pinHash)
        .run();
    return *findUser(core, *name);
}

bool hasAdmin(LedgerCore& core) {
    return core.db.cached("SELECT 1 FROM users WHERE role = 'admin' LIMIT 1").step();
}

// The count of wrong PINs is kept per user (name and badge share it); for a name or badge nobody has, per
// what was typed, so that a stranger learns nothing from when the lock-out message appears.
struct PinFailures {
    std::int64_t failures = 0;
    std::optional<std::int64_t> lockedUntilMs;
};

PinFailures failuresOf(LedgerCore& core, std::string_view login) {
    auto s = core.db.cached("SELECT failures, locked_until_ms FROM pin_failures WHERE login = ?1");
    s.bindAll(login);
    if (!s.step()) return {};
    return {s.int64(0), s.optInt64(1)};
}

std::string waitText(std::chrono::milliseconds left) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
    if (seconds <= 90) return std::to_string(seconds) + " s";
    return std::to_string((seconds + 59) / 60) + " min";
}

// Counts one more wrong PIN; locks the login out when that reaches the limit (and starts the count afresh
// for after the lock-out).
std::unexpected<Error> wrongPin(LedgerCore& core, const std::string& login, const PinFailures& before,
                                Timestamp now) {
    const auto& policy = core.pinLockout;
    const auto failures = before.failures + 1;
    if (policy.maxWrongPins > 0 && failures >= policy.maxWrongPins) {
        const auto until = now + policy.lockout;
        core.db
            .cached("INSERT INTO pin_failures (login, failures, locked_until_ms) VALUES (?1, 0, ?2) "
                    "ON CONFLICT (login) DO UPDATE SET failures = 0, locked_until_ms = ?2")
            .bindAll(login, static_cast<std::int64_t>(until.time_since_epoch().count()))
            .run();
        return fail(ErrorKind::Refused,
                    "wrong user or PIN; too many wrong PINs: try again in " + waitText(policy.lockout));
    }
    core.db
        .cached("INSERT INTO pin_failures (login, failures, locked_until_ms) VALUES (?1, ?2, NULL) "
                "ON CONFLICT (login) DO UPDATE SET failures = ?2, locked_until_ms = NULL")
        .bindAll(login, failures)
        .run();
    return fail(ErrorKind::Refused, "wrong user or PIN");
}

} // namespace

Result<User> Ledger::addUser(const NewUser& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<User> {
        if (hasAdmin(core)) {
            if (request.by.empty())
                return fail(ErrorKind::Invalid, "who is adding this user? adding a user needs an admin");
            auto admin = requireAllowed(core, request.by, Action::ManageUsers);
            if (!admin) return std::unexpected(admin.error());
        }
        return insertUser(core, request);
    });
}

Result<User> Ledger::addUserFromCentral(const NewUser& request) {
    return inWriteTransaction(m_impl->core, [&] { return insertUser(m_impl->core, request); });
}

Result<User> Ledger::user(std::string_view name) const {
    return guarded([&] { return requireUser(m_impl->core, name); });
}

Result<User> Ledger::userByBadge(std::string_view badge) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<User> {
        std::string name;
        {
            auto s = core.db.cached("SELECT name FROM users WHERE badge = ?1");
            s.bindAll(badge);
            if (!s.step()) return fail(ErrorKind::NotFound, "no user has badge " + std::string(badge));
            name = s.text(0);
        }
        return *findUser(core, name);
    });
}

Result<std::vector<User>> Ledger::users() const {
    return guarded([&]() -> Result<std::vector<User>> {
        auto s =
            m_impl->core.db.cached("SELECT name, role, badge, pin_hash IS NOT NULL FROM users ORDER BY name");
        std::vector<User> out;
        while (s.step()) {
            out.push_back(User{s.text(0), parseUserRole(s.text(1)).value_or(UserRole::Operator), s.optText(2),
                               s.int64(3) != 0});
        }
        return out;
    });
}

Result<User> Ledger::recordPinAttempt(std::string_view nameOrBadge, std::string_view pin) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<User> {
        std::optional<std::string> name;
        std::optional<std::string> hash;
        {
            auto s = core.db.cached("SELECT name, pin_hash FROM users WHERE name = ?1 OR badge = ?1");
            s.bindAll(nameOrBadge);
            if (s.step()) {
                name = s.text(0);
                hash = s.optText(1);
            }
        }
        const auto login = name.value_or(std::string(nameOrBadge));
        const auto now = core.clock();
        const auto failures = failuresOf(core, login);
        // Locked: refused before the (deliberately slow) hash is even checked.
        if (failures.lockedUntilMs) {
            const Timestamp until{std::chrono::milliseconds{*failures.lockedUntilMs}};
            if (now < until)
                return fail(ErrorKind::Refused, "too many wrong PINs: try again in " + waitText(until - now));
        }
        // One message for every failure: it must not tell a stranger which user names exist.
        if (!name || !hash || !pinMatches(*hash, pin)) {
            sql::Transaction transaction(core.db);
            auto refused = wrongPin(core, login, failures, now);
            transaction.commit();
            return refused;
        }
        if (failures.failures > 0 || failures.lockedUntilMs) {
            core.db.cached("DELETE FROM pin_failures WHERE login = ?1").bindAll(login).run();
        }
        return *findUser(core, *name);
    });
}

} // namespace lotstation::storage
