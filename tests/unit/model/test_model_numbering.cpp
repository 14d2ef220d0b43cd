#include <planctl/model/numbering.hpp>
#include <planctl/util/utf8.hpp>

#include <doctest/doctest.h>

using namespace planctl::model;

TEST_CASE("model::chinese_numeral") {
  CHECK(chinese_numeral(1) == "一");
  CHECK(chinese_numeral(10) == "十");
  CHECK(chinese_numeral(11) == "十一");
  CHECK(chinese_numeral(20) == "二十");
  CHECK(chinese_numeral(21) == "二十一");
  CHECK(chinese_numeral(99) == "九十九");
  CHECK(chinese_numeral(100) == "一百");
  CHECK(chinese_numeral(101) == "一百零一");
  CHECK(chinese_numeral(110) == "一百一十");
  CHECK(chinese_numeral(999) == "九百九十九");
}

TEST_CASE("model::is_chinese_numeral_char") {
  // Every character chinese_numeral() writes, and nothing else of a label.
  for (int n = 1; n <= 999; ++n) {
    const std::string text = chinese_numeral(n);
    for (std::size_t pos = 0; pos < text.size();) {
      CHECK(is_chinese_numeral_char(planctl::util::next_code_point(text, pos)));
    }
  }
  CHECK_FALSE(is_chinese_numeral_char(U'〇'));
  CHECK_FALSE(is_chinese_numeral_char(U'1'));
  CHECK_FALSE(is_chinese_numeral_char(U'、'));
  CHECK_FALSE(is_chinese_numeral_char(U'千'));
}

TEST_CASE("model::number_label") {
  CHECK(number_label(NumberStyle::chinese, 11) == "十一、");
  CHECK(number_label(NumberStyle::paren_chinese, 2) == "（二）");
  CHECK(number_label(NumberStyle::arabic, 3) == "3.");
  CHECK(number_label(NumberStyle::paren_arabic, 4) == "（4）");
}

TEST_CASE("model::parse_number_style") {
  CHECK(parse_number_style("一、") == NumberStyle::chinese);
  CHECK(parse_number_style("（一）") == NumberStyle::paren_chinese);
  CHECK(parse_number_style("(1)") == NumberStyle::paren_arabic);
  CHECK_FALSE(parse_number_style("1、").has_value());
}
