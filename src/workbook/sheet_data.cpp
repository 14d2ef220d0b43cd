#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/report_sections.hpp>
#include <planctl/workbook/cell_text.hpp>
#include <planctl/workbook/sheet_data.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace planctl::workbook {

namespace {

std::vector<std::string> values_of(const model::TextList& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const model::Text& text : list) {
    out.push_back(text.value);
  }
  return out;
}

// The names `name_of` gives for the references of `refs`, each reference once (a repeat is a
// `duplicate-reference` finding and counts once), joined with `separator` as
// join_nonempty() does. No name is made once the text passed `k_join_limit_bytes`: a name may
// be a long title worded anew, and a cell cuts the text there anyway.
template <class NameOf>
std::string join_distinct(const model::TextList& refs, std::string_view separator,
                          NameOf&& name_of) {
  std::string out;
  std::set<std::string_view> seen;
  for (const model::Text& ref : refs) {
    if (out.size() > k_join_limit_bytes) {
      break;
    }
    if (refs.size() == 1 || seen.insert(ref.value).second) {
      append_part(out, name_of(ref.value), separator);
    }
  }
  return out;
}

long long saturating_add(long long total, long long add) {
  if (add <= 0) {
    return total;
  }
  return std::numeric_limits<long long>::max() - total < add ? std::numeric_limits<long long>::max()
                                                             : total + add;
}

} // namespace

WhenCell when_cell(const std::optional<model::Located<model::DayOrMonth>>& start) {
  WhenCell cell;
  if (start) {
    cell.kind = start->value.is_month() ? WhenCell::Kind::month : WhenCell::Kind::date;
    cell.date = start->value.first_day();
  }
  return cell;
}

WhenCell when_cell(const std::optional<model::Located<model::Due>>& due) {
  WhenCell cell;
  if (!due) {
    return cell;
  }
  if (due->value.when) {
    cell.kind = due->value.when->is_month() ? WhenCell::Kind::month : WhenCell::Kind::date;
    cell.date = due->value.when->first_day();
  } else if (due->value.recurrence) {
    cell.kind = WhenCell::Kind::text;
    cell.text = model::recurrence_label(*due->value.recurrence);
  } else if (!due->value.source.empty()) {
    cell.kind = WhenCell::Kind::text;
    cell.text = due->value.source;
  }
  return cell;
}

std::string measures_text(const model::Item& item, const layout::TextRules& rules) {
  // Points continue the last paragraph, as in the plan document: the same function makes both.
  return join_nonempty(rules.body(item.text, item.points), "\n");
}

std::vector<TaskRow> task_rows(const model::PlanFile& file, const model::TaskIndex& index,
                               const std::vector<model::TaskProgress>& progress,
                               const layout::TextRules& rules) {
  const model::NameIndex names(file);
  std::vector<TaskRow> rows;
  rows.reserve(index.tasks.size());
  for (std::size_t i = 0; i < index.tasks.size(); ++i) {
    const model::TaskRef& ref = index.tasks[i];
    const model::Item& task = *ref.item;
    TaskRow row;
    row.group_index = ref.group_index;
    row.group = ref.group ? rules.heading(ref.group->title.value) : std::string();
    row.title = rules.heading(task.title.value);
    row.measures = measures_text(task, rules);
    row.lead = task.lead ? names.department_name(task.lead->value) : std::string();
    row.owners = join_distinct(task.owner, "、", [&](const std::string& ref) -> const std::string& {
      return names.person_name(ref);
    });
    row.support =
        join_distinct(task.support, "、", [&](const std::string& ref) -> const std::string& {
          return names.department_name(ref);
        });
    row.start = when_cell(task.start);
    row.due = when_cell(task.due);
    if (i < progress.size()) {
      row.state = progress[i].state;
      row.activity_count = progress[i].activity_count;
    }
    row.deliverables = join_nonempty(values_of(task.deliverables), "、");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ActivityRow> activity_rows(const model::PlanFile& file, const model::TaskIndex& index,
                                       const util::Date& as_of, const layout::TextRules& rules) {
  std::vector<ActivityRow> rows;
  for (const model::Activity* activity : model::activities_until(file.activities, as_of)) {
    ActivityRow row;
    row.activity = activity;
    // The title and the summary as the report words them (layout::activity_paragraphs).
    row.title = rules.heading(activity->title.value);
    row.participants =
        activity->participants ? rules.line(activity->participants->value) : std::string();
    row.tasks = join_distinct(activity->tasks, "、", [&](const std::string& id) {
      const model::TaskRef* task = index.find(id);
      return task ? rules.heading(task->item->title.value) : id;
    });
    const std::optional<std::size_t> group = model::activity_group(index, *activity);
    row.group = group ? rules.heading(index.groups[*group].item->title.value)
                      : std::string(model::k_other_group);
    if (activity->summary) {
      row.summary = join_nonempty(rules.paragraphs(activity->summary->value), "\n");
    }
    row.evidence = join_nonempty(values_of(activity->evidence), "、");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::vector<const model::Activity*>> activities_per_task(const model::PlanFile& file,
                                                                     const model::TaskIndex& index,
                                                                     const util::Date& as_of) {
  std::vector<std::vector<const model::Activity*>> out(index.tasks.size());
  for (const model::Activity* activity : model::activities_until(file.activities, as_of)) {
    std::set<std::size_t> seen; // an id listed twice is still one activity for the task
    for (const model::Text& id : activity->tasks) {
      const auto it = index.by_id.find(id.value);
      if (it != index.by_id.end() && seen.insert(it->second).second) {
        out[it->second].push_back(activity);
      }
    }
  }
  return out;
}

std::vector<DepartmentRow> department_rows(const model::PlanFile& file,
                                           const model::TaskIndex& index,
                                           const std::vector<model::TaskProgress>& progress,
                                           const util::Date& as_of) {
  // Rows are keyed by sort rank: departments by list position, then free text by first use,
  // then 未指定 last.
  constexpr std::size_t k_text_base = std::numeric_limits<std::size_t>::max() / 2;
  constexpr std::size_t k_no_lead_rank = std::numeric_limits<std::size_t>::max();
  const model::NameIndex names(file);
  std::map<std::size_t, DepartmentRow> by_rank;
  std::map<std::string, std::size_t> text_rank;
  std::vector<std::size_t> rank_of_task(index.tasks.size());
  for (std::size_t i = 0; i < index.tasks.size(); ++i) {
    const model::Item& task = *index.tasks[i].item;
    std::size_t rank = k_no_lead_rank;
    std::string name(k_no_lead);
    if (task.lead && !task.lead->value.empty()) {
      const model::Department* department = names.department(task.lead->value);
      if (department) {
        rank = static_cast<std::size_t>(department - file.departments.data());
        name = department->name.value;
      } else {
        rank = text_rank.emplace(task.lead->value, k_text_base + text_rank.size()).first->second;
        name = task.lead->value;
      }
    }
    rank_of_task[i] = rank;
    DepartmentRow& row = by_rank[rank];
    row.name = name;
    ++row.tasks;
    if (i < progress.size()) {
      const auto state = std::find(std::begin(model::k_all_states), std::end(model::k_all_states),
                                   progress[i].state);
      ++row.states[static_cast<std::size_t>(state - std::begin(model::k_all_states))];
    }
  }
  DepartmentRow unlinked;
  unlinked.name = k_unlinked_row;
  for (const model::Activity* activity : model::activities_until(file.activities, as_of)) {
    std::set<std::size_t> ranks;
    for (const model::Text& id : activity->tasks) {
      const auto it = index.by_id.find(id.value);
      if (it != index.by_id.end()) {
        ranks.insert(rank_of_task[it->second]);
      }
    }
    // Without a row of their own, activities that name no task would be in the ledger and
    // its total but in no row above the total.
    std::vector<DepartmentRow*> targets;
    for (std::size_t rank : ranks) {
      targets.push_back(&by_rank[rank]);
    }
    if (targets.empty()) {
      targets.push_back(&unlinked);
    }
    for (DepartmentRow* row : targets) {
      ++row->activities;
      if (activity->count) {
        row->participants = saturating_add(row->participants, activity->count->value);
      }
    }
  }
  std::vector<DepartmentRow> rows;
  rows.reserve(by_rank.size() + 1);
  for (auto& [rank, row] : by_rank) {
    rows.push_back(std::move(row));
  }
  if (unlinked.activities > 0) {
    rows.push_back(std::move(unlinked));
  }
  return rows;
}

LedgerTotals ledger_totals(const model::PlanFile& file, const util::Date& as_of) {
  LedgerTotals totals;
  for (const model::Activity& activity : file.activities) {
    if (as_of < activity.date.value) {
      if (totals.later == 0 || activity.date.value < totals.first_later) {
        totals.first_later = activity.date.value;
      }
      ++totals.later;
      continue;
    }
    ++totals.activities;
    if (activity.count) {
      totals.participants = saturating_add(totals.participants, activity.count->value);
    }
  }
  return totals;
}

std::string as_of_subtitle(const util::Date& as_of, const LedgerTotals& totals) {
  std::string subtitle = "截至" + layout::word_date(as_of);
  if (totals.later > 0) {
    subtitle += "（" + layout::word_date(totals.first_later) + "起的" +
                std::to_string(totals.later) + "项活动未列入）";
  }
  return subtitle;
}

std::string sheet_title(const model::PlanFile& file, std::string_view what,
                        const layout::TextRules& rules) {
  // The plan title as the documents word it, without the ending the report replaces too.
  const std::string title = layout::plan_title_stem(rules.line(file.plan.title.value));
  const std::string& name = file.school.name.value;
  const bool named = (!name.empty() && title.find(name) != std::string::npos) ||
                     (file.school.short_name && !file.school.short_name->value.empty() &&
                      title.find(file.school.short_name->value) != std::string::npos);
  return (named ? std::string() : name) + title + std::string(what);
}

} // namespace planctl::workbook
