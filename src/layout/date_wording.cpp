#include <planctl/layout/date_wording.hpp>

#include <fmt/core.h>

namespace planctl::layout {

std::string word_date(const util::Date& date) {
  return fmt::format("{}年{}月{}日", date.year, date.month, date.day);
}

std::string word_month(int year, int month) {
  return fmt::format("{}年{}月", year, month);
}

std::string word_month_day(const util::Date& date) {
  return fmt::format("{}月{}日", date.month, date.day);
}

std::string word_date_span(const util::Date& start, const std::optional<util::Date>& end,
                           int base_year) {
  const std::string first = start.year == base_year ? word_month_day(start) : word_date(start);
  if (!end || *end <= start) {
    return first;
  }
  if (end->year != start.year) {
    // Across a new year both years are needed, or `12月30日至1月2日` reads backwards.
    return word_date(start) + "至" + word_date(*end);
  }
  if (end->month != start.month) {
    return first + "至" + word_month_day(*end);
  }
  return first + fmt::format("至{}日", end->day);
}

} // namespace planctl::layout
