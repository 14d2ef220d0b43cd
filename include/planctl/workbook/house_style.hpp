// The house style every planctl workbook shares (the task workbook and the district summary):
// faces, colours and cell formats, and the frame of a sheet — title, subtitle and header rows,
// column widths, row heights, filter and print setup. One place, so the files a district
// receives look alike.
#pragma once

#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <string>
#include <vector>

namespace planctl::workbook {

// Rows shared by every sheet: the merged title, the subtitle, the frozen header, then the data.
constexpr lxw_row_t k_title_row = 0;
constexpr lxw_row_t k_subtitle_row = 1;
constexpr lxw_row_t k_header_row = 2;
constexpr lxw_row_t k_first_row = 3;

// xlsx fonts have no East Asian attribute and libxlsxwriter writes no charset, so every format
// names a Chinese face; otherwise CJK text falls back to whatever the theme picks.
constexpr const char* k_body_font = "宋体";
constexpr const char* k_title_font = "黑体";

// One column of a sheet: its header and the range its width may take.
struct Column {
  const char* header;
  double min_width;
  double max_width;
};

// Every cell format of a workbook, made once by make_house_style().
struct HouseStyle {
  lxw_format* title;    // 黑体 16 pt bold, centred, wrapped
  lxw_format* subtitle; // right-aligned
  lxw_format* header;   // bold, shaded, centred, bordered
  lxw_format* text;     // wrapped, left, bordered (as are all below to `total`)
  lxw_format* center;   // wrapped, centred
  lxw_format* date;     // 2020年9月30日
  lxw_format* month;    // 2020年9月
  lxw_format* count;    // a whole number
  lxw_format* planned;  // centred on the 月度安排 shade
  lxw_format* total_label;
  lxw_format* total;
  lxw_format* note; // 10 pt, wrapped, no border: the notes under a table
  lxw_format* good; // conditional, Excel's "Good": 已完成, 通过
  lxw_format* bad;  // conditional, Excel's "Bad": 逾期, errors
  lxw_format* warn; // conditional, Excel's "Neutral": 进行中, warnings
};

// Makes the house formats in `book` and names the Chinese face in its default format.
HouseStyle make_house_style(XlsxBook& book);

// The title, subtitle and header rows, column widths, row heights and print setup of a sheet.
class SheetFrame {
public:
  // Frames the sheet `out` writes, with `columns` (kept by reference) in `style`.
  SheetFrame(SheetWriter& out, const HouseStyle& style, const std::vector<Column>& columns);

  // Writes the title, subtitle and header rows.
  void top(const std::string& title, const std::string& subtitle);

  // Sizes the columns and the header and `rows` data rows, and sets the autofilter, frozen
  // panes (`freeze_cols` columns stay in view), A4 landscape fitted to one page wide, the
  // repeated header row and the page footer. With a `width_budget`, the columns share that
  // many units (SheetWriter::fit_columns()).
  void finish(std::size_t rows, lxw_col_t freeze_cols, double width_budget = 0);

private:
  SheetWriter& m_out;
  const HouseStyle& m_style;
  const std::vector<Column>& m_columns;
};

} // namespace planctl::workbook
