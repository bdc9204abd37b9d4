// The demo's quality control: shea butter is checked on receipt against a three-test spec; quinn (qa, PIN
// 3333) inspected the first delivery and its acid value failed; a second delivery arrived since. Both wait
// in quarantine on the Quality screen.
#include "demo_quality.hpp"

#include "lotstation/storage/quality.hpp"

namespace lotstation::station {

storage::Result<std::vector<std::string>> seedQuality(storage::Ledger& ledger,
                                                      const std::function<void(std::chrono::hours)>& advance) {
    using storage::TestKind;
    auto check = [](auto result) -> storage::Result<void> {
        if (!result) return std::unexpected(storage::Error{result.error().kind, "demo: " + result.error().message});
        return {};
    };
    if (auto ok = check(ledger.addUser({"quinn", storage::UserRole::Qa, "B-QUINN", "3333", "admin"})); !ok)
        return std::unexpected(ok.error());
    if (auto ok = check(ledger.addSupplier({"KARITE", "Karite Cooperative"})); !ok) return std::unexpected(ok.error());
    if (auto ok = check(ledger.addItem({.sku = "SHEA-BUTTER", .name = "Shea butter, unrefined",
                                        .kind = storage::ItemKind::Raw, .uom = storage::Uom::Gram,
                                        .defaultLocation = "QUAR"}));
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = check(storage::setQcPolicy(ledger, "SHEA-BUTTER", storage::QcPolicy::Receipt)); !ok)
        return std::unexpected(ok.error());
    for (const auto& test :
         {storage::SpecTest{.name = "acid", .kind = TestKind::Numeric, .min = "0", .max = "4", .unit = "mg KOH/g",
                            .method = "ISO 660"},
          storage::SpecTest{.name = "odour", .kind = TestKind::Text, .expected = "nutty"},
          storage::SpecTest{.name = "seal", .kind = TestKind::PassFail}})
        if (auto ok = check(storage::setSpecTest(ledger, "SHEA-BUTTER", test, "quinn")); !ok)
            return std::unexpected(ok.error());
    std::vector<std::string> lots;
    for (const auto* supplierLot : {"KC-2411-07", "KC-2411-19"}) {
        advance(std::chrono::hours{lots.empty() ? 8 : 6});
        auto received = ledger.receive({.sku = "SHEA-BUTTER", .supplier = "KARITE", .supplierLot = supplierLot,
                                        .quantity = 8'000'000, .unitCost = 6'800, .location = "QUAR",
                                        .reference = std::string("PO-") + supplierLot, .user = "ana"});
        if (auto ok = check(received); !ok) return std::unexpected(ok.error());
        lots.push_back(received->lotCode);
        if (lots.size() == 1) {
            advance(std::chrono::hours{1});
            auto inspected = storage::inspect(ledger, {.lot = lots[0],
                                                       .results = {{"acid", "4.6"}, {"odour", "nutty"}, {"seal", "pass"}},
                                                       .sampleSize = 2,
                                                       .note = "drum 2 sampled",
                                                       .signer = "quinn",
                                                       .pin = "3333"});
            if (auto ok = check(inspected); !ok) return std::unexpected(ok.error());
        }
    }
    return lots;
}

} // namespace lotstation::station
