// The semantic rules of plan-format.md that need the whole model: references, ids, dates
// and periods, depth, and the lint warnings.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/model/plan.hpp>

namespace planctl::check {

// Runs every semantic rule over `plan` and appends the findings to `out`.
void check_plan(const model::PlanFile& plan, diag::DiagnosticList& out);

} // namespace planctl::check
