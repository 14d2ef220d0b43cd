#include <planctl/diag/format.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace planctl::diag;
using planctl::util::Mark;

namespace {

// A finding whose text is known exactly: the `internal-error` message says
// `internal error: {what}`.
Diagnostic finding(std::string file, int line, int column, Severity severity, std::string what) {
  Diagnostic d;
  d.file = std::move(file);
  d.mark = Mark{line, column};
  d.severity = severity;
  d.message_id = "internal-error";
  d.args = {{"what", std::move(what)}};
  return d;
}

FileResult result(std::string file, std::string source, std::vector<Diagnostic> items) {
  FileResult r;
  r.file = std::move(file);
  r.source = std::move(source);
  for (Diagnostic& d : items) {
    r.diagnostics.add(d.file, d.mark, d.message_id, d.args).severity = d.severity;
  }
  return r;
}

} // namespace

TEST_CASE("diag::file_fails") {
  SUBCASE("errors fail") {
    CHECK(file_fails(result("a", "", {finding("a", 1, 1, Severity::error, "x")}), false));
  }
  SUBCASE("warnings fail only under strict") {
    const FileResult r = result("a", "", {finding("a", 1, 1, Severity::warning, "x")});
    CHECK_FALSE(file_fails(r, false));
    CHECK(file_fails(r, true));
  }
  SUBCASE("an unreadable file fails even without findings") {
    FileResult r = result("a", "", {});
    r.unreadable = true;
    CHECK(file_fails(r, false));
  }
  SUBCASE("a clean file passes") {
    CHECK_FALSE(file_fails(result("a", "", {}), true));
  }
}

TEST_CASE("diag::count_results") {
  std::vector<FileResult> rs;
  rs.push_back(result(
      "a", "",
      {finding("a", 1, 1, Severity::error, "x"), finding("a", 2, 1, Severity::warning, "y")}));
  rs.push_back(result("b", "", {finding("b", 1, 1, Severity::warning, "z")}));
  rs.push_back(result("c", "", {}));
  rs.back().unreadable = true;
  const Counts c = count_results(rs, false);
  CHECK(c.files == 3);
  CHECK(c.errors == 1);
  CHECK(c.warnings == 2);
  CHECK(c.failed_files == 2);
  CHECK(c.unreadable == 1);
  CHECK(count_results(rs, true).failed_files == 3);
}

TEST_CASE("diag::display_width") {
  CHECK(display_width(U'a') == 1);
  CHECK(display_width(U'中') == 2);
  CHECK(display_width(U'，') == 2); // full-width comma
  CHECK(display_width(U'（') == 2);
  CHECK(display_width(U'　') == 2);     // ideographic space
  CHECK(display_width(U'\u0301') == 0); // combining acute
  CHECK(display_width(U'\u200B') == 0); // zero-width space
  CHECK(display_width(U'é') == 1);
  CHECK(display_width(U'\U00020000') == 2); // CJK extension B
  CHECK(display_width(U'가') == 2);
}

TEST_CASE("diag::printable") {
  CHECK(printable("plain 中文") == "plain 中文");
  CHECK(printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(printable("esc\x1b[31m") == "esc\\x1B[31m");
  CHECK(printable("del\x7f") == "del\\x7F");
  CHECK(printable("gbk\xC4\xE3") == "gbk\\xC4\\xE3");
  CHECK(printable("c1\xC2\x85") == "c1\\u0085");
}

TEST_CASE("diag::source_excerpt") {
  SUBCASE("ASCII line") {
    CHECK(source_excerpt("version: 1\nplan:\n  deu: 2020\n", Mark{3, 3}) == "   3 |   deu: 2020\n"
                                                                            "     |   ^\n");
  }
  SUBCASE("CJK characters before the column take two cells each") {
    CHECK(source_excerpt("title: 学校工作, x\n", Mark{1, 13}) == "   1 | title: 学校工作, x\n"
                                                                 "     | " +
                                                                     std::string(7 + 8 + 1, ' ') +
                                                                     "^\n");
  }
  SUBCASE("full-width punctuation is wide too") {
    CHECK(source_excerpt("a: 一、（二）b\n", Mark{1, 9}) == "   1 | a: 一、（二）b\n"
                                                            "     | " +
                                                                std::string(3 + 5 * 2, ' ') +
                                                                "^\n");
  }
  SUBCASE("tabs are repeated so the caret lines up") {
    CHECK(source_excerpt("\tdue: 1\n", Mark{1, 2}) == "   1 | \tdue: 1\n"
                                                      "     | \t^\n");
  }
  SUBCASE("CRLF line ends and a byte-order mark are not shown or counted") {
    CHECK(source_excerpt("\xEF\xBB\xBFversion: 2\r\nx: 1\r\n", Mark{1, 10}) ==
          "   1 | version: 2\n"
          "     | " +
              std::string(9, ' ') + "^\n");
  }
  SUBCASE("control characters are shown as one replacement cell") {
    CHECK(source_excerpt("a: \x1b[31mred\n", Mark{1, 5}) == "   1 | a: \xEF\xBF\xBD[31mred\n"
                                                            "     |     ^\n");
  }
  SUBCASE("a column past the end puts the caret after the last character") {
    CHECK(source_excerpt("ab\n", Mark{1, 9}) == "   1 | ab\n"
                                                "     |   ^\n");
  }
  SUBCASE("the empty line after a final newline exists; lines beyond do not") {
    CHECK(source_excerpt("a: 1\n", Mark{2, 1}) == "   2 | \n"
                                                  "     | ^\n");
    CHECK(source_excerpt("a: 1\n", Mark{3, 1}).empty());
    CHECK(source_excerpt("a: 1\n", Mark{0, 0}).empty());
  }
  SUBCASE("a long line is shown as a window around the column") {
    const std::string line = std::string(300, 'x') + "Y" + std::string(300, 'z');
    const std::string out = source_excerpt(line, Mark{1, 301});
    const std::string expected_text =
        "..." + std::string(80, 'x') + "Y" + std::string(79, 'z') + "...";
    CHECK(out == "   1 | " + expected_text + "\n     | " + std::string(83, ' ') + "^\n");
  }
  SUBCASE("wide line numbers widen the gutter") {
    std::string src;
    for (int i = 0; i < 12345; ++i) {
      src += "x\n";
    }
    CHECK(source_excerpt(src, Mark{12345, 1}) == "12345 | x\n"
                                                 "      | ^\n");
  }
  SUBCASE("colour paints the caret") {
    CHECK(source_excerpt("ab\n", Mark{1, 2}, true) == "   1 | ab\n"
                                                      "     |  \x1b[1;32m^\x1b[0m\n");
  }
}

TEST_CASE("diag::format_text") {
  const Diagnostic d = finding("plan.yaml", 2, 7, Severity::error, "boom");
  SUBCASE("plain") {
    CHECK(format_text(d, "", TextStyle{}) ==
          "plan.yaml:2:7: error: internal error: boom [internal-error]\n");
  }
  SUBCASE("warning") {
    CHECK(format_text(finding("p.yaml", 1, 1, Severity::warning, "w"), "", TextStyle{}) ==
          "p.yaml:1:1: warning: internal error: w [internal-error]\n");
  }
  SUBCASE("whole-file finding has no position") {
    CHECK(format_text(finding("p.yaml", 0, 0, Severity::error, "x"), "", TextStyle{}) ==
          "p.yaml: error: internal error: x [internal-error]\n");
  }
  SUBCASE("Chinese") {
    CHECK(format_text(d, "", TextStyle{.lang = Lang::zh}) ==
          "plan.yaml:2:7: error: 内部错误：boom [internal-error]\n");
  }
  SUBCASE("line breaks and escapes in values stay on one line") {
    CHECK(format_text(finding("a\nb.yaml", 1, 1, Severity::error, "x\ny\x1b"), "", TextStyle{}) ==
          "a\\nb.yaml:1:1: error: internal error: x\\ny\\x1B [internal-error]\n");
  }
  SUBCASE("source line and caret") {
    CHECK(format_text(d, "a: 1\nb: 中文xy\n", TextStyle{.source = true}) ==
          "plan.yaml:2:7: error: internal error: boom [internal-error]\n"
          "   2 | b: 中文xy\n"
          "     | " +
              std::string(3 + 4 + 1, ' ') + "^\n");
  }
  SUBCASE("colour") {
    CHECK(format_text(d, "", TextStyle{.color = true}) ==
          "\x1b[1mplan.yaml:2:7:\x1b[0m \x1b[1;31merror:\x1b[0m internal error: boom "
          "[internal-error]\n");
  }
  SUBCASE("all files, with the source of each") {
    std::vector<FileResult> rs;
    rs.push_back(result("a.yaml", "x: 1\n", {finding("a.yaml", 1, 1, Severity::error, "1")}));
    rs.push_back(result("b.yaml", "y: 2\nz: 3\n",
                        {finding("b.yaml", 1, 4, Severity::warning, "2"),
                         finding("b.yaml", 2, 1, Severity::error, "3")}));
    CHECK(format_text(rs, TextStyle{.source = true}) ==
          "a.yaml:1:1: error: internal error: 1 [internal-error]\n"
          "   1 | x: 1\n"
          "     | ^\n"
          "b.yaml:1:4: warning: internal error: 2 [internal-error]\n"
          "   1 | y: 2\n"
          "     |    ^\n"
          "b.yaml:2:1: error: internal error: 3 [internal-error]\n"
          "   2 | z: 3\n"
          "     | ^\n");
  }
  SUBCASE("source lines stop after 64 KiB per file, the findings go on") {
    // 200 findings (the most listed) on lines of 400 wide characters, each with a note at the
    // anchor's line: 400 windows of 666 bytes would print 266 KB of source lines alone.
    std::string source;
    for (int line = 1; line <= 201; ++line) {
      for (int i = 0; i < 400; ++i) {
        source += "甲";
      }
      source += "\n";
    }
    std::vector<FileResult> rs(1);
    rs[0].file = "a.yaml";
    rs[0].source = source;
    for (int line = 2; line <= 201; ++line) {
      rs[0].diagnostics.add_alias_use("a.yaml", Mark{line, 150}, Mark{1, 150}, "&x");
      rs[0].diagnostics.add("a.yaml", Mark{line, 150}, "internal-error", {{"what", "v"}});
    }
    rs.push_back(result("b.yaml", "x: 1\n", {finding("b.yaml", 1, 1, Severity::error, "1")}));
    const std::string out = format_text(rs, TextStyle{.source = true});
    const std::string excerpt = source_excerpt(source, Mark{2, 150});
    const std::size_t windows = (64 * 1024 + excerpt.size() - 1) / excerpt.size();
    // "   2 | ...", 160 wide characters, "...", then the caret under the 81st (160 cells on).
    CHECK(excerpt.size() == 7 + 3 + 160 * 3 + 3 + 1 + 7 + 3 + 160 + 2);
    // Every finding and note is listed; the source lines stop at the first past 64 KiB.
    CHECK(std::count(out.begin(), out.end(), '\n') == 2 * 200 + 2 * windows + 3);
    const std::string last = "a.yaml:201:150: error: internal error: v [internal-error]\n"
                             "a.yaml:1:150: note: the value comes from the anchor &x here\n"
                             "b.yaml:1:1: error: internal error: 1 [internal-error]\n"
                             "   1 | x: 1\n"
                             "     | ^\n";
    CHECK(out.ends_with(last));
    CHECK(out.size() < k_findings_bytes);
  }
}

TEST_CASE("diag::format_summary") {
  SUBCASE("clean") {
    CHECK(format_summary(Counts{.files = 1}, false) == "1 file checked: no problems found\n");
    CHECK(format_summary(Counts{.files = 3}, false, Lang::zh) == "已检查 3 个文件：没有发现问题\n");
  }
  SUBCASE("findings") {
    const Counts c{.files = 3, .failed_files = 2, .errors = 2, .warnings = 1};
    CHECK(format_summary(c, false) == "3 files checked: 2 errors, 1 warning (2 files fail)\n");
    CHECK(format_summary(c, false, Lang::zh) ==
          "已检查 3 个文件：2 个错误，1 个警告（2 个文件未通过）\n");
  }
  SUBCASE("warnings only") {
    const Counts c{.files = 2, .warnings = 2};
    CHECK(format_summary(c, false) == "2 files checked: 0 errors, 2 warnings\n");
  }
  SUBCASE("unreadable and internal errors") {
    const Counts c{
        .files = 2, .failed_files = 2, .errors = 2, .unreadable = 1, .internal_errors = 1};
    CHECK(format_summary(c, false) ==
          "2 files checked: 2 errors, 0 warnings (2 files fail, 1 could not be read, planctl "
          "failed on 1)\n");
    CHECK(format_summary(c, false, Lang::zh) ==
          "已检查 2 个文件：2 个错误，0 个警告（2 个文件未通过，1 个文件无法读取，planctl "
          "处理 1 个文件时出现内部错误）\n");
  }
}

TEST_CASE("diag::escape_github_message") {
  CHECK(escape_github_message("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
  CHECK(escape_github_message("%0A") == "%250A");
}

TEST_CASE("diag::escape_github_property") {
  CHECK(escape_github_property("C:\\plans\\a,b%.yaml\n") == "C%3A\\plans\\a%2Cb%25.yaml%0A");
  CHECK(escape_github_property("学校.yaml") == "学校.yaml");
}

TEST_CASE("diag::format_github") {
  SUBCASE("one annotation per finding, whole-file findings without a position") {
    std::vector<FileResult> rs;
    rs.push_back(result("dir/a,b.yaml", "",
                        {finding("dir/a,b.yaml", 3, 5, Severity::error, "50%: x\ny"),
                         finding("dir/a,b.yaml", 0, 0, Severity::warning, "w")}));
    CHECK(format_github(rs) ==
          "::error file=dir/a%2Cb.yaml,line=3,col=5,title=internal-error::internal error: 50%25: "
          "x\\ny\n"
          "::warning file=dir/a%2Cb.yaml,title=internal-error::internal error: w\n");
  }
  SUBCASE("at most `limit` errors and `limit` warnings, then a notice") {
    std::vector<Diagnostic> items;
    for (int i = 1; i <= 4; ++i) {
      items.push_back(finding("a.yaml", i, 1, Severity::error, "e"));
    }
    items.push_back(finding("a.yaml", 10, 1, Severity::warning, "w"));
    std::vector<FileResult> rs;
    rs.push_back(result("a.yaml", "", items));
    rs.push_back(result("b.yaml", "", {finding("b.yaml", 1, 1, Severity::error, "e")}));
    CHECK(format_github(rs, Lang::en, 2) ==
          "::error file=a.yaml,line=1,col=1,title=internal-error::internal error: e\n"
          "::error file=a.yaml,line=2,col=1,title=internal-error::internal error: e\n"
          "::warning file=a.yaml,line=10,col=1,title=internal-error::internal error: w\n"
          "::notice::+3 more findings not annotated (GitHub shows at most 2 errors and 2 "
          "warnings per step); see the full log\n");
  }
  SUBCASE("nothing to annotate") {
    CHECK(format_github({}).empty());
  }
}

TEST_CASE("diag::format_json") {
  std::vector<FileResult> rs;
  rs.push_back(result("a.yaml", "",
                      {finding("a.yaml", 2, 3, Severity::error, "x"),
                       finding("a.yaml", 0, 0, Severity::warning, "y")}));
  rs.push_back(result("b.yaml", "", {}));
  rs.push_back(result("gbk\xC4.yaml", "", {}));
  rs.back().unreadable = true;
  SUBCASE("exact text") {
    CHECK(format_json(std::span(rs).first(2), false) == R"({
  "version": 1,
  "strict": false,
  "files": [
    {
      "file": "a.yaml",
      "status": "invalid",
      "errors": 1,
      "warnings": 1,
      "diagnostics": [
        {
          "file": "a.yaml",
          "line": 2,
          "column": 3,
          "severity": "error",
          "rule": "internal-error",
          "message": "internal error: x"
        },
        {
          "file": "a.yaml",
          "line": 0,
          "column": 0,
          "severity": "warning",
          "rule": "internal-error",
          "message": "internal error: y"
        }
      ]
    },
    {
      "file": "b.yaml",
      "status": "valid",
      "errors": 0,
      "warnings": 0,
      "diagnostics": []
    }
  ],
  "summary": {
    "files": 2,
    "valid": 1,
    "invalid": 1,
    "unreadable": 0,
    "internal_errors": 0,
    "errors": 1,
    "warnings": 1
  }
}
)");
  }
  SUBCASE("bytes that are not UTF-8 are escaped as the text format does; the result parses") {
    const auto doc = nlohmann::json::parse(format_json(rs, true));
    CHECK(doc["files"][2]["file"] == "gbk\\xC4.yaml");
    CHECK(doc["files"][2]["status"] == "unreadable");
    CHECK(doc["strict"] == true);
    CHECK(doc["summary"]["unreadable"] == 1);
    CHECK(doc["summary"]["invalid"] == 2);
  }
}

TEST_CASE("diag::format_junit") {
  std::vector<FileResult> rs;
  rs.push_back(result("a&b.yaml", "", {finding("a&b.yaml", 2, 3, Severity::error, "<x> \"q\"")}));
  rs.push_back(result("b.yaml", "", {finding("b.yaml", 1, 1, Severity::warning, "w\x01")}));
  rs.push_back(result("c.yaml", "", {}));
  rs.push_back(result("d.yaml", "", {finding("d.yaml", 0, 0, Severity::error, "cannot read")}));
  rs.back().unreadable = true;
  SUBCASE("one suite and one case per file; failures, errors and passing warnings") {
    CHECK(format_junit(rs, false) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<testsuites name=\"planctl validate\" tests=\"4\" failures=\"1\" errors=\"1\">\n"
          "  <testsuite name=\"a&amp;b.yaml\" tests=\"1\" failures=\"1\" errors=\"0\" "
          "skipped=\"0\">\n"
          "    <testcase name=\"a&amp;b.yaml\" classname=\"planctl.validate\">\n"
          "      <failure message=\"1 error, 0 warnings\" type=\"error\">a&amp;b.yaml:2:3: error: "
          "internal error: &lt;x&gt; &quot;q&quot; [internal-error]\n"
          "</failure>\n"
          "    </testcase>\n"
          "  </testsuite>\n"
          "  <testsuite name=\"b.yaml\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
          "    <testcase name=\"b.yaml\" classname=\"planctl.validate\">\n"
          "      <system-out>b.yaml:1:1: warning: internal error: w\\x01 [internal-error]\n"
          "</system-out>\n"
          "    </testcase>\n"
          "  </testsuite>\n"
          "  <testsuite name=\"c.yaml\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
          "    <testcase name=\"c.yaml\" classname=\"planctl.validate\"/>\n"
          "  </testsuite>\n"
          "  <testsuite name=\"d.yaml\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
          "    <testcase name=\"d.yaml\" classname=\"planctl.validate\">\n"
          "      <error message=\"1 error, 0 warnings\" type=\"unreadable\">d.yaml: error: "
          "internal error: cannot read [internal-error]\n"
          "</error>\n"
          "    </testcase>\n"
          "  </testsuite>\n"
          "</testsuites>\n");
  }
  SUBCASE("strict turns a warning into a failure") {
    const std::string out = format_junit(std::span(rs).subspan(1, 1), true);
    CHECK(out.find("<failure message=\"0 errors, 1 warning\" type=\"warning\">") !=
          std::string::npos);
    CHECK(out.find("failures=\"1\" errors=\"0\">") != std::string::npos);
  }
  SUBCASE("control characters and bytes that are not UTF-8 in names are escaped as in text") {
    std::vector<FileResult> bad;
    bad.push_back(result("x\x02\xC4.yaml", "", {}));
    CHECK(format_junit(bad, false).find("name=\"x\\x02\\xC4.yaml\"") != std::string::npos);
  }
}

TEST_CASE("diag::DiagnosticList::add_alias_use") {
  // A finding at an alias carries a note at its anchor, in every format.
  FileResult r;
  r.file = "p.yaml";
  r.source = "a: &x 文本\nb: *x\n";
  r.diagnostics.add_alias_use("p.yaml", Mark{2, 4}, Mark{1, 4}, "&x");
  r.diagnostics.add("p.yaml", Mark{2, 4}, "internal-error", {{"what", "v"}});
  r.diagnostics.add("p.yaml", Mark{1, 1}, "internal-error", {{"what", "w"}});
  r.diagnostics.add("q.yaml", Mark{2, 4}, "internal-error", {{"what", "other file"}});
  REQUIRE(r.diagnostics.items().size() == 3);
  CHECK(r.diagnostics.items()[1].notes.empty());
  CHECK(r.diagnostics.items()[2].notes.empty());
  const std::vector<FileResult> rs{r};
  SUBCASE("text, with the source of both places") {
    CHECK(format_text(r.diagnostics.items()[0], r.source, TextStyle{.source = true}) ==
          "p.yaml:2:4: error: internal error: v [internal-error]\n"
          "   2 | b: *x\n"
          "     |    ^\n"
          "p.yaml:1:4: note: the value comes from the anchor &x here\n"
          "   1 | a: &x 文本\n"
          "     |    ^\n");
    CHECK(format_text(rs, TextStyle{.lang = Lang::zh})
              .starts_with("p.yaml:2:4: error: 内部错误：v [internal-error]\n"
                           "p.yaml:1:4: note: 该值来自此处的锚点 &x\n"
                           "p.yaml:1:1: error:"));
  }
  SUBCASE("JSON: a notes key only where there are notes") {
    const auto json = nlohmann::json::parse(format_json(rs, false));
    const auto& items = json["files"][0]["diagnostics"];
    CHECK(
        items[0]["notes"] ==
        nlohmann::json::parse(
            R"([{"line": 1, "column": 4, "message": "the value comes from the anchor &x here"}])"));
    CHECK_FALSE(items[1].contains("notes"));
  }
  SUBCASE("GitHub: the note on a line of the message") {
    CHECK(format_github(rs).starts_with(
        "::error file=p.yaml,line=2,col=4,title=internal-error::internal error: v%0Ap.yaml:1:4: "
        "the value comes from the anchor &x here\n"));
  }
}
