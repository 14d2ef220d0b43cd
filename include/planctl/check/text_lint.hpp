// The text tests behind the lint warnings: typed numbers, closing full stops of headings, and
// ASCII punctuation inside Chinese text. Pure functions on one text each.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planctl::check {

// Whether `text` is empty or holds only spaces, tabs, line breaks and ideographic spaces.
bool is_blank(std::string_view text);

// The number an author typed at the start of `title` (`一、` `(二)` `（二）` `3.` `3、` `3．` `3,`
// `3，` `3)` `3）`; leading spaces are skipped and not returned), or "" when there is none. A
// digit run followed by `.` `．` `,` `，` and another digit is a number (`3.5亿`, `1,000人`).
std::string typed_number_prefix(std::string_view title);

// Whether `title`, ignoring trailing spaces, ends in `。` (removed from headings when rendered).
bool ends_in_full_stop(std::string_view title);

// An ASCII `,` `;` `:` `(` `)` `?` `!` that renderers would make full-width: the first mark of
// the first run of these marks with a Chinese character (`util::is_chinese_char`) just before
// or just after the run. Times (`8:30`), numbers (`1,000`) and Latin text (`f(x)`) never match.
struct AsciiPunctuation {
  std::size_t offset = 0; // byte offset of the mark in the text
  char mark = 0;          // the ASCII mark
  std::string full_width; // its full-width form, e.g. `，`
};

// The first ASCII punctuation mark of `text` that belongs to Chinese text, or std::nullopt.
std::optional<AsciiPunctuation> find_ascii_punctuation(std::string_view text);

} // namespace planctl::check
