#include <planctl/workbook/cell_text.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <algorithm>
#include <cmath>

namespace planctl::workbook {

namespace {

std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) {
    digits.insert(i - 3, ",");
  }
  return digits;
}

} // namespace

SheetWriter::SheetWriter(lxw_worksheet* sheet, std::string name, std::vector<std::string>& warnings)
    : m_sheet(sheet), m_name(std::move(name)), m_warnings(warnings) {}

void SheetWriter::text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format,
                       std::string_view what) {
  put_text(row, col, text, format, what, true);
}

void SheetWriter::put_text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format,
                           std::string_view what, bool wraps_alone) {
  const CellText cell = stored_cell_text(text);
  if (cell.cut) {
    std::string warning = "sheet \"" + m_name + "\" cell " + cell_name(row, col);
    if (!what.empty()) {
      warning += " (" + std::string(what) + ")";
    }
    warning += ": the text has " + with_thousands(cell.original) +
               " characters, more than Excel's limit of " + with_thousands(k_cell_limit) +
               "; it was cut and ends with \"" + std::string(k_cut_mark) + "\"";
    m_warnings.push_back(std::move(warning));
  }
  // note_lines() measures each line anyway; measuring twice cost a tenth of a workbook.
  note_width(col, wraps_alone ? note_lines(row, row, col, cell.text) : widest_line(cell.text));
  if (cell.text.empty()) {
    if (format) {
      check_lxw(worksheet_write_blank(m_sheet, row, col, format), "cell " + cell_name(row, col));
    }
    return;
  }
  // Always a string: text starting with `=`, `+`, `-` or `@` must never become a formula.
  check_lxw(worksheet_write_string(m_sheet, row, col, cell.text.c_str(), format),
            "cell " + cell_name(row, col));
}

void SheetWriter::merged_text(lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                              std::string_view text, lxw_format* format) {
  if (first_row == last_row) {
    this->text(first_row, col, text, format);
    return;
  }
  const CellText cell = fit_cell_text(text);
  check_lxw(worksheet_merge_range(m_sheet, first_row, col, last_row, col, "", format),
            "merged cells " + cell_name(first_row, col));
  // The first cell shows the text; the covered cells hold it too (Excel and LibreOffice keep
  // them hidden) so that an autofilter on the group keeps every row of the run.
  for (lxw_row_t row = first_row; row <= last_row; ++row) {
    // The first write warns when the text was cut; the others get the cut text.
    put_text(row, col, row == first_row ? text : std::string_view(cell.text), format, {}, false);
  }
  // The run's text spreads over all its rows, not over each one.
  note_lines(first_row, last_row, col, cell.text);
}

void SheetWriter::banner(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col,
                         std::string_view text, lxw_format* format) {
  const CellText cell = stored_cell_text(text);
  if (cell.cut) {
    m_warnings.push_back("sheet \"" + m_name + "\" cell " + cell_name(row, first_col) +
                         ": the title was cut at Excel's limit of " + with_thousands(k_cell_limit) +
                         " characters");
  }
  if (first_col == last_col) {
    check_lxw(worksheet_write_string(m_sheet, row, first_col, cell.text.c_str(), format),
              "cell " + cell_name(row, first_col));
    return;
  }
  check_lxw(
      worksheet_merge_range(m_sheet, row, first_col, row, last_col, cell.text.c_str(), format),
      "merged cells " + cell_name(row, first_col));
}

void SheetWriter::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
  note_width(col, display_width(std::to_string(static_cast<long long>(value))));
  check_lxw(worksheet_write_number(m_sheet, row, col, value, format),
            "cell " + cell_name(row, col));
}

void SheetWriter::date(lxw_row_t row, lxw_col_t col, const util::Date& date,
                       const std::string& label, lxw_format* date_format, lxw_format* text_format) {
  const std::optional<double> serial = excel_serial(date);
  if (!serial) {
    text(row, col, label, text_format);
    return;
  }
  note_width(col, display_width(label));
  check_lxw(worksheet_write_number(m_sheet, row, col, *serial, date_format),
            "cell " + cell_name(row, col));
}

void SheetWriter::blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
  check_lxw(worksheet_write_blank(m_sheet, row, col, format), "cell " + cell_name(row, col));
}

void SheetWriter::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double value,
                          lxw_format* format) {
  note_width(col, display_width(std::to_string(static_cast<long long>(value))));
  check_lxw(worksheet_write_formula_num(m_sheet, row, col, formula.c_str(), format, value),
            "cell " + cell_name(row, col));
}

std::size_t SheetWriter::widest(lxw_col_t col) const {
  const auto it = m_widest.find(col);
  return it == m_widest.end() ? 0 : it->second;
}

void SheetWriter::fit_column(lxw_col_t col, double min_width, double max_width) {
  const double width = column_width(widest(col), min_width, max_width);
  m_width[col] = width;
  check_lxw(worksheet_set_column(m_sheet, col, col, width, nullptr), "column " + column_name(col));
}

void SheetWriter::fit_rows(lxw_row_t first_row, lxw_row_t last_row) {
  if (first_row > last_row) {
    return;
  }
  std::vector<std::size_t> lines(last_row - first_row + 1, 1);
  for (const Lines& cell : m_lines) {
    if (cell.first_row == cell.last_row && cell.first_row >= first_row &&
        cell.first_row <= last_row) {
      std::size_t& row_lines = lines[cell.first_row - first_row];
      row_lines = std::max(row_lines, line_count(cell));
    }
  }
  for (const Lines& run : m_lines) {
    if (run.first_row == run.last_row || run.first_row < first_row || run.last_row > last_row) {
      continue;
    }
    std::size_t held = 0;
    for (lxw_row_t row = run.first_row; row <= run.last_row; ++row) {
      held += lines[row - first_row];
    }
    const std::size_t needed = line_count(run);
    if (needed > held) {
      lines[run.last_row - first_row] += needed - held;
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // 宋体 at 11 pt needs about 14.25 pt a line in Excel, but its usual substitute where 宋体
    // is missing (Noto Serif CJK in LibreOffice) about 16.5 pt: 17 pt suits both, and a
    // one-line row stays 20 pt. Excel's limit is 409 pt.
    const double height = std::min(409.0, 17.0 * static_cast<double>(lines[i]) + 3.0);
    check_lxw(worksheet_set_row(m_sheet, static_cast<lxw_row_t>(first_row + i), height, nullptr),
              "row height");
  }
}

std::size_t SheetWriter::note_lines(lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                                    std::string_view text) {
  Lines lines{first_row, last_row, col, {}};
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.widths.push_back(display_width(text.substr(start, end - start)));
    start = end + 1;
  }
  // One short line never needs more than one row line: keep only what can wrap.
  const std::size_t widest = *std::max_element(lines.widths.begin(), lines.widths.end());
  if (lines.widths.size() > 1 || lines.widths.front() > 4) {
    m_lines.push_back(std::move(lines));
  }
  return widest;
}

std::size_t SheetWriter::line_count(const Lines& lines) const {
  const auto it = m_width.find(lines.col);
  // A cell has a little padding; Latin words wrap whole, so allow some slack too.
  const double usable = std::max(1.0, (it == m_width.end() ? 8.43 : it->second) - 1.0);
  std::size_t count = 0;
  for (std::size_t width : lines.widths) {
    const double needed = static_cast<double>(width) * 1.05 / usable;
    count += std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(needed)));
  }
  return count;
}

void SheetWriter::note_width(lxw_col_t col, std::size_t width) {
  std::size_t& widest = m_widest[col];
  widest = std::max(widest, width);
}

} // namespace planctl::workbook
