// The first run of a station: the business and station named, the first admin made, the currency set, in
// one transaction, on a ledger nobody has used yet.
#include "lotstation/storage/currency.hpp"
#include "lotstation/core/text.hpp"
#include "master_audit.hpp"

#include <cctype>

namespace lotstation::storage {
namespace {

Result<std::string> shortCodeOf(std::string_view text) {
    std::string code = trimmed(text);
    if (code.empty() || code.size() > 4) return fail(ErrorKind::Invalid, "the short code is 1 to 4 letters or digits");
    for (auto& c : code) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return fail(ErrorKind::Invalid, "the short code is 1 to 4 letters or digits");
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return code;
}

// A name and a short code a station can carry (the short code goes into every lot code it makes).
struct StationNames {
    std::string station;
    std::string shortCode;
};
Result<StationNames> stationNamesOf(std::string_view name, std::string_view code) {
    const std::string station = trimmed(name);
    if (station.empty()) return fail(ErrorKind::Invalid, "the station needs a name");
    if (station.size() > 40) return fail(ErrorKind::Invalid, "a station name of at most 40 characters, please");
    auto shortCode = shortCodeOf(code);
    if (!shortCode) return std::unexpected(shortCode.error());
    return StationNames{station, *shortCode};
}

// Only a station nobody has used yet is named here: the short code is in every code it has made.
Result<void> requireUnused(LedgerCore& core) {
    auto used = core.db.cached("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM movements)");
    used.step();
    if (used.int64(0) > 0) return fail(ErrorKind::Refused, "this station is already set up");
    return {};
}

void writeNames(LedgerCore& core, const StationNames& names, const std::string& business) {
    core.db.cached("UPDATE station SET name = ?1, short_code = ?2, business_name = ?3")
        .bindAll(names.station, names.shortCode, business)
        .run();
    core.identity.name = names.station; // lot and run codes carry the short code from now on
    core.identity.shortCode = names.shortCode;
}

} // namespace

Result<void> nameLinkedStation(Ledger& ledger, std::string_view station, std::string_view shortCode) {
    auto& core = LedgerAccess::core(ledger);
    auto names = stationNamesOf(station, shortCode);
    if (!names) return std::unexpected(names.error());
    const StationIdentity before = core.identity;
    auto done = ledger.atomically([&]() -> Result<void> {
        if (auto unused = requireUnused(core); !unused) return unused;
        writeNames(core, *names, "");
        return {};
    });
    if (!done) core.identity = before;
    return done;
}

Result<User> setUpBusiness(Ledger& ledger, const BusinessSetup& setup) {
    auto& core = LedgerAccess::core(ledger);
    const std::string business = trimmed(setup.business);
    if (business.empty()) return fail(ErrorKind::Invalid, "the business needs a name");
    if (business.size() > 80) return fail(ErrorKind::Invalid, "a business name of at most 80 characters, please");
    auto names = stationNamesOf(setup.station, setup.shortCode);
    if (!names) return std::unexpected(names.error());
    const std::string& station = names->station;
    const std::string& shortCode = names->shortCode;
    if (auto pin = checkPin(setup.pin); !pin) return std::unexpected(pin.error());
    std::optional<User> admin;
    const StationIdentity before = core.identity;
    auto done = ledger.atomically([&]() -> Result<void> {
        if (auto unused = requireUnused(core); !unused) return std::unexpected(unused.error());
        writeNames(core, *names, business);
        auto made = ledger.addUser(NewUser{trimmed(setup.admin), UserRole::Admin, {}, setup.pin, {}});
        if (!made) return std::unexpected(made.error());
        if (auto currency = setLedgerCurrency(ledger, trimmed(setup.currency), made->name); !currency)
            return std::unexpected(currency.error());
        recordChange(core, made->name, MasterKind::User, made->name, "added",
                     "role: admin; first admin of " + business + ", station " + station + " (" + shortCode + ")");
        admin = *made;
        return {};
    });
    if (!done) {
        core.identity = before; // rolled back: the codes keep the old short code too
        return std::unexpected(done.error());
    }
    return *admin;
}

Result<std::string> businessName(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::string> {
        auto s = core.db.cached("SELECT business_name FROM station");
        return s.step() ? s.text(0) : std::string();
    });
}

} // namespace lotstation::storage
