#include <planctl/layout/points.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace planctl::layout;
using Lines = std::vector<std::string>;

TEST_CASE("layout::point_lead") {
  CHECK(point_lead(1) == "一是");
  CHECK(point_lead(2) == "二是");
  CHECK(point_lead(10) == "十是");
  CHECK(point_lead(11) == "十一是");
  CHECK(point_lead(20) == "二十是");
}

TEST_CASE("layout::word_points") {
  SUBCASE("each point gets its lead and a closing 。") {
    CHECK(word_points({"利用手册进行宣传", "在校园内大力宣传"}) ==
          "一是利用手册进行宣传。二是在校园内大力宣传。");
  }
  SUBCASE("a point that already ends in terminal punctuation keeps it") {
    CHECK(word_points({"加强领导。", "狠抓落实！", "确保实效？", "统一思想；", "等等……"}) ==
          "一是加强领导。二是狠抓落实！三是确保实效？四是统一思想；五是等等……");
  }
  SUBCASE("a point ending in a comma is closed with 。 instead") {
    CHECK(word_points({"加强领导，", "狠抓落实、"}) == "一是加强领导。二是狠抓落实。");
  }
  SUBCASE("eleven points count past ten") {
    const Lines points(11, "做");
    CHECK(word_points(points) == "一是做。二是做。三是做。四是做。五是做。六是做。七是做。八是做。"
                                 "九是做。十是做。十一是做。");
  }
  SUBCASE("empty points are skipped and not counted") {
    CHECK(word_points({"", "甲", "", "乙"}) == "一是甲。二是乙。");
    CHECK(word_points({}) == "");
  }
}

TEST_CASE("layout::append_points") {
  SUBCASE("appended to the end of the last paragraph") {
    Lines paragraphs{"第一段。", "主要措施如下："};
    append_points(paragraphs, {"甲", "乙"});
    CHECK(paragraphs == Lines{"第一段。", "主要措施如下：一是甲。二是乙。"});
  }
  SUBCASE("forming a paragraph when there is no text") {
    Lines paragraphs;
    append_points(paragraphs, {"甲"});
    CHECK(paragraphs == Lines{"一是甲。"});
  }
  SUBCASE("no points, no change") {
    Lines paragraphs{"正文。"};
    append_points(paragraphs, {"", ""});
    CHECK(paragraphs == Lines{"正文。"});
  }
}
