#include <planctl/util/json_writer.hpp>

#include <doctest/doctest.h>

using planctl::util::Json;
using planctl::util::json_quote;

TEST_CASE("util::json_quote") {
  CHECK(json_quote("平安二中") == "\"平安二中\"");
  CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_quote("\n\t\x01") == "\"\\n\\t\\u0001\"");
  SUBCASE("bytes that are not UTF-8 become U+FFFD") {
    CHECK(json_quote("a\xFF"
                     "b") == "\"a\xEF\xBF\xBD"
                             "b\"");
    // GBK 平安 is C6 BD B0 B2: C6 BD happens to be UTF-8 (U+01BD), B0 and B2 are not.
    CHECK(json_quote("\xC6\xBD\xB0\xB2.yaml") == "\"\u01BD\xEF\xBF\xBD\xEF\xBF\xBD.yaml\"");
  }
}

TEST_CASE("util::Json::object and array keep the order given") {
  const Json j = Json::object({{"version", 1},
                               {"strict", false},
                               {"files", Json::array({"a.yaml", nullptr})},
                               {"empty", Json::array()},
                               {"none", Json::object()}});
  CHECK(j.dump() == R"({"version":1,"strict":false,"files":["a.yaml",null],"empty":[],"none":{}})");
  CHECK(j.dump(2) == "{\n  \"version\": 1,\n  \"strict\": false,\n  \"files\": [\n    \"a.yaml\",\n"
                     "    null\n  ],\n  \"empty\": [],\n  \"none\": {}\n}");
}

TEST_CASE("util::Json::operator[]") {
  Json j;
  j["b"] = 2;
  j["a"]["x"] = "y";
  j["b"] = 3; // replaced in its place
  CHECK(j.type() == Json::Type::object);
  CHECK(j.dump() == R"({"b":3,"a":{"x":"y"}})");
}
