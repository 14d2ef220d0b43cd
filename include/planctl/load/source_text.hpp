// The byte-level rules of plan-format.md "Reading the file", applied before any YAML parsing:
// size, encoding, line ends, control characters and tabs used for indentation.
#pragma once

#include <planctl/load/reporter.hpp>
#include <planctl/util/mark.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::load {

// The largest file planctl reads: 16 MiB.
inline constexpr std::size_t k_max_file_bytes = std::size_t{16} * 1024 * 1024;

// Maps byte offsets of a text to 1-based lines and character (code point) columns.
class LineIndex {
public:
  // Indexes the lines of `text`, which must outlive the index; lines end at LF.
  explicit LineIndex(std::string_view text);

  // The position of the byte at `offset`; offsets past the end map to the end of the text.
  util::Mark mark_at(std::size_t offset) const;

  // The position of byte `byte_column` (0-based) of 1-based `line`.
  util::Mark mark_at(int line, std::size_t byte_column) const;

  // The byte offset where 1-based `line` starts (the text's size past the last line).
  std::size_t line_start(int line) const;

  // The text of 1-based `line` without its LF or CRLF; empty when there is no such line.
  std::string_view line_text(int line) const;

  // The number of lines (a final line end starts one more, empty line).
  int line_count() const { return static_cast<int>(m_starts.size()); }

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
  // Marks are mostly asked for in increasing order along a line; remembering the last answer
  // keeps a one-line file with a million values linear rather than quadratic.
  mutable std::size_t m_last_offset = 0;
  mutable int m_last_column = 1;
  mutable int m_last_line = 1;
};

// What the byte-level checks leave for the YAML parser.
struct SourceText {
  // The text to parse: the bytes without a UTF-8 byte-order mark (a view into the bytes given
  // to check_source, which must outlive it), or `*blanked` when control characters had to be
  // replaced by spaces so that parsing can go on at the same positions.
  std::string_view text;
  std::unique_ptr<const std::string> blanked;
  bool parseable = false; // false when an error leaves nothing that can be parsed safely
};

// Whether `bytes` (not UTF-8) read as GB18030 text, i.e. probably a GBK/GB18030 file.
bool looks_like_gb18030(std::string_view bytes);

// Applies the size, encoding, line-end, control-character and tab rules to `bytes`, reporting
// each problem to `report`, and returns the text to parse.
SourceText check_source(std::string_view bytes, Reporter& report);

} // namespace planctl::load
