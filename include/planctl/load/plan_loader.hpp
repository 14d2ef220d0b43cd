// Reading a plan file: bytes → checked YAML → typed model, with diagnostics for everything
// the spec's "Reading the file", schema and scalar rules reject.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/model/plan.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

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

} // namespace planctl::load
