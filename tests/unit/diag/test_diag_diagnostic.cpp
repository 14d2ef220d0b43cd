#include <planctl/diag/diagnostic.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace planctl::diag;
using planctl::util::Mark;

TEST_CASE("diag::cut_value") {
  SUBCASE("a short value is kept") {
    CHECK(cut_value("德育处") == "德育处");
    CHECK(cut_value("abc", 3) == "abc");
  }
  SUBCASE("a long value is cut at a character and ends in …") {
    CHECK(cut_value("甲乙丙丁", 2) == "甲乙…");
    CHECK(cut_value(std::string(10000, 'x')) == std::string(40, 'x') + "…");
  }
  SUBCASE("an ill-formed byte counts as one character") {
    CHECK(cut_value("\xFF\xFEzz", 2) == "\xFF\xFE…");
  }
}

TEST_CASE("diag::DiagnosticList::add") {
  DiagnosticList list;
  const std::string long_ref(10000, 'X');
  list.add("f.yaml", Mark{1, 1}, "unknown-person", {{"ref", long_ref}, {"key", "owner"}});
  CHECK(list.items()[0].args[0].second == std::string(40, 'X') + "…");
  CHECK(list.items()[0].text() == "unknown person \"" + std::string(40, 'X') +
                                      "…\" in \"owner\": use the id or the exact name of an "
                                      "entry in \"people\"");
  // A list planctl writes itself keeps more.
  list.add("f.yaml", Mark{2, 1}, "unknown-key", {{"key", "k"}, {"known", std::string(300, 'k')}});
  CHECK(list.items()[1].args[1].second == std::string(240, 'k') + "…");
}

TEST_CASE("diag::DiagnosticList::limit") {
  SUBCASE("a short list is unchanged") {
    DiagnosticList list;
    list.add("f.yaml", Mark{1, 1}, "duplicate-reference",
             {{"ref", "a"}, {"key", "owner"}, {"line", "1"}});
    list.limit(2);
    CHECK(list.items().size() == 1);
  }
  SUBCASE("the rest becomes one note") {
    DiagnosticList list;
    for (int i = 1; i <= 5; ++i) {
      list.add("f.yaml", Mark{i, 1}, "duplicate-reference",
               {{"ref", "a"}, {"key", "owner"}, {"line", "1"}});
    }
    list.limit(3);
    REQUIRE(list.items().size() == 4);
    CHECK(list.items()[3].message_id == "too-many-findings.file");
    CHECK(list.items()[3].text() == "2 more findings in this file are not shown");
    CHECK(list.warning_count() == 4);
  }
  SUBCASE("an error left out takes the last place, so the file still fails") {
    DiagnosticList list;
    list.add("f.yaml", Mark{1, 1}, "duplicate-reference",
             {{"ref", "a"}, {"key", "owner"}, {"line", "1"}});
    list.add("f.yaml", Mark{2, 1}, "duplicate-reference",
             {{"ref", "a"}, {"key", "owner"}, {"line", "1"}});
    list.add("f.yaml", Mark{3, 1}, "unknown-person", {{"ref", "b"}, {"key", "owner"}});
    list.limit(2);
    REQUIRE(list.items().size() == 3);
    CHECK(list.items()[1].message_id == "unknown-person");
    CHECK(list.has_errors());
  }
}
