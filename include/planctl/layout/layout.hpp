// The layout step: the plan and the year-end report as format-neutral documents.
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/model/plan.hpp>
#include <planctl/model/task_index.hpp>

#include <optional>

namespace planctl::layout {

struct LayoutOptions {
  // Keep the text's punctuation as written instead of making ASCII punctuation next to
  // Chinese characters full-width.
  bool keep_punctuation = false;
};

// The plan document of `file`.
Document layout_plan(const model::PlanFile& file, const model::TaskIndex& index,
                     const LayoutOptions& options = {});

// The year-end report of `file`, or std::nullopt when the file has no report
// (no `report` and no `activities`).
std::optional<Document> layout_report(const model::PlanFile& file, const model::TaskIndex& index,
                                      const LayoutOptions& options = {});

} // namespace planctl::layout
