#include <planctl/import/label_parser.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/utf8.hpp>

#include <map>
#include <string>

namespace planctl::import {

namespace {

constexpr int k_largest_numeral = 999;

// The inverse of model::chinese_numeral, built from it once so that the two never disagree.
const std::map<std::string, int, std::less<>>& numeral_values() {
  static const std::map<std::string, int, std::less<>> values = [] {
    std::map<std::string, int, std::less<>> m;
    for (int n = 1; n <= k_largest_numeral; ++n) {
      m.emplace(model::chinese_numeral(n), n);
    }
    return m;
  }();
  return values;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Spaces (ASCII, tab, ideographic) after a label belong to it.
std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t') {
      ++pos;
    } else if (text.compare(pos, 3, "\u3000") == 0) {
      pos += 3;
    } else {
      break;
    }
  }
  return pos;
}

// The byte length of `(` or `（` at `pos` (0 when neither), likewise for the closing bracket.
std::size_t open_bracket(std::string_view text, std::size_t pos) {
  if (text.compare(pos, 1, "(") == 0) {
    return 1;
  }
  return text.compare(pos, 3, "（") == 0 ? 3 : 0;
}

std::size_t close_bracket(std::string_view text, std::size_t pos) {
  if (text.compare(pos, 1, ")") == 0) {
    return 1;
  }
  return text.compare(pos, 3, "）") == 0 ? 3 : 0;
}

// The Chinese numeral at `pos`: its value and byte length.
std::optional<std::pair<int, std::size_t>> numeral_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size()) {
    std::size_t next = end;
    if (!model::is_chinese_numeral_char(util::next_code_point(text, next))) {
      break;
    }
    end = next;
  }
  if (const std::optional<int> n = parse_chinese_numeral(text.substr(pos, end - pos))) {
    return std::pair{*n, end - pos};
  }
  return std::nullopt;
}

// The Arabic number at `pos` (at most three digits, as labels are): its value and length.
std::optional<std::pair<int, std::size_t>> digits_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_digit(text[end]) && end - pos < 4) {
    ++end;
  }
  if (end == pos || end - pos > 3 || (end < text.size() && is_digit(text[end]))) {
    return std::nullopt;
  }
  const int n = std::stoi(std::string(text.substr(pos, end - pos)));
  if (n == 0) {
    return std::nullopt;
  }
  return std::pair{n, end - pos};
}

std::optional<ParsedLabel> finish(std::string_view text, model::NumberStyle style, int n,
                                  std::size_t end) {
  const std::size_t after = skip_spaces(text, end);
  if (after >= text.size()) {
    return std::nullopt; // a bare number is not a heading
  }
  return ParsedLabel{style, n, after};
}

} // namespace

std::optional<int> parse_chinese_numeral(std::string_view text) {
  const auto& values = numeral_values();
  if (const auto it = values.find(text); it != values.end()) {
    return it->second;
  }
  return std::nullopt;
}

std::optional<ParsedLabel> parse_number_label(std::string_view text) {
  if (const std::size_t open = open_bracket(text, 0)) {
    if (const auto numeral = numeral_at(text, open)) {
      if (const std::size_t close = close_bracket(text, open + numeral->second)) {
        std::size_t end = open + numeral->second + close;
        if (text.compare(end, 3, "、") == 0) {
          end += 3; // `（一）、`, a common slip
        }
        return finish(text, model::NumberStyle::paren_chinese, numeral->first, end);
      }
    }
    if (const auto digits = digits_at(text, open)) {
      if (const std::size_t close = close_bracket(text, open + digits->second)) {
        return finish(text, model::NumberStyle::paren_arabic, digits->first,
                      open + digits->second + close);
      }
    }
    return std::nullopt;
  }
  if (const auto numeral = numeral_at(text, 0)) {
    if (text.compare(numeral->second, 3, "、") == 0) {
      return finish(text, model::NumberStyle::chinese, numeral->first, numeral->second + 3);
    }
    return std::nullopt;
  }
  if (const auto digits = digits_at(text, 0)) {
    const std::size_t at = digits->second;
    std::size_t mark = 0;
    if (text.compare(at, 1, ".") == 0 || text.compare(at, 1, ",") == 0) {
      mark = 1;
    } else if (text.compare(at, 3, "、") == 0 || text.compare(at, 3, "．") == 0 ||
               text.compare(at, 3, "，") == 0) {
      mark = 3;
    }
    // `1.5亿元` and `2020.4.9` are numbers, not labels.
    if (mark == 0 || (at + mark < text.size() && is_digit(text[at + mark]))) {
      return std::nullopt;
    }
    return finish(text, model::NumberStyle::arabic, digits->first, at + mark);
  }
  return std::nullopt;
}

} // namespace planctl::import
