#include <planctl/layout/date_wording.hpp>

#include <doctest/doctest.h>

using namespace planctl::layout;
using planctl::util::Date;

TEST_CASE("layout::word_date") {
  CHECK(word_date(Date{2020, 4, 9}) == "2020年4月9日");
  CHECK(word_date(Date{2020, 12, 31}) == "2020年12月31日");
  CHECK(word_date(Date{2021, 1, 1}) == "2021年1月1日");
}

TEST_CASE("layout::word_month") {
  CHECK(word_month(2020, 9) == "2020年9月");
  CHECK(word_month(2021, 12) == "2021年12月");
}

TEST_CASE("layout::word_month_day") {
  CHECK(word_month_day(Date{2020, 3, 13}) == "3月13日");
  CHECK(word_month_day(Date{2020, 10, 1}) == "10月1日");
}

TEST_CASE("layout::word_date_span") {
  SUBCASE("a single day in the period's year") {
    CHECK(word_date_span(Date{2020, 3, 13}, std::nullopt, 2020) == "3月13日");
  }
  SUBCASE("a span within one month") {
    CHECK(word_date_span(Date{2020, 3, 13}, Date{2020, 3, 15}, 2020) == "3月13日至15日");
  }
  SUBCASE("a span across months") {
    CHECK(word_date_span(Date{2020, 5, 28}, Date{2020, 6, 2}, 2020) == "5月28日至6月2日");
  }
  SUBCASE("a start in another year than the period's prefixes the year") {
    CHECK(word_date_span(Date{2021, 3, 13}, std::nullopt, 2020) == "2021年3月13日");
    CHECK(word_date_span(Date{2021, 3, 13}, Date{2021, 3, 15}, 2020) == "2021年3月13日至15日");
    CHECK(word_date_span(Date{2021, 5, 28}, Date{2021, 6, 2}, 2020) == "2021年5月28日至6月2日");
  }
  SUBCASE("a span across years names both years") {
    CHECK(word_date_span(Date{2020, 12, 30}, Date{2021, 1, 2}, 2020) ==
          "2020年12月30日至2021年1月2日");
  }
  SUBCASE("an end equal to or before the start gives the single date") {
    CHECK(word_date_span(Date{2020, 3, 13}, Date{2020, 3, 13}, 2020) == "3月13日");
    CHECK(word_date_span(Date{2020, 3, 13}, Date{2020, 3, 1}, 2020) == "3月13日");
  }
}
