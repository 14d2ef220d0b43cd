// UTF-8 helpers: validation, code point iteration and character classes used across planctl.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace planctl::util {

// The byte offset of the first byte that is not part of well-formed UTF-8 (overlongs,
// surrogates and code points above U+10FFFF count as ill-formed), or npos when all is valid.
std::size_t find_invalid_utf8(std::string_view text);

namespace detail {

// Decodes one well-formed sequence at `pos`; returns its length, or 0 when ill-formed.
// Inline: the layout, checks and writers call it for every character.
inline std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + len > s.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

} // namespace detail

// Decodes the code point starting at `pos` and advances `pos` past it; returns U+FFFD and
// advances one byte on ill-formed input.
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  char32_t cp = 0;
  const std::size_t len = detail::decode_utf8(text, pos, cp);
  if (len == 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

// Appends `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// The number of code points in `text` (each ill-formed byte counts as one).
std::size_t count_code_points(std::string_view text);

// Whether `cp` is a CJK ideograph or a CJK/full-width punctuation or symbol, i.e. a character
// next to which ASCII punctuation should become full-width.
bool is_chinese_char(char32_t cp);

// Whether `cp` is a CJK unified ideograph (the ranges used for Chinese text).
bool is_cjk_ideograph(char32_t cp);

} // namespace planctl::util
