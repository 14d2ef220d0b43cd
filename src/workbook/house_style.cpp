#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/house_style.hpp>

#include <cstdint>

namespace planctl::workbook {

namespace {

// State colours, Excel's own "Good", "Bad" and "Neutral" styles.
constexpr lxw_color_t k_green_fill = 0xC6EFCE;
constexpr lxw_color_t k_green_font = 0x006100;
constexpr lxw_color_t k_red_fill = 0xFFC7CE;
constexpr lxw_color_t k_red_font = 0x9C0006;
constexpr lxw_color_t k_amber_fill = 0xFFEB9C;
constexpr lxw_color_t k_amber_font = 0x9C5700;
constexpr lxw_color_t k_header_fill = 0xD9E1F2;
constexpr lxw_color_t k_planned_fill = 0xBDD7EE;

// A table cell: 宋体 11 pt, wrapped, bordered, vertically centred, aligned `align`, bold when
// asked, with `number_format` when given.
lxw_format* body_format(XlsxBook& book, std::uint8_t align, const char* number_format = nullptr,
                        bool bold = false) {
  lxw_format* format = book.add_format();
  format_set_font_name(format, k_body_font);
  format_set_font_size(format, 11);
  format_set_text_wrap(format);
  format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(format, LXW_BORDER_THIN);
  format_set_align(format, align);
  if (number_format != nullptr) {
    format_set_num_format(format, number_format);
  }
  if (bold) {
    format_set_bold(format);
  }
  return format;
}

// A cell outside the table (title, subtitle, notes): no border, vertically centred.
lxw_format* loose_format(XlsxBook& book, const char* font, double size, std::uint8_t align,
                         bool wrap) {
  lxw_format* format = book.add_format();
  format_set_font_name(format, font);
  format_set_font_size(format, size);
  format_set_align(format, align);
  format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
  if (wrap) {
    format_set_text_wrap(format);
  }
  return format;
}

lxw_format* state_format(XlsxBook& book, lxw_color_t font, lxw_color_t fill) {
  lxw_format* format = book.add_format();
  format_set_font_name(format, k_body_font);
  format_set_font_color(format, font);
  format_set_bg_color(format, fill);
  return format;
}

} // namespace

HouseStyle make_house_style(XlsxBook& book) {
  HouseStyle s{};
  format_set_font_name(book.default_format(), k_body_font);

  s.title = loose_format(book, k_title_font, 16, LXW_ALIGN_CENTER, true);
  format_set_bold(s.title);
  s.subtitle = loose_format(book, k_body_font, 11, LXW_ALIGN_RIGHT, false);

  s.header = body_format(book, LXW_ALIGN_CENTER, nullptr, true);
  format_set_bg_color(s.header, k_header_fill);
  s.text = body_format(book, LXW_ALIGN_LEFT);
  s.center = body_format(book, LXW_ALIGN_CENTER);
  s.date = body_format(book, LXW_ALIGN_CENTER, k_date_format);
  s.month = body_format(book, LXW_ALIGN_CENTER, k_month_format);
  s.count = body_format(book, LXW_ALIGN_CENTER, "0");
  s.planned = body_format(book, LXW_ALIGN_CENTER);
  format_set_bg_color(s.planned, k_planned_fill);
  s.total_label = body_format(book, LXW_ALIGN_CENTER, nullptr, true);
  s.total = body_format(book, LXW_ALIGN_CENTER, "0", true);

  s.note = loose_format(book, k_body_font, 10, LXW_ALIGN_LEFT, true);

  s.good = state_format(book, k_green_font, k_green_fill);
  s.bad = state_format(book, k_red_font, k_red_fill);
  s.warn = state_format(book, k_amber_font, k_amber_fill);
  return s;
}

SheetFrame::SheetFrame(SheetWriter& out, const HouseStyle& style,
                       const std::vector<Column>& columns)
    : m_out(out), m_style(style), m_columns(columns) {}

void SheetFrame::top(const std::string& title, const std::string& subtitle) {
  const auto last = static_cast<lxw_col_t>(m_columns.size() - 1);
  m_out.banner(k_title_row, 0, last, title, m_style.title);
  m_out.banner(k_subtitle_row, 0, last, subtitle, m_style.subtitle);
  for (std::size_t c = 0; c < m_columns.size(); ++c) {
    m_out.text(k_header_row, static_cast<lxw_col_t>(c), m_columns[c].header, m_style.header);
  }
  worksheet_set_row(m_out.get(), k_title_row, 32, nullptr);
  worksheet_set_row(m_out.get(), k_subtitle_row, 20, nullptr);
}

void SheetFrame::finish(std::size_t rows, lxw_col_t freeze_cols, double width_budget) {
  lxw_worksheet* sheet = m_out.get();
  const auto last_col = static_cast<lxw_col_t>(m_columns.size() - 1);
  const auto last_row = static_cast<lxw_row_t>(k_header_row + rows);
  if (width_budget > 0) {
    std::vector<SheetWriter::WidthRange> ranges;
    for (const Column& column : m_columns) {
      ranges.push_back({column.min_width, column.max_width});
    }
    m_out.fit_columns(ranges, width_budget, k_header_row, last_row);
  } else {
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
      m_out.fit_column(static_cast<lxw_col_t>(c), m_columns[c].min_width, m_columns[c].max_width);
    }
  }
  m_out.fit_rows(k_header_row, last_row);
  check_lxw(worksheet_autofilter(sheet, k_header_row, 0, last_row, last_col), "autofilter");
  worksheet_freeze_panes(sheet, k_first_row, freeze_cols);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9); // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  check_lxw(worksheet_repeat_rows(sheet, k_header_row, k_header_row), "print titles");
  // Excel's "narrow" side margins: every unit of width is a larger print (docs/workbook.md).
  worksheet_set_margins(sheet, 0.25, 0.25, 0.6, 0.6);
  worksheet_center_horizontally(sheet);
  check_lxw(worksheet_set_footer(sheet, "&C第 &P 页，共 &N 页"), "footer");
}

} // namespace planctl::workbook
