// Dates as the workbook writes them: Excel serial numbers, Chinese labels and the fixed
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

// `date` written `2020年9月30日` (no leading zeros).
std::string date_label(const util::Date& date);

// `year`-`month` written `2020年9月`.
std::string month_label(int year, int month);

// The number format of date cells, showing `2020年9月30日`.
inline constexpr const char* k_date_format = "yyyy\"年\"m\"月\"d\"日\"";

// The number format of month cells, showing `2020年9月`.
inline constexpr const char* k_month_format = "yyyy\"年\"m\"月\"";

// The workbook's creation time: `SOURCE_DATE_EPOCH` when it holds a valid number of seconds,
// else midnight UTC of `as_of`; never 0, which libxlsxwriter would replace by the clock.
std::time_t document_time(const util::Date& as_of);

} // namespace planctl::workbook
