// Calendar dates without time zones: parsing, validity, ordering and day arithmetic.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace planctl::util {

// A proleptic Gregorian calendar date; a default-constructed Date is 0000-00-00 and invalid.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;
};

// Whether `year` is a Gregorian leap year.
bool is_leap_year(int year);

// The number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
int days_in_month(int year, int month);

// Whether `d` names a real calendar day (month 1–12, day within the month, year 1–9999).
bool is_valid(const Date& d);

// Parses exactly `YYYY-MM-DD`; std::nullopt when the shape is wrong or the day is not real.
std::optional<Date> parse_date(std::string_view text);

// Days since 1970-01-01 for `d` (negative before it).
long days_from_civil(const Date& d);

// The date that is `days` days after 1970-01-01.
Date civil_from_days(long days);

// `d` formatted as `YYYY-MM-DD`.
std::string to_iso(const Date& d);

// The last day of `year`-`month`.
Date last_day_of_month(int year, int month);

// The seconds in `SOURCE_DATE_EPOCH` when that variable holds only digits and names a time up
// to 9999-12-31T23:59:59Z; std::nullopt otherwise (unset, empty, signed, or too large). The one
// reading of that variable: the as-of date, the .docx and the .xlsx timestamps all use it.
std::optional<long long> source_date_epoch();

// Today's date in UTC, or the UTC date of source_date_epoch() when it is set, so that runs can
// be reproduced.
Date today();

} // namespace planctl::util
