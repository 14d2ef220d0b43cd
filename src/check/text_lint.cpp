#include <planctl/check/text_lint.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/utf8.hpp>

#include <vector>

namespace planctl::check {

namespace {

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\u3000';
}

// A digit of a Chinese number as people write them in text: the heading numerals and 〇
// (二〇二〇年).
bool is_chinese_digit(char32_t cp) {
  return model::is_chinese_numeral_char(cp) || cp == U'〇';
}

bool is_digit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９');
}

bool is_punctuation_mark(char32_t cp) {
  return cp == U',' || cp == U';' || cp == U':' || cp == U'(' || cp == U')' || cp == U'?' ||
         cp == U'!';
}

std::string full_width_of(char mark) {
  switch (mark) {
  case ',':
    return "，";
  case ';':
    return "；";
  case ':':
    return "：";
  case '(':
    return "（";
  case ')':
    return "）";
  case '?':
    return "？";
  case '!':
    return "！";
  default:
    return std::string(1, mark);
  }
}

// The text decoded with each code point's byte offset, so that patterns can look ahead.
struct Decoded {
  std::vector<char32_t> cps;
  std::vector<std::size_t> offsets; // offsets[i] = byte offset of cps[i]; one extra at the end
};

Decoded decode(std::string_view text, std::size_t max_chars) {
  Decoded out;
  std::size_t pos = 0;
  while (pos < text.size() && out.cps.size() < max_chars) {
    out.offsets.push_back(pos);
    out.cps.push_back(util::next_code_point(text, pos));
  }
  out.offsets.push_back(pos);
  return out;
}

} // namespace

bool is_blank(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (!is_space(util::next_code_point(text, pos))) {
      return false;
    }
  }
  return true;
}

std::string typed_number_prefix(std::string_view title) {
  // A label is short; looking at the first few dozen characters is enough.
  const Decoded d = decode(title, 24);
  const std::vector<char32_t>& c = d.cps;
  std::size_t i = 0;
  while (i < c.size() && is_space(c[i])) {
    ++i;
  }
  const std::size_t begin = i;
  auto result = [&](std::size_t end) {
    return std::string(title.substr(d.offsets[begin], d.offsets[end] - d.offsets[begin]));
  };
  if (i >= c.size()) {
    return {};
  }
  // (二) （二） (3) （3）, brackets of either width in any pairing.
  if (c[i] == U'(' || c[i] == U'（') {
    std::size_t j = i + 1;
    const bool chinese = j < c.size() && is_chinese_digit(c[j]);
    while (j < c.size() && (chinese ? is_chinese_digit(c[j]) : is_digit(c[j]))) {
      ++j;
    }
    if (j > i + 1 && j < c.size() && (c[j] == U')' || c[j] == U'）')) {
      return result(j + 1);
    }
    return {};
  }
  // 一、 十一. 二．
  if (is_chinese_digit(c[i])) {
    std::size_t j = i;
    while (j < c.size() && is_chinese_digit(c[j])) {
      ++j;
    }
    if (j < c.size() && (c[j] == U'、' || c[j] == U'.' || c[j] == U'．')) {
      return result(j + 1);
    }
    return {};
  }
  // 3. 3、 3． 3, 3， 3) 3）
  if (is_digit(c[i])) {
    std::size_t j = i;
    while (j < c.size() && is_digit(c[j])) {
      ++j;
    }
    if (j >= c.size()) {
      return {};
    }
    const char32_t after = c[j];
    const bool next_is_digit = j + 1 < c.size() && is_digit(c[j + 1]);
    if (after == U'、' || after == U')' || after == U'）') {
      return result(j + 1);
    }
    if ((after == U'.' || after == U'．' || after == U',' || after == U'，') && !next_is_digit) {
      return result(j + 1);
    }
  }
  return {};
}

bool ends_in_full_stop(std::string_view title) {
  std::size_t end = title.size();
  while (end > 0 && (title[end - 1] == ' ' || title[end - 1] == '\t' || title[end - 1] == '\n' ||
                     title[end - 1] == '\r')) {
    --end;
  }
  // Ideographic spaces (U+3000, E3 80 80) at the end count as spaces too.
  while (end >= 3 && title.substr(end - 3, 3) == "\u3000") {
    end -= 3;
    while (end > 0 && title[end - 1] == ' ') {
      --end;
    }
  }
  return end >= 3 && title.substr(end - 3, 3) == "。";
}

std::optional<AsciiPunctuation> find_ascii_punctuation(std::string_view text) {
  char32_t before = 0; // the code point before the current run of marks
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = util::next_code_point(text, pos);
    if (!is_punctuation_mark(cp)) {
      before = cp;
      continue;
    }
    // A run of marks: `?!`, `):` …; it is Chinese when either neighbour of the run is.
    std::size_t end = pos;
    char32_t after = 0;
    while (end < text.size()) {
      std::size_t next = end;
      after = util::next_code_point(text, next);
      if (!is_punctuation_mark(after)) {
        break;
      }
      end = next;
      after = 0;
    }
    if (util::is_chinese_char(before) || util::is_chinese_char(after)) {
      const char mark = text[start];
      return AsciiPunctuation{start, mark, full_width_of(mark)};
    }
    before = 0;
    pos = end;
    // The character after the run is read again as the next `before`.
  }
  return std::nullopt;
}

} // namespace planctl::check
