#include <planctl/import/date_parser.hpp>
#include <planctl/import/label_parser.hpp>
#include <planctl/util/utf8.hpp>

#include <string>
#include <vector>

namespace planctl::import {

namespace {

// `text` with full-width digits made ASCII and surrounding spaces dropped; inner spaces
// (`2020 年 4 月`, as web pages leave them) are dropped too.
std::string compact(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    if (cp == U' ' || cp == U'\t' || cp == U'\u3000' || cp == U'\u00A0') {
      continue;
    }
    if (cp >= U'０' && cp <= U'９') {
      out += static_cast<char>('0' + (cp - U'０'));
    } else {
      util::append_utf8(out, cp);
    }
  }
  return out;
}

// Splits `text` at each of `marks` in turn: `2020年4月9日` with {年, 月, 日} → 2020, 4, 9.
std::optional<std::vector<std::string>> split_by(std::string_view text,
                                                 const std::vector<std::string_view>& marks) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  for (std::string_view mark : marks) {
    const std::size_t at = text.find(mark, pos);
    if (at == std::string_view::npos || at == pos) {
      return std::nullopt;
    }
    parts.emplace_back(text.substr(pos, at - pos));
    pos = at + mark.size();
  }
  if (pos != text.size()) {
    return std::nullopt;
  }
  return parts;
}

std::optional<int> arabic(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) {
    return std::nullopt;
  }
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    n = n * 10 + (c - '0');
  }
  return n;
}

// A year written digit by digit in Chinese: 二〇二〇.
std::optional<int> chinese_year(std::string_view text) {
  static const std::u32string k_digits = U"〇一二三四五六七八九";
  int n = 0;
  int count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = util::next_code_point(text, pos);
    if (cp == U'零' || cp == U'○' || cp == U'Ｏ' || cp == U'O' || cp == U'0') {
      cp = U'〇';
    }
    const std::size_t digit = k_digits.find(cp);
    if (digit == std::u32string::npos) {
      return std::nullopt;
    }
    n = n * 10 + static_cast<int>(digit);
    ++count;
  }
  return count == 4 ? std::optional<int>(n) : std::nullopt;
}

std::optional<util::Date> checked(std::optional<int> y, std::optional<int> m,
                                  std::optional<int> d) {
  if (!y || !m || !d) {
    return std::nullopt;
  }
  const util::Date date{*y, *m, *d};
  return util::is_valid(date) ? std::optional<util::Date>(date) : std::nullopt;
}

} // namespace

std::optional<util::Date> parse_written_date(std::string_view raw) {
  const std::string text = compact(raw);
  if (text.empty() || text.size() > 64) {
    return std::nullopt;
  }
  if (const auto parts = split_by(text, {"年", "月", "日"})) {
    const std::string& y = (*parts)[0];
    if (auto date = checked(arabic(y, 4), arabic((*parts)[1], 2), arabic((*parts)[2], 2))) {
      return y.size() == 4 ? date : std::nullopt;
    }
    return checked(chinese_year(y), parse_chinese_numeral((*parts)[1]),
                   parse_chinese_numeral((*parts)[2]));
  }
  for (std::string_view sep : {".", "-", "/"}) {
    if (const auto parts = split_by(text + std::string(sep), {sep, sep, sep})) {
      if ((*parts)[0].size() == 4) {
        return checked(arabic((*parts)[0], 4), arabic((*parts)[1], 2), arabic((*parts)[2], 2));
      }
    }
  }
  return std::nullopt;
}

} // namespace planctl::import
