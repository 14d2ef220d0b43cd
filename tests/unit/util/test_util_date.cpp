#include <planctl/util/date.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

using namespace planctl::util;

TEST_CASE("util::parse_date") {
  SUBCASE("a real date") {
    CHECK(parse_date("2020-04-09") == Date{2020, 4, 9});
  }
  SUBCASE("29 February only in leap years") {
    CHECK(parse_date("2020-02-29").has_value());
    CHECK_FALSE(parse_date("2021-02-29").has_value());
    CHECK_FALSE(parse_date("1900-02-29").has_value());
    CHECK(parse_date("2000-02-29").has_value());
  }
  SUBCASE("wrong shapes") {
    CHECK_FALSE(parse_date("2020-4-9").has_value());
    CHECK_FALSE(parse_date("2020-04-31").has_value());
    CHECK_FALSE(parse_date("2020-13-01").has_value());
    CHECK_FALSE(parse_date("2020/04/09").has_value());
    CHECK_FALSE(parse_date("").has_value());
  }
}

TEST_CASE("util::days_from_civil") {
  CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
  CHECK(days_from_civil(Date{2021, 1, 1}) - days_from_civil(Date{2020, 1, 1}) == 366);
  CHECK(civil_from_days(days_from_civil(Date{2020, 12, 31})) == Date{2020, 12, 31});
}

TEST_CASE("util::to_iso") {
  CHECK(to_iso(Date{2020, 4, 9}) == "2020-04-09");
}

TEST_CASE("util::last_day_of_month") {
  CHECK(last_day_of_month(2020, 2) == Date{2020, 2, 29});
  CHECK(last_day_of_month(2021, 2) == Date{2021, 2, 28});
}

TEST_CASE("util::today") {
  setenv("SOURCE_DATE_EPOCH", "1609372800", 1); // 2020-12-31T00:00:00Z
  CHECK(today() == Date{2020, 12, 31});
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("util::source_date_epoch") {
  SUBCASE("digits up to 9999-12-31T23:59:59Z") {
    setenv("SOURCE_DATE_EPOCH", "1609372800", 1);
    CHECK(source_date_epoch() == 1609372800LL);
    setenv("SOURCE_DATE_EPOCH", "253402300799", 1);
    CHECK(source_date_epoch() == 253402300799LL);
    setenv("SOURCE_DATE_EPOCH", "0", 1);
    CHECK(source_date_epoch() == 0LL);
  }
  SUBCASE("anything else is ignored") {
    for (const char* bad :
         {"", "abc", "-5", "+5", " 5", "12x", "1e9", "253402300800", "99999999999999999999999"}) {
      setenv("SOURCE_DATE_EPOCH", bad, 1);
      CHECK_MESSAGE(!source_date_epoch(), bad);
    }
  }
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(!source_date_epoch());
}
