// Users, their badges and PINs (Argon2id via libsodium's crypto_pwhash_str).
#include "crypto.hpp"
#include "ledger_core.hpp"
#include "rows.hpp"
#include "validation.hpp"

namespace lotstation::storage {

Result<User> Ledger::addUser(const NewUser& request) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<User> {
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
            if (!pinHash) return fail(ErrorKind::Storage, "not enough memory to hash the PIN");
        }
        core.db.cached("INSERT INTO users (name, role, badge, pin_hash) VALUES (?1, ?2, ?3, ?4)")
            .bindAll(*name, toString(request.role), badge, pinHash)
            .run();
        return *findUser(core, *name);
    });
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

std::vector<User> Ledger::users() const {
    auto s =
        m_impl->core.db.cached("SELECT name, role, badge, pin_hash IS NOT NULL FROM users ORDER BY name");
    std::vector<User> out;
    while (s.step()) {
        out.push_back(User{s.text(0), parseUserRole(s.text(1)).value_or(UserRole::Operator), s.optText(2),
                           s.int64(3) != 0});
    }
    return out;
}

Result<User> Ledger::verifyPin(std::string_view nameOrBadge, std::string_view pin) const {
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
        // One message for every failure: it must not tell a stranger which user names exist.
        if (!name || !hash || !pinMatches(*hash, pin)) return fail(ErrorKind::Refused, "wrong user or PIN");
        return *findUser(core, *name);
    });
}

} // namespace lotstation::storage
