// An owned libxlsxwriter workbook: created with its temporary files beside the output, fixed
// document properties, list drop-downs of any length, and a thread-safe close.
#pragma once

#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace planctl::workbook {

// The name of the hidden sheet that holds drop-down lists too long to write inline.
inline constexpr const char* k_list_sheet = "下拉列表";

// Excel's limit on the characters of an inline list (`"a,b,c"` without the quotes).
inline constexpr std::size_t k_inline_list_limit = 255;

// The name of column `col` (0-based), e.g. `A`, `Z`, `AA`.
std::string column_name(lxw_col_t col);

// The A1 reference of a cell (0-based row and column), e.g. `D5`.
std::string cell_name(lxw_row_t row, lxw_col_t col);

// Whether `values` can be written as an inline list: no value holds `,` or `"`, and joined
// with commas they take at most `k_inline_list_limit` characters.
bool fits_inline_list(const std::vector<std::string>& values);

// Throws std::runtime_error naming `what` and libxlsxwriter's message unless `error` is
// LXW_NO_ERROR.
void check_lxw(lxw_error error, const std::string& what);

// check_lxw() for a write to the cell at `row`, `col`, whose name ("cell B7") is made only
// when there is an error (a sheet writes tens of thousands of cells).
void check_lxw_cell(lxw_error error, lxw_row_t row, lxw_col_t col);

// One workbook being written to one file; not shared between threads.
class XlsxBook {
public:
  // Starts a workbook for `path`, keeping libxlsxwriter's temporary files in `path`'s folder
  // (the output folder, so that nothing is written elsewhere). Throws std::runtime_error.
  explicit XlsxBook(const std::filesystem::path& path);
  // Frees the workbook without writing it when close() was not called.
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  // The libxlsxwriter workbook.
  lxw_workbook* get() const { return m_book; }

  // Adds the worksheet `name`; throws when libxlsxwriter rejects the name.
  lxw_worksheet* add_sheet(const std::string& name);

  // A new format for cells (or conditional formats).
  lxw_format* add_format();

  // The workbook's default format (the Normal style), used by cells without a format.
  lxw_format* default_format() const;

  // Sets the title, author, company and creation time written in docProps/core.xml and
  // docProps/app.xml.
  void set_properties(const std::string& title, const std::string& author,
                      const std::string& company, std::time_t created);

  // Restricts rows `first_row`..`last_row` of column `col` of `sheet` to one of `values`, with
  // a drop-down; inline when fits_inline_list(), else through a column of the hidden
  // `k_list_sheet` sheet, added when the workbook is closed.
  void add_list_validation(lxw_worksheet* sheet, lxw_row_t first_row, lxw_row_t last_row,
                           lxw_col_t col, const std::vector<std::string>& values,
                           const std::string& error_message);

  // Writes the file. libxlsxwriter formats times with gmtime() and names temporary files
  // with an unsynchronised random seed, so closes are serialised process-wide unless planctl's
  // replacements of both are in use (xlsx_io.hpp). Throws std::runtime_error.
  void close();

private:
  lxw_workbook* m_book = nullptr;
  std::string m_tmpdir;
  std::vector<std::vector<std::string>> m_lists; // the hidden sheet's columns
  // libxlsxwriter keeps pointers to these until close().
  std::string m_title;
  std::string m_author;
  std::string m_company;
  std::vector<std::string> m_formulas;
};

} // namespace planctl::workbook
