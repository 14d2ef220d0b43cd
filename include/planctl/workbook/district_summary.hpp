// The district summary workbook written by `planctl batch` (outputs.md, Batch): 汇总, one row
// per input file, and 问题清单, every finding of every file.
#pragma once

#include <planctl/model/plan.hpp>
#include <planctl/util/date.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::workbook {

// The file name `planctl batch` gives the summary workbook.
inline constexpr const char* k_district_summary_name = "district-summary.xlsx";

// One row of 汇总.
struct SummaryRow {
  std::string file;     // the input as the user gave it (the extra last column, 文件)
  std::string school;   // school.name, when the file was read far enough to have one
  std::string code;     // school.code
  std::string district; // school.district (used for the title, not shown in a column)
  std::string title;    // plan.title
  // The counts are shown only for a file that passed its checks: a failed file's model may
  // be partial, and numbers from it would look trustworthy when they are not.
  bool has_counts = false;
  std::size_t tasks = 0;
  std::array<std::size_t, 5> states{}; // in model::k_all_states order
  std::size_t activities = 0;
  std::optional<util::Date> last_activity; // the latest activity date on or before the as-of date
  std::string result; // 校验结果: 通过, N个警告, N个错误 or N个错误、M个警告
};

// One row of 问题清单.
struct ProblemRow {
  std::string file;
  int line = 0;   // 0 for a finding about the whole file (the cell is left blank)
  int column = 0; // 0 when unknown
  bool error = true;
  std::string rule;
  std::string message;
};

// 校验结果 for a file with `errors` errors and `warnings` warnings: `通过` when there are none,
// `2个警告`, `1个错误`, or both as `1个错误、2个警告`.
std::string check_result_label(std::size_t errors, std::size_t warnings);

// The 汇总 row of the input `file`, whose model is `plan` (nullptr when the file could not be
// read as a plan), with `errors` and `warnings` findings; task states are computed as of
// `as_of`, and counts are filled only when `passed`.
SummaryRow summary_row(const std::string& file, const model::PlanFile* plan, bool passed,
                       std::size_t errors, std::size_t warnings, const util::Date& as_of);

// The title row of a sheet of the summary: `学校工作计划` then `what` (`汇总表`), preceded by
// the district when every row that names one names the same one
// (`海东市平安区学校工作计划汇总表`).
std::string summary_title(const std::vector<SummaryRow>& rows, std::string_view what);

// Writes the summary at `path`: 汇总 from `rows` (in their order, with a 合计 row of the
// counts) and 问题清单 from `problems`, as of `as_of`. Returns warnings (plain sentences, e.g.
// for a cell cut at Excel's limit). Throws std::runtime_error when libxlsxwriter fails.
std::vector<std::string> write_district_summary(const std::vector<SummaryRow>& rows,
                                                const std::vector<ProblemRow>& problems,
                                                const util::Date& as_of,
                                                const std::filesystem::path& path);

} // namespace planctl::workbook
