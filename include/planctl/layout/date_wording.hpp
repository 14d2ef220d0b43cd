// Dates as official documents write them: `2020年4月9日`, and spans such as `3月13日至15日`.
#pragma once

#include <planctl/util/date.hpp>

#include <optional>
#include <string>

namespace planctl::layout {

// `date` written `2020年4月9日` (Arabic numerals, no leading zeros, GB/T 9704 §7.3.5.4).
std::string word_date(const util::Date& date);

// `year`-`month` written `2020年9月`.
std::string word_month(int year, int month);

// `date` as `4月9日`, without the year.
std::string word_month_day(const util::Date& date);

// An activity's date or span as running text in a report whose period starts in `base_year`:
// `3月13日`; `3月13日至15日` within a month; `5月28日至6月2日` across months; the year is
// prefixed when the start's year is not `base_year` (`2021年3月13日至15日`), and a span across
// years names both years (`2020年12月30日至2021年1月2日`). An `end` that is absent, equal to or
// before `start` gives the single date.
std::string word_date_span(const util::Date& start, const std::optional<util::Date>& end,
                           int base_year);

} // namespace planctl::layout
