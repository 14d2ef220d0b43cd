// The values of the workbook's rows, computed from the model without libxlsxwriter so that
// they can be tested directly: names resolved through the lists, texts joined, counts summed.
#pragma once

#include <planctl/layout/text_rules.hpp>
#include <planctl/model/plan.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::workbook {

// The 统计 row of tasks without `lead`.
inline constexpr std::string_view k_no_lead = "未指定";

// A 开始时间 or 完成时限 cell: a date, a month (as its first day), a keyword, or nothing.
struct WhenCell {
  enum class Kind { none, date, month, text };
  Kind kind = Kind::none;
  util::Date date;  // the day, or the first day of the month
  std::string text; // the recurring keyword
};

// The cell for a task's `start` (`start` may be absent).
WhenCell when_cell(const std::optional<model::Located<model::DayOrMonth>>& start);

// The cell for a task's `due` (`due` may be absent).
WhenCell when_cell(const std::optional<model::Located<model::Due>>& due);

// A task's 主要措施: the paragraphs the plan document gives its `text` and `points`
// (`rules.body()`), joined with `\n`.
std::string measures_text(const model::Item& item, const layout::TextRules& rules);

// One row of 任务分工 (and the leading columns of 月度安排).
struct TaskRow {
  std::size_t group_index = 0; // TaskRef::group_index: equal values are merged when adjacent
  std::string group;           // the group's title, as its heading reads
  std::string title;           // as a heading reads: one line, no closing `。`
  std::string measures;
  std::string lead;
  std::string owners;  // names joined with `、`
  std::string support; // names joined with `、`
  WhenCell start;
  WhenCell due;
  model::TaskState state = model::TaskState::not_started;
  std::string deliverables; // joined with `、`
  std::size_t activity_count = 0;
};

// One row per task of `index`, in document order, with the states of `progress`; texts that
// the documents show too are worded by `rules`, as there.
std::vector<TaskRow> task_rows(const model::PlanFile& file, const model::TaskIndex& index,
                               const std::vector<model::TaskProgress>& progress,
                               const layout::TextRules& rules);

// One row of 活动台账.
struct ActivityRow {
  const model::Activity* activity = nullptr;
  std::string title;        // as the report's sentence holds it: one line, no closing `。`
  std::string participants; // one line, as in the report
  std::string tasks;    // the titles of the named tasks (ids that name no task as written), `、`
  std::string group;    // model::activity_group(), else model::k_other_group
  std::string summary;  // the report's paragraphs of `summary`, joined with `\n`
  std::string evidence; // joined with `、`
};

// One row per activity of `file` dated on or before `as_of`, in date order (ties in file
// order), worded by `rules`.
std::vector<ActivityRow> activity_rows(const model::PlanFile& file, const model::TaskIndex& index,
                                       const util::Date& as_of, const layout::TextRules& rules);

// For each task of `index`, the activities dated on or before `as_of` that name it, in date
// order.
std::vector<std::vector<const model::Activity*>> activities_per_task(const model::PlanFile& file,
                                                                     const model::TaskIndex& index,
                                                                     const util::Date& as_of);

// One row of 统计.
struct DepartmentRow {
  std::string name;
  std::size_t tasks = 0;
  std::array<std::size_t, 5> states{}; // in model::k_all_states order
  std::size_t activities = 0;          // distinct activities naming one of its tasks
  long long participants = 0;          // the sum of their `count`
};

// The 统计 row of the activities that name no task of the plan (they count in no department).
inline constexpr std::string_view k_unlinked_row = "其他工作（未关联任务）";

// One row per leading department: resolved departments in the order of the departments list,
// then free-text leads in order of first use, then 未指定 for tasks without `lead`, then, when
// some activity dated on or before `as_of` names no task, `k_unlinked_row` (no tasks). An
// activity counts once in each department whose tasks it names.
std::vector<DepartmentRow> department_rows(const model::PlanFile& file,
                                           const model::TaskIndex& index,
                                           const std::vector<model::TaskProgress>& progress,
                                           const util::Date& as_of);

// The activities of the ledger as of a date: what the 统计 total counts, and what is left out.
struct LedgerTotals {
  std::size_t activities = 0; // distinct activities dated on or before the as-of date
  long long participants = 0; // the sum of their `count`
  std::size_t later = 0;      // activities dated after the as-of date
  util::Date first_later;     // the earliest of those, when `later` > 0
};

// The totals of `file`'s ledger as of `as_of`.
LedgerTotals ledger_totals(const model::PlanFile& file, const util::Date& as_of);

// The subtitle of every sheet: `截至2020年12月31日`, then, when activities after `as_of` were
// left out, `（2021年1月15日起的8项活动未列入）`.
std::string as_of_subtitle(const util::Date& as_of, const LedgerTotals& totals);

// The title row of a sheet: the school's name (unless the plan title already holds it or its
// short name), layout::plan_title_stem() of the plan title as `rules` word it, then `what`
// (e.g. `任务分工表`).
std::string sheet_title(const model::PlanFile& file, std::string_view what,
                        const layout::TextRules& rules);

} // namespace planctl::workbook
