#include <planctl/workbook/excel_date.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>

namespace planctl::workbook {

std::optional<double> excel_serial(const util::Date& date) {
  if (!util::is_valid(date) || date < util::Date{1900, 1, 1}) {
    return std::nullopt;
  }
  // Excel counts 1900-02-29, which never existed (a Lotus 1-2-3 compatibility bug), so dates
  // from 1900-03-01 on are one day further from 1899-12-31 than the calendar says.
  const long days = util::days_from_civil(date);
  if (date < util::Date{1900, 3, 1}) {
    return static_cast<double>(days - util::days_from_civil({1899, 12, 31}));
  }
  return static_cast<double>(days - util::days_from_civil({1899, 12, 30}));
}

std::string date_label(const util::Date& date) {
  return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
         std::to_string(date.day) + "日";
}

std::string month_label(int year, int month) {
  return std::to_string(year) + "年" + std::to_string(month) + "月";
}

std::time_t document_time(const util::Date& as_of) {
  long long seconds = -1;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(epoch, &end, 10);
    if (errno == 0 && end && *end == '\0' && value >= 0) {
      seconds = value;
    }
  }
  if (seconds < 0) {
    seconds = static_cast<long long>(util::days_from_civil(as_of)) * 86400;
  }
  // gmtime() inside libxlsxwriter fails (and the library then crashes) past year 9999.
  seconds = std::min(seconds, 253402300799LL);
  // libxlsxwriter reads 0 as "use the clock"; one second later keeps the output fixed.
  return static_cast<std::time_t>(seconds == 0 ? 1 : seconds);
}

} // namespace planctl::workbook
