// UTF-8 helpers: validation, code point iteration and character classes used across planctl.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace planctl::util {

// The byte offset of the first byte that is not part of well-formed UTF-8 (overlongs,
// surrogates and code points above U+10FFFF count as ill-formed), or npos when all is valid.
std::size_t find_invalid_utf8(std::string_view text);

// Decodes the code point starting at `pos` and advances `pos` past it; returns U+FFFD and
// advances one byte on ill-formed input.
char32_t next_code_point(std::string_view text, std::size_t& pos);

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
