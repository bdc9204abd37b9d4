#include "lotstation/station/events_script.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/text_entry.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

namespace lotstation::station {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

std::pair<std::string_view, std::string_view> splitWord(std::string_view text) {
    text = trim(text);
    const auto space = std::find_if(text.begin(), text.end(),
                                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    const auto length = static_cast<std::size_t>(space - text.begin());
    return {text.substr(0, length), trim(text.substr(length))};
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Scan payloads may need the GS separator of GS1 data; a script writes it as {GS}.
std::string unescapePayload(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, 4) == "{GS}") {
            out += '\x1d';
            i += 4;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::optional<long> parseCount(std::string_view text) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || value < 0) return std::nullopt;
    if (end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::expected<std::string, std::string> quoted(std::string_view text) {
    if (text.empty()) return std::unexpected("needs the text to look for");
    if (text.front() != '"') return std::string(text);
    if (text.size() < 2 || text.back() != '"') return std::unexpected("unclosed quote");
    return std::string(text.substr(1, text.size() - 2));
}

std::expected<Key, std::string> keyNamed(std::string_view name) {
    const std::string key = lower(name);
    if (key == "enter" || key == "return") return Key::Enter;
    if (key == "backspace") return Key::Backspace;
    if (key == "escape" || key == "esc") return Key::Escape;
    if (key == "tab") return Key::Tab;
    return std::unexpected("unknown key \"" + std::string(name) + "\" (Enter, Backspace, Escape, Tab)");
}

// One line to zero or more events (type expands to keypad taps); an error message without the line number.
std::expected<std::vector<ScriptEvent>, std::string> parseLine(int line, std::string_view text) {
    const auto [verb, rest] = splitWord(text);
    const std::string command = lower(verb);
    ScriptEvent event;
    event.line = line;
    auto single = [&](ScriptAction action) -> std::expected<std::vector<ScriptEvent>, std::string> {
        event.action = action;
        return std::vector<ScriptEvent>{event};
    };
    if (command == "tap") {
        if (rest.empty() || rest.find(' ') != std::string_view::npos)
            return std::unexpected("tap needs one widget id, e.g. tap home.receive");
        event.text = rest;
        return single(ScriptAction::Tap);
    }
    if (command == "drag") {
        const auto [id, amount] = splitWord(rest);
        long pixels = 0;
        const auto [end, error] = std::from_chars(amount.data(), amount.data() + amount.size(), pixels);
        if (id.empty() || amount.empty() || error != std::errc() || end != amount.data() + amount.size())
            return std::unexpected("drag needs a widget id and pixels, e.g. drag picker.list -300");
        event.text = id;
        event.count = pixels;
        return single(ScriptAction::Drag);
    }
    if (command == "scan" || command == "wedge") {
        if (rest.empty()) return std::unexpected(command + " needs the payload that was read");
        event.text = unescapePayload(rest);
        return single(command == "scan" ? ScriptAction::Scan : ScriptAction::Wedge);
    }
    if (command == "type") {
        if (rest.empty()) return std::unexpected("type needs keypad keys, e.g. type 2.5");
        std::vector<ScriptEvent> taps;
        for (char c : rest) {
            std::string_view id;
            if (c >= '0' && c <= '9')
                id = keypadKeyId(static_cast<KeypadKey>(c - '0'));
            else if (c == '.')
                id = keypadKeyId(KeypadKey::Dot);
            else
                return std::unexpected(std::string("type takes digits and '.', not '") + c + "'");
            taps.push_back(ScriptEvent{line, ScriptAction::Tap, "keypad." + std::string(id), Key::Enter, 0});
        }
        return taps;
    }
    if (command == "spell") {
        // Taps on the text keyboard's first layer: an upper-case letter is shift, then the letter.
        if (rest.empty()) return std::unexpected("spell needs text, e.g. spell Rose & Co");
        std::vector<ScriptEvent> taps;
        auto tap = [&](std::string id) {
            taps.push_back(ScriptEvent{line, ScriptAction::Tap, "keyboard." + id, Key::Enter, 0});
        };
        const auto rows = keyboardRows(KeyboardLayer::Letters, false);
        auto onLayer = [&](const std::string& id) {
            for (const auto& row : rows)
                for (const auto& key : row)
                    if (key.kind == TextKeyKind::Character && key.id == id) return true;
            return false;
        };
        for (const char c : rest) {
            const std::string lowered(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            if (c == ' ') {
                tap("space");
            } else if (onLayer(lowered)) {
                if (std::isupper(static_cast<unsigned char>(c))) tap("shift");
                tap(lowered);
            } else {
                return std::unexpected(std::string("spell types letters, digits, space and - ' / . , &, not '") +
                                       c + "' (tap keyboard.layer.symbols or keyboard.layer.accents first)");
            }
        }
        return taps;
    }
    if (command == "key") {
        auto key = keyNamed(rest);
        if (!key) return std::unexpected(key.error());
        event.key = *key;
        return single(ScriptAction::Key);
    }
    if (command == "wait") {
        const auto [amount, unit] = splitWord(rest);
        std::string_view number = amount;
        std::string suffix = lower(unit);
        if (suffix.empty()) { // "500ms", "2s"
            const auto digits =
                std::find_if(amount.begin(), amount.end(), [](char c) { return c < '0' || c > '9'; });
            const auto length = static_cast<std::size_t>(digits - amount.begin());
            number = amount.substr(0, length);
            suffix = lower(amount.substr(length));
        }
        const auto count = parseCount(number);
        if (!count) return std::unexpected("wait needs a whole number, e.g. wait 500ms or wait 10 frames");
        event.count = *count;
        if (suffix == "ms") return single(ScriptAction::WaitMs);
        if (suffix == "s") {
            event.count *= 1000;
            return single(ScriptAction::WaitMs);
        }
        if (suffix == "frame" || suffix == "frames") return single(ScriptAction::WaitFrames);
        return std::unexpected("wait takes ms, s or frames, not \"" + suffix + "\"");
    }
    if (command == "screenshot") {
        if (rest.size() < 5 || lower(rest.substr(rest.size() - 4)) != ".png")
            return std::unexpected("screenshot needs a file name ending in .png");
        event.text = rest;
        return single(ScriptAction::Screenshot);
    }
    if (command == "expect") {
        const auto [what, wanted] = splitWord(rest);
        auto textWanted = quoted(wanted);
        if (!textWanted) return std::unexpected("expect " + std::string(what) + ": " + textWanted.error());
        event.text = *textWanted;
        if (what == "text") return single(ScriptAction::ExpectText);
        if (what == "no-text") return single(ScriptAction::ExpectNoText);
        return std::unexpected("expect takes text or no-text, not \"" + std::string(what) + "\"");
    }
    if (command == "quit") {
        if (!rest.empty()) return std::unexpected("quit takes nothing after it");
        return single(ScriptAction::Quit);
    }
    return std::unexpected("unknown event \"" + std::string(verb) + "\"");
}

} // namespace

std::expected<std::vector<ScriptEvent>, Error> parseEventScript(std::string_view source) {
    std::vector<ScriptEvent> events;
    int lineNumber = 0;
    std::size_t start = 0;
    while (start <= source.size()) {
        const auto end = std::min(source.find('\n', start), source.size());
        ++lineNumber;
        const std::string_view line = trim(source.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        auto parsed = parseLine(lineNumber, line);
        if (!parsed)
            return fail(ErrorKind::Invalid, "line " + std::to_string(lineNumber) + ": " + parsed.error());
        events.insert(events.end(), parsed->begin(), parsed->end());
    }
    return events;
}

std::expected<std::vector<ScriptEvent>, Error> loadEventScript(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorKind::Io, "cannot read the event script " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    auto events = parseEventScript(content.str());
    if (!events) return fail(ErrorKind::Invalid, path.string() + ": " + events.error().message);
    return events;
}

} // namespace lotstation::station
