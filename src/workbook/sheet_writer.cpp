#include <planctl/workbook/cell_text.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <algorithm>
#include <cmath>

namespace planctl::workbook {

namespace {

std::string with_thousands(std::size_t n) {
  // Built forwards rather than by insert(), which GCC 12 flags with a false -Wrestrict.
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
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
      check_lxw_cell(worksheet_write_blank(m_sheet, row, col, format), row, col);
    }
    return;
  }
  // Always a string: text starting with `=`, `+`, `-` or `@` must never become a formula.
  check_lxw_cell(worksheet_write_string(m_sheet, row, col, cell.text.c_str(), format), row, col);
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
    check_lxw_cell(worksheet_write_string(m_sheet, row, first_col, cell.text.c_str(), format), row,
                   first_col);
    return;
  }
  check_lxw(
      worksheet_merge_range(m_sheet, row, first_col, row, last_col, cell.text.c_str(), format),
      "merged cells " + cell_name(row, first_col));
}

void SheetWriter::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
  note_rigid(col, display_width(std::to_string(static_cast<long long>(value))));
  check_lxw_cell(worksheet_write_number(m_sheet, row, col, value, format), row, col);
}

void SheetWriter::date(lxw_row_t row, lxw_col_t col, const util::Date& date,
                       const std::string& label, lxw_format* date_format, lxw_format* text_format) {
  const std::optional<double> serial = excel_serial(date);
  if (!serial) {
    text(row, col, label, text_format);
    return;
  }
  note_rigid(col, display_width(label));
  check_lxw_cell(worksheet_write_number(m_sheet, row, col, *serial, date_format), row, col);
}

void SheetWriter::blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
  check_lxw_cell(worksheet_write_blank(m_sheet, row, col, format), row, col);
}

void SheetWriter::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double value,
                          lxw_format* format) {
  note_rigid(col, display_width(std::to_string(static_cast<long long>(value))));
  check_lxw_cell(worksheet_write_formula_num(m_sheet, row, col, formula.c_str(), format, value),
                 row, col);
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
  return lines_at(lines.widths, it == m_width.end() ? 8.43 : it->second);
}

std::size_t SheetWriter::lines_at(const std::vector<std::size_t>& widths, double width) {
  return lines_in(widths, usable_units(width));
}

double SheetWriter::usable_units(double width) {
  // Excel, the narrower of the two readers, shows a column `width` units wide as
  // 8 × (width + 5/7) px for 宋体 11 pt (libxlsxwriter stores width + 5/7), less 5 px of
  // padding and grid line; a display unit, half a Chinese character at 11 pt, is 22/3 px.
  // Whole Chinese characters only: an odd unit is lost. LibreOffice (Noto Serif CJK in place
  // of 宋体) fits a character or two more, so its rows have room to spare.
  const double units = std::floor((8.0 * (width + 5.0 / 7.0) - 5.0) / (22.0 / 3.0));
  return std::max(2.0, 2.0 * std::floor(units / 2.0));
}

std::size_t SheetWriter::lines_in(const std::vector<std::size_t>& widths, double usable) {
  // Latin words wrap whole and a line never starts with a closing mark (a character moves
  // down): 5 % slack.
  std::size_t count = 0;
  for (std::size_t w : widths) {
    const double needed = static_cast<double>(w) * 1.05 / usable;
    count += std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(needed)));
  }
  return count;
}

void SheetWriter::fit_columns(const std::vector<WidthRange>& ranges, double budget,
                              lxw_row_t first_row, lxw_row_t last_row) {
  const std::size_t n = ranges.size();
  std::vector<double> natural(n);
  std::vector<double> width(n);
  double wanted = 0;
  double spent = 0;
  for (std::size_t c = 0; c < n; ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    natural[c] = column_width(widest(col), ranges[c].min_width, ranges[c].max_width);
    // Numbers and dates do not wrap: narrower than they are, a reader shows ###.
    const auto rigid = m_rigid.find(col);
    width[c] = rigid == m_rigid.end()
                   ? ranges[c].min_width
                   : column_width(rigid->second, ranges[c].min_width, ranges[c].max_width);
    wanted += natural[c];
    spent += width[c];
  }
  if (wanted <= budget) {
    width = natural;
  } else if (first_row <= last_row) {
    // Lines of each wrapping cell of each column, per row, at the column's current width.
    const std::size_t rows = last_row - first_row + 1;
    std::vector<std::vector<const Lines*>> cells(n);
    for (const Lines& cell : m_lines) {
      if (cell.first_row == cell.last_row && cell.col < n && cell.first_row >= first_row &&
          cell.first_row <= last_row) {
        cells[cell.col].push_back(&cell);
      }
    }
    // The widths a column can take are its start, then one more unit at a time up to its
    // natural width (the same sums as the search below makes: the same doubles), and each
    // cell's lines at each of them are counted once, not at every step of the search.
    std::vector<std::vector<double>> steps(n);
    std::vector<std::vector<std::size_t>> lines_by_step(n); // [step × cells + cell]
    std::vector<std::size_t> step(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
      if (cells[c].empty()) {
        continue;
      }
      for (double w = width[c];; w += 1) {
        steps[c].push_back(w);
        if (!(w + 1 <= natural[c])) {
          break;
        }
      }
      lines_by_step[c].reserve(steps[c].size() * cells[c].size());
      for (const double w : steps[c]) {
        const double usable = usable_units(w);
        for (const Lines* cell : cells[c]) {
          lines_by_step[c].push_back(lines_in(cell->widths, usable));
        }
      }
    }
    std::vector<std::vector<std::size_t>> row_of(n); // each cell's row, from first_row
    for (std::size_t c = 0; c < n; ++c) {
      for (const Lines* cell : cells[c]) {
        row_of[c].push_back(cell->first_row - first_row);
      }
    }
    auto lines_of = [&](std::size_t c, std::size_t k, std::size_t i) {
      return lines_by_step[c][k * cells[c].size() + i];
    };
    std::vector<std::vector<std::size_t>> lines(n, std::vector<std::size_t>(rows, 1));
    auto measure = [&](std::size_t c) {
      for (std::size_t i = 0; i < cells[c].size(); ++i) {
        lines[c][row_of[c][i]] = lines_of(c, step[c], i);
      }
    };
    for (std::size_t c = 0; c < n; ++c) {
      measure(c);
    }
    std::vector<std::size_t> others(rows);
    // Per row, the most lines of any column, which column has them (the first), and the most
    // of the other columns: a column's "others" without going over every column again.
    std::vector<std::size_t> top(rows);
    std::vector<std::size_t> top_col(rows);
    std::vector<std::size_t> second(rows);
    for (;;) {
      for (std::size_t r = 0; r < rows; ++r) {
        top[r] = 0;
        top_col[r] = n;
        second[r] = 0;
        for (std::size_t d = 0; d < n; ++d) {
          const std::size_t l = lines[d][r];
          if (top_col[r] == n || l > top[r]) {
            second[r] = top_col[r] == n ? 0 : top[r];
            top[r] = l;
            top_col[r] = d;
          } else {
            second[r] = std::max(second[r], l);
          }
        }
      }
      // A row is as tall as its tallest cell: widening a column saves the lines of the rows
      // where it is the tallest, down to the next tallest.
      double best_ratio = 0;
      std::size_t best_col = n;
      std::size_t best_step = 0;
      for (std::size_t c = 0; c < n; ++c) {
        if (width[c] >= natural[c] || cells[c].empty()) {
          continue;
        }
        for (std::size_t r = 0; r < rows; ++r) {
          others[r] = std::max<std::size_t>(1, top_col[r] == c ? second[r] : top[r]);
        }
        for (std::size_t k = step[c] + 1;
             k < steps[c].size() && spent - width[c] + steps[c][k] <= budget; ++k) {
          const double w = steps[c][k];
          std::size_t saved = 0;
          const std::size_t* at_k = &lines_by_step[c][k * cells[c].size()];
          const std::vector<std::size_t>& rows_c = row_of[c];
          for (std::size_t i = 0; i < rows_c.size(); ++i) {
            const std::size_t r = rows_c[i];
            const std::size_t before = std::max(others[r], lines[c][r]);
            const std::size_t after = std::max(others[r], at_k[i]);
            saved += before - std::min(before, after);
          }
          const double ratio = static_cast<double>(saved) / (w - width[c]);
          if (ratio > best_ratio) {
            best_ratio = ratio;
            best_col = c;
            best_step = k;
          }
        }
      }
      if (best_col == n) {
        break;
      }
      spent += steps[best_col][best_step] - width[best_col];
      width[best_col] = steps[best_col][best_step];
      step[best_col] = best_step;
      measure(best_col);
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    m_width[col] = width[c];
    check_lxw(worksheet_set_column(m_sheet, col, col, width[c], nullptr),
              "column " + column_name(col));
  }
}

void SheetWriter::note_rigid(lxw_col_t col, std::size_t width) {
  note_width(col, width);
  std::size_t& rigid = m_rigid[col];
  rigid = std::max(rigid, width);
}

void SheetWriter::note_width(lxw_col_t col, std::size_t width) {
  std::size_t& widest = m_widest[col];
  widest = std::max(widest, width);
}

} // namespace planctl::workbook
