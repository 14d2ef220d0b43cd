// The rules over the activity ledger as the year-end report reads it: a report without its
// `report` block, a group whose tasks no activity names, a task whose work the ledger shows
// done by its due date but that has no `status` (docs/report.md, the warnings).
#include <planctl/model/task_index.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>

#include "check_context.hpp"

namespace planctl::check {

namespace {

// The date the report is written on, as the layout takes it: `report.date`, else the latest
// activity's date; std::nullopt without either.
std::optional<util::Date> report_day(const model::PlanFile& file) {
  if (file.report && file.report->date) {
    return file.report->date->value;
  }
  std::optional<util::Date> latest;
  for (const model::Activity& activity : file.activities) {
    if (!latest || *latest < activity.date.value) {
      latest = activity.date.value;
    }
  }
  return latest;
}

// How many people `who` (an activity's participants) means by the school's profile, when it
// names a whole body the profile counts: `全体教职工` → 教职工, `全校学生` → 在校学生,
// `全校师生` → 学生 and 教职工 together; `all` tells whether it said 全体/全校.
struct HeadCount {
  long long count = 0;
  std::string label; // as the profile writes it, `在校学生、教职工` for 师生
  bool all = false;
};

std::optional<HeadCount> head_count(const model::School& school, std::string_view who) {
  HeadCount out;
  for (const std::string_view prefix : {"全体", "全校"}) {
    if (who.starts_with(prefix)) {
      who.remove_prefix(prefix.size());
      out.all = true;
      break;
    }
  }
  auto find = [&](std::string_view body) -> const model::ProfileFact* {
    for (const model::ProfileFact& fact : school.profile) {
      if (fact.value_is_number && !body.empty() &&
          (fact.label.value == body || std::string_view(fact.label.value).ends_with(body))) {
        return &fact;
      }
    }
    return nullptr;
  };
  auto number = [](const model::ProfileFact& fact) {
    return std::strtoll(fact.value.value.c_str(), nullptr, 10);
  };
  if (who == "师生") {
    const model::ProfileFact* students = find("学生");
    const model::ProfileFact* staff = find("教职工");
    if (!students || !staff) {
      return std::nullopt;
    }
    out.count = number(*students) + number(*staff);
    out.label = students->label.value + "、" + staff->label.value;
    return out;
  }
  if (who != "教职工" && who != "学生" && who != "教师" && who != "党员") {
    return std::nullopt;
  }
  const model::ProfileFact* fact = find(who);
  if (!fact) {
    return std::nullopt;
  }
  out.count = number(*fact);
  out.label = fact->label.value;
  return out;
}

} // namespace

void check_ledger(CheckContext& ctx) {
  const model::PlanFile& file = ctx.plan();
  if (file.activities.empty()) {
    return;
  }
  if (!file.report) {
    ctx.add(file.activities.front().mark, "report-missing");
  }
  // A count the profile contradicts: more people than the school has, or `全体…` for fewer
  // than half of them.
  for (const model::Activity& activity : file.activities) {
    if (!activity.participants || !activity.count) {
      continue;
    }
    const std::optional<HeadCount> heads = head_count(file.school, activity.participants->value);
    if (!heads || heads->count <= 0) {
      continue;
    }
    const long long count = activity.count->value;
    const bool above = count > heads->count;
    if (above || (heads->all && count * 2 < heads->count)) {
      ctx.add(activity.count->mark, above ? "count-vs-profile.above" : "count-vs-profile.all",
              {{"who", activity.participants->value},
               {"count", std::to_string(count)},
               {"label", heads->label},
               {"heads", std::to_string(heads->count)}});
    }
  }
  const model::TaskIndex index = model::index_tasks(file.plan);
  // Each task's activities by date, and the groups the ledger names.
  std::map<const model::Item*, std::vector<util::Date>> dates;
  std::set<std::size_t> named_groups;
  for (const model::Activity& activity : file.activities) {
    for (const model::Text& ref : activity.tasks) {
      if (const model::TaskRef* task = index.find(ref.value)) {
        dates[task->item].push_back(activity.date.value);
        named_groups.insert(task->group_index);
      }
    }
  }
  // A group the report leaves out: it has a task activities could name (an `id`) and none
  // whose progress the author states with a `status` instead.
  std::map<std::size_t, std::pair<bool, bool>> groups; // index → (an id, a status)
  for (const model::TaskRef& task : index.tasks) {
    auto& [has_id, has_status] = groups[task.group_index];
    has_id = has_id || (task.item->id && !task.item->id->value.empty());
    has_status = has_status || task.item->status.has_value();
  }
  for (const auto& [group, facts] : groups) {
    if (facts.first && !facts.second && !named_groups.count(group) && group < index.groups.size()) {
      const model::Item& item = *index.groups[group].item;
      ctx.add(item.title.mark, "group-without-activities",
              {{"title", excerpt(item.title.value, 30)}});
    }
  }
  const std::optional<util::Date> written = report_day(file);
  for (const model::TaskRef& task : index.tasks) {
    const model::Item& item = *task.item;
    if (item.status || !item.due || !item.due->value.when || !written) {
      continue;
    }
    const util::Date due = item.due->value.when->last_day();
    const auto found = dates.find(&item);
    if (!(due < *written) || found == dates.end()) {
      continue;
    }
    const auto before = std::count_if(found->second.begin(), found->second.end(),
                                      [&](const util::Date& d) { return !(due < d); });
    if (before > 0) {
      ctx.add(item.due->mark, "task-done-not-marked",
              {{"title", excerpt(item.title.value, 30)}, {"due", item.due->value.source}});
    }
  }
}

} // namespace planctl::check
