#include <planctl/app/commands.hpp>
#include <planctl/app/console_style.hpp>
#include <planctl/app/file_check.hpp>
#include <planctl/app/parallel.hpp>
#include <planctl/app/plan_files.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/util/json_writer.hpp>
#include <planctl/util/utf8.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>
#include <set>

namespace planctl::app {

namespace {

using util::Json;

const std::string k_formats[] = {"text", "json"};

// Tasks due within this many days after the as-of date are listed as due soon.
constexpr long k_soon_days = 30;
// The widest a task or group cell may be in the text table, in terminal cells.
constexpr std::size_t k_title_cells = 36;

struct StatusOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string as_of;
  unsigned jobs = 0;
  std::string color = "auto";
  std::string lang;
};

// The stable English key of a state in the JSON.
const char* state_key(model::TaskState state) {
  switch (state) {
  case model::TaskState::done:
    return "done";
  case model::TaskState::in_progress:
    return "in_progress";
  case model::TaskState::overdue:
    return "overdue";
  case model::TaskState::not_started:
    return "not_started";
  case model::TaskState::ongoing:
    return "ongoing";
  }
  return "";
}

// One task as the status lists show it.
struct TaskLine {
  std::optional<std::string> id;
  std::string position; // e.g. `三、（二）1.`
  std::string title;
  std::string lead;                // the department's name
  std::vector<std::string> owners; // the people's names
  model::TaskState state = model::TaskState::not_started;
  std::string due;                    // as written
  std::optional<util::Date> due_date; // the last day `due` covers, when it is a date or month
  long days = 0;                      // days late (overdue) or days left (due soon)
};

struct GroupLine {
  std::string position;
  std::string title;
  std::size_t tasks = 0;
  std::size_t activities = 0;
};

// Everything `planctl status` reports about one valid file.
struct Status {
  std::size_t tasks = 0;
  std::array<std::size_t, 5> states{};
  std::size_t activities = 0;
  std::vector<TaskLine> overdue;  // most days late first
  std::vector<TaskLine> due_soon; // fewest days left first
  std::vector<TaskLine> unlogged; // tasks that no activity names, in document order
  std::vector<GroupLine> groups;  // groups with tasks or activities, in document order
};

std::size_t state_column(model::TaskState state) {
  return static_cast<std::size_t>(
      std::find(std::begin(model::k_all_states), std::end(model::k_all_states), state) -
      std::begin(model::k_all_states));
}

Status compute_status(const model::PlanFile& file, const util::Date& as_of) {
  Status s;
  const model::TaskIndex index = model::index_tasks(file.plan);
  const std::vector<model::TaskProgress> progress =
      model::compute_progress(index, file.activities, as_of);
  s.tasks = index.tasks.size();
  s.activities = file.activities.size();
  const long today = util::days_from_civil(as_of);
  const model::NameIndex names(file);
  std::vector<GroupLine> groups(index.groups.size());
  for (std::size_t g = 0; g < index.groups.size(); ++g) {
    groups[g].position = index.groups[g].position;
    groups[g].title = index.groups[g].item->title.value;
  }
  for (std::size_t t = 0; t < index.tasks.size(); ++t) {
    const model::TaskRef& ref = index.tasks[t];
    const model::Item& item = *ref.item;
    const model::TaskProgress& p = progress[t];
    ++s.states[state_column(p.state)];
    if (ref.group_index < groups.size()) {
      ++groups[ref.group_index].tasks;
    }
    TaskLine line;
    if (item.id) {
      line.id = item.id->value;
    }
    line.position = ref.position;
    line.title = item.title.value;
    line.state = p.state;
    if (item.lead) {
      line.lead = names.department_name(item.lead->value);
    }
    std::set<std::string_view> seen;
    for (const model::Text& owner : item.owner) {
      // A repeated owner is a `duplicate-reference` finding and counts once.
      if (item.owner.size() == 1 || seen.insert(owner.value).second) {
        line.owners.push_back(names.person_name(owner.value));
      }
    }
    if (item.due) {
      line.due = item.due->value.source;
      if (item.due->value.when) {
        line.due_date = item.due->value.when->last_day();
      }
    }
    if (p.state == model::TaskState::overdue) {
      line.days = p.days_late;
      s.overdue.push_back(line);
    } else if (line.due_date && p.state != model::TaskState::done) {
      const long left = util::days_from_civil(*line.due_date) - today;
      if (left >= 0 && left <= k_soon_days) {
        line.days = left;
        s.due_soon.push_back(line);
      }
    }
    if (p.activity_count == 0) {
      line.days = 0;
      s.unlogged.push_back(line);
    }
  }
  std::stable_sort(s.overdue.begin(), s.overdue.end(),
                   [](const TaskLine& a, const TaskLine& b) { return a.days > b.days; });
  std::stable_sort(s.due_soon.begin(), s.due_soon.end(),
                   [](const TaskLine& a, const TaskLine& b) { return a.days < b.days; });

  // An activity belongs to the group of its first task, else to 其他工作 (plan-format.md).
  GroupLine other{"", std::string(model::k_other_group), 0, 0};
  for (const model::Activity& activity : file.activities) {
    const std::optional<std::size_t> group = model::activity_group(index, activity);
    if (group && *group < groups.size()) {
      ++groups[*group].activities;
    } else {
      ++other.activities;
    }
  }
  for (GroupLine& g : groups) {
    if (g.tasks > 0 || g.activities > 0) {
      s.groups.push_back(std::move(g));
    }
  }
  if (other.activities > 0) {
    s.groups.push_back(std::move(other));
  }
  return s;
}

// ---- JSON ----

Json task_json(const TaskLine& t, const char* days_key) {
  Json j;
  j["id"] = t.id ? Json(*t.id) : Json(nullptr);
  j["position"] = t.position;
  j["title"] = t.title;
  j["lead"] = t.lead.empty() ? Json(nullptr) : Json(t.lead);
  Json& owners = j["owners"] = Json::array();
  for (const std::string& owner : t.owners) {
    owners.push(owner);
  }
  j["state"] = state_key(t.state);
  j["due"] = t.due.empty() ? Json(nullptr) : Json(t.due);
  j["due_date"] = t.due_date ? Json(util::to_iso(*t.due_date)) : Json(nullptr);
  if (days_key) {
    j[days_key] = static_cast<std::int64_t>(t.days);
  }
  return j;
}

Json file_json(const CheckedFile& f, const util::Date& as_of) {
  Json j;
  const diag::FileResult& r = f.result;
  const bool valid = f.plan && !diag::file_fails(r, false);
  j["file"] = r.file;
  j["valid"] = valid;
  j["errors"] = r.diagnostics.error_count();
  j["warnings"] = r.diagnostics.warning_count();
  if (f.plan) {
    const model::PlanFile& plan = *f.plan;
    j["school"] = plan.school.name.value;
    j["code"] = plan.school.code ? Json(plan.school.code->value) : Json(nullptr);
    j["title"] = plan.plan.title.value;
  }
  if (!valid) {
    return j;
  }
  const Status s = compute_status(*f.plan, as_of);
  j["tasks"] = s.tasks;
  Json states = Json::object();
  for (std::size_t i = 0; i < s.states.size(); ++i) {
    states[state_key(model::k_all_states[i])] = s.states[i];
  }
  j["states"] = states;
  j["activities"] = s.activities;
  auto list = [](const std::vector<TaskLine>& tasks, const char* days_key) {
    Json out = Json::array();
    for (const TaskLine& t : tasks) {
      out.push(task_json(t, days_key));
    }
    return out;
  };
  j["overdue"] = list(s.overdue, "days_late");
  j["due_soon"] = list(s.due_soon, "days_left");
  j["without_activity"] = list(s.unlogged, nullptr);
  Json groups = Json::array();
  for (const GroupLine& g : s.groups) {
    groups.push(Json::object({{"position", g.position},
                              {"group", g.title},
                              {"tasks", g.tasks},
                              {"activities", g.activities}}));
  }
  j["activities_by_group"] = groups;
  return j;
}

// ---- text ----

std::size_t cells(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    width += static_cast<std::size_t>(diag::display_width(util::next_code_point(text, pos)));
  }
  return width;
}

// `text` on one line, cut to at most `max` cells with a closing `…`.
std::string fit(std::string_view text, std::size_t max) {
  const std::string line = diag::printable(text);
  if (cells(line) <= max) {
    return line;
  }
  std::string out;
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t start = pos;
    const char32_t cp = util::next_code_point(line, pos);
    const auto w = static_cast<std::size_t>(diag::display_width(cp));
    if (width + w + 1 > max) {
      break;
    }
    out.append(line, start, pos - start);
    width += w;
  }
  return out + "…";
}

// A table whose columns line up on a terminal where Chinese characters take two cells.
class Table {
public:
  explicit Table(std::vector<std::string> header, std::vector<bool> right = {})
      : m_right(std::move(right)) {
    m_right.resize(header.size(), false);
    m_rows.push_back(std::move(header));
  }

  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

  std::string str() const {
    std::vector<std::size_t> widths(m_rows.front().size(), 0);
    for (const auto& row : m_rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        widths[c] = std::max(widths[c], cells(row[c]));
      }
    }
    std::string out;
    for (const auto& row : m_rows) {
      std::string line = "  ";
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string pad(widths[c] - cells(row[c]), ' ');
        const bool last = c + 1 == row.size();
        line += m_right[c] ? pad + row[c] : row[c] + (last ? "" : pad);
        if (!last) {
          line += "  ";
        }
      }
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      out += line + "\n";
    }
    return out;
  }

private:
  std::vector<std::vector<std::string>> m_rows;
  std::vector<bool> m_right;
};

struct Labels {
  const char* tasks_line; // {tasks} {states} {activities}
  const char* as_of;
  const char* overdue;
  const char* due_soon;
  const char* unlogged;
  const char* groups;
  const char* none;
  const char* task;
  const char* lead;
  const char* owner;
  const char* due;
  const char* late;
  const char* left;
  const char* state;
  const char* group;
  const char* task_count;
  const char* activity_count;
  const char* days; // {n}
  const char* not_shown;
};

const Labels k_en{"{} tasks: {}; {} activities",
                  "as of",
                  "Overdue",
                  "Due in the next 30 days",
                  "Tasks no activity names",
                  "Activities per group",
                  "none",
                  "TASK",
                  "LEAD",
                  "OWNER",
                  "DUE",
                  "LATE",
                  "LEFT",
                  "STATE",
                  "GROUP",
                  "TASKS",
                  "ACTIVITIES",
                  "{} d",
                  "not shown: {} (see the findings above)"};
const Labels k_zh{"任务 {} 项：{}；活动 {} 次",
                  "截至",
                  "逾期任务",
                  "30天内到期",
                  "无活动记录的任务",
                  "各类别活动数",
                  "无",
                  "任务",
                  "牵头部门",
                  "责任人",
                  "完成时限",
                  "逾期",
                  "剩余",
                  "进度",
                  "工作类别",
                  "任务数",
                  "活动数",
                  "{}天",
                  "未显示：{}（见上方的问题）"};

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : std::string(sep)) + p;
  }
  return out;
}

std::string task_cell(const TaskLine& t) {
  return fit(t.position + t.title, k_title_cells);
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "—" : fit(s, 16);
}

void task_section(std::string& out, const Labels& l, const char* heading,
                  const std::vector<TaskLine>& tasks, const char* days_header) {
  out += fmt::format("\n{} ({})\n", heading, tasks.size());
  if (tasks.empty()) {
    out += fmt::format("  {}\n", l.none);
    return;
  }
  std::vector<std::string> header{l.task, l.lead, l.owner};
  header.push_back(days_header ? l.due : l.state);
  if (days_header) {
    header.push_back(days_header);
  }
  std::vector<bool> right(header.size(), false);
  right.back() = days_header != nullptr;
  Table table(header, right);
  for (const TaskLine& t : tasks) {
    std::vector<std::string> row{task_cell(t), or_dash(t.lead), or_dash(joined(t.owners, "、"))};
    if (days_header) {
      row.push_back(or_dash(t.due));
      row.push_back(fmt::format(fmt::runtime(l.days), t.days));
    } else {
      row.push_back(model::state_label(t.state));
    }
    table.add(std::move(row));
  }
  out += table.str();
}

std::string file_text(const CheckedFile& f, const util::Date& as_of, diag::Lang lang) {
  const Labels& l = lang == diag::Lang::zh ? k_zh : k_en;
  const diag::FileResult& r = f.result;
  std::string head = diag::printable(r.file);
  if (f.plan) {
    head += fmt::format(fmt::runtime(lang == diag::Lang::zh ? "：{}《{}》" : ": {}, {}"),
                        diag::printable(f.plan->school.name.value),
                        diag::printable(f.plan->plan.title.value));
  }
  std::string out = head + "\n";
  if (!f.plan || diag::file_fails(r, false)) {
    std::string counts = lang == diag::Lang::zh
                             ? fmt::format("{}个错误", r.diagnostics.error_count())
                             : fmt::format("{} error{}", r.diagnostics.error_count(),
                                           r.diagnostics.error_count() == 1 ? "" : "s");
    out += "  " + fmt::format(fmt::runtime(l.not_shown), counts) + "\n";
    return out;
  }
  const Status s = compute_status(*f.plan, as_of);
  std::vector<std::string> states;
  for (std::size_t i = 0; i < s.states.size(); ++i) {
    states.push_back(fmt::format("{} {}", model::state_label(model::k_all_states[i]), s.states[i]));
  }
  out += fmt::format("  {} {}: ", l.as_of, util::to_iso(as_of));
  if (lang == diag::Lang::zh) {
    out.erase(out.size() - 2);
    out += "，";
  }
  out +=
      fmt::format(fmt::runtime(l.tasks_line), s.tasks, joined(states, " · "), s.activities) + "\n";
  task_section(out, l, l.overdue, s.overdue, l.late);
  task_section(out, l, l.due_soon, s.due_soon, l.left);
  task_section(out, l, l.unlogged, s.unlogged, nullptr);
  out += fmt::format("\n{} ({})\n", l.groups, s.groups.size());
  if (s.groups.empty()) {
    out += fmt::format("  {}\n", l.none);
  } else {
    Table table({l.group, l.task_count, l.activity_count}, {false, true, true});
    for (const GroupLine& g : s.groups) {
      table.add({fit(g.position + g.title, k_title_cells), std::to_string(g.tasks),
                 std::to_string(g.activities)});
    }
    out += table.str();
  }
  return out;
}

int run_status(const StatusOptions& o, Console& console) {
  util::Date as_of = util::today();
  if (!o.as_of.empty()) {
    const std::optional<util::Date> date = util::parse_date(o.as_of);
    if (!date) {
      console.err << fmt::format("planctl: error: --as-of \"{}\" is not a date; write "
                                 "YYYY-MM-DD, e.g. 2020-12-31\n",
                                 o.as_of);
      return k_exit_usage;
    }
    as_of = *date;
  }
  const diag::Lang lang = parse_lang(o.lang);
  const std::optional<std::vector<std::string>> files = plan_inputs(o.files, {}, console, lang);
  if (!files) {
    return k_exit_usage;
  }
  const std::vector<CheckedFile> checked = check_files(*files, console, o.jobs);
  std::vector<diag::FileResult> results;
  std::vector<diag::FileResult> failing;
  for (const CheckedFile& f : checked) {
    results.push_back(f.result);
    if (diag::file_fails(f.result, false)) {
      failing.push_back(f.result);
    }
  }
  // Only what stops a file from being shown goes to standard error; warnings are for validate.
  if (!failing.empty()) {
    console.err << diag::format_text(
        failing, text_style(parse_color(o.color), console.err_is_terminal, lang));
  }
  if (o.format == "json") {
    Json files = Json::array();
    for (const CheckedFile& f : checked) {
      files.push(file_json(f, as_of));
    }
    const Json report =
        Json::object({{"version", 1}, {"as_of", util::to_iso(as_of)}, {"files", files}});
    console.out << report.dump(2) << "\n";
  } else {
    for (std::size_t i = 0; i < checked.size(); ++i) {
      console.out << (i > 0 ? "\n" : "") << file_text(checked[i], as_of, lang);
    }
  }
  return exit_code_for(results, false);
}

} // namespace

Handler setup_status(CLI::App& cmd) {
  auto o = std::make_shared<StatusOptions>();
  cmd.add_option("FILE", o->files, "Plan files or folders (- reads standard\ninput)")
      ->required()
      ->type_name("");
  cmd.add_option("--as-of", o->as_of,
                 "Date task states are computed for\n(default: today, or SOURCE_DATE_EPOCH's day)")
      ->type_name("YYYY-MM-DD")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_option("-f,--format", o->format, "Output format")
      ->type_name("FORMAT")
      ->check(one_of(k_formats, "format"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->capture_default_str();
  add_jobs_option(cmd, o->jobs);
  add_console_options(cmd, o->color, o->lang);
  return [o](Console& console) { return run_status(*o, console); };
}

} // namespace planctl::app
