#include <planctl/layout/date_wording.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/workbook/district_summary.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <algorithm>

namespace planctl::workbook {

namespace {

// The same faces and colours as the task workbook, so the district's files look alike.
constexpr const char* k_body_font = "宋体";
constexpr const char* k_title_font = "黑体";
constexpr lxw_color_t k_header_fill = 0xD9E1F2;
constexpr lxw_color_t k_green_fill = 0xC6EFCE;
constexpr lxw_color_t k_green_font = 0x006100;
constexpr lxw_color_t k_red_fill = 0xFFC7CE;
constexpr lxw_color_t k_red_font = 0x9C0006;
constexpr lxw_color_t k_amber_fill = 0xFFEB9C;
constexpr lxw_color_t k_amber_font = 0x9C5700;

constexpr lxw_row_t k_title_row = 0;
constexpr lxw_row_t k_subtitle_row = 1;
constexpr lxw_row_t k_header_row = 2;
constexpr lxw_row_t k_first_row = 3;

struct Column {
  const char* header;
  double min_width;
  double max_width;
};

struct Styles {
  lxw_format* title;
  lxw_format* subtitle;
  lxw_format* header;
  lxw_format* text;
  lxw_format* center;
  lxw_format* count;
  lxw_format* date;
  lxw_format* total_label;
  lxw_format* total;
  lxw_format* good; // conditional: 通过
  lxw_format* bad;  // conditional: errors
  lxw_format* warn; // conditional: warnings only
};

lxw_format* body_format(XlsxBook& book) {
  lxw_format* format = book.add_format();
  format_set_font_name(format, k_body_font);
  format_set_font_size(format, 11);
  format_set_text_wrap(format);
  format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(format, LXW_BORDER_THIN);
  return format;
}

lxw_format* state_format(XlsxBook& book, lxw_color_t font, lxw_color_t fill) {
  lxw_format* format = book.add_format();
  format_set_font_name(format, k_body_font);
  format_set_font_color(format, font);
  format_set_bg_color(format, fill);
  return format;
}

Styles make_styles(XlsxBook& book) {
  Styles s{};
  // xlsx fonts carry no East Asian face: every format names a Chinese one (research §4).
  format_set_font_name(book.default_format(), k_body_font);

  s.title = book.add_format();
  format_set_font_name(s.title, k_title_font);
  format_set_font_size(s.title, 16);
  format_set_bold(s.title);
  format_set_align(s.title, LXW_ALIGN_CENTER);
  format_set_align(s.title, LXW_ALIGN_VERTICAL_CENTER);

  s.subtitle = book.add_format();
  format_set_font_name(s.subtitle, k_body_font);
  format_set_font_size(s.subtitle, 11);
  format_set_align(s.subtitle, LXW_ALIGN_RIGHT);
  format_set_align(s.subtitle, LXW_ALIGN_VERTICAL_CENTER);

  s.header = body_format(book);
  format_set_bold(s.header);
  format_set_align(s.header, LXW_ALIGN_CENTER);
  format_set_bg_color(s.header, k_header_fill);

  s.text = body_format(book);
  format_set_align(s.text, LXW_ALIGN_LEFT);

  s.center = body_format(book);
  format_set_align(s.center, LXW_ALIGN_CENTER);

  s.count = body_format(book);
  format_set_align(s.count, LXW_ALIGN_CENTER);
  format_set_num_format(s.count, "0");

  s.date = body_format(book);
  format_set_align(s.date, LXW_ALIGN_CENTER);
  format_set_num_format(s.date, k_date_format);

  s.total_label = body_format(book);
  format_set_bold(s.total_label);
  format_set_align(s.total_label, LXW_ALIGN_CENTER);

  s.total = body_format(book);
  format_set_bold(s.total);
  format_set_align(s.total, LXW_ALIGN_CENTER);
  format_set_num_format(s.total, "0");

  s.good = state_format(book, k_green_font, k_green_fill);
  s.bad = state_format(book, k_red_font, k_red_fill);
  s.warn = state_format(book, k_amber_font, k_amber_fill);
  return s;
}

// The title, subtitle and header rows above a table, and its widths, filter and print setup.
void sheet_top(SheetWriter& out, const Styles& styles, const std::vector<Column>& columns,
               const std::string& title, const util::Date& as_of) {
  const auto last = static_cast<lxw_col_t>(columns.size() - 1);
  out.banner(k_title_row, 0, last, title, styles.title);
  out.banner(k_subtitle_row, 0, last, "截至" + layout::word_date(as_of), styles.subtitle);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out.text(k_header_row, static_cast<lxw_col_t>(c), columns[c].header, styles.header);
  }
  worksheet_set_row(out.get(), k_title_row, 32, nullptr);
  worksheet_set_row(out.get(), k_subtitle_row, 20, nullptr);
}

void sheet_finish(SheetWriter& out, const std::vector<Column>& columns, std::size_t rows) {
  lxw_worksheet* sheet = out.get();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out.fit_column(static_cast<lxw_col_t>(c), columns[c].min_width, columns[c].max_width);
  }
  const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
  const auto last_row = static_cast<lxw_row_t>(k_header_row + rows);
  out.fit_rows(k_header_row, last_row);
  check_lxw(worksheet_autofilter(sheet, k_header_row, 0, last_row, last_col), "autofilter");
  worksheet_freeze_panes(sheet, k_first_row, 0);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9); // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  check_lxw(worksheet_repeat_rows(sheet, k_header_row, k_header_row), "print titles");
  worksheet_set_margins(sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally(sheet);
  check_lxw(worksheet_set_footer(sheet, "&C第 &P 页，共 &N 页"), "footer");
}

void add_colour(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                lxw_conditional_format rule) {
  check_lxw(worksheet_conditional_format_range(sheet, first, col, last, col, &rule),
            "conditional format");
}

// 通过 green, anything with an error red, warnings alone amber.
void colour_results(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                    const Styles& styles) {
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

void write_summary_sheet(XlsxBook& book, const Styles& styles, const std::vector<SummaryRow>& rows,
                         const std::string& title, const util::Date& as_of,
                         std::vector<std::string>& warnings) {
  static const std::vector<Column> k_columns{
      {"学校", 14, 30}, {"代码", 8, 16},  {"计划标题", 16, 36},     {"任务数", 8, 8},
      {"已完成", 8, 8}, {"进行中", 8, 8}, {"逾期", 6, 8},           {"未开始", 8, 8},
      {"长期", 6, 8},   {"活动数", 8, 8}, {"最近活动日期", 14, 16}, {"校验结果", 10, 18},
      {"文件", 12, 40},
  };
  const std::string name = "汇总";
  SheetWriter out(book.add_sheet(name), name, warnings);
  sheet_top(out, styles, k_columns, title, as_of);
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
  sheet_finish(out, k_columns, rows.size());
}

void write_problem_sheet(XlsxBook& book, const Styles& styles,
                         const std::vector<ProblemRow>& problems, const std::string& title,
                         const util::Date& as_of, std::vector<std::string>& warnings) {
  static const std::vector<Column> k_columns{
      {"文件", 16, 40}, {"行", 6, 8},     {"列", 6, 8},
      {"级别", 6, 8},   {"规则", 12, 24}, {"说明", 30, 70},
  };
  const std::string name = "问题清单";
  SheetWriter out(book.add_sheet(name), name, warnings);
  sheet_top(out, styles, k_columns, title, as_of);
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
  sheet_finish(out, k_columns, problems.size());
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
  const Styles styles = make_styles(book);
  const std::string title = summary_title(rows, "汇总表");
  write_summary_sheet(book, styles, rows, title, as_of, warnings);
  write_problem_sheet(book, styles, problems, summary_title(rows, "问题清单"), as_of, warnings);
  book.set_properties(title, "planctl", "", document_time(as_of));
  book.close();
  return warnings;
}

} // namespace planctl::workbook
