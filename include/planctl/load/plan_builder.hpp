// Building the typed model from the checked YAML tree, tolerantly: what is valid is filled in,
// the rest is left empty so that the semantic checks can still run over the rest of the file.
#pragma once

#include <planctl/load/reporter.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/model/plan.hpp>

#include <vector>

namespace planctl::load {

// What building the model gave.
struct BuildResult {
  model::PlanFile plan;
  // Per node: the builder reported a finding about this value.
  std::vector<bool> reported;
};

// Builds the model from `doc`, whose top node must be a mapping, applying the scalar rules
// (texts, integers, dates, months, due, status, ids, code, version, numbering) and reporting
// each rejected value, except at nodes `flagged` by the structure check.
BuildResult build_plan(const YamlDocument& doc, const std::vector<bool>& flagged, Reporter& report);

} // namespace planctl::load
