#include <planctl/workbook/cell_text.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <algorithm>

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
  const CellText cell = fit_cell_text(text);
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
  note_width(col, widest_line(cell.text));
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
    this->text(row, col, row == first_row ? text : std::string_view(cell.text), format);
  }
}

void SheetWriter::banner(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col,
                         std::string_view text, lxw_format* format) {
  const CellText cell = fit_cell_text(text);
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
  check_lxw(worksheet_set_column(m_sheet, col, col, column_width(widest(col), min_width, max_width),
                                 nullptr),
            "column " + column_name(col));
}

void SheetWriter::note_width(lxw_col_t col, std::size_t width) {
  std::size_t& widest = m_widest[col];
  widest = std::max(widest, width);
}

} // namespace planctl::workbook
