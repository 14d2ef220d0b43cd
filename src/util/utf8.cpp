#include <planctl/util/utf8.hpp>

#include <cstdint>
#include <cstring>

namespace planctl::util {

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    // Fast path for ASCII runs, which are most of a YAML file's bytes: eight at a time.
    while (pos + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) != 0) {
        break;
      }
      pos += 8;
    }
    if (pos >= text.size()) {
      break;
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t len = detail::decode_utf8(text, pos, cp);
    if (len == 0) {
      return pos;
    }
    pos += len;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < text.size(); ++n) {
    next_code_point(text, pos);
  }
  return n;
}

bool is_cjk_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

bool is_chinese_char(char32_t cp) {
  return is_cjk_ideograph(cp) || (cp >= 0x3000 && cp <= 0x303F) ||       // CJK punctuation
         (cp >= 0xFF00 && cp <= 0xFFEF) ||                               // full-width forms
         cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || // “ ” ‘ ’
         cp == 0x2026 || cp == 0x2014 || cp == 0x00B7;                   // … — ·
}

} // namespace planctl::util
