#include <planctl/model/progress.hpp>

#include <algorithm>
#include <limits>

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

TaskState task_state(const Item& task, const std::vector<Activity>& activities,
                     const util::Date& as_of) {
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
  if (const std::string* id = task_id(task)) {
    for (const Activity& activity : activities) {
      if (activity.date.value <= as_of && names_task(activity, *id)) {
        return TaskState::in_progress;
      }
    }
  }
  return TaskState::not_started;
}

std::vector<TaskProgress> compute_progress(const TaskIndex& index,
                                           const std::vector<Activity>& activities,
                                           const util::Date& as_of) {
  std::vector<TaskProgress> out;
  out.reserve(index.tasks.size());
  for (const TaskRef& ref : index.tasks) {
    const Item& task = *ref.item;
    TaskProgress progress;
    progress.state = task_state(task, activities, as_of);
    if (progress.state == TaskState::overdue) {
      progress.days_late =
          util::days_from_civil(as_of) - util::days_from_civil(task.due->value.when->last_day());
    }
    if (const std::string* id = task_id(task)) {
      for (const Activity& activity : activities) {
        // An activity that lists the same id twice is still one activity.
        if (names_task(activity, *id)) {
          ++progress.activity_count;
          if (activity.count && activity.count->value > 0) {
            // Saturate: a hostile file must not overflow the total.
            const long long room =
                std::numeric_limits<long long>::max() - progress.participant_count;
            progress.participant_count += std::min<long long>(activity.count->value, room);
          }
        }
      }
    }
    out.push_back(progress);
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

} // namespace planctl::model
