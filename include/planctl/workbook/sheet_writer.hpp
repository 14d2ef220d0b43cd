// Writes the cells of one worksheet: user text always as a string cell (never a formula),
// cut at Excel's cell limit with a warning, dates as date cells, and the widest content of
// each column remembered for sizing.
#pragma once

#include <planctl/util/date.hpp>

#include <xlsxwriter.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::workbook {

// The cell writer of one worksheet.
class SheetWriter {
public:
  // Writes to `sheet`, named `name` in warnings, adding warnings to `warnings`.
  SheetWriter(lxw_worksheet* sheet, std::string name, std::vector<std::string>& warnings);

  // The worksheet.
  lxw_worksheet* get() const { return m_sheet; }

  // Writes `text` as a string cell (a blank cell with `format` when empty), cut to Excel's
  // limit with a warning; `what` names the value in the warning.
  void text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format,
            std::string_view what = {});

  // Merges `first_row`..`last_row` of column `col` showing `text`, and also writes `text` into
  // every covered cell, so that filtering on the column keeps each row of the run.
  void merged_text(lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col, std::string_view text,
                   lxw_format* format);

  // Merges columns `first_col`..`last_col` of `row` showing `text` (title rows); the text
  // does not count towards column widths.
  void banner(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view text,
              lxw_format* format);

  // Writes `value` as a number cell.
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);

  // Writes `date` as a date cell with `date_format`; a date Excel cannot show is written as
  // the text `label` with `text_format`.
  void date(lxw_row_t row, lxw_col_t col, const util::Date& date, const std::string& label,
            lxw_format* date_format, lxw_format* text_format);

  // Writes a blank cell carrying `format` (borders, fill).
  void blank(lxw_row_t row, lxw_col_t col, lxw_format* format);

  // Writes the formula `formula` (only the workbook's own formulas, never user text) with its
  // cached result `value`.
  void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double value,
               lxw_format* format);

  // The display width of the widest line written to column `col` so far.
  std::size_t widest(lxw_col_t col) const;

  // Sets column `col`'s width from its content, kept within [`min_width`, `max_width`].
  void fit_column(lxw_col_t col, double min_width, double max_width);

  // The widths a column may take in fit_columns().
  struct WidthRange {
    double min_width;
    double max_width;
  };

  // Sets the widths of columns 0, 1, … (one per range) like fit_column(), but within a sum of
  // `budget` units: when the content wants more, every column starts at its minimum (or, if
  // wider, at the width of its numbers and dates, which cannot wrap) and the budget goes step
  // by step to the column where it saves the most wrapped lines per unit over rows
  // `first_row`..`last_row`.
  void fit_columns(const std::vector<WidthRange>& ranges, double budget, lxw_row_t first_row,
                   lxw_row_t last_row);

  // Sets the height of rows `first_row`..`last_row` to hold their wrapped text at the widths
  // set by fit_column() or fit_columns(); a merged run that needs more lines than its rows hold
  // makes its last row taller. Readers do not agree on growing rows themselves (LibreOffice does
  // not).
  void fit_rows(lxw_row_t first_row, lxw_row_t last_row);

private:
  // The display widths of the paragraphs of a text cell (or merged run).
  struct Lines {
    lxw_row_t first_row;
    lxw_row_t last_row;
    lxw_col_t col;
    std::vector<std::size_t> widths;
  };

  void put_text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format,
                std::string_view what, bool wraps_alone);
  void note_width(lxw_col_t col, std::size_t width);
  // Notes the width of a number or date, which never wraps.
  void note_rigid(lxw_col_t col, std::size_t width);
  // Records how many lines `text` takes in rows first_row..last_row; returns its widest line.
  std::size_t note_lines(lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                         std::string_view text);
  std::size_t line_count(const Lines& lines) const;
  // How many lines paragraphs of display widths `widths` take in a column `width` units wide.
  static std::size_t lines_at(const std::vector<std::size_t>& widths, double width);
  // The display units a line holds in a column `width` units wide.
  static double usable_units(double width);
  // How many lines paragraphs of display widths `widths` take in lines of `usable` units.
  static std::size_t lines_in(const std::vector<std::size_t>& widths, double usable);

  lxw_worksheet* m_sheet;
  std::string m_name;
  std::vector<std::string>& m_warnings;
  std::map<lxw_col_t, std::size_t> m_widest;
  std::map<lxw_col_t, std::size_t> m_rigid; // the widest number or date
  std::map<lxw_col_t, double> m_width;
  std::vector<Lines> m_lines;
};

} // namespace planctl::workbook
