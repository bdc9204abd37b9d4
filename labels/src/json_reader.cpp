#include "json_reader.hpp"

#include <cmath>

namespace lotstation::labels {

namespace {

std::string describe(const nlohmann::json& value) {
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return std::string(value.type_name()) + " " + text;
}

} // namespace

std::string JsonReader::fieldPath(std::string_view key) const {
    if (m_path.empty()) return std::string(key);
    return m_path + "." + std::string(key);
}

LabelError JsonReader::error(std::string_view key, std::string_view problem) const {
    const std::string where = key.empty() ? m_path : fieldPath(key);
    return LabelError{ErrorKind::Invalid, m_source + ": " +
                                                    (where.empty() ? std::string() : where + ": ") +
                                                    std::string(problem)};
}

JsonReader JsonReader::child(const nlohmann::json& object, std::string_view childPath) const {
    return JsonReader(object, m_source, fieldPath(childPath));
}

bool JsonReader::has(std::string_view key) const {
    return m_object.is_object() && m_object.contains(key);
}

std::expected<double, LabelError> JsonReader::number(std::string_view key) const {
    if (!has(key)) return std::unexpected(error(key, "missing"));
    const auto& value = m_object.at(key);
    if (!value.is_number()) return std::unexpected(error(key, "expected a number, got " + describe(value)));
    const double result = value.get<double>();
    if (!std::isfinite(result)) return std::unexpected(error(key, "not a finite number"));
    return result;
}

std::expected<double, LabelError> JsonReader::number(std::string_view key, double fallback) const {
    if (!has(key)) return fallback;
    return number(key);
}

std::expected<int, LabelError> JsonReader::integer(std::string_view key) const {
    if (!has(key)) return std::unexpected(error(key, "missing"));
    const auto& value = m_object.at(key);
    if (!value.is_number_integer())
        return std::unexpected(error(key, "expected a whole number, got " + describe(value)));
    const auto result = value.get<long long>();
    if (result < -1000000 || result > 1000000) return std::unexpected(error(key, "out of range"));
    return static_cast<int>(result);
}

std::expected<int, LabelError> JsonReader::integer(std::string_view key, int fallback) const {
    if (!has(key)) return fallback;
    return integer(key);
}

std::expected<std::string, LabelError> JsonReader::string(std::string_view key) const {
    if (!has(key)) return std::unexpected(error(key, "missing"));
    const auto& value = m_object.at(key);
    if (!value.is_string()) return std::unexpected(error(key, "expected a string, got " + describe(value)));
    return value.get<std::string>();
}

std::expected<std::string, LabelError> JsonReader::string(std::string_view key,
                                                          std::string_view fallback) const {
    if (!has(key)) return std::string(fallback);
    return string(key);
}

std::expected<bool, LabelError> JsonReader::boolean(std::string_view key, bool fallback) const {
    if (!has(key)) return fallback;
    const auto& value = m_object.at(key);
    if (!value.is_boolean())
        return std::unexpected(error(key, "expected true or false, got " + describe(value)));
    return value.get<bool>();
}

std::expected<const nlohmann::json*, LabelError> JsonReader::array(std::string_view key,
                                                                   bool required) const {
    static const nlohmann::json kEmpty = nlohmann::json::array(); // immutable constant, not shared state
    if (!has(key)) {
        if (required) return std::unexpected(error(key, "missing"));
        return &kEmpty;
    }
    const auto& value = m_object.at(key);
    if (!value.is_array()) return std::unexpected(error(key, "expected a list, got " + describe(value)));
    return &value;
}

std::expected<const nlohmann::json*, LabelError> JsonReader::object(std::string_view key) const {
    if (!has(key)) return nullptr;
    const auto& value = m_object.at(key);
    if (!value.is_object()) return std::unexpected(error(key, "expected an object, got " + describe(value)));
    return &value;
}

std::expected<void, LabelError> JsonReader::onlyKeys(std::initializer_list<std::string_view> allowed) const {
    if (!m_object.is_object())
        return std::unexpected(error("", "expected an object, got " + describe(m_object)));
    for (const auto& item : m_object.items()) {
        bool known = false;
        for (auto key : allowed)
            known = known || key == item.key();
        if (!known) return std::unexpected(error(item.key(), "unknown key (misspelt?)"));
    }
    return {};
}

} // namespace lotstation::labels
