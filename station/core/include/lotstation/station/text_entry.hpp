#pragma once
// What the on-screen text keyboard edits: a line of UTF-8 text typed key by key (names, reasons, notes, lot
// codes), and the keyboard's layout as data, so the view only draws it and tests can type on it. Letters and
// digits are on the first layer with the symbols lot codes and names use most; a second layer holds the
// accented letters, a third the other symbols. Shift is one-shot (the next letter only), like a phone's.
#include "lotstation/core/error.hpp"

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::station {

enum class KeyboardLayer { Letters, Accents, Symbols };

enum class TextKeyKind { Character, Shift, Backspace, Space, Clear, Layer };

struct TextKey {
    std::string id;     // stable for scripts: "a", "7", "-", "é", "shift", "back", "space", "layer.accents"
    std::string glyph;  // what the key shows and types (upper case while shifted)
    TextKeyKind kind = TextKeyKind::Character;
    KeyboardLayer target = KeyboardLayer::Letters; // where a Layer key goes
    float width = 1.0f;                            // in key widths
};

using KeyboardRow = std::vector<TextKey>;

// The rows of a layer as drawn (shifted: letters in upper case).
[[nodiscard]] std::vector<KeyboardRow> keyboardRows(KeyboardLayer layer, bool shifted);

// The upper-case form of one UTF-8 character the keyboard offers ("é" -> "É"); others unchanged.
[[nodiscard]] std::string upperOf(std::string_view character);

class TextEntry {
  public:
    explicit TextEntry(std::string text = {}, std::size_t maxCharacters = 80)
        : m_text(std::move(text)), m_max(maxCharacters) {}

    // A key of the current layer by its id; false (the view buzzes) when it cannot apply: unknown key, the
    // text is full, nothing to delete.
    bool press(std::string_view keyId);
    // Text from a hardware keyboard or a keyboard-wedge scanner, as typed (control characters dropped).
    bool type(std::string_view text);
    void replace(std::string text); // a camera scan fills the field with what it read

    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] KeyboardLayer layer() const { return m_layer; }
    [[nodiscard]] bool shifted() const { return m_shift; }
    [[nodiscard]] std::size_t characters() const; // code points, not bytes
    [[nodiscard]] std::size_t maxCharacters() const { return m_max; }
    // The text without leading and trailing spaces; refused when that leaves nothing.
    [[nodiscard]] std::expected<std::string, Error> confirm() const;

  private:
    bool append(std::string_view characters);

    std::string m_text;
    std::size_t m_max;
    KeyboardLayer m_layer = KeyboardLayer::Letters;
    bool m_shift = false;
};

} // namespace lotstation::station
