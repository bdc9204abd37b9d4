// The words enums are stored and shown as. One table per enum, read both ways.
#include "lotstation/storage/model.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace lotstation::storage {
namespace {

template <typename E, std::size_t N> using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<ItemKind, 4> kItemKinds{{{ItemKind::Raw, "raw"},
                                         {ItemKind::Packaging, "packaging"},
                                         {ItemKind::Intermediate, "intermediate"},
                                         {ItemKind::Finished, "finished"}}};
constexpr Names<LocationKind, 6> kLocationKinds{{{LocationKind::Dock, "dock"},
                                                 {LocationKind::Store, "store"},
                                                 {LocationKind::Workstation, "workstation"},
                                                 {LocationKind::Quarantine, "quarantine"},
                                                 {LocationKind::Finished, "finished"},
                                                 {LocationKind::Shipped, "shipped"}}};
constexpr Names<LotStatus, 7> kLotStatuses{{{LotStatus::Available, "available"},
                                            {LotStatus::Quarantine, "quarantine"},
                                            {LotStatus::Hold, "hold"},
                                            {LotStatus::Recalled, "recalled"},
                                            {LotStatus::Expired, "expired"},
                                            {LotStatus::Depleted, "depleted"},
                                            {LotStatus::Rejected, "rejected"}}};
constexpr Names<UserRole, 4> kUserRoles{{{UserRole::Operator, "operator"},
                                         {UserRole::Supervisor, "supervisor"},
                                         {UserRole::Admin, "admin"},
                                         {UserRole::Qa, "qa"}}};
constexpr Names<RunStatus, 2> kRunStatuses{{{RunStatus::Open, "open"}, {RunStatus::Finished, "finished"}}};
constexpr Names<MovementKind, 11> kMovementKinds{{{MovementKind::Receive, "receive"},
                                                  {MovementKind::Consume, "consume"},
                                                  {MovementKind::Produce, "produce"},
                                                  {MovementKind::Move, "move"},
                                                  {MovementKind::Ship, "ship"},
                                                  {MovementKind::Adjust, "adjust"},
                                                  {MovementKind::Count, "count"},
                                                  {MovementKind::Scrap, "scrap"},
                                                  {MovementKind::Hold, "hold"},
                                                  {MovementKind::Release, "release"},
                                                  {MovementKind::Reversal, "reversal"}}};

template <typename E, std::size_t N> const char* nameOf(const Names<E, N>& names, E value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) return name;
    }
    return "?";
}

template <typename E, std::size_t N>
Result<E> valueOf(const Names<E, N>& names, std::string_view text, const char* what) {
    std::string lowered(text);
    for (auto& c : lowered)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [value, name] : names) {
        if (lowered == name) return value;
    }
    std::string choices;
    for (const auto& entry : names)
        choices += (choices.empty() ? "" : ", ") + std::string(entry.second);
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a " + what + " (" + choices + ")");
}

} // namespace

const char* toString(ItemKind value) {
    return nameOf(kItemKinds, value);
}
const char* toString(LocationKind value) {
    return nameOf(kLocationKinds, value);
}
const char* toString(LotStatus value) {
    return nameOf(kLotStatuses, value);
}
const char* toString(UserRole value) {
    return nameOf(kUserRoles, value);
}
const char* toString(RunStatus value) {
    return nameOf(kRunStatuses, value);
}
const char* toString(MovementKind value) {
    return nameOf(kMovementKinds, value);
}

Result<ItemKind> parseItemKind(std::string_view text) {
    return valueOf(kItemKinds, text, "item kind");
}
Result<LocationKind> parseLocationKind(std::string_view text) {
    return valueOf(kLocationKinds, text, "location kind");
}
Result<LotStatus> parseLotStatus(std::string_view text) {
    return valueOf(kLotStatuses, text, "lot status");
}
Result<UserRole> parseUserRole(std::string_view text) {
    return valueOf(kUserRoles, text, "role");
}
Result<RunStatus> parseRunStatus(std::string_view text) {
    return valueOf(kRunStatuses, text, "run status");
}
Result<MovementKind> parseMovementKind(std::string_view text) {
    return valueOf(kMovementKinds, text, "movement kind");
}

} // namespace lotstation::storage
