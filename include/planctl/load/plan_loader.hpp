// Reading a plan file: bytes → checked YAML → typed model, with diagnostics for everything
// the spec's "Reading the file", schema and scalar rules reject.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/model/plan.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::load {

// What loading one file gave.
struct LoadResult {
  // The model, whenever the file was readable YAML with a top-level mapping. It may be
  // partial when `diagnostics` has errors (missing values are left empty) so that the
  // semantic checks can still run and report more in one pass.
  std::optional<model::PlanFile> plan;
  diag::DiagnosticList diagnostics;
  std::string source;      // the file's text (for source lines and carets); empty if unreadable
  bool unreadable = false; // the file could not be opened or read at all (exit code 2)
};

// Loads the file at `path`; `display_name` is used in diagnostics (normally the path as the
// user typed it).
LoadResult load_plan_file(const std::filesystem::path& path, const std::string& display_name);

// Loads a plan from `bytes` already in memory.
LoadResult load_plan_text(std::string_view bytes, const std::string& display_name);

// One top-level key of a plan file's text and the lines it spans: from the key's line to the
// line before the next top-level key (the last key to the end of the text), 1-based. Comments
// and blank lines between two keys belong to the first.
struct TopLevelKey {
  std::string key;
  int line = 0;     // the key's line
  int end_line = 0; // one past the block's last line
  util::Mark value; // where the key's value starts (the key's own mark when it has none)
};

// The top-level keys of `text` in the order written, when it reads as a YAML mapping written in
// block style with its keys at column 1; std::nullopt otherwise (not YAML, a flow mapping `{…}`,
// an indented top level). For tools that edit a plan file's text in place and keep everything
// else as written (import's `--into`, the carried keys of an edited .docx).
std::optional<std::vector<TopLevelKey>> top_level_keys(std::string_view text);

} // namespace planctl::load
