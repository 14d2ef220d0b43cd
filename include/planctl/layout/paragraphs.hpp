// Paragraph joining for prose fields (`text`, `summary`, `overview`): a blank line starts a
// new paragraph, a single line break is removed (plan-format.md, Reading the file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace planctl::layout {

// `text` with spaces, tabs and ideographic spaces (U+3000) removed from both ends.
std::string trim(std::string_view text);

// The paragraphs of `text`: split at blank lines (lines holding only spaces, tabs or
// U+3000), each line trimmed, the lines of a paragraph joined with nothing where either side
// is a Chinese character and with one space otherwise; empty paragraphs are dropped.
// `\r\n` and a lone `\r` count as line breaks.
std::vector<std::string> split_paragraphs(std::string_view text);

// `text` as one line: all its paragraphs joined by the same rule as lines within a paragraph
// (for titles, points and other short texts that must not break).
std::string join_lines(std::string_view text);

} // namespace planctl::layout
