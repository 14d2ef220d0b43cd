// What a reader makes of a document before anything is recognised: its paragraphs in reading
// order, each with the line (or paragraph) of the source it came from.
#pragma once

#include <planctl/model/plan.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace planctl::import {

// Thrown when a document cannot be imported at all (wrong format, not text, too large); `what()`
// is a plain sentence that says what to do.
class ImportError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// One paragraph of the source, trimmed of spaces and ideographic spaces at both ends.
struct SourceLine {
  std::string text;
  int line = 0;    // 1-based line of a .txt or .md file, paragraph number of a .docx
  int heading = 0; // Markdown heading level (1 for `#`), 0 for a paragraph
  // The label Word's automatic numbering puts before the paragraph (`一、`, `（1）`), which is
  // not part of `text`; empty when the paragraph is not auto-numbered.
  std::string auto_label;
  // The leading blanks a .txt line had, in half characters (an ideographic space is two), as
  // planctl's text documents place the signature with them; 0 for other formats.
  int indent = 0;
  // The cells of a .txt line that holds tabs (a table row as planctl's text documents write
  // one: cells separated by tabs), each trimmed; empty for other lines and formats.
  std::vector<std::string> cells;
};

// A line the reader itself could not use (a table, an image), kept for the plan file's comments.
struct SetAside {
  int line = 0;
  std::string text;
  std::string why_zh; // a short phrase for the YAML comment
  std::string why_en; // the same for the warning
};

// A document as paragraphs.
struct SourceDocument {
  std::vector<SourceLine> lines;
  std::vector<SetAside> set_aside;
  // The file a .docx planctl wrote was made from (its custom XML part), when it carries one.
  std::optional<std::string> embedded_source;
};

// The largest document `import` reads, in bytes (docs/import.md): a plan file may hold at most
// 16 MiB, so a larger source could never become a valid plan file.
inline constexpr std::size_t k_max_source_bytes = 32u << 20;

} // namespace planctl::import
