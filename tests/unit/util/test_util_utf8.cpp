#include <planctl/util/utf8.hpp>

#include <doctest/doctest.h>

using namespace planctl::util;

TEST_CASE("util::find_invalid_utf8") {
  CHECK(find_invalid_utf8("plain 中文") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xC4\xE3") == 2);   // GBK bytes for 你
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);     // overlong
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0); // surrogate
  CHECK(find_invalid_utf8("\xE4\xB8") == 0);     // truncated
}

TEST_CASE("util::count_code_points") {
  CHECK(count_code_points("a中b") == 3);
}

TEST_CASE("util::is_chinese_char") {
  CHECK(is_chinese_char(U'中'));
  CHECK(is_chinese_char(U'，'));
  CHECK_FALSE(is_chinese_char(U'a'));
  CHECK_FALSE(is_chinese_char(U','));
}
