#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/task_table.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>

namespace planctl::layout {

namespace {

// The entry of `list` whose id is `ref`, else whose name is `ref` (the reference rule of
// plan-format.md, the same the workbook uses).
template <class Entry>
const Entry* resolve(const std::vector<Entry>& list, const std::string& ref) {
  for (const Entry& entry : list) {
    if (entry.id.value == ref) {
      return &entry;
    }
  }
  for (const Entry& entry : list) {
    if (entry.name.value == ref) {
      return &entry;
    }
  }
  return nullptr;
}

std::string department(const model::PlanFile& file, const std::string& ref) {
  const model::Department* found = file.has_departments ? resolve(file.departments, ref) : nullptr;
  return found ? found->name.value : ref;
}

std::string person(const model::PlanFile& file, const std::string& ref) {
  const model::Person* found = file.has_people ? resolve(file.people, ref) : nullptr;
  return found ? found->name.value : ref;
}

template <class Name>
std::string names(const model::TextList& refs, Name name, const TextRules& rules) {
  std::string out;
  for (const model::Text& ref : refs) {
    std::string text = rules.line(name(ref.value));
    if (text.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += "、";
    }
    out += text;
  }
  return out;
}

std::string due_text(const std::optional<model::Located<model::Due>>& due) {
  if (!due) {
    return {};
  }
  const model::Due& value = due->value;
  if (value.when) {
    if (value.when->is_month()) {
      return std::to_string(value.when->year) + "年" + std::to_string(value.when->month) + "月";
    }
    return word_date(value.when->first_day());
  }
  return value.source;
}

// Width of `text` in half characters (ASCII half, everything else whole).
long halves(std::string_view text) {
  long out = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    out += (cp >= 0x20 && cp < 0x7F) ? 1 : 2;
  }
  return out;
}

// Whether the table needs more than the 28 characters of a portrait line: each column as
// wide as its widest cell up to 8 characters (longer cells wrap), plus one character of
// cell margins.
bool is_wide(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) {
  long total = 0;
  for (std::size_t c = 0; c < header.size(); ++c) {
    long widest = halves(header[c]);
    for (const auto& row : rows) {
      widest = std::max(widest, c < row.size() ? halves(row[c]) : 0);
    }
    total += std::min(16L, widest) + 2;
  }
  return total > 56;
}

} // namespace

std::vector<std::string> task_table_header() {
  return {"序号", "工作类别", "工作任务", "牵头部门", "责任人", "配合部门", "完成时限"};
}

std::vector<std::vector<std::string>> task_table_rows(const model::PlanFile& file,
                                                      const model::TaskIndex& index,
                                                      const TextRules& rules) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(index.tasks.size());
  const model::Item* last_group = nullptr;
  for (const model::TaskRef& task : index.tasks) {
    const model::Item& item = *task.item;
    std::string group;
    if (task.group != nullptr && task.group != last_group) {
      group = rules.heading(task.group->title.value);
    }
    last_group = task.group;
    rows.push_back({
        std::to_string(task.index + 1),
        std::move(group),
        rules.heading(item.title.value),
        item.lead ? rules.line(department(file, item.lead->value)) : std::string(),
        names(
            item.owner, [&](const std::string& r) { return person(file, r); }, rules),
        names(
            item.support, [&](const std::string& r) { return department(file, r); }, rules),
        due_text(item.due),
    });
  }
  return rows;
}

std::vector<AttachmentPage> attachment_pages(const model::PlanFile& file,
                                             const model::TaskIndex& index,
                                             const TextRules& rules) {
  const model::Plan& plan = file.plan;
  std::vector<AttachmentPage> pages;
  // Numbered as the attachments note numbers them: titles that are blank are left out there.
  int number = 0;
  int titled = 0;
  for (const model::Text& title : plan.attachments) {
    titled += rules.heading(title.value).empty() ? 0 : 1;
  }
  for (std::size_t i = 0; i < plan.attachments.size(); ++i) {
    std::string title = rules.heading(plan.attachments[i].value);
    if (title.empty()) {
      continue;
    }
    ++number;
    if (i >= plan.attachment_content.size() || !plan.attachment_content[i] ||
        plan.attachment_content[i]->value != "tasks") {
      continue;
    }
    AttachmentPage page;
    page.label = titled == 1 ? "附件" : "附件" + std::to_string(number);
    page.title = std::move(title);
    page.header = task_table_header();
    page.rows = task_table_rows(file, index, rules);
    page.wide = is_wide(page.header, page.rows);
    pages.push_back(std::move(page));
  }
  return pages;
}

} // namespace planctl::layout
