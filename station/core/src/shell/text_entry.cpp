#include "lotstation/station/text_entry.hpp"

#include <array>
#include <cctype>

namespace lotstation::station {
namespace {

bool continuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::size_t countCharacters(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if (!continuationByte(c)) ++count;
    return count;
}

TextKey character(std::string_view glyph, bool shifted) {
    return TextKey{std::string(glyph), shifted ? upperOf(glyph) : std::string(glyph), TextKeyKind::Character,
                   KeyboardLayer::Letters, 1.0f};
}

KeyboardRow characters(std::initializer_list<std::string_view> glyphs, bool shifted) {
    KeyboardRow row;
    for (const auto glyph : glyphs)
        row.push_back(character(glyph, shifted));
    return row;
}

TextKey special(std::string id, std::string glyph, TextKeyKind kind, float width,
                KeyboardLayer target = KeyboardLayer::Letters) {
    return TextKey{std::move(id), std::move(glyph), kind, target, width};
}

TextKey layerKey(KeyboardLayer target) {
    switch (target) {
    case KeyboardLayer::Letters:
        return special("layer.letters", "abc", TextKeyKind::Layer, 1.5f, target);
    case KeyboardLayer::Accents:
        return special("layer.accents", "àéü", TextKeyKind::Layer, 1.5f, target);
    case KeyboardLayer::Symbols:
        break;
    }
    return special("layer.symbols", "#+=", TextKeyKind::Layer, 1.5f, KeyboardLayer::Symbols);
}

// Every layer starts with the digits (lot codes and SKUs are mostly digits) and ends with space and Clear;
// every row is 11 key widths, so the keys line up.
KeyboardRow digitRow() {
    KeyboardRow row = characters({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}, false);
    row.push_back(special("back", "⌫", TextKeyKind::Backspace, 1.0f));
    return row;
}

KeyboardRow bottomRow(KeyboardLayer layer, std::string_view extra) {
    KeyboardRow row;
    for (const auto other : {KeyboardLayer::Letters, KeyboardLayer::Accents, KeyboardLayer::Symbols})
        if (other != layer && row.size() < 2) row.push_back(layerKey(other));
    row.push_back(special("space", "Space", TextKeyKind::Space, 5.0f));
    row.push_back(character(extra, false));
    row.push_back(special("clear", "Clear", TextKeyKind::Clear, 2.0f));
    return row;
}

} // namespace

std::string upperOf(std::string_view c) {
    if (c.size() == 1) return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c[0]))));
    if (c == "œ") return "Œ";
    if (c == "ÿ") return "Ÿ";
    // Latin-1 small letters à..þ (C3 A0..C3 BE, not ÷) are their capitals plus 0x20.
    if (c.size() == 2 && static_cast<unsigned char>(c[0]) == 0xC3) {
        const auto low = static_cast<unsigned char>(c[1]);
        if (low >= 0xA0 && low <= 0xBE && low != 0xB7) return std::string{c[0], static_cast<char>(low - 0x20)};
    }
    return std::string(c);
}

std::vector<KeyboardRow> keyboardRows(KeyboardLayer layer, bool shifted) {
    std::vector<KeyboardRow> rows{digitRow()};
    KeyboardRow shiftRow{special("shift", "⇧", TextKeyKind::Shift, 2.0f)};
    auto add = [&](KeyboardRow& to, const KeyboardRow& keys) { to.insert(to.end(), keys.begin(), keys.end()); };
    switch (layer) {
    case KeyboardLayer::Letters:
        rows.push_back(characters({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "-"}, shifted));
        rows.push_back(characters({"a", "s", "d", "f", "g", "h", "j", "k", "l", "'", "/"}, shifted));
        add(shiftRow, characters({"z", "x", "c", "v", "b", "n", "m", ".", ","}, shifted));
        rows.push_back(shiftRow);
        rows.push_back(bottomRow(layer, "&"));
        break;
    case KeyboardLayer::Accents:
        rows.push_back(characters({"à", "á", "â", "ä", "ã", "å", "æ", "ç", "è", "é", "ê"}, shifted));
        rows.push_back(characters({"ë", "ì", "í", "î", "ï", "ñ", "ò", "ó", "ô", "ö", "õ"}, shifted));
        add(shiftRow, characters({"ø", "œ", "ß", "ù", "ú", "û", "ü", "ý", "ÿ"}, shifted));
        rows.push_back(shiftRow);
        rows.push_back(bottomRow(layer, "-"));
        break;
    case KeyboardLayer::Symbols:
        rows.push_back(characters({"-", "_", "/", "\\", ".", ",", ":", ";", "#", "+", "*"}, false));
        rows.push_back(characters({"(", ")", "[", "]", "@", "'", "\"", "!", "?", "%", "="}, false));
        rows.push_back(characters({"$", "€", "£", "°", "<", ">", "{", "}", "~", "^", "µ"}, false)); // { } for lot-code patterns
        rows.push_back(bottomRow(layer, "&"));
        break;
    }
    return rows;
}

std::size_t TextEntry::characters() const {
    return countCharacters(m_text);
}

bool TextEntry::append(std::string_view typed) {
    if (characters() + countCharacters(typed) > m_max) return false;
    m_text += typed;
    return true;
}

bool TextEntry::press(std::string_view keyId) {
    for (const auto& row : keyboardRows(m_layer, m_shift)) {
        for (const auto& key : row) {
            if (key.id != keyId) continue;
            switch (key.kind) {
            case TextKeyKind::Character: {
                const bool typed = append(key.glyph);
                if (typed) m_shift = false; // one-shot, like a phone
                return typed;
            }
            case TextKeyKind::Space:
                return append(" ");
            case TextKeyKind::Shift:
                m_shift = !m_shift;
                return true;
            case TextKeyKind::Layer:
                m_layer = key.target;
                return true;
            case TextKeyKind::Clear:
                m_text.clear();
                return true;
            case TextKeyKind::Backspace:
                if (m_text.empty()) return false;
                while (!m_text.empty() && continuationByte(m_text.back()))
                    m_text.pop_back();
                if (!m_text.empty()) m_text.pop_back();
                return true;
            }
        }
    }
    return false;
}

bool TextEntry::type(std::string_view text) {
    std::string printable;
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) printable += c;
    if (printable.empty()) return false;
    return append(printable);
}

void TextEntry::replace(std::string text) {
    m_text.clear();
    (void)type(text);
}

std::expected<std::string, Error> TextEntry::confirm() const {
    const auto first = m_text.find_first_not_of(' ');
    if (first == std::string::npos) return fail(ErrorKind::Invalid, "type something first");
    const auto last = m_text.find_last_not_of(' ');
    return m_text.substr(first, last - first + 1);
}

} // namespace lotstation::station
