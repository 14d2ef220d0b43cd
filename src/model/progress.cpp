#include <planctl/model/progress.hpp>

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace planctl::model {

namespace {

bool names_task(const Activity& activity, const std::string& id) {
  return std::any_of(activity.tasks.begin(), activity.tasks.end(),
                     [&](const Text& t) { return t.value == id; });
}

// Activities can only name a task through an explicit, non-empty id.
const std::string* task_id(const Item& task) {
  return task.id && !task.id->value.empty() ? &task.id->value : nullptr;
}

} // namespace

const char* state_label(TaskState state) {
  switch (state) {
  case TaskState::done:
    return "已完成";
  case TaskState::in_progress:
    return "进行中";
  case TaskState::overdue:
    return "逾期";
  case TaskState::not_started:
    return "未开始";
  case TaskState::ongoing:
    return "长期";
  }
  return "";
}

namespace {

// Rules 1 to 5 of plan-format.md "Progress", given whether an activity dated on or before the
// as-of date names the task.
TaskState state_of(const Item& task, bool named_before_as_of, const util::Date& as_of) {
  if (task.status && task.status->value == TaskStatus::done) {
    return TaskState::done;
  }
  if (task.due && task.due->value.when && task.due->value.when->last_day() < as_of) {
    return TaskState::overdue;
  }
  if (task.due && task.due->value.recurrence) {
    return TaskState::ongoing;
  }
  if (task.status && task.status->value == TaskStatus::in_progress) {
    return TaskState::in_progress;
  }
  return named_before_as_of ? TaskState::in_progress : TaskState::not_started;
}

} // namespace

TaskState task_state(const Item& task, const std::vector<Activity>& activities,
                     const util::Date& as_of) {
  bool named = false;
  if (const std::string* id = task_id(task)) {
    named = std::any_of(activities.begin(), activities.end(), [&](const Activity& activity) {
      return activity.date.value <= as_of && names_task(activity, *id);
    });
  }
  return state_of(task, named, as_of);
}

std::vector<TaskProgress> compute_progress(const TaskIndex& index,
                                           const std::vector<Activity>& activities,
                                           const util::Date& as_of) {
  // One pass over the activities with the tasks found by id, rather than every activity for
  // every task: a school of 2,000 tasks and 10,000 activities would otherwise compare 20
  // million ids. A repeated id (an error the checker reports) names every task that has it.
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_id;
  for (std::size_t t = 0; t < index.tasks.size(); ++t) {
    if (const std::string* id = task_id(*index.tasks[t].item)) {
      by_id[*id].push_back(t);
    }
  }
  std::vector<TaskProgress> out(index.tasks.size());
  std::vector<bool> named(index.tasks.size(), false);
  std::unordered_set<std::string_view> seen; // the ids of one activity, each counted once
  for (const Activity& activity : activities) {
    // An activity after the as-of date has not happened yet as far as progress knows.
    if (as_of < activity.date.value) {
      continue;
    }
    seen.clear();
    for (const Text& ref : activity.tasks) {
      // An activity that lists the same id twice is still one activity; a set, not a scan of
      // the ids before, so that a list of thousands of ids stays linear.
      if (activity.tasks.size() > 1 && !seen.insert(ref.value).second) {
        continue;
      }
      const auto it = by_id.find(ref.value);
      if (it == by_id.end()) {
        continue;
      }
      for (const std::size_t t : it->second) {
        TaskProgress& progress = out[t];
        ++progress.activity_count;
        if (activity.count && activity.count->value > 0) {
          // Saturate: a hostile file must not overflow the total.
          const long long room = std::numeric_limits<long long>::max() - progress.participant_count;
          progress.participant_count += std::min<long long>(activity.count->value, room);
        }
        named[t] = true;
      }
    }
  }
  for (std::size_t t = 0; t < index.tasks.size(); ++t) {
    const Item& task = *index.tasks[t].item;
    TaskProgress& progress = out[t];
    progress.state = state_of(task, named[t], as_of);
    if (progress.state == TaskState::overdue) {
      progress.days_late =
          util::days_from_civil(as_of) - util::days_from_civil(task.due->value.when->last_day());
    }
  }
  return out;
}

std::vector<const Activity*> activities_by_date(const std::vector<Activity>& activities) {
  std::vector<const Activity*> out;
  out.reserve(activities.size());
  for (const Activity& activity : activities) {
    out.push_back(&activity);
  }
  // Stable, with the file index as tie-break, so equal dates keep the order they were written.
  std::stable_sort(out.begin(), out.end(), [](const Activity* a, const Activity* b) {
    if (a->date.value != b->date.value) {
      return a->date.value < b->date.value;
    }
    return a->file_index < b->file_index;
  });
  return out;
}

std::vector<const Activity*> activities_until(const std::vector<Activity>& activities,
                                              const util::Date& as_of) {
  std::vector<const Activity*> out = activities_by_date(activities);
  out.erase(std::find_if(out.begin(), out.end(),
                         [&](const Activity* activity) { return as_of < activity->date.value; }),
            out.end());
  return out;
}

} // namespace planctl::model
