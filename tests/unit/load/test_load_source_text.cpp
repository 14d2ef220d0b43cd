#include <planctl/load/source_text.hpp>

#include <doctest/doctest.h>

#include <string>

#include "load_test_util.hpp"

using namespace planctl;
using namespace planctl::load;
using planctl::load::test::render;

namespace {

struct Checked {
  SourceText source;
  std::string findings;
};

Checked check(std::string_view bytes) {
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  Checked out;
  out.source = check_source(bytes, report);
  report.finish();
  out.findings = render(list);
  return out;
}

} // namespace

TEST_CASE("load::LineIndex") {
  const std::string text = "ab\r\n中文x\n\nlast";
  const LineIndex lines(text);
  SUBCASE("lines") {
    CHECK(lines.line_count() == 4);
    CHECK(lines.line_text(1) == "ab");
    CHECK(lines.line_text(2) == "中文x");
    CHECK(lines.line_text(3) == "");
    CHECK(lines.line_text(4) == "last");
    CHECK(lines.line_text(5) == "");
    CHECK(lines.line_start(2) == 4);
  }
  SUBCASE("columns count characters, not bytes") {
    CHECK(lines.mark_at(0) == util::Mark{1, 1});
    CHECK(lines.mark_at(4) == util::Mark{2, 1});
    CHECK(lines.mark_at(7) == util::Mark{2, 2});  // 文
    CHECK(lines.mark_at(10) == util::Mark{2, 3}); // x
    CHECK(lines.mark_at(2, 6) == util::Mark{2, 3});
    CHECK(lines.mark_at(1000) == util::Mark{4, 5});
  }
  SUBCASE("out of order requests give the same answers") {
    CHECK(lines.mark_at(10) == util::Mark{2, 3});
    CHECK(lines.mark_at(4) == util::Mark{2, 1});
    CHECK(lines.mark_at(10) == util::Mark{2, 3});
  }
}

TEST_CASE("load::looks_like_gb18030") {
  CHECK(looks_like_gb18030("\xd6\xd0\xce\xc4: 1\n")); // 中文 in GBK
  CHECK(looks_like_gb18030("a\x81\x30\x81\x30"));     // a four-byte sequence
  CHECK_FALSE(looks_like_gb18030("ascii only"));
  CHECK_FALSE(looks_like_gb18030("\xd6")); // cut short
  CHECK_FALSE(looks_like_gb18030("\xff\xfe"));
  CHECK_FALSE(looks_like_gb18030("\xd6\x20")); // a space cannot be a trail byte
}

TEST_CASE("load::check_source") {
  SUBCASE("valid UTF-8 with a byte-order mark and CRLF passes, without the mark") {
    const Checked c = check("\xEF\xBB\xBFversion: 1\r\nschool: 中\r\n");
    CHECK(c.findings == "");
    CHECK(c.source.parseable);
    CHECK(c.source.text == "version: 1\r\nschool: 中\r\n");
  }
  SUBCASE("limit-size") {
    const std::string big(k_max_file_bytes + 1, 'a');
    const Checked c = check(big);
    CHECK(c.findings == "0:0: error: the file is 16.0 MiB; planctl reads files of at most 16 "
                        "MiB: split it or remove what is not needed [limit-size]\n");
    CHECK_FALSE(c.source.parseable);
    CHECK(check(std::string(k_max_file_bytes, 'a')).findings == "");
  }
  SUBCASE("encoding: GB18030 names the first bad line and says to save as UTF-8") {
    const Checked c = check("a: 1\nb: \xd6\xd0\xce\xc4\n");
    CHECK(c.findings == "2:4: error: line 2 is not UTF-8: the file looks like GB18030/GBK, the "
                        "usual Chinese Windows encoding; save it as UTF-8 [encoding]\n");
    CHECK_FALSE(c.source.parseable);
  }
  SUBCASE("encoding: other invalid bytes") {
    const Checked c = check("中: 1\nb: \xff\xff\n");
    CHECK(c.findings ==
          "2:4: error: line 2 is not valid UTF-8; save the file as UTF-8 [encoding]\n");
  }
  SUBCASE("encoding: UTF-16") {
    CHECK(check("\xff\xfev\0e\0").findings ==
          "1:1: error: the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8 [encoding]\n");
    CHECK(check(std::string("v\0e\0r\0", 6)).findings ==
          "1:1: error: the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8 [encoding]\n");
  }
  SUBCASE("encoding: a lone carriage return") {
    const Checked c = check("a: 1\r\nb: 2\rc: 3\n");
    CHECK(c.findings == "2:5: error: line 2 ends with a carriage return alone (an old Mac line "
                        "end); save the file with LF or CRLF line ends [encoding]\n");
    CHECK_FALSE(c.source.parseable);
  }
  SUBCASE("control-char: each one at its position, blanked so parsing can go on") {
    const Checked c = check(std::string("a: x\x01y\nb: \x7f\n# \x00\n", 16));
    CHECK(c.findings ==
          "1:5: error: control character U+0001 in the file; remove it [control-char]\n"
          "2:4: error: control character U+007F in the file; remove it [control-char]\n"
          "3:3: error: control character U+0000 in the file; remove it [control-char]\n");
    CHECK(c.source.parseable);
    CHECK(c.source.text == std::string("a: x y\nb:  \n#  \n"));
  }
  SUBCASE("tab-indent: tabs in the indentation, outside block texts") {
    const Checked c = check("a:\n\tb: 1\nc:\n  \t- d\n");
    CHECK(c.findings ==
          "2:1: error: a tab is used for indentation; indent with spaces [tab-indent]\n"
          "4:3: error: a tab is used for indentation; indent with spaces [tab-indent]\n");
    CHECK_FALSE(c.source.parseable);
  }
  SUBCASE(
      "tab-indent: a tab after the indentation of a | block is text; tabs after values are fine") {
    CHECK(check("text: |\n  line\n   \tindented text\nb:\tc\n- x\t# c\n").findings == "");
    CHECK(check("a:\n  - |\n    x\n    \ty\nb: 1\n").findings == "");
    CHECK(check("a: >-\n  x\n\tb: 1\n").findings ==
          "3:1: error: a tab is used for indentation; indent with spaces [tab-indent]\n");
  }
  SUBCASE("tab-indent: blank and comment lines are not indentation") {
    CHECK(check("a: 1\n\t\n\t# note\n").findings == "");
  }
  SUBCASE("control characters in a huge file are capped, and fast") {
    const double start = test::cpu_seconds();
    const Checked c = check(std::string(1 << 20, '\x01'));
    CHECK(test::cpu_seconds() - start < test::time_limit(0.5));
    CHECK(c.findings.ends_with("0:0: warning: 1048476 more findings of [control-char] are not "
                               "shown [too-many-findings]\n"));
  }
}
