// Dates as the workbook writes them: Excel serial numbers, number formats and the fixed
// document timestamp that keeps two renders byte-identical.
#pragma once

#include <planctl/util/date.hpp>

#include <ctime>
#include <optional>
#include <string>

namespace planctl::workbook {

// The Excel (1900 date system) serial number of `date`, e.g. 44104 for 2020-09-30; nullopt
// for an invalid date or one Excel cannot show (before 1900-01-01).
std::optional<double> excel_serial(const util::Date& date);

// The number format of date cells, showing `2020年9月30日`.
inline constexpr const char* k_date_format = "yyyy\"年\"m\"月\"d\"日\"";

// The number format of month cells, showing `2020年9月`.
inline constexpr const char* k_month_format = "yyyy\"年\"m\"月\"";

// The workbook's creation time: util::source_date_epoch() when it is set,
// else midnight UTC of `as_of`; never 0, which libxlsxwriter would replace by the clock.
std::time_t document_time(const util::Date& as_of);

} // namespace planctl::workbook
