#include <planctl/layout/date_wording.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/workbook/district_summary.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/house_style.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <algorithm>

namespace planctl::workbook {

namespace {

void add_colour(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                lxw_conditional_format rule) {
  check_lxw(worksheet_conditional_format_range(sheet, first, col, last, col, &rule),
            "conditional format");
}

// 通过 green, anything with an error red, warnings alone amber.
void colour_results(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                    const HouseStyle& styles) {
  std::string passed = "\"通过\"";
  std::string error_word = "错误";
  std::string warning_word = "警告";
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  rule.value_string = passed.data();
  rule.format = styles.good;
  add_colour(sheet, first, last, col, rule);
  rule = {};
  rule.type = LXW_CONDITIONAL_TYPE_TEXT;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
  rule.value_string = error_word.data();
  rule.format = styles.bad;
  rule.stop_if_true = LXW_TRUE;
  add_colour(sheet, first, last, col, rule);
  rule = {};
  rule.type = LXW_CONDITIONAL_TYPE_TEXT;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
  rule.value_string = warning_word.data();
  rule.format = styles.warn;
  add_colour(sheet, first, last, col, rule);
}

void write_summary_sheet(XlsxBook& book, const HouseStyle& styles,
                         const std::vector<SummaryRow>& rows, const std::string& title,
                         const util::Date& as_of, std::vector<std::string>& warnings) {
  static const std::vector<Column> k_columns{
      {"学校", 14, 30}, {"代码", 8, 16},  {"计划标题", 16, 36},     {"任务数", 8, 8},
      {"已完成", 8, 8}, {"进行中", 8, 8}, {"逾期", 6, 8},           {"未开始", 8, 8},
      {"长期", 6, 8},   {"活动数", 8, 8}, {"最近活动日期", 14, 16}, {"校验结果", 10, 18},
      {"文件", 12, 40},
  };
  const std::string name = "汇总";
  SheetWriter out(book.add_sheet(name), name, warnings);
  SheetFrame frame(out, styles, k_columns);
  frame.top(title, "截至" + layout::word_date(as_of));
  constexpr std::size_t k_counts = 7; // 任务数 … 活动数, columns 3 to 9
  std::array<double, k_counts> totals{};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SummaryRow& row = rows[i];
    const auto r = static_cast<lxw_row_t>(k_first_row + i);
    out.text(r, 0, row.school, styles.text, "学校");
    out.text(r, 1, row.code, styles.center, "代码");
    out.text(r, 2, row.title, styles.text, "计划标题");
    std::array<double, k_counts> values{static_cast<double>(row.tasks)};
    for (std::size_t s = 0; s < row.states.size(); ++s) {
      values[1 + s] = static_cast<double>(row.states[s]);
    }
    values[6] = static_cast<double>(row.activities);
    for (std::size_t v = 0; v < k_counts; ++v) {
      const auto c = static_cast<lxw_col_t>(3 + v);
      if (row.has_counts) {
        out.number(r, c, values[v], styles.count);
        totals[v] += values[v];
      } else {
        out.blank(r, c, styles.count);
      }
    }
    if (row.has_counts && row.last_activity) {
      out.date(r, 10, *row.last_activity, layout::word_date(*row.last_activity), styles.date,
               styles.center);
    } else {
      out.blank(r, 10, styles.date);
    }
    out.text(r, 11, row.result, styles.center);
    out.text(r, 12, row.file, styles.text, "文件");
  }
  // The total row sits below the filtered range, so that sorting never moves it.
  const auto total_row = static_cast<lxw_row_t>(k_first_row + rows.size());
  out.text(total_row, 0, "合计", styles.total_label);
  for (lxw_col_t c : {1, 2}) {
    out.blank(total_row, c, styles.total);
  }
  for (std::size_t v = 0; v < k_counts; ++v) {
    const auto c = static_cast<lxw_col_t>(3 + v);
    if (rows.empty()) {
      out.number(total_row, c, 0, styles.total);
      continue;
    }
    const std::string column = column_name(c);
    out.formula(total_row, c,
                "=SUM(" + column + std::to_string(k_first_row + 1) + ":" + column +
                    std::to_string(total_row) + ")",
                totals[v], styles.total);
  }
  for (lxw_col_t c : {10, 11, 12}) {
    out.blank(total_row, c, styles.total);
  }
  if (!rows.empty()) {
    colour_results(out.get(), k_first_row, static_cast<lxw_row_t>(total_row - 1), 11, styles);
  }
  frame.finish(rows.size(), 0);
}

void write_problem_sheet(XlsxBook& book, const HouseStyle& styles,
                         const std::vector<ProblemRow>& problems, const std::string& title,
                         const util::Date& as_of, std::vector<std::string>& warnings) {
  static const std::vector<Column> k_columns{
      {"文件", 16, 40}, {"行", 6, 8},     {"列", 6, 8},
      {"级别", 6, 8},   {"规则", 12, 24}, {"说明", 30, 70},
  };
  const std::string name = "问题清单";
  SheetWriter out(book.add_sheet(name), name, warnings);
  SheetFrame frame(out, styles, k_columns);
  frame.top(title, "截至" + layout::word_date(as_of));
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const ProblemRow& p = problems[i];
    const auto r = static_cast<lxw_row_t>(k_first_row + i);
    out.text(r, 0, p.file, styles.text, "文件");
    if (p.line > 0) {
      out.number(r, 1, p.line, styles.count);
    } else {
      out.blank(r, 1, styles.count);
    }
    if (p.line > 0 && p.column > 0) {
      out.number(r, 2, p.column, styles.count);
    } else {
      out.blank(r, 2, styles.count);
    }
    out.text(r, 3, p.error ? "错误" : "警告", styles.center);
    out.text(r, 4, p.rule, styles.center, "规则");
    out.text(r, 5, p.message, styles.text, "说明");
  }
  if (!problems.empty()) {
    const auto last = static_cast<lxw_row_t>(k_first_row + problems.size() - 1);
    std::string error_word = "\"错误\"";
    std::string warning_word = "\"警告\"";
    lxw_conditional_format rule{};
    rule.type = LXW_CONDITIONAL_TYPE_CELL;
    rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    rule.value_string = error_word.data();
    rule.format = styles.bad;
    add_colour(out.get(), k_first_row, last, 3, rule);
    rule.value_string = warning_word.data();
    rule.format = styles.warn;
    add_colour(out.get(), k_first_row, last, 3, rule);
  }
  frame.finish(problems.size(), 0);
}

} // namespace

std::string check_result_label(std::size_t errors, std::size_t warnings) {
  if (errors == 0 && warnings == 0) {
    return "通过";
  }
  std::string label;
  if (errors > 0) {
    label = std::to_string(errors) + "个错误";
  }
  if (warnings > 0) {
    label += (label.empty() ? "" : "、") + std::to_string(warnings) + "个警告";
  }
  return label;
}

SummaryRow summary_row(const std::string& file, const model::PlanFile* plan, bool passed,
                       std::size_t errors, std::size_t warnings, const util::Date& as_of) {
  SummaryRow row;
  row.file = file;
  row.result = check_result_label(errors, warnings);
  if (!plan) {
    return row;
  }
  row.school = plan->school.name.value;
  row.code = plan->school.code ? plan->school.code->value : std::string();
  row.district = plan->school.district ? plan->school.district->value : std::string();
  row.title = plan->plan.title.value;
  if (!passed) {
    return row;
  }
  row.has_counts = true;
  const model::TaskIndex index = model::index_tasks(plan->plan);
  const std::vector<model::TaskProgress> progress =
      model::compute_progress(index, plan->activities, as_of);
  row.tasks = index.tasks.size();
  for (const model::TaskProgress& p : progress) {
    const auto at =
        std::find(std::begin(model::k_all_states), std::end(model::k_all_states), p.state) -
        std::begin(model::k_all_states);
    ++row.states[static_cast<std::size_t>(at)];
  }
  row.activities = plan->activities.size();
  for (const model::Activity& activity : plan->activities) {
    const util::Date& date = activity.date.value;
    if (date <= as_of && (!row.last_activity || date > *row.last_activity)) {
      row.last_activity = date;
    }
  }
  return row;
}

std::string summary_title(const std::vector<SummaryRow>& rows, std::string_view what) {
  std::string district;
  for (const SummaryRow& row : rows) {
    if (row.district.empty()) {
      continue;
    }
    if (!district.empty() && row.district != district) {
      district.clear();
      break;
    }
    district = row.district;
  }
  return district + "学校工作计划" + std::string(what);
}

std::vector<std::string> write_district_summary(const std::vector<SummaryRow>& rows,
                                                const std::vector<ProblemRow>& problems,
                                                const util::Date& as_of,
                                                const std::filesystem::path& path) {
  std::vector<std::string> warnings;
  XlsxBook book(path);
  const HouseStyle styles = make_house_style(book);
  const std::string title = summary_title(rows, "汇总表");
  write_summary_sheet(book, styles, rows, title, as_of, warnings);
  write_problem_sheet(book, styles, problems, summary_title(rows, "问题清单"), as_of, warnings);
  book.set_properties(title, "planctl", "", document_time(as_of));
  book.close();
  return warnings;
}

} // namespace planctl::workbook
