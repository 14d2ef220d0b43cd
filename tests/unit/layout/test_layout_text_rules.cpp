#include <planctl/layout/text_rules.hpp>

#include <doctest/doctest.h>

#include "plan_builder.hpp"

using namespace planctl;
using namespace planctl::layout;
using namespace test_layout;
using Lines = std::vector<std::string>;

TEST_CASE("layout::TextRules::line") {
  CHECK(TextRules(LayoutOptions{}).line("召开动员大会,\n部署工作") == "召开动员大会，部署工作");
  CHECK(TextRules(LayoutOptions{true}).line("召开动员大会,\n部署工作") == "召开动员大会,部署工作");
}

TEST_CASE("layout::TextRules::paragraphs") {
  CHECK(TextRules(LayoutOptions{}).paragraphs("甲,乙\n丙\n\n丁:") == Lines{"甲，乙丙", "丁："});
  CHECK(TextRules(LayoutOptions{true}).paragraphs("甲,乙\n\n丁:") == Lines{"甲,乙", "丁:"});
}

TEST_CASE("layout::TextRules::body") {
  const TextRules rules(LayoutOptions{});
  SUBCASE("points join the last paragraph") {
    CHECK(rules.body(text("第一段。\n\n措施如下:"), texts({"学习", "实践;"})) ==
          Lines{"第一段。", "措施如下：一是学习。二是实践；"});
  }
  SUBCASE("points alone form one paragraph") {
    CHECK(rules.body(std::nullopt, texts({"利用手册\n宣传"})) == Lines{"一是利用手册宣传。"});
  }
  SUBCASE("neither text nor points") {
    CHECK(rules.body(std::nullopt, {}).empty());
  }
  SUBCASE("kept punctuation stays as written, points included") {
    CHECK(TextRules(LayoutOptions{true}).body(text("如下:"), texts({"学习,实践"})) ==
          Lines{"如下:一是学习,实践。"});
  }
}

TEST_CASE("layout::TextRules::heading") {
  const TextRules rules(LayoutOptions{});
  CHECK(rules.heading("总体要求。") == "总体要求");
  CHECK(rules.heading("明确主体责任,形成合力。\n") == "明确主体责任，形成合力");
  CHECK(rules.heading("工作目标?") == "工作目标？");
}
