#include <planctl/model/progress.hpp>

#include <doctest/doctest.h>

#include <limits>

using namespace planctl;
using namespace planctl::model;

namespace {

util::Date d(int y, int m, int day) {
  return util::Date{y, m, day};
}

Item task(std::string id) {
  Item it;
  it.title.value = "任务" + id;
  it.is_task = true;
  if (!id.empty()) {
    it.id = Text{id, {}, {}};
  }
  return it;
}

Item with_due(Item it, DayOrMonth when) {
  it.due = Located<Due>{Due{when, std::nullopt, ""}, {}, {}};
  return it;
}

Item with_recurring(Item it, Recurrence r) {
  it.due = Located<Due>{Due{std::nullopt, r, recurrence_label(r)}, {}, {}};
  return it;
}

Item with_status(Item it, TaskStatus s) {
  it.status = Located<TaskStatus>{s, {}, {}};
  return it;
}

Activity activity(util::Date date, std::vector<std::string> tasks, std::size_t file_index = 0,
                  std::optional<std::int64_t> count = std::nullopt) {
  Activity a;
  a.date.value = date;
  a.title.value = "活动" + std::to_string(file_index);
  for (std::string& t : tasks) {
    a.tasks.push_back(Text{std::move(t), {}, {}});
  }
  if (count) {
    a.count = Located<std::int64_t>{*count, {}, {}};
  }
  a.file_index = file_index;
  return a;
}

} // namespace

TEST_CASE("model::state_label") {
  CHECK(std::string(state_label(TaskState::done)) == "已完成");
  CHECK(std::string(state_label(TaskState::in_progress)) == "进行中");
  CHECK(std::string(state_label(TaskState::overdue)) == "逾期");
  CHECK(std::string(state_label(TaskState::not_started)) == "未开始");
  CHECK(std::string(state_label(TaskState::ongoing)) == "长期");
}

TEST_CASE("model::task_state") {
  const util::Date as_of = d(2020, 6, 15);
  const std::vector<Activity> none;

  SUBCASE("rule 1: 已完成 only from status, even when overdue") {
    const Item t = with_status(with_due(task("a"), {2020, 3, 1}), TaskStatus::done);
    CHECK(task_state(t, none, as_of) == TaskState::done);
  }
  SUBCASE("rule 1: activities never make a task 已完成") {
    const std::vector<Activity> acts{activity(d(2020, 3, 1), {"a"})};
    CHECK(task_state(task("a"), acts, as_of) == TaskState::in_progress);
  }
  SUBCASE("rule 2: a due date before as-of is 逾期, even with activities or 进行中") {
    const Item t = with_status(with_due(task("a"), {2020, 6, 14}), TaskStatus::in_progress);
    const std::vector<Activity> acts{activity(d(2020, 3, 1), {"a"})};
    CHECK(task_state(t, acts, as_of) == TaskState::overdue);
  }
  SUBCASE("rule 2: due on the as-of date is not late") {
    CHECK(task_state(with_due(task("a"), {2020, 6, 15}), none, as_of) == TaskState::not_started);
  }
  SUBCASE("rule 2: a due month is late only after its last day") {
    CHECK(task_state(with_due(task("a"), {2020, 6, 0}), none, as_of) == TaskState::not_started);
    CHECK(task_state(with_due(task("a"), {2020, 6, 0}), none, d(2020, 7, 1)) == TaskState::overdue);
    CHECK(task_state(with_due(task("a"), {2020, 5, 0}), none, as_of) == TaskState::overdue);
  }
  SUBCASE("rule 3: a recurring keyword is 长期 whatever the activities") {
    const std::vector<Activity> acts{activity(d(2020, 3, 1), {"a"})};
    CHECK(task_state(with_recurring(task("a"), Recurrence::whole_year), acts, as_of) ==
          TaskState::ongoing);
    CHECK(task_state(with_status(with_recurring(task("a"), Recurrence::each_week),
                                 TaskStatus::in_progress),
                     none, as_of) == TaskState::ongoing);
  }
  SUBCASE("rule 4: status 进行中") {
    CHECK(task_state(with_status(task("a"), TaskStatus::in_progress), none, as_of) ==
          TaskState::in_progress);
  }
  SUBCASE("rule 4: an activity on or before as-of naming the id overrides 未开始") {
    const Item t = with_status(task("a"), TaskStatus::not_started);
    CHECK(task_state(t, {activity(d(2020, 6, 15), {"b", "a"})}, as_of) == TaskState::in_progress);
    CHECK(task_state(t, {activity(d(2020, 6, 16), {"a"})}, as_of) == TaskState::not_started);
    CHECK(task_state(t, {activity(d(2020, 6, 1), {"b"})}, as_of) == TaskState::not_started);
  }
  SUBCASE("rule 5: no due is never late") {
    CHECK(task_state(task("a"), none, d(2099, 1, 1)) == TaskState::not_started);
  }
  SUBCASE("a task without an id is never named by an activity") {
    CHECK(task_state(task(""), {activity(d(2020, 1, 1), {""})}, as_of) == TaskState::not_started);
  }
}

TEST_CASE("model::compute_progress") {
  Plan plan;
  Item section;
  section.title.value = "工作任务";
  section.items = {with_due(task("late"), {2020, 3, 31}), task("busy"), task("idle"),
                   with_status(task("done"), TaskStatus::done)};
  plan.sections = {section};
  const TaskIndex index = index_tasks(plan);
  const std::vector<Activity> acts{
      activity(d(2020, 3, 13), {"busy"}, 0, 89),
      activity(d(2020, 5, 1), {"busy", "late", "busy"}, 1, 20),
      activity(d(2020, 9, 1), {"busy"}, 2),
      activity(d(2020, 4, 2), {"done"}, 3, 5),
  };
  const std::vector<TaskProgress> progress = compute_progress(index, acts, d(2020, 4, 10));
  REQUIRE(progress.size() == 4);

  SUBCASE("overdue task: days late from the due's last day") {
    CHECK(progress[0].state == TaskState::overdue);
    CHECK(progress[0].days_late == 10);
    CHECK(progress[0].activity_count == 0);
    CHECK(progress[0].participant_count == 0);
  }
  SUBCASE("counts leave out activities after as-of") {
    CHECK(progress[1].state == TaskState::in_progress);
    CHECK(progress[1].days_late == 0);
    CHECK(progress[1].activity_count == 1);
    CHECK(progress[1].participant_count == 89);
  }
  SUBCASE("each activity once, however often it names the task") {
    const std::vector<TaskProgress> later = compute_progress(index, acts, d(2020, 12, 31));
    CHECK(later[1].activity_count == 3);
    CHECK(later[1].participant_count == 109);
    CHECK(later[0].activity_count == 1);
  }
  SUBCASE("a task no activity names") {
    CHECK(progress[2].state == TaskState::not_started);
    CHECK(progress[2].activity_count == 0);
    CHECK(progress[2].participant_count == 0);
  }
  SUBCASE("status 已完成") {
    CHECK(progress[3].state == TaskState::done);
    CHECK(progress[3].activity_count == 1);
    CHECK(progress[3].participant_count == 5);
  }
  SUBCASE("huge counts saturate instead of overflowing") {
    const std::vector<Activity> big{
        activity(d(2020, 1, 1), {"idle"}, 0, std::numeric_limits<std::int64_t>::max()),
        activity(d(2020, 1, 2), {"idle"}, 1, std::numeric_limits<std::int64_t>::max())};
    const std::vector<TaskProgress> p = compute_progress(index, big, d(2020, 4, 10));
    CHECK(p[2].participant_count == std::numeric_limits<long long>::max());
  }
}

TEST_CASE("model::activities_by_date") {
  SUBCASE("sorted by date, ties in file order") {
    const std::vector<Activity> acts{activity(d(2020, 5, 1), {}, 0), activity(d(2020, 3, 1), {}, 1),
                                     activity(d(2020, 5, 1), {}, 2), activity(d(2020, 3, 1), {}, 3),
                                     activity(d(2020, 1, 9), {}, 4)};
    std::vector<std::size_t> order;
    for (const Activity* a : activities_by_date(acts)) {
      order.push_back(a->file_index);
    }
    CHECK(order == std::vector<std::size_t>{4, 1, 3, 0, 2});
  }
  SUBCASE("no activities") {
    CHECK(activities_by_date({}).empty());
  }
}

TEST_CASE("model::activities_until") {
  const std::vector<Activity> acts{activity(d(2021, 1, 15), {}, 0), activity(d(2020, 3, 1), {}, 1),
                                   activity(d(2020, 12, 31), {}, 2)};
  SUBCASE("the as-of day itself is in, a later day is out") {
    std::vector<std::size_t> order;
    for (const Activity* a : activities_until(acts, d(2020, 12, 31))) {
      order.push_back(a->file_index);
    }
    CHECK(order == std::vector<std::size_t>{1, 2});
  }
  SUBCASE("none before the as-of date") {
    CHECK(activities_until(acts, d(2020, 1, 1)).empty());
  }
}
