#include <planctl/layout/code_points.hpp>

#include <doctest/doctest.h>

using namespace planctl::layout;

TEST_CASE("layout::first_code_point") {
  CHECK(first_code_point("中a") == U'中');
  CHECK(first_code_point("a中") == U'a');
  CHECK(first_code_point("") == 0);
  CHECK(first_code_point("\xff") == 0xFFFD);
}

TEST_CASE("layout::last_code_point") {
  CHECK(last_code_point("a中") == U'中');
  CHECK(last_code_point("中a") == U'a');
  CHECK(last_code_point("😀") == 0x1F600);
  CHECK(last_code_point("") == 0);
  CHECK(last_code_point("中\x80") == 0xFFFD);
}

TEST_CASE("layout::drop_last_code_point") {
  CHECK(drop_last_code_point("ab中") == "ab");
  CHECK(drop_last_code_point("中") == "");
  CHECK(drop_last_code_point("") == "");
  CHECK(drop_last_code_point("中\x80") == "中");
  CHECK(drop_last_code_point("\x80\x80") == "\x80");
}
