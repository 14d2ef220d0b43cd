#include <planctl/layout/date_wording.hpp>
#include <planctl/workbook/cell_text.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/house_style.hpp>
#include <planctl/workbook/month_plan.hpp>
#include <planctl/workbook/sheet_data.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/task_workbook.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>

namespace planctl::workbook {

namespace {

// The width of the 任务分工 and 活动台账 sheets in column units. LibreOffice 7.4, with Noto Serif
// CJK for 宋体, gives a unit about 6.2 pt and 0.71 unit of padding per column; A4 landscape less
// the 0.25 in side margins is 806 pt, so 128 units print at 96 % (11 pt → 10.6 pt, measured by
// tests/roundtrip/test_xlsx_print.py). Excel's units are narrower (8 px for 宋体 11 pt), so
// it prints larger.
constexpr double k_print_width_budget = 128;

// A 月度安排 of more months than this (a period of over ten years) shows only the first ones.
constexpr std::size_t k_max_months = 120;
// A 月度安排 of more task × month cells than this shows only the first tasks: every month cell
// is written (bordered or shaded) and libxlsxwriter keeps each in memory until the end, about
// 100 bytes a cell, so 70,000 monthly tasks over ten years took 1 GB (docs/security.md,
// "Render memory"). A million cells is 8,000 tasks over ten years, 80,000 over one.
constexpr std::size_t k_max_month_cells = 1000000;

// Bar colours of the 统计 chart, in model::k_all_states order.
constexpr std::array<lxw_color_t, 5> k_state_bar{0x70AD47, 0xFFC000, 0xE0504A, 0xBFBFBF, 0x5B9BD5};

void write_when(SheetWriter& out, lxw_row_t row, lxw_col_t col, const WhenCell& when,
                const HouseStyle& styles) {
  switch (when.kind) {
  case WhenCell::Kind::none:
    out.blank(row, col, styles.center);
    break;
  case WhenCell::Kind::date:
    out.date(row, col, when.date, layout::word_date(when.date), styles.date, styles.center);
    break;
  case WhenCell::Kind::month:
    out.date(row, col, when.date, layout::word_month(when.date.year, when.date.month), styles.month,
             styles.center);
    break;
  case WhenCell::Kind::text:
    out.text(row, col, when.text, styles.center);
    break;
  }
}

// Merges the group column over each run of consecutive rows of one group.
void write_group_runs(SheetWriter& out, lxw_col_t col, std::span<const TaskRow> rows,
                      const HouseStyle& styles) {
  std::size_t start = 0;
  while (start < rows.size()) {
    std::size_t end = start;
    while (end + 1 < rows.size() && rows[end + 1].group_index == rows[start].group_index) {
      ++end;
    }
    out.merged_text(static_cast<lxw_row_t>(k_first_row + start),
                    static_cast<lxw_row_t>(k_first_row + end), col, rows[start].group,
                    styles.center);
    start = end + 1;
  }
}

void add_state_colour(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                      model::TaskState state, lxw_format* format) {
  std::string value = std::string("\"") + model::state_label(state) + "\"";
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  rule.value_string = value.data();
  rule.format = format;
  check_lxw(worksheet_conditional_format_range(sheet, first, col, last, col, &rule),
            "conditional format");
}

void write_tasks_sheet(XlsxBook& book, const HouseStyle& styles, const model::PlanFile& file,
                       const layout::TextRules& rules, const std::vector<TaskRow>& rows,
                       const std::string& subtitle, std::vector<std::string>& warnings) {
  // The columns share k_print_width_budget units, so that the sheet, fitted to one A4
  // landscape page wide, prints its 11 pt text at 10 pt or more. Text columns wrap down to
  // their minimum, which keeps the header on one line; dates and counts do not wrap, so they
  // keep their width (14 for 2020年10月31日). 主要措施 wraps at no more than 40 units (about
  // 20 characters a line), the others at what their longest line needs.
  static const std::vector<Column> k_columns{
      {"序号", 4, 6},      {"工作类别", 8, 16}, {"工作任务", 8, 24}, {"主要措施", 12, 40},
      {"牵头部门", 8, 14}, {"责任人", 6, 12},   {"配合部门", 8, 14}, {"开始时间", 8, 14},
      {"完成时限", 8, 14}, {"进度", 8, 8},      {"佐证材料", 8, 16}, {"活动次数", 8, 10},
  };
  const std::string name = "任务分工";
  SheetWriter out(book.add_sheet(name), name, warnings);
  SheetFrame frame(out, styles, k_columns);
  frame.top(sheet_title(file, "任务分工表", rules), subtitle);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TaskRow& row = rows[i];
    const auto r = static_cast<lxw_row_t>(k_first_row + i);
    out.number(r, 0, static_cast<double>(i + 1), styles.count);
    // Every row names its group, unmerged: a printed page that starts inside a group still
    // says which group it is, and the column sorts and filters like any other.
    out.text(r, 1, row.group, styles.center, "工作类别");
    out.text(r, 2, row.title, styles.text, "工作任务");
    out.text(r, 3, row.measures, styles.text, "主要措施");
    out.text(r, 4, row.lead, styles.center, "牵头部门");
    out.text(r, 5, row.owners, styles.center, "责任人");
    out.text(r, 6, row.support, styles.center, "配合部门");
    write_when(out, r, 7, row.start, styles);
    write_when(out, r, 8, row.due, styles);
    out.text(r, 9, model::state_label(row.state), styles.center);
    out.text(r, 10, row.deliverables, styles.text, "佐证材料");
    out.number(r, 11, static_cast<double>(row.activity_count), styles.count);
  }
  if (!rows.empty()) {
    const lxw_row_t last = static_cast<lxw_row_t>(k_first_row + rows.size() - 1);
    std::vector<std::string> states;
    for (model::TaskState state : model::k_all_states) {
      states.emplace_back(model::state_label(state));
    }
    book.add_list_validation(out.get(), k_first_row, last, 9, states,
                             "请从下拉列表中选择：已完成、进行中、逾期、未开始、长期");
    add_state_colour(out.get(), k_first_row, last, 9, model::TaskState::done, styles.good);
    add_state_colour(out.get(), k_first_row, last, 9, model::TaskState::overdue, styles.bad);
    add_state_colour(out.get(), k_first_row, last, 9, model::TaskState::in_progress, styles.warn);
  }
  frame.finish(rows.size(), 0, k_print_width_budget);
}

void write_ledger_sheet(XlsxBook& book, const HouseStyle& styles, const model::PlanFile& file,
                        const layout::TextRules& rules, const std::vector<ActivityRow>& rows,
                        const std::string& subtitle, std::vector<std::string>& warnings) {
  // Within k_print_width_budget, as 任务分工: at 10 pt or more on paper.
  static const std::vector<Column> k_columns{
      {"序号", 4, 6},      {"日期", 8, 14},     {"结束日期", 8, 14},  {"活动名称", 8, 24},
      {"关联任务", 8, 20}, {"工作类别", 8, 16}, {"组织/主持", 9, 16}, {"参加对象", 8, 16},
      {"人数", 4, 8},      {"地点", 4, 14},     {"内容摘要", 8, 36},  {"佐证材料", 8, 16},
  };
  const std::string name = "活动台账";
  SheetWriter out(book.add_sheet(name), name, warnings);
  SheetFrame frame(out, styles, k_columns);
  frame.top(sheet_title(file, "活动台账", rules), subtitle);
  auto text_of = [](const std::optional<model::Text>& text) {
    return text ? text->value : std::string();
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ActivityRow& row = rows[i];
    const model::Activity& activity = *row.activity;
    const auto r = static_cast<lxw_row_t>(k_first_row + i);
    out.number(r, 0, static_cast<double>(i + 1), styles.count);
    out.date(r, 1, activity.date.value, layout::word_date(activity.date.value), styles.date,
             styles.center);
    if (activity.end) {
      out.date(r, 2, activity.end->value, layout::word_date(activity.end->value), styles.date,
               styles.center);
    } else {
      out.blank(r, 2, styles.center);
    }
    out.text(r, 3, row.title, styles.text, "活动名称");
    out.text(r, 4, row.tasks, styles.text, "关联任务");
    out.text(r, 5, row.group, styles.center, "工作类别");
    out.text(r, 6, text_of(activity.host), styles.text, "组织/主持");
    out.text(r, 7, row.participants, styles.center, "参加对象");
    if (activity.count) {
      out.number(r, 8, static_cast<double>(activity.count->value), styles.count);
    } else {
      out.blank(r, 8, styles.count);
    }
    out.text(r, 9, text_of(activity.place), styles.center, "地点");
    out.text(r, 10, row.summary, styles.text, "内容摘要");
    out.text(r, 11, row.evidence, styles.text, "佐证材料");
  }
  frame.finish(rows.size(), 0, k_print_width_budget);
}

void write_months_sheet(XlsxBook& book, const HouseStyle& styles, const model::PlanFile& file,
                        const layout::TextRules& rules, const model::TaskIndex& index,
                        const std::vector<TaskRow>& rows, const util::Date& as_of,
                        const std::string& subtitle, std::vector<std::string>& warnings) {
  const std::vector<YearMonth> months = period_months(file.plan.period, k_max_months);
  if (period_month_count(file.plan.period) > months.size()) {
    warnings.push_back("sheet \"月度安排\": the period has " +
                       std::to_string(period_month_count(file.plan.period)) +
                       " months; only the first " + std::to_string(months.size()) + " are shown");
  }
  std::vector<std::string> month_headers;
  std::vector<Column> columns{
      {"序号", 6, 6}, {"工作类别", 10, 16}, {"工作任务", 12, 24}, {"牵头部门", 10, 14}};
  const auto first_month_col = static_cast<lxw_col_t>(columns.size());
  month_headers.reserve(months.size());
  for (const YearMonth& month : months) {
    month_headers.push_back(layout::word_month(month.year, month.month));
  }
  for (const std::string& header : month_headers) {
    columns.push_back({header.c_str(), 6, 12});
  }
  const std::size_t shown =
      months.empty() ? rows.size() : std::min(rows.size(), k_max_month_cells / months.size());
  if (shown < rows.size()) {
    warnings.push_back("sheet \"月度安排\": " + std::to_string(rows.size()) + " tasks over " +
                       std::to_string(months.size()) + " months are more than " +
                       std::to_string(k_max_month_cells) + " cells; only the first " +
                       std::to_string(shown) + " tasks are shown");
  }
  const std::span<const TaskRow> shown_rows = std::span(rows).first(shown);
  const std::string name = "月度安排";
  SheetWriter out(book.add_sheet(name), name, warnings);
  SheetFrame frame(out, styles, columns);
  frame.top(sheet_title(file, "月度安排表", rules), subtitle);
  const auto per_task = activities_per_task(file, index, as_of);
  for (std::size_t i = 0; i < shown_rows.size(); ++i) {
    const TaskRow& row = shown_rows[i];
    const auto r = static_cast<lxw_row_t>(k_first_row + i);
    out.number(r, 0, static_cast<double>(i + 1), styles.count);
    out.text(r, 2, row.title, styles.text, "工作任务");
    out.text(r, 3, row.lead, styles.center, "牵头部门");
    const std::vector<bool> planned =
        planned_months(*index.tasks[i].item, file.plan.period, months);
    const std::vector<bool> ticked = activity_months(per_task[i], months);
    for (std::size_t m = 0; m < months.size(); ++m) {
      const auto c = static_cast<lxw_col_t>(first_month_col + m);
      lxw_format* format = planned[m] ? styles.planned : styles.center;
      if (ticked[m]) {
        out.text(r, c, "✓", format);
      } else {
        out.blank(r, c, format);
      }
    }
  }
  write_group_runs(out, 1, shown_rows, styles);
  // A legend below the table, outside the autofilter range.
  const auto note_row = static_cast<lxw_row_t>(k_first_row + shown_rows.size() + 1);
  out.banner(note_row, 0, static_cast<lxw_col_t>(columns.size() - 1),
             "注：底色表示计划开展该项工作的月份；✓表示当月有该项任务的活动记录。", styles.note);
  frame.finish(shown_rows.size(), 3);
}

void write_stats_sheet(XlsxBook& book, const HouseStyle& styles, const model::PlanFile& file,
                       const layout::TextRules& rules, const std::vector<DepartmentRow>& rows,
                       const LedgerTotals& ledger, const std::string& subtitle,
                       std::vector<std::string>& warnings) {
  static const std::vector<Column> k_columns{
      {"牵头部门", 12, 24}, {"牵头任务", 10, 10}, {"已完成", 8, 10},
      {"进行中", 8, 10},    {"逾期", 8, 10},      {"未开始", 8, 10},
      {"长期", 8, 10},      {"活动次数", 10, 10}, {"参加人次", 10, 12},
  };
  const std::string name = "统计";
  // The row of activities without a task has no tasks, so the chart of task states leaves it out.
  const std::size_t chart_rows =
      !rows.empty() && rows.back().name == k_unlinked_row ? rows.size() - 1 : rows.size();
  SheetWriter out(book.add_sheet(name), name, warnings);
  SheetFrame frame(out, styles, k_columns);
  frame.top(sheet_title(file, "任务进度统计表", rules), subtitle);
  std::array<double, 8> totals{};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const DepartmentRow& row = rows[i];
    const auto r = static_cast<lxw_row_t>(k_first_row + i);
    std::array<double, 8> values{static_cast<double>(row.tasks)};
    for (std::size_t s = 0; s < row.states.size(); ++s) {
      values[1 + s] = static_cast<double>(row.states[s]);
    }
    values[6] = static_cast<double>(row.activities);
    values[7] = static_cast<double>(row.participants);
    out.text(r, 0, row.name, styles.center, "牵头部门");
    for (std::size_t v = 0; v < values.size(); ++v) {
      if (i >= chart_rows && v < 6) {
        out.blank(r, static_cast<lxw_col_t>(1 + v), styles.count);
        continue;
      }
      out.number(r, static_cast<lxw_col_t>(1 + v), values[v], styles.count);
      totals[v] += values[v];
    }
  }
  const auto total_row = static_cast<lxw_row_t>(k_first_row + rows.size());
  out.text(total_row, 0, "合计", styles.total_label);
  for (std::size_t v = 0; v < totals.size(); ++v) {
    const auto c = static_cast<lxw_col_t>(1 + v);
    if (rows.empty()) {
      out.number(total_row, c, 0, styles.total);
      continue;
    }
    if (v >= 6) {
      // An activity naming tasks of two departments counts in both rows but once in the
      // total, which is therefore taken from the ledger, one row per activity.
      const std::string ledger_last = std::to_string(k_first_row + ledger.activities);
      const std::string range = v == 6 ? "A" + std::to_string(k_first_row + 1) + ":A" + ledger_last
                                       : "I" + std::to_string(k_first_row + 1) + ":I" + ledger_last;
      const double value = v == 6 ? static_cast<double>(ledger.activities)
                                  : static_cast<double>(ledger.participants);
      if (ledger.activities == 0) {
        out.number(total_row, c, 0, styles.total);
      } else {
        out.formula(total_row, c,
                    (v == 6 ? "=COUNT('活动台账'!" : "=SUM('活动台账'!") + range + ")", value,
                    styles.total);
      }
      continue;
    }
    const std::string column = column_name(c);
    out.formula(total_row, c,
                "=SUM(" + column + std::to_string(k_first_row + 1) + ":" + column +
                    std::to_string(total_row) + ")",
                totals[v], styles.total);
  }
  // The total row stays outside the autofilter so that sorting never moves it.
  const auto note_row = static_cast<lxw_row_t>(total_row + 1);
  out.banner(note_row, 0, static_cast<lxw_col_t>(k_columns.size() - 1),
             "注：一项活动关联几个部门的任务时，在各部门行中各计一次，在合计中只计一次；"
             "活动次数和参加人次的合计取自活动台账。",
             styles.note);
  frame.finish(rows.size(), 0);
  if (chart_rows == 0) {
    return;
  }

  lxw_chart* chart = workbook_add_chart(book.get(), LXW_CHART_BAR_STACKED);
  if (!chart) {
    throw std::runtime_error("cannot add the chart to the workbook");
  }
  const auto first = k_first_row;
  const auto last = static_cast<lxw_row_t>(k_first_row + chart_rows - 1);
  std::string font_name = k_body_font;
  lxw_chart_font font{};
  font.name = font_name.data();
  font.size = 10;
  font.charset = 134; // GB2312, so that Excel treats the face as Chinese
  for (std::size_t s = 0; s < k_state_bar.size(); ++s) {
    const auto c = static_cast<lxw_col_t>(2 + s);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, name.c_str(), first, 0, last, 0);
    chart_series_set_values(series, name.c_str(), first, c, last, c);
    chart_series_set_name_range(series, name.c_str(), k_header_row, c);
    lxw_chart_fill fill{};
    fill.color = k_state_bar[s];
    chart_series_set_fill(series, &fill);
  }
  std::string chart_title = "各部门任务进度";
  chart_title_set_name(chart, chart_title.c_str());
  lxw_chart_font title_font = font;
  title_font.size = 12;
  title_font.bold = LXW_TRUE;
  chart_title_set_name_font(chart, &title_font);
  // In libxlsxwriter's bar charts y_axis is the vertical category axis, which lists the first
  // row at the bottom: reversed, it keeps the table's order from the top; crossing at the
  // maximum keeps the value axis below the bars.
  chart_axis_set_reverse(chart->y_axis);
  chart_axis_set_crossing_max(chart->y_axis);
  chart_axis_set_num_font(chart->x_axis, &font);
  chart_axis_set_num_font(chart->y_axis, &font);
  // Whole tasks: a major unit of at least 1, about eight gridlines at most.
  std::size_t most = 1;
  for (const DepartmentRow& row : rows) {
    most = std::max(most, row.tasks);
  }
  chart_axis_set_min(chart->x_axis, 0);
  chart_axis_set_major_unit(chart->x_axis, static_cast<double>((most + 7) / 8));
  chart_axis_set_num_format(chart->x_axis, "0");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_legend_set_font(chart, &font);
  lxw_chart_options options{};
  options.x_offset = 0;
  options.y_offset = 8;
  options.x_scale = 1.5;
  // 288 px by default; grow with the departments so that their names stay readable.
  options.y_scale = std::max(1.0, (120.0 + 28.0 * static_cast<double>(rows.size())) / 288.0);
  check_lxw(worksheet_insert_chart_opt(out.get(), static_cast<lxw_row_t>(total_row + 3), 0, chart,
                                       &options),
            "chart");
}

} // namespace

std::vector<std::string>
write_task_workbook(const model::PlanFile& file, const model::TaskIndex& index,
                    const std::vector<model::TaskProgress>& progress, const util::Date& as_of,
                    const layout::LayoutOptions& options, const std::filesystem::path& path) {
  std::vector<std::string> warnings;
  const layout::TextRules rules(options);
  XlsxBook book(path);
  const HouseStyle styles = make_house_style(book);
  const std::vector<TaskRow> tasks = task_rows(file, index, progress, rules);
  const LedgerTotals ledger = ledger_totals(file, as_of);
  const std::string subtitle = as_of_subtitle(as_of, ledger);
  write_tasks_sheet(book, styles, file, rules, tasks, subtitle, warnings);
  write_ledger_sheet(book, styles, file, rules, activity_rows(file, index, as_of, rules), subtitle,
                     warnings);
  write_months_sheet(book, styles, file, rules, index, tasks, as_of, subtitle, warnings);
  write_stats_sheet(book, styles, file, rules, department_rows(file, index, progress, as_of),
                    ledger, subtitle, warnings);
  book.set_properties(sheet_title(file, "任务分工表", rules), file.plan.issuer.value,
                      file.school.name.value, document_time(as_of));
  book.close();
  return warnings;
}

} // namespace planctl::workbook
