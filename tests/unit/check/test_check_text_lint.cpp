#include <planctl/check/text_lint.hpp>

#include <doctest/doctest.h>

using namespace planctl::check;

TEST_CASE("check::is_blank") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\r\n\u3000"));
  CHECK_FALSE(is_blank(" 无 "));
}

TEST_CASE("check::typed_number_prefix") {
  SUBCASE("the spec's examples") {
    CHECK(typed_number_prefix("一、指导思想") == "一、");
    CHECK(typed_number_prefix("(二)全力以赴") == "(二)");
    CHECK(typed_number_prefix("（二）全力以赴") == "（二）");
    CHECK(typed_number_prefix("3.校内外营造浓厚的宣传氛围") == "3.");
    CHECK(typed_number_prefix("3、宣传") == "3、");
    CHECK(typed_number_prefix("3．宣传") == "3．");
    CHECK(typed_number_prefix("3,宣传") == "3,");
  }
  SUBCASE("other common hand-typed labels") {
    CHECK(typed_number_prefix("十一、其他") == "十一、");
    CHECK(typed_number_prefix("（12）细则") == "（12）");
    CHECK(typed_number_prefix("(1）细则") == "(1）");
    CHECK(typed_number_prefix("3）宣传") == "3）");
    CHECK(typed_number_prefix("3，宣传") == "3，");
    CHECK(typed_number_prefix("１．宣传") == "１．");
    CHECK(typed_number_prefix("  2. 宣传") == "2.");
    CHECK(typed_number_prefix("\u3000一、指导思想") == "一、");
  }
  SUBCASE("numbers and words that are not labels") {
    CHECK(typed_number_prefix("3.5亿元投入") == "");
    CHECK(typed_number_prefix("1,000人参加") == "");
    CHECK(typed_number_prefix("2020年工作") == "");
    CHECK(typed_number_prefix("一是加强领导") == "");
    CHECK(typed_number_prefix("十分重要") == "");
    CHECK(typed_number_prefix("(注)说明") == "");
    CHECK(typed_number_prefix("()") == "");
    CHECK(typed_number_prefix("5G校园") == "");
    CHECK(typed_number_prefix("12") == "");
    CHECK(typed_number_prefix("") == "");
    CHECK(typed_number_prefix("（一") == "");
  }
  SUBCASE("ill-formed UTF-8 never matches or crashes") {
    CHECK(typed_number_prefix("\xff\xfe一、") == "");
    CHECK(typed_number_prefix("\xe4\xb8") == "");
  }
}

TEST_CASE("check::ends_in_full_stop") {
  CHECK(ends_in_full_stop("指导思想。"));
  CHECK(ends_in_full_stop("指导思想。 \u3000 "));
  CHECK(ends_in_full_stop("。"));
  CHECK_FALSE(ends_in_full_stop("指导思想"));
  CHECK_FALSE(ends_in_full_stop("指导思想."));
  CHECK_FALSE(ends_in_full_stop("指导思想！"));
  CHECK_FALSE(ends_in_full_stop(""));
}

TEST_CASE("check::find_ascii_punctuation") {
  auto mark_of = [](std::string_view text) {
    const auto found = find_ascii_punctuation(text);
    return found ? std::string(1, found->mark) + "@" + std::to_string(found->offset) + "=" +
                       found->full_width
                 : std::string("none");
  };
  SUBCASE("each mark next to a Chinese character") {
    CHECK(mark_of("你好,世界") == ",@6=，");
    CHECK(mark_of("注意;") == ";@6=；");
    CHECK(mark_of("时间:上午") == ":@6=：");
    CHECK(mark_of("校长(王子涛)") == "(@6=（");
    CHECK(mark_of("ABC)中") == ")@3=）");
    CHECK(mark_of("为什么?") == "?@9=？");
    CHECK(mark_of("好!") == "!@3=！");
  }
  SUBCASE("a run of marks counts when either end touches Chinese") {
    CHECK(mark_of("真的?!") == "?@6=？");
    CHECK(mark_of("f(x):完成") == ")@3=）");
  }
  SUBCASE("full-width punctuation counts as Chinese") {
    CHECK(mark_of("“好”,") == ",@9=，");
  }
  SUBCASE("times, numbers and Latin text are left alone") {
    CHECK(mark_of("上午8:30开会") == "none");
    CHECK(mark_of("共1,000人") == "none");
    CHECK(mark_of("使用 Word(2016) 和 f(x), A,B 版本") == "none");
    CHECK(mark_of("Hello, world!") == "none");
    CHECK(mark_of("中文 , 空格") == "none");
    CHECK(mark_of("") == "none");
  }
  SUBCASE("the first offending mark is reported") {
    CHECK(mark_of("8:30,开会,再议") == ",@4=，");
  }
  SUBCASE("ill-formed UTF-8 does not crash") {
    CHECK(mark_of("\xff,\xfe") == "none");
    CHECK(mark_of("中\xe4,") == "none");
  }
}
