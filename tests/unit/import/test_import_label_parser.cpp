#include <planctl/import/label_parser.hpp>
#include <planctl/model/numbering.hpp>

#include <doctest/doctest.h>

using namespace planctl;
using import::parse_number_label;
using model::NumberStyle;

namespace {

// "style number rest" of the label `text` starts with, or "none".
std::string describe(std::string_view text) {
  const auto label = parse_number_label(text);
  if (!label) {
    return "none";
  }
  return model::style_name(label->style) + " " + std::to_string(label->number) + " " +
         std::string(text.substr(label->length));
}

} // namespace

TEST_CASE("parse_chinese_numeral") {
  SUBCASE("the inverse of chinese_numeral") {
    for (int n = 1; n <= 999; ++n) {
      CHECK(import::parse_chinese_numeral(model::chinese_numeral(n)) == n);
    }
  }
  SUBCASE("not numerals as headings write them") {
    CHECK_FALSE(import::parse_chinese_numeral("一十"));
    CHECK_FALSE(import::parse_chinese_numeral("二十零"));
    CHECK_FALSE(import::parse_chinese_numeral(""));
    CHECK_FALSE(import::parse_chinese_numeral("甲"));
  }
}

TEST_CASE("parse_number_label") {
  SUBCASE("the four GB/T 9704 labels") {
    CHECK(describe("一、总体要求") == "一、 1 总体要求");
    CHECK(describe("十二、工作任务") == "一、 12 工作任务");
    CHECK(describe("（三）落实重点工作") == "（一） 3 落实重点工作");
    CHECK(describe("2.精心整改") == "1. 2 精心整改");
    CHECK(describe("（4）开展活动") == "（1） 4 开展活动");
  }
  SUBCASE("typed variants") {
    CHECK(describe("(一)明确主体责任") == "（一） 1 明确主体责任");
    CHECK(describe("（二)混用括号") == "（一） 2 混用括号");
    CHECK(describe("（一）、多打了顿号") == "（一） 1 多打了顿号");
    CHECK(describe("1、理论联系实际") == "1. 1 理论联系实际");
    CHECK(describe("3．全角点") == "1. 3 全角点");
    CHECK(describe("3,逗号") == "1. 3 逗号");
    CHECK(describe("(12)半角括号") == "（1） 12 半角括号");
    CHECK(describe("1. 空格之后") == "1. 1 空格之后");
    CHECK(describe("一、\u3000全角空格") == "一、 1 全角空格");
  }
  SUBCASE("not labels") {
    CHECK(describe("1.5亿元投入") == "none");
    CHECK(describe("2020.4.9") == "none");
    CHECK(describe("2020年工作") == "none");
    CHECK(describe("一是加强领导") == "none");
    CHECK(describe("一、") == "none");
    CHECK(describe("(a)英文") == "none");
    CHECK(describe("0.零号") == "none");
    CHECK(describe("1234.太长") == "none");
    CHECK(describe("") == "none");
  }
}
