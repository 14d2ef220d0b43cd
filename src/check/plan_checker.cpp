#include <planctl/check/plan_checker.hpp>

#include "check_context.hpp"

namespace planctl::check {

void check_plan(const model::PlanFile& plan, diag::DiagnosticList& out) {
  CheckContext ctx(plan, out);
  check_ids(ctx);
  check_references(ctx);
  check_dates(ctx);
  check_structure(ctx);
  check_official(ctx);
  check_ledger(ctx);
  check_lint(ctx);
  ctx.finish();
}

} // namespace planctl::check
