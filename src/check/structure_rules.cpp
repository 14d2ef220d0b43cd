// The shape rules that need more than one node: item depth against `numbering`, report items.
#include <planctl/check/text_lint.hpp>
#include <planctl/model/numbering.hpp>

#include <algorithm>

#include "check_context.hpp"

namespace planctl::check {

namespace {

// Reports the topmost too-deep item of each branch only: its sub-items are deeper still, and
// moving it up is the one fix that matters.
void check_depth(CheckContext& ctx, const std::vector<model::Item>& items, std::size_t depth,
                 std::size_t allowed, const std::string& styles) {
  for (const model::Item& item : items) {
    if (depth > allowed) {
      ctx.add(item.mark, "depth-exceeded",
              {{"depth", std::to_string(depth)},
               {"allowed", std::to_string(allowed)},
               {"styles", styles}});
      continue;
    }
    check_depth(ctx, item.items, depth + 1, allowed, styles);
  }
}

void check_report_items(CheckContext& ctx, const std::vector<model::ReportItem>& items,
                        std::string_view key) {
  for (const model::ReportItem& item : items) {
    // Blank counts as missing, as for required texts (plan-format.md, null and empty).
    const bool has_text = item.text && !is_blank(item.text->value);
    const bool has_points = std::any_of(item.points.begin(), item.points.end(),
                                        [](const model::Text& p) { return !is_blank(p.value); });
    if (!has_text && !has_points) {
      ctx.add(item.mark, "report-item-empty", {{"key", std::string(key)}});
    }
  }
}

} // namespace

void check_structure(CheckContext& ctx) {
  const model::Plan& plan = ctx.plan().plan;
  std::string styles;
  for (const model::NumberStyle style : plan.numbering) {
    styles += (styles.empty() ? "" : " ") + model::style_name(style);
  }
  // An empty `numbering` is the loader's finding; the index then uses the default four.
  const std::size_t allowed = plan.numbering.empty() ? 4 : plan.numbering.size();
  if (plan.numbering.empty()) {
    styles = "一、 （一） 1. （1）";
  }
  check_depth(ctx, plan.sections, 1, allowed, styles);
  if (const auto& report = ctx.plan().report) {
    check_report_items(ctx, report->problems, "problems");
    check_report_items(ctx, report->next_steps, "next_steps");
  }
}

} // namespace planctl::check
