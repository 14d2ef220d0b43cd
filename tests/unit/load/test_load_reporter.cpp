#include <planctl/load/reporter.hpp>

#include <doctest/doctest.h>

#include "load_test_util.hpp"

using namespace planctl;
using namespace planctl::load;
using planctl::load::test::render;

TEST_CASE("load::Reporter") {
  diag::DiagnosticList list;
  Reporter report("t.yaml", list, 2);
  for (int i = 1; i <= 5; ++i) {
    CHECK(report.capped("duplicate-key") == (i > 2));
    report.add(util::Mark{i, 1}, "duplicate-key", {{"key", "a"}, {"line", "1"}});
  }
  report.add(util::Mark{9, 1}, "merge-key");
  CHECK(report.error_count() == 6);
  report.finish();
  CHECK(render(list) ==
        "1:1: error: duplicate key \"a\" (first written on line 1); remove one of them "
        "[duplicate-key]\n"
        "2:1: error: duplicate key \"a\" (first written on line 1); remove one of them "
        "[duplicate-key]\n"
        "9:1: error: merge keys (<<) are not supported; write the keys out in full [merge-key]\n"
        "0:0: warning: 3 more findings of [duplicate-key] are not shown [too-many-findings]\n");
  CHECK(report.file() == "t.yaml");
}
