#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/task_table.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>
#include <string_view>

namespace planctl::layout {

namespace {

// The most characters of a cell made of names (牵头部门, 责任人, 配合部门). A name comes by
// reference, so one short id in a row brings a name of up to 10,000 characters and every row
// that names it repeats it: without a cut, 600 rows naming one such person made 36 MB of .md
// from a 100 KB file. 100 characters hold any real list of names (a cell of this table wraps
// at 8 characters a line); a longer cell ends in `…`, so that a row stays within about 1 KB
// whatever its references bring (docs/security.md, "Limits").
constexpr std::size_t k_names_chars = 100;

// Appends `text` to `out`, which holds `chars` characters, up to k_names_chars in all; returns
// false when it was cut (and `…` ended it).
bool append_cut(std::string& out, std::size_t& chars, std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (chars == k_names_chars) {
      out += "…";
      return false;
    }
    const std::size_t start = pos;
    (void)util::next_code_point(text, pos);
    out.append(text.substr(start, pos - start));
    ++chars;
  }
  return true;
}

// `text` up to its first `max` characters.
std::string_view head(std::string_view text, std::size_t max) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < max && pos < text.size(); ++n) {
    (void)util::next_code_point(text, pos);
  }
  return text.substr(0, pos);
}

// The names `refs` resolve to through `name`, joined with `、`, cut at k_names_chars. Only the
// head of a long name is worded (TextRules::line): it is cut anyway, and wording all of it for
// every row would cost rows × its length.
template <class Name>
std::string names(const model::TextList& refs, Name name, const TextRules& rules) {
  std::string out;
  std::size_t chars = 0;
  for (const model::Text& ref : refs) {
    const std::string& whole = name(ref.value);
    const std::string_view raw = head(whole, 4 * k_names_chars);
    const std::string text = rules.line(raw);
    if (text.empty()) {
      continue;
    }
    if (!out.empty() && !append_cut(out, chars, "、")) {
      break;
    }
    if (!append_cut(out, chars, text)) {
      break;
    }
    if (raw.size() < whole.size()) {
      out += "…"; // what wording kept of the head fitted, but the name goes on
      break;
    }
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
  // References resolved through one index: a scan of the lists per reference made the table
  // cost tasks × people.
  const model::NameIndex index_of(file);
  const auto department = [&](const std::string& ref) -> const std::string& {
    return index_of.department_name(ref);
  };
  const auto person = [&](const std::string& ref) -> const std::string& {
    return index_of.person_name(ref);
  };
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
        item.lead ? names(model::TextList{*item.lead}, department, rules) : std::string(),
        names(item.owner, person, rules),
        names(item.support, department, rules),
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
