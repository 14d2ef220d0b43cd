#include <planctl/import/date_parser.hpp>
#include <planctl/import/ledger_import.hpp>
#include <planctl/import/plan_yaml_writer.hpp>
#include <planctl/import/source_document.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/layout/text_rules.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace planctl::import {

namespace {

// The columns of 活动台账 that become activity keys (序号 and 工作类别 are derived, not read).
enum Column { date, end, title, task, host, participants, count, place, summary, evidence, n };

struct Header {
  Column column;
  std::array<std::string_view, 6> names; // the workbook's name first, then what clerks write
};

// docs/import.md, "The activity ledger": the headers each column is known by.
constexpr std::array<Header, Column::n> k_headers{{
    {date, {"日期", "活动日期", "开始日期", "活动时间", "时间"}},
    {end, {"结束日期", "结束时间"}},
    {title, {"活动名称", "活动主题", "名称", "活动"}},
    {task, {"关联任务", "任务", "工作任务"}},
    {host, {"组织/主持", "组织", "主持", "主持人", "组织者", "负责人"}},
    {participants, {"参加对象", "参加人员", "参与对象", "对象"}},
    {count, {"人数", "参加人数", "参与人数"}},
    {place, {"地点", "活动地点"}},
    {summary, {"内容摘要", "内容", "摘要", "活动内容"}},
    {evidence, {"佐证材料", "佐证", "证明材料"}},
}};

// The most characters of one text the loader takes (plan-format.md "Reading the file").
constexpr std::size_t k_max_text = 10000;

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
}

// A header as compared: no spaces anywhere, full-width `／` as `/`.
std::string header_key(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = util::next_code_point(text, pos);
    if (is_space(c)) {
      continue;
    }
    util::append_utf8(out, c == 0xFF0F ? U'/' : c);
  }
  return out;
}

// A cell's text as it goes into the plan file: line ends as `\n`, other control characters
// and spaces at both ends dropped, each line trimmed.
std::string clean(std::string_view text) {
  std::string out;
  std::string line;
  auto flush = [&](bool newline) {
    std::size_t a = 0;
    std::size_t b = line.size();
    while (a < b && (line[a] == ' ')) {
      ++a;
    }
    while (b > a && line[b - 1] == ' ') {
      --b;
    }
    out += line.substr(a, b - a);
    if (newline) {
      out += '\n';
    }
    line.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = util::next_code_point(text, pos);
    if (c == '\n') {
      flush(true);
    } else if (c == '\r') {
      if (pos < text.size() && text[pos] == '\n') {
        continue;
      }
      flush(true);
    } else if (c == '\t' || c == 0x3000 || c == 0xA0) {
      line += ' ';
    } else if (c < 0x20 || c == 0x7F || c == 0xFEFF) {
      continue;
    } else {
      line.append(text.substr(start, pos - start));
    }
  }
  flush(false);
  // Blank lines at both ends go.
  while (out.starts_with('\n')) {
    out.erase(0, 1);
  }
  while (out.ends_with('\n')) {
    out.pop_back();
  }
  return out;
}

// A cell's value as text: numbers as Excel shows them in General format.
std::string text_of(const Cell& cell) {
  return clean(cell.text);
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

// A list entry in a flow list `[a, b]`: quoted when a flow indicator would end it early.
std::string flow_entry(std::string_view text) {
  const std::string plain = yaml_inline_scalar(text);
  if (plain.starts_with('"') || plain.find_first_of(",[]{}") == std::string::npos) {
    return plain;
  }
  return quoted(text);
}

// Splits `text` at `、` `，` `,` `；` `;` and line ends: the parts (trimmed) and, before each
// but the first, the separator that stood there.
struct Parts {
  std::vector<std::string> parts;
  std::vector<std::string> separators;
};

Parts split_list(std::string_view text) {
  Parts out;
  std::string current;
  std::size_t pos = 0;
  auto push = [&](std::string sep) {
    out.parts.push_back(clean(current));
    out.separators.push_back(std::move(sep));
    current.clear();
  };
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = util::next_code_point(text, pos);
    if (c == U'、' || c == U'，' || c == ',' || c == U'；' || c == ';' || c == '\n') {
      push(std::string(text.substr(start, pos - start)));
    } else {
      current.append(text.substr(start, pos - start));
    }
  }
  out.parts.push_back(clean(current));
  out.separators.insert(out.separators.begin(), "");
  out.separators.pop_back();
  return out;
}

std::vector<std::string> nonempty(const std::vector<std::string>& parts) {
  std::vector<std::string> out;
  for (const std::string& p : parts) {
    if (!p.empty()) {
      out.push_back(p);
    }
  }
  return out;
}

// A count: a whole number ≥ 0, as a number cell or a text of digits (full-width too), with
// an optional `人` after it.
std::optional<std::int64_t> parse_count(const Cell& cell) {
  if (cell.kind == CellKind::number) {
    if (cell.number < 0 || cell.number > 1e12 || std::floor(cell.number) != cell.number) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(cell.number);
  }
  if (cell.kind != CellKind::text) {
    return std::nullopt;
  }
  std::string text = clean(cell.text);
  if (text.ends_with("人")) {
    text.resize(text.size() - std::string_view("人").size());
  }
  std::int64_t value = 0;
  std::size_t pos = 0;
  std::size_t digits = 0;
  while (pos < text.size()) {
    char32_t c = util::next_code_point(text, pos);
    if (c >= 0xFF10 && c <= 0xFF19) {
      c = c - 0xFF10 + '0';
    }
    if (c < '0' || c > '9' || ++digits > 12) {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  if (digits == 0) {
    return std::nullopt;
  }
  return value;
}

// The date of a cell in a date column: a date cell, a number (Excel's serial day, when the
// cell was not formatted as a date) or a date text.
std::optional<util::Date> parse_cell_date(const Cell& cell, bool date1904) {
  if (cell.kind == CellKind::date || cell.kind == CellKind::number) {
    return date_of_serial(cell.number, date1904);
  }
  if (cell.kind != CellKind::text) {
    return std::nullopt;
  }
  std::string text = clean(cell.text);
  // `2020-03-13 00:00:00` as some programs write a date cell's text.
  if (text.size() > 10 && text.ends_with(" 00:00:00")) {
    text.resize(text.size() - 9);
  }
  if (std::optional<util::Date> d = parse_written_date(text)) {
    return d;
  }
  return util::parse_date(text);
}

// A title as compared: one line, no closing `。`, no spaces, punctuation width aside.
std::string task_key(const layout::TextRules& rules, std::string_view text) {
  // Punctuation width aside: full-width forms and curly quotes as their ASCII forms.
  const std::string heading = rules.heading(text);
  std::string out;
  std::size_t pos = 0;
  while (pos < heading.size()) {
    char32_t c = util::next_code_point(heading, pos);
    if (is_space(c)) {
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
    } else if (c == U'“' || c == U'”') {
      c = '"';
    } else if (c == U'‘' || c == U'’') {
      c = '\'';
    } else if (c == U'。') {
      c = '.';
    }
    util::append_utf8(out, c);
  }
  return out;
}

struct TaskMatch {
  std::vector<std::string> ids; // the tasks' ids, in the cell's order
  std::string error;            // why the cell cannot be used
  // Items named by title that have no id yet: the id each gets when the row is added.
  std::vector<const model::Item*> new_ids;
};

// Where an `id:` line can go in the plan file's text for an item that has none: right after
// its `title:` line, at the title key's indentation, when the title is written on that one
// line (the next line that is not blank is indented no deeper than the key).
std::optional<std::pair<int, std::size_t>> id_spot(const model::Item& item,
                                                   const std::vector<std::string_view>& lines) {
  const util::Mark key = item.title.key;
  if (!key.known() || key.line > static_cast<int>(lines.size())) {
    return std::nullopt;
  }
  const std::string_view line = lines[static_cast<std::size_t>(key.line - 1)];
  const std::size_t indent = static_cast<std::size_t>(key.column - 1);
  // The key's column counts characters: only ASCII (spaces and `- `) may stand before it.
  if (line.size() < indent + 6 || line.substr(indent, 6) != "title:" ||
      !std::all_of(line.begin(), line.begin() + static_cast<long>(indent),
                   [](char c) { return c == ' ' || c == '-'; })) {
    return std::nullopt;
  }
  for (std::size_t next = static_cast<std::size_t>(key.line); next < lines.size(); ++next) {
    const std::string_view text = lines[next];
    const std::size_t first = text.find_first_not_of(" \r\n");
    if (first == std::string_view::npos) {
      continue;
    }
    if (first > indent) {
      return std::nullopt; // the title goes on (a `|` block or a folded line)
    }
    break;
  }
  return std::pair{key.line, indent};
}

class TaskMatcher {
public:
  // Tasks are named by id or title; an item that is not a task yet (an imported plan's items
  // have no task keys) and has no items of its own can be named by title too: it gets an id
  // `t` + its position (`t2-1-3`), written into the file, which makes it a task.
  TaskMatcher(const model::Plan& plan, const model::TaskIndex& index,
              const layout::TextRules& rules, std::string plan_name,
              const std::vector<std::string_view>& lines)
      : m_rules(rules), m_plan_name(std::move(plan_name)) {
    for (const model::TaskRef& task : index.tasks) {
      if (task.item->id) {
        m_ids.insert(task.item->id->value);
      }
    }
    std::vector<int> path;
    collect(plan.sections, path, lines);
  }

  // The id given to `item`, which had none.
  const std::string& new_id(const model::Item* item) const { return m_new.at(item).id; }
  std::pair<int, std::size_t> spot(const model::Item* item) const { return m_new.at(item).spot; }

  TaskMatch match(std::string_view cell) const {
    const Parts parts = split_list(cell);
    const std::size_t n = parts.parts.size();
    // The cell as a sequence of ids and titles (a title may itself hold `、`): the fewest parts
    // that each name one task.
    std::vector<std::optional<std::vector<std::size_t>>> best(n + 1);
    best[0] = std::vector<std::size_t>{};
    for (std::size_t i = 1; i <= n && n <= 64; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (!best[j]) {
          continue;
        }
        const std::string piece = join(parts, j, i);
        if (piece.empty() ? i == j + 1 : resolves(piece)) {
          if (!best[i] || best[j]->size() + 1 < best[i]->size()) {
            best[i] = *best[j];
            best[i]->push_back(j);
          }
        }
      }
    }
    TaskMatch out;
    if (best[n]) {
      std::vector<std::size_t> starts = *best[n];
      starts.push_back(n);
      for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        const std::string piece = join(parts, starts[k], starts[k + 1]);
        if (piece.empty()) {
          continue;
        }
        std::string id;
        if (const std::string why = resolve(piece, id, out.new_ids); !why.empty()) {
          out.error = why;
          return out;
        }
        if (std::find(out.ids.begin(), out.ids.end(), id) == out.ids.end()) {
          out.ids.push_back(id);
        }
      }
      return out;
    }
    // Name the first part that names nothing.
    for (const std::string& part : parts.parts) {
      if (!part.empty() && !resolves(part)) {
        out.error = "\"" + part + "\" is neither the id nor the title of a task in " + m_plan_name +
                    "; write a task's id or its title as the plan file has it";
        return out;
      }
    }
    out.error = "\"" + std::string(cell) + "\" does not name tasks of " + m_plan_name;
    return out;
  }

private:
  static std::string join(const Parts& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
      out += (k == from ? "" : parts.separators[k]) + parts.parts[k];
    }
    return clean(out);
  }

  void collect(const std::vector<model::Item>& items, std::vector<int>& path,
               const std::vector<std::string_view>& lines) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const model::Item& item = items[i];
      path.push_back(static_cast<int>(i + 1));
      if (item.is_task || item.items.empty()) {
        m_titles[task_key(m_rules, item.title.value)].push_back(&item);
      }
      if (!item.id && (item.is_task || item.items.empty())) {
        if (const auto where = id_spot(item, lines)) {
          std::string id = "t";
          for (std::size_t k = 0; k < path.size(); ++k) {
            id += (k ? "-" : "") + std::to_string(path[k]);
          }
          const std::string base = id;
          for (int n = 2; m_ids.count(id); ++n) {
            id = base + "." + std::to_string(n);
          }
          m_ids.insert(id);
          m_generated.insert(id);
          m_new.emplace(&item, NewId{id, *where});
        }
      }
      collect(item.items, path, lines);
      path.pop_back();
    }
  }

  bool resolves(const std::string& piece) const {
    return (m_ids.count(piece) > 0 && !m_generated.count(piece)) ||
           m_titles.count(task_key(m_rules, piece)) > 0;
  }

  // The id of the task `piece` names, or why it names none that an activity can use.
  std::string resolve(const std::string& piece, std::string& id,
                      std::vector<const model::Item*>& new_ids) const {
    if (m_ids.count(piece) && !m_generated.count(piece)) {
      id = piece;
      return {};
    }
    const auto it = m_titles.find(task_key(m_rules, piece));
    if (it == m_titles.end()) {
      return "\"" + piece + "\" is neither the id nor the title of a task in " + m_plan_name;
    }
    if (it->second.size() > 1) {
      return "\"" + piece + "\" is the title of " + std::to_string(it->second.size()) +
             " tasks in " + m_plan_name + " (lines " + std::to_string(it->second[0]->mark.line) +
             ", " + std::to_string(it->second[1]->mark.line) + "); write the task's id instead";
    }
    const model::Item* item = it->second.front();
    if (!item->id) {
      const auto planned = m_new.find(item);
      if (planned == m_new.end()) {
        return "the item \"" + piece + "\" (" + m_plan_name + ":" +
               std::to_string(item->mark.line) +
               ") has no id, activities name tasks by id, and its title is not on one line where "
               "planctl could add one; give it an id (id: …) and import again";
      }
      id = planned->second.id;
      new_ids.push_back(item);
      return {};
    }
    id = item->id->value;
    return {};
  }

  struct NewId {
    std::string id;
    std::pair<int, std::size_t> spot; // the title's line and indentation
  };
  std::map<const model::Item*, NewId> m_new;
  std::set<std::string, std::less<>> m_generated; // ids planned, not in the file

  const layout::TextRules& m_rules;
  std::string m_plan_name;
  std::set<std::string, std::less<>> m_ids;
  std::map<std::string, std::vector<const model::Item*>, std::less<>> m_titles;
};

// The columns of a header row: column number → Column.
using ColumnMap = std::map<Column, int>;

std::optional<ColumnMap> header_columns(const std::vector<const Cell*>& row,
                                        std::vector<LedgerFinding>& findings) {
  ColumnMap out;
  std::vector<LedgerFinding> notes;
  for (const Cell* cell : row) {
    if (cell->kind != CellKind::text) {
      continue;
    }
    const std::string key = header_key(cell->text);
    for (const Header& header : k_headers) {
      if (std::find(header.names.begin(), header.names.end(), key) == header.names.end() ||
          key.empty()) {
        continue;
      }
      if (out.count(header.column)) {
        notes.push_back({cell->row, cell->column, false,
                         "a second column for " + std::string(header.names[0]) +
                             " is not read (the first one is)"});
      } else {
        out[header.column] = cell->column;
      }
    }
  }
  if (!out.count(Column::date) || !out.count(Column::title)) {
    return std::nullopt;
  }
  findings.insert(findings.end(), notes.begin(), notes.end());
  return out;
}

// The rows of a sheet (only rows with cells), each its cells in column order.
std::map<int, std::vector<const Cell*>> rows_of(const Sheet& sheet) {
  std::map<int, std::vector<const Cell*>> out;
  for (const Cell& cell : sheet.cells) {
    out[cell.row].push_back(&cell);
  }
  return out;
}

struct Found {
  const Sheet* sheet = nullptr;
  int header_row = 0;
  ColumnMap columns;
};

// The header is looked for in the first rows only: the workbook's is the third (title, as-of
// line, header).
constexpr int k_header_rows = 20;

std::optional<Found> find_header(const Sheet& sheet, std::vector<LedgerFinding>& findings) {
  for (const auto& [row, cells] : rows_of(sheet)) {
    if (row > k_header_rows) {
      break;
    }
    if (std::optional<ColumnMap> columns = header_columns(cells, findings)) {
      return Found{&sheet, row, *columns};
    }
  }
  return std::nullopt;
}

// An activity read from a row, as plan-file lines (without indentation).
struct Entry {
  util::Date date;
  std::string title;
  std::vector<std::string> lines;
};

// `key: value` for a text: inline when one short line, else a `|` block with a blank line
// between paragraphs.
void add_text(std::vector<std::string>& lines, std::string_view key, const std::string& text,
              bool paragraphs) {
  if (text.empty()) {
    return;
  }
  const bool block =
      paragraphs && (text.find('\n') != std::string::npos || util::count_code_points(text) > 40);
  if (!block) {
    std::string one = text;
    for (char& c : one) {
      if (c == '\n') {
        c = ' ';
      }
    }
    lines.push_back(std::string(key) + ": " + yaml_inline_scalar(one));
    return;
  }
  lines.push_back(std::string(key) + ": |");
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      nl = text.size();
    }
    const std::string para = text.substr(start, nl - start);
    if (!para.empty()) {
      if (!first) {
        lines.emplace_back(); // a blank line: the next paragraph
      }
      lines.push_back("  " + para);
      first = false;
    }
    start = nl + 1;
  }
}

std::string line_end_of(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    nl = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(pos, nl - pos));
    pos = nl;
  }
  return out;
}

bool blank_or_top_comment(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') {
    ++i;
  }
  const std::string_view rest = line.substr(i);
  return rest.empty() || rest == "\n" || rest == "\r\n" || (i == 0 && rest.starts_with('#'));
}

// The 1-based line after the last line of the block [first, end) that is not blank and not a
// comment at column 1 (those belong with what follows).
int content_end(const std::vector<std::string_view>& lines, int first, int end) {
  int last = end;
  while (last - 1 > first && blank_or_top_comment(lines[static_cast<std::size_t>(last - 2)])) {
    --last;
  }
  return last;
}

// `plan_text` with `entries` added to its activities.
std::string insert_entries(std::string_view plan_text, std::string_view plan_name,
                           const std::vector<Entry>& entries, std::string_view comment) {
  const std::optional<std::vector<load::TopLevelKey>> keys = load::top_level_keys(plan_text);
  if (!keys) {
    throw ImportError(std::string(plan_name) +
                      " is not written as a block mapping with its keys at the start of the line, "
                      "so planctl cannot add to it in place");
  }
  const std::string nl = line_end_of(plan_text);
  std::vector<std::string_view> lines = split_lines(plan_text);
  // Entries are separated by a blank line when the file's are (and in a new list, as the
  // examples are written).
  auto render = [&](std::size_t indent, bool spaced) {
    const std::string pad(indent, ' ');
    std::string out = (spaced ? nl : "") + pad + "# " + std::string(comment) + nl;
    for (const Entry& entry : entries) {
      if (spaced && &entry != &entries.front()) {
        out += nl;
      }
      for (std::size_t i = 0; i < entry.lines.size(); ++i) {
        const std::string& line = entry.lines[i];
        out += line.empty() ? nl : pad + (i == 0 ? "- " : "  ") + line + nl;
      }
    }
    return out;
  };
  // The lines with `insert` before line `before_line` (past the last line: at the end).
  auto assemble = [&](int before_line, const std::string& insert) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (static_cast<int>(i) + 1 == before_line) {
        out += insert;
      }
      out += lines[i];
      if (i + 1 == lines.size() && !lines[i].ends_with('\n') &&
          before_line > static_cast<int>(lines.size())) {
        out += nl;
      }
    }
    if (before_line > static_cast<int>(lines.size())) {
      out += insert;
    }
    return out;
  };
  for (const load::TopLevelKey& key : *keys) {
    if (key.key != "activities") {
      continue;
    }
    const std::string_view key_line = lines[static_cast<std::size_t>(key.line - 1)];
    const std::size_t colon = key_line.find(':');
    std::string_view rest = colon == std::string_view::npos ? "" : key_line.substr(colon + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.back() == '\n' || rest.back() == '\r' ||
                             rest.back() == ' ')) {
      rest = rest.front() == ' ' ? rest.substr(1) : rest.substr(0, rest.size() - 1);
    }
    if (rest.empty() || rest.starts_with('#') || rest == "[]" || rest == "~" || rest == "null") {
      if (key.value.line > key.line) {
        // A block list: after its last entry, indented as its entries are.
        const std::string_view first = lines[static_cast<std::size_t>(key.value.line - 1)];
        const std::size_t indent = first.find_first_not_of(' ');
        const int at = content_end(lines, key.line, key.end_line);
        // Spaced when the line before the second entry is blank.
        bool spaced = false;
        for (int l = key.value.line + 1; l < at; ++l) {
          const std::string_view line = lines[static_cast<std::size_t>(l - 1)];
          if (indent != std::string_view::npos && line.size() > indent &&
              line.find_first_not_of(' ') == indent && line[indent] == '-') {
            spaced = blank_or_top_comment(lines[static_cast<std::size_t>(l - 2)]) &&
                     lines[static_cast<std::size_t>(l - 2)].find('#') == std::string_view::npos;
            break;
          }
        }
        return assemble(at, render(indent == std::string_view::npos ? 2 : indent, spaced));
      }
      // No entries yet: `activities:` (or `[]`, `~`) becomes the head of a block list.
      std::string out;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (static_cast<int>(i) + 1 == key.line) {
          out += "activities:" + nl + render(2, false);
        } else {
          out += lines[i];
        }
      }
      return out;
    }
    throw ImportError("activities in " + std::string(plan_name) + " (line " +
                      std::to_string(key.line) +
                      ") is written on one line; write it as a block list (one `- date: …` "
                      "entry a line) so that planctl can add to it");
  }
  // No activities yet: a new block before `report` or `bulletin` (as docs/format.md orders the
  // keys), else at the end.
  std::string block = "activities:" + nl + render(2, false);
  for (const load::TopLevelKey& key : *keys) {
    if (key.key == "report" || key.key == "bulletin") {
      int at = key.line;
      while (at > 1 && blank_or_top_comment(lines[static_cast<std::size_t>(at - 2)])) {
        --at;
      }
      return assemble(at, nl + block);
    }
  }
  return assemble(static_cast<int>(lines.size()) + 1,
                  (plan_text.empty() || plan_text.ends_with(nl + nl) ? "" : nl) + block);
}

// What a row says, read and checked.
struct RowValues {
  std::array<const Cell*, Column::n> at{};
  util::Date date;
  std::optional<util::Date> end_date;
  TaskMatch tasks;
  std::optional<std::int64_t> people;
};

// The lines of one key of an activity entry as import writes it (none when the row leaves the
// key out). `date` and `title` are not written here: they identify the activity.
std::vector<std::string> key_lines(Column column, const RowValues& v) {
  std::vector<std::string> lines;
  switch (column) {
  case end:
    if (v.end_date && *v.end_date != v.date) {
      lines.push_back("end: " + util::to_iso(*v.end_date));
    }
    break;
  case task:
    if (v.tasks.ids.size() == 1) {
      lines.push_back("task: " + yaml_inline_scalar(v.tasks.ids.front()));
    } else if (!v.tasks.ids.empty()) {
      std::string list;
      for (const std::string& id : v.tasks.ids) {
        list += (list.empty() ? "" : ", ") + flow_entry(id);
      }
      lines.push_back("task: [" + list + "]");
    }
    break;
  case host:
  case participants:
  case place:
  case summary:
    if (v.at[column]) {
      static constexpr std::array<std::string_view, Column::n> k_keys{
          "", "", "", "", "host", "participants", "", "place", "summary", ""};
      add_text(lines, k_keys[column], text_of(*v.at[column]), column == summary);
    }
    break;
  case count:
    if (v.people) {
      lines.push_back("count: " + std::to_string(*v.people));
    }
    break;
  case evidence:
    if (v.at[evidence]) {
      const std::vector<std::string> items = nonempty(split_list(text_of(*v.at[evidence])).parts);
      std::string list;
      for (const std::string& item : items) {
        list += (list.empty() ? "" : ", ") + flow_entry(item);
      }
      if (!items.empty()) {
        lines.push_back("evidence: [" + list + "]");
      }
    }
    break;
  default:
    break;
  }
  return lines;
}

constexpr std::array<std::string_view, Column::n> k_key_names{
    "date",         "end",   "title", "task",    "host",
    "participants", "count", "place", "summary", "evidence"};

// Whether the row's `column` says what `activity` has, as the workbook shows it: texts compared
// as titles are (no spaces, no closing `。`, punctuation width aside), summaries paragraph by
// paragraph, lists entry by entry, tasks by id.
bool same_value(Column column, const RowValues& v, const model::Activity& activity,
                const layout::TextRules& rules) {
  const auto key = [&](std::string_view text) { return task_key(rules, text); };
  const auto keys_of = [&](const std::vector<std::string>& parts) {
    std::vector<std::string> out;
    for (const std::string& part : parts) {
      if (!key(part).empty()) {
        out.push_back(key(part));
      }
    }
    return out;
  };
  const auto cell_text = [&]() { return v.at[column] ? text_of(*v.at[column]) : std::string(); };
  const auto model_text = [](const std::optional<model::Text>& text) {
    return text ? text->value : std::string();
  };
  switch (column) {
  case end: {
    const std::optional<util::Date> had = activity.end && activity.end->value != activity.date.value
                                              ? std::optional<util::Date>(activity.end->value)
                                              : std::nullopt;
    const std::optional<util::Date> has =
        v.end_date && *v.end_date != v.date ? v.end_date : std::nullopt;
    return had == has;
  }
  case task: {
    std::vector<std::string> had;
    for (const model::Text& id : activity.tasks) {
      had.push_back(id.value);
    }
    return had == v.tasks.ids;
  }
  case host:
  case participants:
  case place: {
    const std::optional<model::Text>& had = column == host           ? activity.host
                                            : column == participants ? activity.participants
                                                                     : activity.place;
    return key(model_text(had)) == key(cell_text());
  }
  case count:
    return (activity.count ? std::optional<std::int64_t>(activity.count->value) : std::nullopt) ==
           v.people;
  case summary: {
    std::vector<std::string> had = layout::split_paragraphs(model_text(activity.summary));
    std::vector<std::string> has;
    const std::string cleaned = clean(cell_text());
    for (std::string_view line : split_lines(cleaned)) {
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
        line.remove_suffix(1);
      }
      has.emplace_back(line);
    }
    return keys_of(had) == keys_of(has);
  }
  case evidence: {
    std::vector<std::string> had;
    for (const model::Text& e : activity.evidence) {
      had.push_back(e.value);
    }
    return keys_of(had) == keys_of(nonempty(split_list(cell_text()).parts));
  }
  default:
    return true;
  }
}

// One change to the plan file's lines: lines [first, last) (1-based) replaced by `lines`
// (an insertion when first == last).
struct LineEdit {
  int first = 0;
  int last = 0;
  std::vector<std::string> lines; // without line ends
};

std::size_t indent_of(std::string_view line) {
  const std::size_t i = line.find_first_not_of(' ');
  return i == std::string_view::npos ? line.size() : i;
}

bool blank_line(std::string_view line) {
  return line.find_first_not_of(" \r\n") == std::string_view::npos;
}

// The edits that set the keys `changed` of the activity entry starting at line `at` to the
// row's values: a key the entry has is replaced (or removed, when the row leaves it out), a
// key it lacks is added after its last key. std::nullopt when the entry is not a block mapping
// that starts with `- ` on its line, or a key to change is on that line: the row is then not
// usable.
std::optional<std::vector<LineEdit>> entry_edits(const std::vector<std::string_view>& lines, int at,
                                                 const std::vector<Column>& changed,
                                                 const RowValues& v) {
  if (at < 1 || at > static_cast<int>(lines.size())) {
    return std::nullopt;
  }
  const std::string_view head = lines[static_cast<std::size_t>(at - 1)];
  const std::size_t dash = indent_of(head);
  if (head.compare(dash, 2, "- ") != 0) {
    return std::nullopt;
  }
  const std::size_t inner = head.find_first_not_of(' ', dash + 1);
  if (inner == std::string_view::npos || head[inner] == '{' || head[inner] == '#') {
    return std::nullopt;
  }
  // The entry's lines: up to the next line, not blank and not a comment, indented no deeper
  // than its dash; then without the blank lines and comments at its end.
  int end = at + 1;
  while (end <= static_cast<int>(lines.size())) {
    const std::string_view line = lines[static_cast<std::size_t>(end - 1)];
    const std::size_t indent = indent_of(line);
    if (!blank_line(line) && line[indent] != '#' && indent <= dash) {
      break;
    }
    ++end;
  }
  while (end - 1 > at) {
    const std::string_view line = lines[static_cast<std::size_t>(end - 2)];
    if (!blank_line(line) && line[indent_of(line)] != '#') {
      break;
    }
    --end;
  }
  // Where each key starts: the line of `key:` at the entry's key indentation.
  std::map<std::string, int, std::less<>> starts;
  std::vector<int> key_lines_at{at};
  {
    std::string first(head.substr(inner));
    starts.emplace(first.substr(0, first.find(':')), at);
  }
  for (int l = at + 1; l < end; ++l) {
    const std::string_view line = lines[static_cast<std::size_t>(l - 1)];
    if (indent_of(line) == inner && !blank_line(line) && line[inner] != '#' &&
        line.find(':', inner) != std::string_view::npos) {
      const std::string_view key = line.substr(inner, line.find(':', inner) - inner);
      starts.emplace(std::string(key), l);
      key_lines_at.push_back(l);
    }
  }
  const auto key_end = [&](int start) {
    const auto next = std::upper_bound(key_lines_at.begin(), key_lines_at.end(), start);
    int stop = next == key_lines_at.end() ? end : *next;
    while (stop - 1 > start && blank_line(lines[static_cast<std::size_t>(stop - 2)])) {
      --stop;
    }
    return stop;
  };
  const std::string pad(inner, ' ');
  std::vector<LineEdit> edits;
  std::vector<std::string> appended;
  for (const Column column : changed) {
    std::vector<std::string> written = key_lines(column, v);
    for (std::string& line : written) {
      line = line.empty() ? std::string() : pad + line;
    }
    const auto found = starts.find(k_key_names[column]);
    if (found == starts.end()) {
      appended.insert(appended.end(), written.begin(), written.end());
    } else if (found->second == at) {
      return std::nullopt;
    } else {
      edits.push_back(LineEdit{found->second, key_end(found->second), std::move(written)});
    }
  }
  if (!appended.empty()) {
    const int after = key_end(key_lines_at.back());
    edits.push_back(LineEdit{after, after, std::move(appended)});
  }
  return edits;
}

// `lines` with `edits` applied (none of them overlapping).
std::string apply_edits(const std::vector<std::string_view>& lines, std::vector<LineEdit> edits,
                        const std::string& nl) {
  std::sort(edits.begin(), edits.end(), [](const LineEdit& a, const LineEdit& b) {
    return a.first != b.first ? a.first < b.first : a.last < b.last;
  });
  const int n = static_cast<int>(lines.size());
  std::string out;
  std::size_t e = 0;
  int i = 1;
  while (i <= n + 1) {
    if (e < edits.size() && edits[e].first == i) {
      if (i == n + 1 && n > 0 && !lines[static_cast<std::size_t>(n - 1)].ends_with('\n')) {
        out += nl;
      }
      for (const std::string& added : edits[e].lines) {
        out += added + nl;
      }
      i = edits[e].last;
      ++e;
      continue;
    }
    if (i <= n) {
      out += lines[static_cast<std::size_t>(i - 1)];
    }
    ++i;
  }
  return out;
}

} // namespace

LedgerImport import_ledger(const Workbook& book, std::string_view sheet_name,
                           std::string_view plan_text, std::string_view plan_name,
                           std::string_view source_name) {
  LedgerImport out;
  out.yaml = std::string(plan_text);
  const load::LoadResult loaded = load::load_plan_text(plan_text, std::string(plan_name));
  if (!loaded.plan || loaded.diagnostics.has_errors()) {
    std::string first;
    for (const diag::Diagnostic& d : loaded.diagnostics.items()) {
      if (d.severity == diag::Severity::error) {
        first = " (" + std::string(plan_name) + ":" + std::to_string(d.mark.line) + ":" +
                std::to_string(d.mark.column) + ": " + d.text() + ")";
        break;
      }
    }
    throw ImportError(std::string(plan_name) + " has errors" + first +
                      "; fix them first (planctl validate " + std::string(plan_name) +
                      ") and import the ledger again");
  }
  const model::PlanFile& plan = *loaded.plan;

  // The sheet.
  std::optional<Found> found;
  std::vector<LedgerFinding> header_notes;
  if (!sheet_name.empty()) {
    for (const Sheet& sheet : book.sheets) {
      if (sheet.name == sheet_name) {
        found = find_header(sheet, header_notes);
        if (!found) {
          throw ImportError("the sheet \"" + sheet.name +
                            "\" has no header row with 日期 and 活动名称 in its first " +
                            std::to_string(k_header_rows) + " rows");
        }
      }
    }
    if (!found) {
      throw ImportError("the workbook has no sheet \"" + std::string(sheet_name) + "\"");
    }
  }
  for (const Sheet& sheet : book.sheets) {
    if (!found && sheet.name == "活动台账") {
      found = find_header(sheet, header_notes);
    }
  }
  for (const Sheet& sheet : book.sheets) {
    if (!found) {
      header_notes.clear();
      found = find_header(sheet, header_notes);
    }
  }
  if (!found) {
    std::string names;
    for (const Sheet& sheet : book.sheets) {
      names += (names.empty() ? "" : ", ") + sheet.name;
    }
    throw ImportError("no sheet of the workbook (" + (names.empty() ? "none" : names) +
                      ") has a header row with 日期 and 活动名称, the columns of 活动台账; "
                      "planctl reads the activity ledger its workbook has, filled in");
  }
  out.sheet = found->sheet->name;
  out.header_row = found->header_row;
  out.findings = header_notes;

  const layout::TextRules rules(layout::LayoutOptions{});
  const model::TaskIndex index = model::index_tasks(plan.plan);
  const std::vector<std::string_view> plan_lines = split_lines(plan_text);
  const TaskMatcher matcher(plan.plan, index, rules, std::string(plan_name), plan_lines);
  std::set<const model::Item*> given_ids; // items of added rows that get an id
  // The activities the plan file has, by date and title as the ledger shows them.
  std::map<std::pair<long, std::string>, const model::Activity*> known;
  for (const model::Activity& activity : plan.activities) {
    known.emplace(std::pair{util::days_from_civil(activity.date.value),
                            task_key(rules, activity.title.value)},
                  &activity);
  }
  std::vector<LineEdit> edits; // the `id:` lines and the activities updated
  std::map<std::pair<long, std::string>, int> added_rows;

  std::vector<Entry> entries;
  for (const auto& [row, cells] : rows_of(*found->sheet)) {
    if (row <= found->header_row) {
      continue;
    }
    std::array<const Cell*, Column::n> at{};
    for (const auto& [column, number] : found->columns) {
      for (const Cell* cell : cells) {
        if (cell->column == number && !clean(cell->text).empty()) {
          at[column] = cell;
        }
      }
    }
    if (std::all_of(at.begin(), at.end(), [](const Cell* c) { return c == nullptr; })) {
      continue; // nothing in the ledger's columns
    }
    ++out.rows;
    std::vector<LedgerFinding> errors;
    const int at_row = row;
    const auto error = [&](Column column, std::string message) {
      errors.push_back({at_row, found->columns.at(column), true, std::move(message)});
    };
    Entry entry;
    if (!at[date]) {
      error(date, "the row has no date; fill in 日期");
    } else if (const auto d = parse_cell_date(*at[date], book.date1904)) {
      entry.date = *d;
    } else {
      error(date, "\"" + text_of(*at[date]) +
                      "\" is not a date; write it as 2020-03-13 or 2020年3月13日, or make the "
                      "cell a date");
    }
    std::optional<util::Date> end_date;
    if (at[end]) {
      end_date = parse_cell_date(*at[end], book.date1904);
      if (!end_date) {
        error(end, "\"" + text_of(*at[end]) +
                       "\" is not a date; write it as 2020-03-13 or 2020年3月13日, or make the "
                       "cell a date");
      } else if (errors.empty() && *end_date < entry.date) {
        error(end, "the end date " + util::to_iso(*end_date) + " is before the date " +
                       util::to_iso(entry.date));
      }
    }
    if (!at[title]) {
      error(title, "the row has no title; fill in 活动名称");
    } else {
      entry.title = text_of(*at[title]);
    }
    TaskMatch tasks;
    if (at[task]) {
      tasks = matcher.match(text_of(*at[task]));
      if (!tasks.error.empty()) {
        error(task, tasks.error);
      }
    }
    std::optional<std::int64_t> people;
    if (at[count]) {
      people = parse_count(*at[count]);
      if (!people) {
        error(count, "\"" + text_of(*at[count]) + "\" is not a number of people (a whole number)");
      }
    }
    for (std::size_t c = 0; c < Column::n; ++c) {
      if (at[c] && util::count_code_points(at[c]->text) > k_max_text) {
        error(static_cast<Column>(c), "the text is longer than " + std::to_string(k_max_text) +
                                          " characters, the most a plan file's text may have");
      }
    }
    if (!errors.empty()) {
      ++out.unusable;
      out.findings.insert(out.findings.end(), errors.begin(), errors.end());
      continue;
    }
    const std::pair<long, std::string> key{util::days_from_civil(entry.date),
                                           task_key(rules, entry.title)};
    if (const auto twice = added_rows.find(key); twice != added_rows.end()) {
      out.findings.push_back(
          {row, found->columns.at(title), false,
           "the same date and title as row " + std::to_string(twice->second) + "; read once"});
      ++out.already;
      continue;
    }
    RowValues values{at, entry.date, end_date, tasks, people};
    if (const auto had = known.find(key); had != known.end()) {
      // The same activity (date and title): the columns the sheet has that the school changed
      // are written into its entry.
      std::vector<Column> changed;
      for (const auto& [column, number] : found->columns) {
        if (column != date && column != title && !same_value(column, values, *had->second, rules)) {
          changed.push_back(column);
        }
      }
      if (changed.empty()) {
        ++out.already;
        continue;
      }
      std::sort(changed.begin(), changed.end());
      const int line = had->second->mark.line;
      const auto update = entry_edits(plan_lines, line, changed, values);
      if (!update) {
        ++out.unusable;
        out.findings.push_back(
            {row, found->columns.at(changed.front()), true,
             "the row changes the activity at " + std::string(plan_name) + ":" +
                 std::to_string(line) +
                 ", which is not written as a block entry (`- date: …` with a key a line); "
                 "change it in the plan file by hand"});
        continue;
      }
      added_rows.emplace(key, row);
      edits.insert(edits.end(), update->begin(), update->end());
      if (std::find(changed.begin(), changed.end(), task) != changed.end()) {
        given_ids.insert(tasks.new_ids.begin(), tasks.new_ids.end());
      }
      LedgerUpdate done{row, line, {}};
      for (const Column column : changed) {
        done.keys.emplace_back(k_key_names[column]);
      }
      out.updates.push_back(std::move(done));
      continue;
    }
    added_rows.emplace(key, row);
    given_ids.insert(tasks.new_ids.begin(), tasks.new_ids.end());

    entry.lines.push_back("date: " + util::to_iso(entry.date));
    std::vector<std::string> ends = key_lines(end, values);
    entry.lines.insert(entry.lines.end(), ends.begin(), ends.end());
    entry.lines.push_back("title: " + yaml_inline_scalar(entry.title));
    for (const Column column : {task, host, participants, count, place, summary, evidence}) {
      std::vector<std::string> lines = key_lines(column, values);
      entry.lines.insert(entry.lines.end(), lines.begin(), lines.end());
    }
    entries.push_back(std::move(entry));
  }
  out.added = entries.size();
  // The `id:` lines and the updated entries first, then the new entries into the text that has
  // them.
  for (const model::Item* item : given_ids) {
    const auto [line, indent] = matcher.spot(item);
    edits.push_back(
        LineEdit{line + 1, line + 1, {std::string(indent, ' ') + "id: " + matcher.new_id(item)}});
  }
  // Where each `id:` line is in the file written: below its title, after the lines the edits
  // above it added or removed.
  const auto shift_before = [&](int line) {
    int shift = 0;
    for (const LineEdit& e : edits) {
      if (e.first < line) {
        shift += static_cast<int>(e.lines.size()) - (e.last - e.first);
      }
    }
    return shift;
  };
  for (const model::Item* item : given_ids) {
    const int line = matcher.spot(item).first + 1;
    out.new_ids.push_back({line + shift_before(line), matcher.new_id(item)});
  }
  std::sort(out.new_ids.begin(), out.new_ids.end());
  std::string text(plan_text);
  if (!edits.empty()) {
    text = apply_edits(plan_lines, edits, line_end_of(plan_text));
    out.yaml = text;
  }
  if (!out.updates.empty()) {
    // The updated entries' lines in the file written.
    for (LedgerUpdate& u : out.updates) {
      u.line += shift_before(u.line);
    }
  }
  if (!entries.empty()) {
    out.yaml = insert_entries(text, plan_name, entries,
                              "由 planctl import 从 " + std::string(source_name) + " 的“" +
                                  out.sheet + "”导入");
  }
  return out;
}

} // namespace planctl::import
