// Each task's state as of a date (plan-format.md, Progress).
#pragma once

#include <planctl/model/plan.hpp>
#include <planctl/model/task_index.hpp>

#include <vector>

namespace planctl::model {

// The five states, in the order used by columns and totals.
enum class TaskState { done, in_progress, overdue, not_started, ongoing };

// The Chinese label of `state`: 已完成 进行中 逾期 未开始 长期.
const char* state_label(TaskState state);

// All five states in column order.
inline constexpr TaskState k_all_states[] = {TaskState::done, TaskState::in_progress,
                                             TaskState::overdue, TaskState::not_started,
                                             TaskState::ongoing};

// The state of `task` as of `as_of`, given all the file's activities (first rule that matches
// wins; an activity counts when dated on or before `as_of` and naming the task's id).
TaskState task_state(const Item& task, const std::vector<Activity>& activities,
                     const util::Date& as_of);

// Per-task facts derived once for the outputs and `planctl status`.
struct TaskProgress {
  TaskState state = TaskState::not_started;
  std::size_t activity_count = 0;  // activities naming the task dated on or before the as-of date
  long long participant_count = 0; // sum of `count` over those activities
  long days_late = 0;              // for overdue tasks: days from due's last day to as_of
};

// The progress of every task of `index`, in index order.
std::vector<TaskProgress> compute_progress(const TaskIndex& index,
                                           const std::vector<Activity>& activities,
                                           const util::Date& as_of);

// The file's activities sorted by date, ties in file order.
std::vector<const Activity*> activities_by_date(const std::vector<Activity>& activities);

// The activities dated on or before `as_of`, sorted as by `activities_by_date`: those the
// outputs that speak "as of" a date may count.
std::vector<const Activity*> activities_until(const std::vector<Activity>& activities,
                                              const util::Date& as_of);

} // namespace planctl::model
