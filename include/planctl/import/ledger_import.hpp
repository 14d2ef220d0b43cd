// The activity ledger brought back from Excel: the rows of a sheet with the columns of the
// workbook's 活动台账 become `activities` of a plan file, written into its text in place.
#pragma once

#include <planctl/import/xlsx_reader.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace planctl::import {

// One thing said about the sheet, at a cell (row and column 1-based; column 0 for the row).
struct LedgerFinding {
  int row = 0;
  int column = 0;
  bool error = true; // an error: the row was not added
  std::string message;
};

// An activity the plan file had that a row changed: the row, the entry's line in the file
// written, and the keys set from the row.
struct LedgerUpdate {
  int row = 0;
  int line = 0;
  std::vector<std::string> keys;
};

struct LedgerImport {
  std::string sheet; // the sheet read
  int header_row = 0;
  std::string yaml; // the plan file's text with the rows added (unchanged when none was)
  std::vector<LedgerFinding> findings;
  // Items named by title that had no id and got one (which makes them tasks): the line of the
  // `id:` line in `yaml`, and the id.
  std::vector<std::pair<int, std::string>> new_ids;
  std::size_t rows = 0;              // rows with something in them below the header
  std::size_t added = 0;             // rows added as activities
  std::vector<LedgerUpdate> updates; // rows that changed an activity the plan file had
  std::size_t already = 0;  // rows the plan file already has, unchanged (same date and title)
  std::size_t unusable = 0; // rows with an error
};

// Adds the rows of the ledger sheet of `book` (the sheet `sheet_name`, else the one named
// 活动台账, else the first whose header has 日期 and 活动名称) to the plan file `plan_text`
// (shown as `plan_name`), whose comments and layout are kept: the new entries are inserted at
// the end of its `activities` list, or as a new `activities` block. `source_name` is named in a
// comment above them. Throws ImportError when no sheet is a ledger or the plan file cannot be
// edited (it does not load, or its top level or `activities` is written in flow style).
LedgerImport import_ledger(const Workbook& book, std::string_view sheet_name,
                           std::string_view plan_text, std::string_view plan_name,
                           std::string_view source_name);

} // namespace planctl::import
