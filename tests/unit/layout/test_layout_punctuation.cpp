#include <planctl/layout/punctuation.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace planctl::layout;

TEST_CASE("layout::normalize_punctuation") {
  SUBCASE("marks next to a Chinese character become full-width") {
    CHECK(normalize_punctuation("根据文件,结合实际,现安排如下:") ==
          "根据文件，结合实际，现安排如下：");
    CHECK(normalize_punctuation("一是学习;二是实践") == "一是学习；二是实践");
    CHECK(normalize_punctuation("真的吗?好!") == "真的吗？好！");
  }
  SUBCASE("a mark touching Chinese on one side only is converted") {
    CHECK(normalize_punctuation("利用APP,提高效率") == "利用APP，提高效率");
    CHECK(normalize_punctuation("完成,OK") == "完成，OK");
    CHECK(normalize_punctuation("电话:13800000000") == "电话：13800000000");
  }
  SUBCASE("bracketed numbers and Chinese in brackets") {
    CHECK(normalize_punctuation("(一)明确主体责任") == "（一）明确主体责任");
    CHECK(normalize_punctuation("详见第三部分(一)所述") == "详见第三部分（一）所述");
    CHECK(normalize_punctuation("学习(Python)") == "学习（Python）");
    CHECK(normalize_punctuation("Windows(x64)版本") == "Windows（x64）版本");
  }
  SUBCASE("a run of marks converts together") {
    CHECK(normalize_punctuation("好!!") == "好！！");
    CHECK(normalize_punctuation("A?!好") == "A？！好");
    CHECK(normalize_punctuation("见附件(1):") == "见附件（1）：");
  }
  SUBCASE("times, numbers and Latin text are never touched") {
    CHECK(normalize_punctuation("上午8:30在报告厅") == "上午8:30在报告厅");
    CHECK(normalize_punctuation("投入1,000元") == "投入1,000元");
    CHECK(normalize_punctuation("A,B") == "A,B");
    CHECK(normalize_punctuation("f(x) = a;b") == "f(x) = a;b");
    CHECK(normalize_punctuation("Hello, world!") == "Hello, world!");
    CHECK(normalize_punctuation("http://example.com/?a=1") == "http://example.com/?a=1");
    CHECK(normalize_punctuation("时间:8:30") == "时间：8:30");
  }
  SUBCASE("marks separated from Chinese by a space stay as written") {
    CHECK(normalize_punctuation("Windows 10: 安装") == "Windows 10: 安装");
    CHECK(normalize_punctuation("升级到 Windows 10:") == "升级到 Windows 10:");
    CHECK(normalize_punctuation("学习 (Python) 课程") == "学习 (Python) 课程");
  }
  SUBCASE("a colon ending a Latin run before Chinese is Chinese punctuation") {
    CHECK(normalize_punctuation("Windows 10:安装") == "Windows 10：安装");
  }
  SUBCASE("full-width marks and other ASCII marks are left alone") {
    CHECK(normalize_punctuation("一、总体要求。") == "一、总体要求。");
    CHECK(normalize_punctuation("1.校内外") == "1.校内外");
    CHECK(normalize_punctuation("第一...第二") == "第一...第二");
    CHECK(normalize_punctuation("“四个扎扎实实”,树立") == "“四个扎扎实实”，树立");
  }
  SUBCASE("unbalanced and nested brackets") {
    CHECK(normalize_punctuation("注)说明") == "注）说明");
    CHECK(normalize_punctuation("(a(中)b)") == "(a（中）b)");
    CHECK(normalize_punctuation("((((") == "((((");
  }
  SUBCASE("empty text and ill-formed bytes") {
    CHECK(normalize_punctuation("") == "");
    CHECK(normalize_punctuation("\xff,中") == "\xff，中");
    CHECK(normalize_punctuation("中,\xc3") == "中，\xc3");
  }
}

TEST_CASE("layout::ends_in_terminal_punctuation") {
  CHECK(ends_in_terminal_punctuation("完成。"));
  CHECK(ends_in_terminal_punctuation("完成！"));
  CHECK(ends_in_terminal_punctuation("完成？"));
  CHECK(ends_in_terminal_punctuation("完成；"));
  CHECK(ends_in_terminal_punctuation("等等……"));
  CHECK(ends_in_terminal_punctuation("Done!"));
  CHECK(ends_in_terminal_punctuation("完成。  "));
  CHECK(ends_in_terminal_punctuation("他说：“完成了。”"));
  CHECK_FALSE(ends_in_terminal_punctuation("完成"));
  CHECK_FALSE(ends_in_terminal_punctuation("完成，"));
  CHECK_FALSE(ends_in_terminal_punctuation("开展“学雷锋”"));
  CHECK_FALSE(ends_in_terminal_punctuation("版本2.0."));
  CHECK_FALSE(ends_in_terminal_punctuation(""));
  CHECK_FALSE(ends_in_terminal_punctuation("”"));
}

TEST_CASE("layout::run_in_title_end") {
  CHECK(run_in_title_end("校内外营造浓厚的宣传氛围") == "。");
  CHECK(run_in_title_end("如何提高质量？") == "");
  CHECK(run_in_title_end("主要措施：") == "");
  CHECK(run_in_title_end("Main steps:") == "");
  CHECK(run_in_title_end("开展“学雷锋”活动") == "。");
  CHECK(run_in_title_end("坚持不懈。") == "");
}

TEST_CASE("layout::strip_closing_full_stop") {
  CHECK(strip_closing_full_stop("总体要求。") == "总体要求");
  CHECK(strip_closing_full_stop("总体要求。。 ") == "总体要求");
  CHECK(strip_closing_full_stop("总体要求") == "总体要求");
  CHECK(strip_closing_full_stop("做什么？") == "做什么？");
  CHECK(strip_closing_full_stop("。") == "");
}

TEST_CASE("layout::strip_closing_commas") {
  CHECK(strip_closing_commas("加强领导，") == "加强领导");
  CHECK(strip_closing_commas("加强领导、, ") == "加强领导");
  CHECK(strip_closing_commas("加强领导") == "加强领导");
  CHECK(strip_closing_commas("，") == "");
}

TEST_CASE("layout::close_sentence") {
  CHECK(close_sentence("加强领导") == "加强领导。");
  CHECK(close_sentence("加强领导，") == "加强领导。");
  CHECK(close_sentence("加强领导。") == "加强领导。");
  CHECK(close_sentence("真的吗？") == "真的吗？");
  CHECK(close_sentence("他说：“好。”") == "他说：“好。”");
  CHECK(close_sentence("") == "");
}

TEST_CASE("layout::normalize_punctuation properties") {
  // Random texts over the characters that matter: the rule's invariants must hold for all.
  const std::vector<std::string> alphabet{"a", "1", "中", "，", " ", ",", ";",   ":",
                                          "(", ")", "?",  "!",  ".", "“", "\xff"};
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::uint32_t length = next() % 24;
    for (std::uint32_t i = 0; i < length; ++i) {
      text += alphabet[next() % alphabet.size()];
    }
    INFO(text);
    const std::string once = normalize_punctuation(text);
    // Idempotent: converted marks never create new Chinese neighbours for other marks.
    CHECK(normalize_punctuation(once) == once);
    // No ASCII mark is left touching a Chinese character.
    for (std::size_t i = 0; i < once.size(); ++i) {
      if (std::string_view(",;:()?!").find(once[i]) == std::string_view::npos) {
        continue;
      }
      CHECK_FALSE((i >= 3 && once.compare(i - 3, 3, "中") == 0));
      CHECK_FALSE(once.compare(i + 1, 3, "中") == 0);
    }
    // A mark between two digits is never touched.
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i - 1] == '1' && text[i + 1] == '1' && (text[i] == ',' || text[i] == ':')) {
        CHECK(once.find(text.substr(i - 1, 3)) != std::string::npos);
      }
    }
  }
}
