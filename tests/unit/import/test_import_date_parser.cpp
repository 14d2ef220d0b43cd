#include <planctl/import/date_parser.hpp>

#include <doctest/doctest.h>

using namespace planctl;

namespace {

std::string iso(std::string_view text) {
  const auto date = import::parse_written_date(text);
  return date ? util::to_iso(*date) : "none";
}

} // namespace

TEST_CASE("parse_written_date") {
  SUBCASE("the forms clerks type") {
    CHECK(iso("2020年4月9日") == "2020-04-09");
    CHECK(iso("2020年04月09日") == "2020-04-09");
    CHECK(iso("２０２０年４月９日") == "2020-04-09");
    CHECK(iso("2020 年 4 月 9 日") == "2020-04-09");
    CHECK(iso("二〇二〇年四月九日") == "2020-04-09");
    CHECK(iso("二○二○年十二月三十一日") == "2020-12-31");
    CHECK(iso("2020.4.9") == "2020-04-09");
    CHECK(iso("2020-04-09") == "2020-04-09");
    CHECK(iso("2020/4/9") == "2020-04-09");
    CHECK(iso("\u3000\u30002020年4月9日") == "2020-04-09");
  }
  SUBCASE("not whole dates") {
    CHECK(iso("2020年4月") == "none");
    CHECK(iso("2020年2月30日") == "none");
    CHECK(iso("20年4月9日") == "none");
    CHECK(iso("2020.5") == "none");
    CHECK(iso("发布时间:2020-11-03") == "none");
    CHECK(iso("二〇二〇年十三月一日") == "none");
    CHECK(iso("") == "none");
  }
}
