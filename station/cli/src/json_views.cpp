#include "json_views.hpp"

#include <sstream>

namespace lotstation::station::cli {
namespace {

template <typename T> nlohmann::json optionalValue(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json optionalDate(const std::optional<storage::Date>& date) {
    return date ? nlohmann::json(storage::formatDate(*date)) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json toJson(const storage::Item& item) {
    return {{"sku", item.sku},
            {"name", item.name},
            {"kind", storage::toString(item.kind)},
            {"uom", storage::toString(item.uom)},
            {"gtin", optionalValue(item.gtin)},
            {"lot_tracked", item.lotTracked},
            {"shelf_life_days", optionalValue(item.shelfLifeDays)},
            {"default_location", optionalValue(item.defaultLocation)},
            {"reorder_point", optionalValue(item.reorderPoint)}};
}

nlohmann::json toJson(const storage::Party& party) {
    return {{"code", party.code}, {"name", party.name}};
}

nlohmann::json toJson(const storage::Location& location) {
    return {{"code", location.code}, {"name", location.name}, {"kind", storage::toString(location.kind)}};
}

nlohmann::json toJson(const storage::User& user) {
    return {{"name", user.name},
            {"role", storage::toString(user.role)},
            {"badge", optionalValue(user.badge)},
            {"has_pin", user.hasPin}};
}

nlohmann::json toJson(const storage::Lot& lot) {
    return {{"code", lot.code},
            {"sku", lot.sku},
            {"supplier", optionalValue(lot.supplier)},
            {"supplier_lot", optionalValue(lot.supplierLot)},
            {"run", optionalValue(lot.run)},
            {"origin_date", storage::formatDate(lot.originDate)},
            {"expiry", optionalDate(lot.expiry)},
            {"best_before", optionalDate(lot.bestBefore)},
            {"status", storage::toString(lot.status)},
            {"unit_cost_micros", optionalValue(lot.unitCost)}};
}

nlohmann::json toJson(const storage::Run& run) {
    return {{"code", run.code},
            {"sku", run.sku},
            {"planned", run.planned},
            {"actual", optionalValue(run.actual)},
            {"workstation", optionalValue(run.workstation)},
            {"operator", run.operatorName},
            {"started_at", storage::formatTimestamp(run.startedAt)},
            {"finished_at", run.finishedAt ? nlohmann::json(storage::formatTimestamp(*run.finishedAt))
                                           : nlohmann::json(nullptr)},
            {"status", storage::toString(run.status)},
            {"output_lot", optionalValue(run.outputLot)}};
}

nlohmann::json toJson(const storage::Recipe& recipe) {
    nlohmann::json components = nlohmann::json::array();
    for (const auto& component : recipe.components)
        components.push_back({{"sku", component.sku}, {"quantity", component.quantity}});
    return {{"sku", recipe.sku}, {"output_quantity", recipe.outputQuantity}, {"components", components}};
}

nlohmann::json toJson(const storage::Movement& movement, storage::Uom uom) {
    return {{"id", movement.id},
            {"station", movement.stationId},
            {"seq", movement.seq},
            {"at", storage::formatTimestamp(movement.at)},
            {"user", movement.user},
            {"kind", storage::toString(movement.kind)},
            {"lot", movement.lot},
            {"quantity", movement.quantity},
            {"quantity_text", storage::formatQuantity(movement.quantity, uom)},
            {"from", optionalValue(movement.from)},
            {"to", optionalValue(movement.to)},
            {"run", optionalValue(movement.run)},
            {"party", optionalValue(movement.party)},
            {"reference", optionalValue(movement.reference)},
            {"reason", optionalValue(movement.reason)},
            {"unit_cost_micros", optionalValue(movement.unitCost)},
            {"reverses", optionalValue(movement.reverses)},
            {"approved_by", optionalValue(movement.approvedBy)},
            {"overridden", optionalValue(movement.overridden)},
            {"scale", optionalValue(movement.scale)},
            {"hash", movement.hash}};
}

std::string describe(const storage::Movement& movement, storage::Uom uom) {
    std::ostringstream line;
    line << storage::formatTimestamp(movement.at) << "  " << storage::toString(movement.kind) << "  "
         << movement.lot << "  " << storage::formatQuantity(movement.quantity, uom);
    if (movement.from) line << "  from " << *movement.from;
    if (movement.to) line << "  to " << *movement.to;
    if (movement.party) line << "  (" << *movement.party << ")";
    if (movement.run) line << "  run " << *movement.run;
    if (movement.reference) line << "  ref " << *movement.reference;
    if (movement.reason) line << "  reason: " << *movement.reason;
    if (movement.approvedBy) line << "  approved by " << *movement.approvedBy;
    if (movement.scale) line << "  weighed on " << *movement.scale;
    line << "  by " << movement.user << "  [" << movement.id << "]";
    return line.str();
}

} // namespace lotstation::station::cli
