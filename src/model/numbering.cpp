#include <planctl/model/numbering.hpp>

#include <fmt/core.h>

namespace planctl::model {

namespace {

constexpr const char* k_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1–99 as read in headings: 十 not 一十, 二十 not 二十零.
std::string below_hundred(int n, bool leading) {
  std::string out;
  const int tens = n / 10;
  const int ones = n % 10;
  if (tens > 0) {
    if (tens > 1 || !leading) {
      out += k_digits[tens];
    }
    out += "十";
  }
  if (ones > 0) {
    out += k_digits[ones];
  }
  return out;
}

} // namespace

bool is_chinese_numeral_char(char32_t cp) {
  switch (cp) {
  case U'一':
  case U'二':
  case U'三':
  case U'四':
  case U'五':
  case U'六':
  case U'七':
  case U'八':
  case U'九':
  case U'十':
  case U'百':
  case U'零':
    return true;
  default:
    return false;
  }
}

std::string chinese_numeral(int n) {
  if (n <= 0) {
    return std::to_string(n);
  }
  if (n < 100) {
    return below_hundred(n, true);
  }
  if (n < 1000) {
    std::string out = std::string(k_digits[n / 100]) + "百";
    const int rest = n % 100;
    if (rest == 0) {
      return out;
    }
    // 一百零一, 一百一十
    if (rest < 10) {
      return out + "零" + k_digits[rest];
    }
    return out + below_hundred(rest, false);
  }
  // Plans never reach a thousand items at one depth; Arabic digits keep the label readable.
  return std::to_string(n);
}

std::string number_label(NumberStyle style, int n) {
  switch (style) {
  case NumberStyle::chinese:
    return chinese_numeral(n) + "、";
  case NumberStyle::paren_chinese:
    return "（" + chinese_numeral(n) + "）";
  case NumberStyle::arabic:
    return fmt::format("{}.", n);
  case NumberStyle::paren_arabic:
    return fmt::format("（{}）", n);
  }
  return {};
}

std::optional<NumberStyle> parse_number_style(std::string_view text) {
  if (text == "一、") {
    return NumberStyle::chinese;
  }
  if (text == "（一）" || text == "(一)") {
    return NumberStyle::paren_chinese;
  }
  if (text == "1.") {
    return NumberStyle::arabic;
  }
  if (text == "（1）" || text == "(1)") {
    return NumberStyle::paren_arabic;
  }
  return std::nullopt;
}

std::string style_name(NumberStyle style) {
  return number_label(style, 1);
}

} // namespace planctl::model
