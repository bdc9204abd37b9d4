// GS1 DataMatrix (ECC 200, ISO/IEC 16022). ZXing 1.4's writer has no way to emit the FNC1 codeword (its ASCII
// encoder turns every input character c into c+1, and 232 would need an extended character), so GS1
// DataMatrix gets this small encoder: ASCII encodation only (digit pairs, FNC1, printable ASCII), which is
// what GS1 element strings need, square symbols 10x10 to 48x48 (one Reed-Solomon block each).
#include "gs1_text.hpp"
#include "lotstation/labels/symbol.hpp"

#include <array>
#include <cstdint>

namespace lotstation::labels {

namespace {

constexpr std::uint8_t kFnc1 = 232;
constexpr std::uint8_t kPad = 129;

struct SymbolSize {
    int size;    // modules per side, finder included
    int regions; // data regions per side
    int dataWords;
    int eccWords;
};

// ISO/IEC 16022 table 7, the square sizes that use a single Reed-Solomon block.
constexpr std::array<SymbolSize, 14> kSizes{{
    {10, 1, 3, 5},
    {12, 1, 5, 7},
    {14, 1, 8, 10},
    {16, 1, 12, 12},
    {18, 1, 18, 14},
    {20, 1, 22, 18},
    {22, 1, 30, 20},
    {24, 1, 36, 24},
    {26, 1, 44, 28},
    {32, 2, 62, 36},
    {36, 2, 86, 42},
    {40, 2, 114, 48},
    {44, 2, 144, 56},
    {48, 2, 174, 68},
}};

// GF(256) with the DataMatrix field polynomial x^8 + x^5 + x^3 + x^2 + 1.
class Galois {
  public:
    Galois() {
        int value = 1;
        for (int i = 0; i < 255; ++i) {
            m_exp[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value);
            m_log[static_cast<std::size_t>(value)] = static_cast<std::uint8_t>(i);
            value <<= 1;
            if (value & 0x100) value ^= 0x12D;
        }
    }
    [[nodiscard]] std::uint8_t multiply(std::uint8_t a, std::uint8_t b) const {
        if (a == 0 || b == 0) return 0;
        return m_exp[static_cast<std::size_t>((m_log[a] + m_log[b]) % 255)];
    }
    [[nodiscard]] std::uint8_t power(int n) const { return m_exp[static_cast<std::size_t>(n % 255)]; }

  private:
    std::array<std::uint8_t, 256> m_exp{};
    std::array<std::uint8_t, 256> m_log{};
};

std::vector<std::uint8_t> reedSolomon(const std::vector<std::uint8_t>& data, int eccWords) {
    const Galois gf;
    // Generator polynomial (x - a^1)(x - a^2)...(x - a^n), coefficients highest power first.
    std::vector<std::uint8_t> generator{1};
    for (int i = 1; i <= eccWords; ++i) {
        std::vector<std::uint8_t> next(generator.size() + 1, 0);
        for (std::size_t j = 0; j < generator.size(); ++j) {
            next[j] ^= generator[j];
            next[j + 1] ^= gf.multiply(generator[j], gf.power(i));
        }
        generator = std::move(next);
    }
    std::vector<std::uint8_t> remainder(static_cast<std::size_t>(eccWords), 0);
    for (std::uint8_t word : data) {
        const std::uint8_t factor = word ^ remainder[0];
        remainder.erase(remainder.begin());
        remainder.push_back(0);
        for (std::size_t j = 0; j < remainder.size(); ++j)
            remainder[j] ^= gf.multiply(generator[j + 1], factor);
    }
    return remainder;
}

std::expected<std::vector<std::uint8_t>, LabelError> asciiCodewords(std::string_view elementString, bool gs1) {
    std::vector<std::uint8_t> words;
    if (gs1) words.push_back(kFnc1);
    for (std::size_t i = 0; i < elementString.size(); ++i) {
        const char c = elementString[i];
        const bool pair = i + 1 < elementString.size() && c >= '0' && c <= '9' &&
                          elementString[i + 1] >= '0' && elementString[i + 1] <= '9';
        if (pair) {
            words.push_back(static_cast<std::uint8_t>(130 + (c - '0') * 10 + (elementString[i + 1] - '0')));
            ++i;
        } else if (c == kGroupSeparator && gs1) {
            words.push_back(kFnc1);
        } else if (c >= 0x20 && c <= 0x7E) {
            words.push_back(static_cast<std::uint8_t>(c + 1));
        } else {
            return std::unexpected(
                LabelError{ErrorKind::Invalid,
                           "DataMatrix data holds a character outside printable ASCII"});
        }
    }
    return words;
}

// ISO/IEC 16022 annex F: where each bit of each codeword goes in the mapping matrix.
class Placement {
  public:
    Placement(int rows, int cols)
        : m_rows(rows), m_cols(cols), m_cells(static_cast<std::size_t>(rows * cols), 0) {}

    void run() {
        int word = 1;
        int row = 4;
        int col = 0;
        do {
            if (row == m_rows && col == 0) corner1(word++);
            if (row == m_rows - 2 && col == 0 && m_cols % 4 != 0) corner2(word++);
            if (row == m_rows - 2 && col == 0 && m_cols % 8 == 4) corner3(word++);
            if (row == m_rows + 4 && col == 2 && m_cols % 8 == 0) corner4(word++);
            do { // up and to the right
                if (row < m_rows && col >= 0 && cell(row, col) == 0) utah(row, col, word++);
                row -= 2;
                col += 2;
            } while (row >= 0 && col < m_cols);
            row += 1;
            col += 3;
            do { // down and to the left
                if (row >= 0 && col < m_cols && cell(row, col) == 0) utah(row, col, word++);
                row += 2;
                col -= 2;
            } while (row < m_rows && col >= 0);
            row += 3;
            col += 1;
        } while (row < m_rows || col < m_cols);
        if (cell(m_rows - 1, m_cols - 1) == 0) { // the fixed pattern in the unused corner
            cell(m_rows - 1, m_cols - 1) = kFixedDark;
            cell(m_rows - 2, m_cols - 2) = kFixedDark;
        }
    }

    // Is the module at (row, col) dark for these codewords?
    [[nodiscard]] bool dark(int row, int col, const std::vector<std::uint8_t>& words) const {
        const int value = m_cells[static_cast<std::size_t>(row * m_cols + col)];
        if (value == kFixedDark) return true;
        if (value == 0) return false;
        const int word = value / 10 - 1;
        const int bit = value % 10; // 1 = most significant
        return ((words[static_cast<std::size_t>(word)] >> (8 - bit)) & 1) != 0;
    }

  private:
    static constexpr int kFixedDark = 1;

    int& cell(int row, int col) { return m_cells[static_cast<std::size_t>(row * m_cols + col)]; }

    void module(int row, int col, int word, int bit) {
        if (row < 0) {
            row += m_rows;
            col += 4 - ((m_rows + 4) % 8);
        }
        if (col < 0) {
            col += m_cols;
            row += 4 - ((m_cols + 4) % 8);
        }
        cell(row, col) = word * 10 + bit;
    }
    void utah(int row, int col, int word) {
        module(row - 2, col - 2, word, 1);
        module(row - 2, col - 1, word, 2);
        module(row - 1, col - 2, word, 3);
        module(row - 1, col - 1, word, 4);
        module(row - 1, col, word, 5);
        module(row, col - 2, word, 6);
        module(row, col - 1, word, 7);
        module(row, col, word, 8);
    }
    void corner1(int word) {
        module(m_rows - 1, 0, word, 1);
        module(m_rows - 1, 1, word, 2);
        module(m_rows - 1, 2, word, 3);
        module(0, m_cols - 2, word, 4);
        module(0, m_cols - 1, word, 5);
        module(1, m_cols - 1, word, 6);
        module(2, m_cols - 1, word, 7);
        module(3, m_cols - 1, word, 8);
    }
    void corner2(int word) {
        module(m_rows - 3, 0, word, 1);
        module(m_rows - 2, 0, word, 2);
        module(m_rows - 1, 0, word, 3);
        module(0, m_cols - 4, word, 4);
        module(0, m_cols - 3, word, 5);
        module(0, m_cols - 2, word, 6);
        module(0, m_cols - 1, word, 7);
        module(1, m_cols - 1, word, 8);
    }
    void corner3(int word) {
        module(m_rows - 3, 0, word, 1);
        module(m_rows - 2, 0, word, 2);
        module(m_rows - 1, 0, word, 3);
        module(0, m_cols - 2, word, 4);
        module(0, m_cols - 1, word, 5);
        module(1, m_cols - 1, word, 6);
        module(2, m_cols - 1, word, 7);
        module(3, m_cols - 1, word, 8);
    }
    void corner4(int word) {
        module(m_rows - 1, 0, word, 1);
        module(m_rows - 1, m_cols - 1, word, 2);
        module(0, m_cols - 3, word, 3);
        module(0, m_cols - 2, word, 4);
        module(0, m_cols - 1, word, 5);
        module(1, m_cols - 3, word, 6);
        module(1, m_cols - 2, word, 7);
        module(1, m_cols - 1, word, 8);
    }

    int m_rows;
    int m_cols;
    std::vector<int> m_cells;
};

std::expected<ModuleMatrix, LabelError> encodeWith(std::string_view elementString, bool gs1) {
    auto words = asciiCodewords(elementString, gs1);
    if (!words) return std::unexpected(words.error());
    const SymbolSize* chosen = nullptr;
    for (const auto& size : kSizes) {
        if (size.dataWords >= static_cast<int>(words->size())) {
            chosen = &size;
            break;
        }
    }
    if (!chosen)
        return std::unexpected(LabelError{ErrorKind::Invalid, "DataMatrix data too long (" +
                                                                           std::to_string(words->size()) +
                                                                           " codewords, at most 174)"});
    // Padding: one plain pad, then pads scrambled by the 253-state algorithm.
    if (static_cast<int>(words->size()) < chosen->dataWords) words->push_back(kPad);
    while (static_cast<int>(words->size()) < chosen->dataWords) {
        const int position = static_cast<int>(words->size()) + 1;
        int value = kPad + ((149 * position) % 253) + 1;
        if (value > 254) value -= 254;
        words->push_back(static_cast<std::uint8_t>(value));
    }
    const auto ecc = reedSolomon(*words, chosen->eccWords);
    words->insert(words->end(), ecc.begin(), ecc.end());

    const int regionSize = chosen->size / chosen->regions - 2; // data modules per region side
    const int mappingSize = regionSize * chosen->regions;
    Placement placement(mappingSize, mappingSize);
    placement.run();

    ModuleMatrix matrix;
    matrix.width = chosen->size;
    matrix.height = chosen->size;
    matrix.quietZone = 2; // the standard asks for 1; 2 is kinder to phone cameras
    matrix.modules.assign(static_cast<std::size_t>(chosen->size * chosen->size), 0);
    const int block = regionSize + 2;
    for (int y = 0; y < chosen->size; ++y) {
        for (int x = 0; x < chosen->size; ++x) {
            const int localX = x % block;
            const int localY = y % block;
            bool isDark = false;
            if (localX == 0 || localY == block - 1) {
                isDark = true; // solid L finder: left column and bottom row
            } else if (localY == 0) {
                isDark = localX % 2 == 0; // clock track along the top
            } else if (localX == block - 1) {
                isDark = localY % 2 == 1; // clock track down the right side
            } else {
                const int row = (y / block) * regionSize + localY - 1;
                const int col = (x / block) * regionSize + localX - 1;
                isDark = placement.dark(row, col, *words);
            }
            matrix.modules[static_cast<std::size_t>(y * chosen->size + x)] = isDark ? 1 : 0;
        }
    }
    return matrix;
}

} // namespace

std::expected<ModuleMatrix, LabelError> encodeGs1DataMatrix(std::string_view elementString) {
    return encodeWith(elementString, true);
}

std::expected<ModuleMatrix, LabelError> encodeDataMatrix(std::string_view text) {
    return encodeWith(text, false);
}

} // namespace lotstation::labels
