// The tasks of a plan in document order, each with its group and its generated position.
#pragma once

#include <planctl/model/plan.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::model {

// One task of the plan.
struct TaskRef {
  const Item* item = nullptr;
  // The nearest item (the task itself or an ancestor) numbered in a heading style; the
  // depth-1 ancestor when `plan.numbering` has no heading style (plan-format.md, groups).
  const Item* group = nullptr;
  std::size_t group_index = 0; // index into TaskIndex::groups
  std::vector<int> path;       // 1-based index at each depth, e.g. {3, 2, 1}
  std::string position;        // the labels along the path, e.g. `三、（二）1.`
  std::size_t index = 0;       // 0-based order among all tasks
};

// A group that heads the report's 主要做法 and the allocation sheet's category column.
struct GroupRef {
  const Item* item = nullptr;
  std::string position;  // e.g. `三、（二）`
  std::size_t order = 0; // document order among all items that can be groups
};

// All tasks, the groups they belong to, and tasks by explicit id.
struct TaskIndex {
  std::vector<TaskRef> tasks;
  std::vector<GroupRef> groups; // in document order; only groups that contain tasks or are
                                // named through activities are listed by users, but every
                                // heading-style item that could be a group is here
  std::map<std::string, std::size_t> by_id; // explicit task id → index into `tasks`

  // The task with explicit `id`, or nullptr.
  const TaskRef* find(const std::string& id) const;
};

// The heading under which activities that belong to no group of the plan are reported
// (plan-format.md, activities).
inline constexpr std::string_view k_other_group = "其他工作";

// The index into `index.groups` of the group `activity` belongs to, the group of its first
// task; std::nullopt (→ k_other_group) when it names no task or its first task is unknown.
std::optional<std::size_t> activity_group(const TaskIndex& index, const Activity& activity);

// Builds the index of `plan`. The plan must outlive the index. Items deeper than
// `plan.numbering` allows are indexed with the last style repeated (the checker reports them).
TaskIndex index_tasks(const Plan& plan);

// The group an item belongs to as defined for tasks, for any item of `plan` (nullptr if `item`
// is not in the plan).
const Item* group_of(const Plan& plan, const Item* item);

} // namespace planctl::model
