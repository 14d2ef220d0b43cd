#include <planctl/util/spell.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace planctl::util;

TEST_CASE("util::edit_distance") {
  CHECK(edit_distance("due", "due") == 0);
  CHECK(edit_distance("deu", "due") == 1); // adjacent swap
  CHECK(edit_distance("titel", "title") == 1);
  CHECK(edit_distance("德育处", "德育室") == 1); // code points, not bytes
}

TEST_CASE("util::closest_match") {
  const std::vector<std::string> keys{"id", "title", "text", "due", "start", "lead"};
  CHECK(closest_match("deu", keys) == "due");
  CHECK(closest_match("titel", keys) == "title");
  CHECK(closest_match("zzzzzz", keys).empty());
}
