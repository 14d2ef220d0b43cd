#include <planctl/load/scalar_rules.hpp>

#include <doctest/doctest.h>

using namespace planctl;
using namespace planctl::load;

TEST_CASE("load::parse_day_or_month") {
  SUBCASE("a date") {
    const auto d = parse_day_or_month("2020-09-01");
    REQUIRE(d);
    CHECK(*d == model::DayOrMonth{2020, 9, 1});
  }
  SUBCASE("a month") {
    const auto d = parse_day_or_month("2020-09");
    REQUIRE(d);
    CHECK(*d == model::DayOrMonth{2020, 9, 0});
    CHECK(d->is_month());
  }
  SUBCASE("not a real day or month") {
    DateProblem problem = DateProblem::shape;
    CHECK_FALSE(parse_day_or_month("2021-02-29", &problem));
    CHECK(problem == DateProblem::not_real);
    problem = DateProblem::shape;
    CHECK_FALSE(parse_day_or_month("2020-13", &problem));
    CHECK(problem == DateProblem::not_real);
    CHECK_FALSE(parse_day_or_month("2020-00", &problem));
    CHECK(problem == DateProblem::not_real);
  }
  SUBCASE("wrong shape") {
    for (const char* text : {"2020/09", "2020-9", "2020-9-1", "20200901", "", "2020-09-01 "}) {
      DateProblem problem = DateProblem::not_real;
      CHECK_FALSE(parse_day_or_month(text, &problem));
      CHECK(problem == DateProblem::shape);
    }
  }
}

TEST_CASE("load::parse_recurrence") {
  CHECK(parse_recurrence("全年") == model::Recurrence::whole_year);
  CHECK(parse_recurrence("长期") == model::Recurrence::long_term);
  CHECK(parse_recurrence("每学期") == model::Recurrence::each_term);
  CHECK(parse_recurrence("每月") == model::Recurrence::each_month);
  CHECK(parse_recurrence("每周") == model::Recurrence::each_week);
  CHECK_FALSE(parse_recurrence("每年"));
  CHECK_FALSE(parse_recurrence(" 全年"));
}

TEST_CASE("load::parse_due") {
  SUBCASE("keyword") {
    const auto due = parse_due("每学期");
    REQUIRE(due);
    CHECK(due->recurrence == model::Recurrence::each_term);
    CHECK_FALSE(due->when);
    CHECK(due->source == "每学期");
  }
  SUBCASE("date and month") {
    CHECK(parse_due("2020-10-31")->when == model::DayOrMonth{2020, 10, 31});
    CHECK(parse_due("2020-11")->when == model::DayOrMonth{2020, 11, 0});
    CHECK(parse_due("2020-11")->source == "2020-11");
  }
  SUBCASE("rejected") {
    DateProblem problem = DateProblem::shape;
    CHECK_FALSE(parse_due("2020-02-30", &problem));
    CHECK(problem == DateProblem::not_real);
    CHECK_FALSE(parse_due("下周", &problem));
    CHECK(problem == DateProblem::shape);
  }
}

TEST_CASE("load::parse_status") {
  CHECK(parse_status("未开始") == model::TaskStatus::not_started);
  CHECK(parse_status("进行中") == model::TaskStatus::in_progress);
  CHECK(parse_status("已完成") == model::TaskStatus::done);
  CHECK_FALSE(parse_status("完成"));
  CHECK_FALSE(parse_status("done"));
}

TEST_CASE("load::is_valid_id") {
  SUBCASE("letters of any script, digits, _ - .") {
    for (const char* id :
         {"propaganda", "ma-xl", "task_3.10", "3.10", "德育处", "学-1", "Ⅳ", "ＡＢ１", "〇号"}) {
      CAPTURE(id);
      CHECK(is_valid_id(id));
    }
    CHECK(is_valid_id(std::string(64, 'a')));
  }
  SUBCASE("rejected") {
    for (const char* id : {"", "a b", "a,b", "a/b", "a:b", "德育处、教务处", "（一）", "a　b", "a#",
                           "a\u00a0b", "→", "😀"}) {
      CAPTURE(id);
      CHECK_FALSE(is_valid_id(id));
    }
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
  }
  SUBCASE("length counts characters") {
    std::string chinese;
    for (int i = 0; i < 64; ++i) {
      chinese += "学";
    }
    CHECK(is_valid_id(chinese));
    CHECK_FALSE(is_valid_id(chinese + "学"));
  }
}

TEST_CASE("load::is_valid_code") {
  CHECK(is_valid_code("pingan-no2"));
  CHECK(is_valid_code("S_0123"));
  CHECK(is_valid_code(std::string(64, 'a')));
  CHECK_FALSE(is_valid_code(std::string(65, 'a')));
  CHECK_FALSE(is_valid_code(""));
  CHECK_FALSE(is_valid_code("平安"));
  CHECK_FALSE(is_valid_code("a.b"));
  CHECK_FALSE(is_valid_code("a b"));
}

TEST_CASE("load::parse_plain_integer") {
  CHECK(parse_plain_integer("89") == 89);
  CHECK(parse_plain_integer("0") == 0);
  CHECK(parse_plain_integer("007") == 7);
  for (const char* text : {"", "-1", "+5", "8.9", "1.0", "0x10", "1e3", " 1", "一"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_plain_integer(text));
  }
  bool too_large = false;
  CHECK_FALSE(parse_plain_integer("99999999999999999999", &too_large));
  CHECK(too_large);
  CHECK_FALSE(parse_plain_integer("x", &too_large));
  CHECK_FALSE(too_large);
}

TEST_CASE("load::is_blank") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\n\r"));
  CHECK(is_blank("　")); // ideographic space
  CHECK(is_blank("\u00a0"));
  CHECK_FALSE(is_blank(" a "));
  CHECK_FALSE(is_blank("。"));
}

TEST_CASE("load::normalize_line_breaks") {
  CHECK(normalize_line_breaks("a\r\nb\rc\nd") == "a\nb\nc\nd");
  CHECK(normalize_line_breaks("\r\r\n") == "\n\n");
  CHECK(normalize_line_breaks("plain") == "plain");
}
