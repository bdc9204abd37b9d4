#pragma once
// Typed reads from a JSON object with errors that name the file and the field ("lot.json: fields[2].height:
// missing"). Internal to template parsing.
#include "lotstation/labels/label_error.hpp"

#include <expected>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace lotstation::labels {

class JsonReader {
  public:
    JsonReader(const nlohmann::json& object, std::string source, std::string path)
        : m_object(object), m_source(std::move(source)), m_path(std::move(path)) {}

    [[nodiscard]] bool has(std::string_view key) const;
    [[nodiscard]] std::expected<double, LabelError> number(std::string_view key) const;
    [[nodiscard]] std::expected<double, LabelError> number(std::string_view key, double fallback) const;
    [[nodiscard]] std::expected<int, LabelError> integer(std::string_view key) const;
    [[nodiscard]] std::expected<int, LabelError> integer(std::string_view key, int fallback) const;
    [[nodiscard]] std::expected<std::string, LabelError> string(std::string_view key) const;
    [[nodiscard]] std::expected<std::string, LabelError> string(std::string_view key,
                                                                std::string_view fallback) const;
    [[nodiscard]] std::expected<bool, LabelError> boolean(std::string_view key, bool fallback) const;
    // The array at key (an empty array when absent and optional).
    [[nodiscard]] std::expected<const nlohmann::json*, LabelError> array(std::string_view key,
                                                                         bool required) const;
    // The object at key; nullptr when absent.
    [[nodiscard]] std::expected<const nlohmann::json*, LabelError> object(std::string_view key) const;
    // Typos must not pass silently: any key outside the allowed list is an error.
    [[nodiscard]] std::expected<void, LabelError>
    onlyKeys(std::initializer_list<std::string_view> allowed) const;

    [[nodiscard]] JsonReader child(const nlohmann::json& object, std::string_view childPath) const;
    [[nodiscard]] LabelError error(std::string_view key, std::string_view problem) const;
    [[nodiscard]] const std::string& source() const { return m_source; }

  private:
    [[nodiscard]] std::string fieldPath(std::string_view key) const;

    const nlohmann::json& m_object;
    std::string m_source;
    std::string m_path;
};

} // namespace lotstation::labels
