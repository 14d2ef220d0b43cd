#include <planctl/workbook/excel_date.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

using namespace planctl::workbook;
using planctl::util::Date;

TEST_CASE("workbook::excel_serial") {
  SUBCASE("dates of the 1900 date system") {
    CHECK(excel_serial(Date{2020, 9, 30}) == 44104.0);
    CHECK(excel_serial(Date{2020, 12, 31}) == 44196.0);
    CHECK(excel_serial(Date{1900, 3, 1}) == 61.0);
  }
  SUBCASE("before March 1900 Excel's phantom 29 February is not counted") {
    CHECK(excel_serial(Date{1900, 1, 1}) == 1.0);
    CHECK(excel_serial(Date{1900, 2, 28}) == 59.0);
  }
  SUBCASE("dates Excel cannot show have no serial") {
    CHECK_FALSE(excel_serial(Date{1899, 12, 31}).has_value());
    CHECK_FALSE(excel_serial(Date{2020, 2, 30}).has_value());
  }
}

TEST_CASE("workbook::document_time") {
  SUBCASE("midnight UTC of the as-of date without SOURCE_DATE_EPOCH") {
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(document_time(Date{2020, 12, 31}) == 1609372800);
  }
  SUBCASE("SOURCE_DATE_EPOCH wins when valid") {
    ::setenv("SOURCE_DATE_EPOCH", "1600000000", 1);
    CHECK(document_time(Date{2020, 12, 31}) == 1600000000);
    ::unsetenv("SOURCE_DATE_EPOCH");
  }
  SUBCASE("an invalid SOURCE_DATE_EPOCH is ignored") {
    ::setenv("SOURCE_DATE_EPOCH", "soon", 1);
    CHECK(document_time(Date{2020, 12, 31}) == 1609372800);
    ::unsetenv("SOURCE_DATE_EPOCH");
  }
  SUBCASE("never 0, which libxlsxwriter would replace by the clock") {
    ::setenv("SOURCE_DATE_EPOCH", "0", 1);
    CHECK(document_time(Date{2020, 12, 31}) == 1);
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(document_time(Date{1970, 1, 1}) == 1);
  }
  SUBCASE("an epoch past year 9999, where gmtime() fails, is ignored") {
    ::setenv("SOURCE_DATE_EPOCH", "99999999999999", 1);
    CHECK(document_time(Date{2020, 12, 31}) == 1609372800);
    ::unsetenv("SOURCE_DATE_EPOCH");
  }
}
