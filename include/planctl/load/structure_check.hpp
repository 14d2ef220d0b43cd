// The structure check: the YAML tree against the format's tables (plan_format.hpp), with every
// finding in plain words at the offending key or value.
#pragma once

#include <planctl/load/reporter.hpp>
#include <planctl/load/yaml_document.hpp>

#include <vector>

namespace planctl::load {

// What the structure check leaves for the model builder.
struct StructureResult {
  // Per node: a structure finding was reported at it (the builder reports nothing more there).
  std::vector<bool> flagged;
};

// Checks `doc` against the format's tables and reports unknown keys (with "did you mean"),
// missing keys, values of the wrong kind and lists with too few or too many entries. The rule
// of each value (a date, a status, …) is applied once, by the model builder.
StructureResult check_structure(const YamlDocument& doc, Reporter& report);

} // namespace planctl::load
