#include <planctl/load/scalar_rules.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/util/date.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>
#include <charconv>

namespace planctl::load {

namespace {

bool digits_at(std::string_view text, std::size_t from, std::size_t n, int& out) {
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

void set(DateProblem* problem, DateProblem value) {
  if (problem) {
    *problem = value;
  }
}

} // namespace

std::optional<model::DayOrMonth> parse_day_or_month(std::string_view text, DateProblem* problem) {
  model::DayOrMonth out;
  if (text.size() == 7 && text[4] == '-' && digits_at(text, 0, 4, out.year) &&
      digits_at(text, 5, 2, out.month)) {
    if (out.year < 1 || out.month < 1 || out.month > 12) {
      set(problem, DateProblem::not_real);
      return std::nullopt;
    }
    return out;
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits_at(text, 0, 4, out.year) &&
      digits_at(text, 5, 2, out.month) && digits_at(text, 8, 2, out.day)) {
    if (!util::parse_date(text)) {
      set(problem, DateProblem::not_real);
      return std::nullopt;
    }
    return out;
  }
  set(problem, DateProblem::shape);
  return std::nullopt;
}

std::optional<model::Recurrence> parse_recurrence(std::string_view text) {
  using model::Recurrence;
  for (const Recurrence r : {Recurrence::whole_year, Recurrence::long_term, Recurrence::each_term,
                             Recurrence::each_month, Recurrence::each_week}) {
    if (text == model::recurrence_label(r)) {
      return r;
    }
  }
  return std::nullopt;
}

std::optional<model::Due> parse_due(std::string_view text, DateProblem* problem) {
  model::Due due;
  due.source = std::string(text);
  if (const auto r = parse_recurrence(text)) {
    due.recurrence = r;
    return due;
  }
  const auto when = parse_day_or_month(text, problem);
  if (!when) {
    return std::nullopt;
  }
  due.when = when;
  return due;
}

std::optional<model::TaskStatus> parse_status(std::string_view text) {
  using model::TaskStatus;
  for (const TaskStatus s : {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::done}) {
    if (text == model::status_label(s)) {
      return s;
    }
  }
  return std::nullopt;
}

namespace {

// Whether `cp`, outside ASCII, may stand in an id: letters and digits of any script are in,
// spaces, punctuation and symbols are out. Without the Unicode tables this is done by
// excluding the blocks that hold only punctuation, spaces and symbols.
bool is_non_ascii_id_char(char32_t cp) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range k_excluded[] = {
      {0x0080, 0x00BF},    // C1 controls, no-break space, Latin-1 punctuation and signs
      {0x00D7, 0x00D7},    // ×
      {0x00F7, 0x00F7},    // ÷
      {0x1680, 0x1680},    // Ogham space
      {0x2000, 0x206F},    // general punctuation and spaces
      {0x20A0, 0x20CF},    // currency signs
      {0x2190, 0x2BFF},    // arrows, operators, technical, box drawing, shapes, dingbats
      {0x2E00, 0x2E7F},    // supplemental punctuation
      {0x3000, 0x3004},    // ideographic space, 、 。 〃 〄
      {0x3008, 0x3020},    // CJK brackets and marks
      {0x3030, 0x3030},    // 〰
      {0x303D, 0x303D},    // 〽
      {0x30FB, 0x30FB},    // katakana middle dot ・
      {0xD800, 0xF8FF},    // surrogates and private use
      {0xFE10, 0xFE1F},    // vertical forms
      {0xFE30, 0xFE6F},    // CJK compatibility and small forms
      {0xFEFF, 0xFEFF},    // zero-width no-break space
      {0xFF00, 0xFF0F},    // full-width ！＂＃＄％＆＇（）＊＋，－．／
      {0xFF1A, 0xFF20},    // full-width ：；＜＝＞？＠
      {0xFF3B, 0xFF40},    // full-width ［＼］＾＿｀
      {0xFF5B, 0xFF65},    // full-width ｛｜｝～ and half-width CJK punctuation
      {0xFFF0, 0xFFFF},    // specials
      {0x1F000, 0x1FAFF},  // mahjong, dominoes, cards, emoji and pictographs
      {0xF0000, 0x10FFFF}, // private use planes
  };
  for (const Range& r : k_excluded) {
    if (cp >= r.first && cp <= r.last) {
      return false;
    }
  }
  return true;
}

bool is_ascii_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

} // namespace

bool is_valid_id(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (!is_ascii_id_char(text[pos])) {
        return false;
      }
      ++pos;
    } else if (!is_non_ascii_id_char(util::next_code_point(text, pos))) {
      return false;
    }
    if (++count > 64) {
      return false;
    }
  }
  return count >= 1;
}

bool is_valid_code(std::string_view text) {
  if (text.empty() || text.size() > 64) {
    return false;
  }
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-')) {
      return false;
    }
  }
  return true;
}

std::optional<std::int64_t> parse_plain_integer(std::string_view text, bool* too_large) {
  if (too_large) {
    *too_large = false;
  }
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    if (too_large) {
      *too_large = true;
    }
    return std::nullopt;
  }
  return value;
}

bool is_blank(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = util::next_code_point(text, pos);
    if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0 || cp == 0x3000 ||
          (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF)) {
      return false;
    }
  }
  return true;
}

std::string normalize_line_breaks(std::string_view text) {
  if (text.find('\r') == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {

bool all_of(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string_view without_sign(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    s.remove_prefix(1);
  }
  return s;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view s) {
  s = without_sign(s);
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
    }
    return i - from;
  };
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) {
      return false;
    }
  } else {
    if (digits() == 0) {
      return false;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      ++i;
    }
    if (digits() == 0) {
      return false;
    }
  }
  return i == s.size();
}

} // namespace

CoreType core_type(std::string_view s) {
  if (is_core_null(s)) {
    return CoreType::null;
  }
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return CoreType::boolean;
  }
  if (all_of(without_sign(s), is_digit) || (s.starts_with("0o") && all_of(s.substr(2), is_octal)) ||
      (s.starts_with("0x") && all_of(s.substr(2), is_hex))) {
    return CoreType::integer;
  }
  const std::string_view unsigned_part = without_sign(s);
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF" ||
      s == ".nan" || s == ".NaN" || s == ".NAN" || is_core_float(s)) {
    return CoreType::floating;
  }
  return CoreType::string;
}

} // namespace planctl::load
