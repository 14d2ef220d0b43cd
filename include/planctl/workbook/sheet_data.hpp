// The values of the workbook's rows, computed from the model without libxlsxwriter so that
// they can be tested directly: names resolved through the lists, texts joined, counts summed.
#pragma once

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

// The group name of activities that name no task (plan-format.md, activities).
inline constexpr std::string_view k_other_group = "其他工作";

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

// The departments and people of one file as references see them (by id, else by exact name;
// the first entry of a repeated id or name), indexed once so that each look-up costs a
// logarithm, not a scan of the list.
class NameIndex {
public:
  // Indexes the lists of `file`, which must outlive the index.
  explicit NameIndex(const model::PlanFile& file);

  // The department `ref` resolves to, or nullptr (also when `file` has no departments list).
  const model::Department* department(const std::string& ref) const;

  // The name of the department `ref` resolves to; `ref` itself when it resolves to none.
  const std::string& department_name(const std::string& ref) const;

  // The name of the person `ref` resolves to; `ref` itself when it resolves to none.
  const std::string& person_name(const std::string& ref) const;

private:
  std::map<std::string_view, std::size_t> m_department_ids, m_department_names;
  std::map<std::string_view, std::size_t> m_person_ids, m_person_names;
  const model::PlanFile& m_file;
};

// A task's 主要措施: its `text` paragraphs (joined with `\n`) with its `points` added to the
// last paragraph as `一是……。二是……。`.
std::string measures_text(const model::Item& item);

// One row of 任务分工 (and the leading columns of 月度安排).
struct TaskRow {
  std::size_t group_index = 0; // TaskRef::group_index: equal values are merged when adjacent
  std::string group;           // the group's title
  std::string title;
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

// One row per task of `index`, in document order, with the states of `progress`.
std::vector<TaskRow> task_rows(const model::PlanFile& file, const model::TaskIndex& index,
                               const std::vector<model::TaskProgress>& progress);

// One row of 活动台账.
struct ActivityRow {
  const model::Activity* activity = nullptr;
  std::string tasks;    // the titles of the named tasks (ids that name no task as written), `、`
  std::string group;    // the group of the first task, else 其他工作
  std::string summary;  // paragraphs joined with `\n`
  std::string evidence; // joined with `、`
};

// One row per activity of `file` dated on or before `as_of`, in date order (ties in file order).
std::vector<ActivityRow> activity_rows(const model::PlanFile& file, const model::TaskIndex& index,
                                       const util::Date& as_of);

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
// short name), the plan title without a final 计划/安排/要点/方案, then `what` (e.g.
// `任务分工表`).
std::string sheet_title(const model::PlanFile& file, std::string_view what);

} // namespace planctl::workbook
