// The structure check: the YAML tree as JSON, validated against schemas/plan.schema.json, with
// every finding rewritten in plain words at the offending key or value.
#pragma once

#include <planctl/load/plan_format.hpp>
#include <planctl/load/reporter.hpp>
#include <planctl/load/yaml_document.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace planctl::load {

// The kinds of mapping in a plan file, named in messages ("in a task").
enum class Place {
  top,
  school,
  profile_fact,
  department,
  person,
  plan,
  period,
  item,
  task,
  activity,
  report,
  report_item,
  headings,
  other,
};

// How `place` is named after "in" in messages (`a task`, `"school"`).
Words place_words(Place place);

// The type a plain scalar has under the YAML 1.2 core schema.
enum class CoreType { null, boolean, integer, floating, string };

// The YAML 1.2 core type of the plain scalar `text`.
CoreType core_type(std::string_view text);

// The schema as validated (plan_schema_text(true)), parsed once, keys in file order.
const nlohmann::ordered_json& plan_schema_json();

// `node` of `doc` as JSON for validation: null mapping values and `x-` keys left out, plain
// scalars typed by the YAML 1.2 core schema, other scalars as strings (cut to 1,024 bytes, which
// keeps every schema pattern cheap), aliases expanded.
nlohmann::json to_json(const YamlDocument& doc, NodeId node);

// What the structure check leaves for the model builder.
struct StructureResult {
  // Per node: a structure finding was reported at it (the builder reports nothing more there).
  std::vector<bool> flagged;
  // Nodes whose value the schema rejected for a reason the builder words itself (a pattern,
  // an enum, a range); a node the builder then passes is reported as `invalid-value`.
  std::vector<NodeId> deferred;
};

// Validates `doc` against the schema and reports unknown keys (with "did you mean"), missing
// keys, values of the wrong kind and lists with too few or too many entries.
StructureResult check_structure(const YamlDocument& doc, Reporter& report);

} // namespace planctl::load
