#include <planctl/workbook/excel_date.hpp>

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

std::time_t document_time(const util::Date& as_of) {
  const long long seconds = util::source_date_epoch().value_or(
      static_cast<long long>(util::days_from_civil(as_of)) * 86400);
  // libxlsxwriter reads 0 as "use the clock"; one second later keeps the output fixed.
  return static_cast<std::time_t>(seconds == 0 ? 1 : seconds);
}

} // namespace planctl::workbook
