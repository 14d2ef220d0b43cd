// Excel workbooks (.xlsx): the cells of every sheet, with numbers told from dates by their
// cell's number format, read with the same zip and XML rules as a .docx.
#pragma once

#include <planctl/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::import {

// The most bytes one part of a .xlsx may inflate to (as for a .docx: a zip bomb stops here).
inline constexpr std::uint64_t k_max_xlsx_part_bytes = 32u << 20;
// The most cells a workbook may hold across its sheets, and the most sheets read.
inline constexpr std::size_t k_max_xlsx_cells = 1000000;
inline constexpr std::size_t k_max_xlsx_sheets = 256;

enum class CellKind : std::uint8_t { text, number, date, boolean, error };

// One cell that holds a value (empty cells are not listed).
struct Cell {
  int row = 0;    // 1-based
  int column = 0; // 1-based: A is 1
  CellKind kind = CellKind::text;
  // text: the text; number and date: the number as the file writes it (`89`, `43903`); boolean:
  // `TRUE` or `FALSE`; error: the error (`#N/A`). A formula's cell holds its cached value.
  std::string text;
  double number = 0; // number and date: the value (a date is Excel's serial day number)
};

struct Sheet {
  std::string name;
  std::vector<Cell> cells; // in row order, then column order
};

struct Workbook {
  std::vector<Sheet> sheets; // in the workbook's tab order
  bool date1904 = false;     // serial day numbers count from 1904-01-01 (old Mac workbooks)
};

// The sheets of the .xlsx `bytes`. Throws ImportError with a plain sentence when the bytes are
// not a .xlsx, a part inflates past k_max_xlsx_part_bytes, an XML part is not well-formed or
// declares a DOCTYPE, or the workbook holds more than k_max_xlsx_cells cells.
Workbook read_xlsx(std::string_view bytes);

// The address of a cell: `C14`.
std::string cell_address(int row, int column);

// The calendar day of Excel serial number `serial` (its whole part; a time of day is dropped):
// 43903 is 2020-03-13. std::nullopt for 1900-02-29 (which Excel counts but never was), serials
// before the first day and past 9999-12-31.
std::optional<util::Date> date_of_serial(double serial, bool date1904);

// Whether the number format `id` (with `code` for a custom one, numFmtId 164 and up) shows a
// date or time: the built-in ids 14–22, 27–36, 45–47, 50–58, or a code that has y, m, d, h or
// s outside quotes, brackets and escapes.
bool is_date_format(int id, std::string_view code);

} // namespace planctl::import
