// Small UTF-8 scanning helpers shared by the layout rules: the ends of a text as code points.
#pragma once

#include <string_view>

namespace planctl::layout {

// The first code point of `text`, or 0 when it is empty (U+FFFD for an ill-formed byte).
char32_t first_code_point(std::string_view text);

// The last code point of `text`, or 0 when it is empty (U+FFFD for an ill-formed tail byte).
char32_t last_code_point(std::string_view text);

// `text` without its last code point (without its last byte when that byte is ill-formed).
std::string_view drop_last_code_point(std::string_view text);

} // namespace planctl::layout
