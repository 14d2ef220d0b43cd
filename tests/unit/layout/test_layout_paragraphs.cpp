#include <planctl/layout/paragraphs.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace planctl::layout;
using Paragraphs = std::vector<std::string>;

TEST_CASE("layout::trim") {
  CHECK(trim("  文本 \t") == "文本");
  CHECK(trim("\u3000\u3000根据文件\u3000") == "根据文件");
  CHECK(trim("a b") == "a b");
  CHECK(trim("   ") == "");
  CHECK(trim("") == "");
}

TEST_CASE("layout::split_paragraphs") {
  SUBCASE("a single line break is removed without a space between Chinese characters") {
    CHECK(split_paragraphs("深入学习贯彻\n习近平总书记") == Paragraphs{"深入学习贯彻习近平总书记"});
  }
  SUBCASE("a Chinese character on either side is enough for no space") {
    CHECK(split_paragraphs("利用led\n电子屏") == Paragraphs{"利用led电子屏"});
    CHECK(split_paragraphs("宣传\nled") == Paragraphs{"宣传led"});
    CHECK(split_paragraphs("完成，\nOK") == Paragraphs{"完成，OK"});
  }
  SUBCASE("Latin on both sides joins with one space") {
    CHECK(split_paragraphs("Windows\n10") == Paragraphs{"Windows 10"});
    CHECK(split_paragraphs("word\n  next  ") == Paragraphs{"word next"});
  }
  SUBCASE("a blank line starts a new paragraph") {
    CHECK(split_paragraphs("第一段\n\n第二段\n续") == Paragraphs{"第一段", "第二段续"});
    CHECK(split_paragraphs("第一段\n \t\u3000\n\n\n第二段") == Paragraphs{"第一段", "第二段"});
  }
  SUBCASE("CRLF and CR are line breaks") {
    CHECK(split_paragraphs("甲\r\n乙\r\r\n丙\r丁") == Paragraphs{"甲乙", "丙丁"});
  }
  SUBCASE("indentation typed by the author is trimmed") {
    CHECK(split_paragraphs("\u3000\u3000根据文件，\n  结合实际。\n") ==
          Paragraphs{"根据文件，结合实际。"});
  }
  SUBCASE("empty text has no paragraphs") {
    CHECK(split_paragraphs("").empty());
    CHECK(split_paragraphs("\n\n  \n").empty());
  }
}

TEST_CASE("layout::join_lines") {
  CHECK(join_lines("召开\n\n动员大会") == "召开动员大会");
  CHECK(join_lines("Step one\n\nstep two") == "Step one step two");
  CHECK(join_lines("  标题  ") == "标题");
  CHECK(join_lines("") == "");
}
