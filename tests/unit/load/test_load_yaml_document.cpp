#include <planctl/load/yaml_document.hpp>

#include <doctest/doctest.h>

#include <string>

#include "load_test_util.hpp"

using namespace planctl;
using namespace planctl::load;
using planctl::load::test::render;

namespace {

struct Parsed {
  ParsedYaml yaml;
  std::string findings;
};

Parsed parse(std::string_view text, const YamlLimits& limits = {}) {
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  Parsed out;
  out.yaml = parse_yaml(text, report, limits);
  report.finish();
  list.sort();
  out.findings = render(list);
  return out;
}

double seconds_since(double start) {
  return test::cpu_seconds() - start;
}

} // namespace

TEST_CASE("load::is_core_null") {
  for (const char* s : {"", "~", "null", "Null", "NULL"}) {
    CHECK(is_core_null(s));
  }
  CHECK_FALSE(is_core_null("nULL"));
  CHECK_FALSE(is_core_null("none"));
}

TEST_CASE("load::starts_with_written_null") {
  SUBCASE("the word alone, before a comment or at the end of the line") {
    for (const char* s : {"~", "null", "Null\n", "NULL  # none\nx: 1", "null\r\n"}) {
      CHECK(starts_with_written_null(s, false));
      CHECK(starts_with_written_null(s, true));
    }
  }
  SUBCASE("the start of a longer text") {
    for (const char* s : {"nullx", "null x", "NULL\t1school:", "null#x", "null: 1"}) {
      CHECK_FALSE(starts_with_written_null(s, false));
    }
  }
  SUBCASE("a flow indicator ends it only in [ ] or { }") {
    for (const char* s : {"NULL, chool:", "null]", "~}"}) {
      CHECK(starts_with_written_null(s, true));
      CHECK_FALSE(starts_with_written_null(s, false));
    }
  }
}

TEST_CASE("load::YamlDocument an empty value before `NULL, x:` stays at its key") {
  // found by fuzz/fuzz_yaml_diff: yaml-cpp placed the empty value of `version:` on the next
  // line's key, read as a written null, where libyaml placed it at `version`.
  const std::string_view text = "version:\nNULL, chool: 1\n";
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  const ParsedYaml slow = parse_yaml_with_yaml_cpp(text, report);
  const Parsed fast = parse(text);
  for (const YamlDocument* doc : {&*slow.document, &*fast.yaml.document}) {
    const NodeId value = doc->children(doc->root())[1];
    CHECK(doc->node(value).kind == NodeKind::null);
    CHECK(doc->node(value).mark.line == 1);
    CHECK(doc->node(value).mark.column == 1);
    CHECK(doc->scalar(doc->children(doc->root())[2]) == "NULL, chool");
  }
}

TEST_CASE("load::YamlDocument") {
  const Parsed p = parse("a: 1\nlist: [x, 'y']\nmap: {k: v}\n");
  REQUIRE(p.yaml.document);
  const YamlDocument& doc = *p.yaml.document;
  const NodeId root = doc.root();
  CHECK(doc.node(root).kind == NodeKind::mapping);
  CHECK(doc.entry_count(root) == 3);
  CHECK(doc.children(root).size() == 6);
  SUBCASE("find and find_key") {
    const auto list = doc.find(root, "list");
    REQUIRE(list);
    CHECK(doc.node(*list).kind == NodeKind::sequence);
    CHECK(doc.entry_count(*list) == 2);
    CHECK(doc.scalar(doc.children(*list)[1]) == "y");
    const auto key = doc.find_key(root, "map");
    REQUIRE(key);
    CHECK(doc.scalar(*key) == "map");
    CHECK(doc.node(*key).mark == util::Mark{3, 1});
    CHECK_FALSE(doc.find(root, "missing"));
    CHECK_FALSE(doc.find(*list, "x")); // not a mapping
  }
  SUBCASE("scalar of a container is empty") {
    CHECK(doc.scalar(root).empty());
  }
}

TEST_CASE("load::parse_yaml") {
  SUBCASE("marks are 1-based lines and character columns") {
    const Parsed p = parse("标题: 中文 x\nlist:\n  - 第一\n  - \"第二\"\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    const NodeId title = *doc.find(doc.root(), "标题");
    CHECK(doc.node(title).mark == util::Mark{1, 5});
    CHECK(doc.scalar(title) == "中文 x");
    CHECK(doc.node(title).plain);
    const NodeId list = *doc.find(doc.root(), "list");
    CHECK(doc.node(list).mark == util::Mark{3, 3});
    const NodeId second = doc.children(list)[1];
    CHECK(doc.node(second).mark == util::Mark{4, 5});
    CHECK_FALSE(doc.node(second).plain);
  }
  SUBCASE("a byte-order mark is not parsed; CRLF lines count once") {
    const Parsed p = parse("a: 1\r\nb: 中\r\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    CHECK(doc.scalar(*doc.find(doc.root(), "b")) == "中");
    CHECK(doc.node(*doc.find(doc.root(), "b")).mark == util::Mark{2, 4});
  }
  SUBCASE("an empty value is null at its key; an empty list entry at its dash") {
    const Parsed p = parse("a:\n  b:\n  c: ~\nlist:\n  -\n  - x\n  -   # nothing\nz: {k: }\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    const NodeId a = *doc.find(doc.root(), "a");
    const NodeId b = *doc.find(a, "b");
    CHECK(doc.node(b).kind == NodeKind::null);
    CHECK(doc.node(b).mark == util::Mark{2, 3});
    CHECK(doc.node(*doc.find(a, "c")).mark == util::Mark{3, 6});
    const NodeId list = *doc.find(doc.root(), "list");
    REQUIRE(doc.children(list).size() == 3);
    CHECK(doc.node(doc.children(list)[0]).mark == util::Mark{5, 3});
    CHECK(doc.node(doc.children(list)[2]).mark == util::Mark{7, 3});
    const NodeId z = *doc.find(doc.root(), "z");
    CHECK(doc.node(*doc.find(z, "k")).mark == util::Mark{8, 5});
  }
  SUBCASE("aliases share the anchored node's children, at their own place") {
    const Parsed p = parse("a: &x {k: v}\nb: *x\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    CHECK(p.findings == "");
    const NodeId a = *doc.find(doc.root(), "a");
    const NodeId b = *doc.find(doc.root(), "b");
    CHECK(doc.node(b).mark == util::Mark{2, 4});
    CHECK(doc.children(a).data() == doc.children(b).data());
  }
  SUBCASE("duplicate-key: at the second, naming the first's line; the first is kept") {
    const Parsed p = parse("a: 1\nb: 2\na: 3\n");
    CHECK(p.findings == "3:1: error: duplicate key \"a\" (first written on line 1); remove one of "
                        "them [duplicate-key]\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    CHECK(doc.entry_count(doc.root()) == 2);
    CHECK(doc.scalar(*doc.find(doc.root(), "a")) == "1");
  }
  SUBCASE("duplicate-key in a large mapping") {
    std::string text;
    for (int i = 0; i < 50; ++i) {
      text += "k" + std::to_string(i) + ": 1\n";
    }
    text += "k7: 2\n";
    CHECK(parse(text).findings == "51:1: error: duplicate key \"k7\" (first written on line 8); "
                                  "remove one of them [duplicate-key]\n");
  }
  SUBCASE("merge-key") {
    const Parsed p = parse("a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n");
    CHECK(p.findings == "3:3: error: merge keys (<<) are not supported; write the keys out in "
                        "full [merge-key]\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    CHECK(doc.entry_count(*doc.find(doc.root(), "c")) == 1);
    CHECK(parse("\"<<\": 1\n").findings == ""); // a quoted key is just a key
  }
  SUBCASE("yaml-tag: core tags pass, others fail") {
    const Parsed p =
        parse("a: !!str 1\nb: !!int 2\nc: !!binary aGk=\nd: !local x\ne: !!map {x: 1}\n"
              "f: ! 12\n");
    CHECK(p.findings == "3:4: error: the tag !!binary is not supported; remove it [yaml-tag]\n"
                        "4:4: error: the tag !local is not supported; remove it [yaml-tag]\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    CHECK_FALSE(doc.node(*doc.find(doc.root(), "a")).plain); // !!str keeps a text a text
    CHECK(doc.node(*doc.find(doc.root(), "b")).plain);
    CHECK_FALSE(doc.node(*doc.find(doc.root(), "f")).plain);
  }
  SUBCASE("key-type") {
    CHECK(parse("? [a, b]\n: c\n: d\n").findings ==
          "1:3: error: a key must be a text, not a list or a mapping [key-type]\n"
          "3:1: error: a key is missing before this \":\" [key-type]\n");
  }
  SUBCASE("multiple-documents: the first document is kept") {
    const Parsed p = parse("a: 1\n---\nb: 2\n");
    CHECK(p.findings == "2:1: error: a second YAML document starts here; a plan file holds one "
                        "document: remove this \"---\" and what follows, or move it to its own "
                        "file [multiple-documents]\n");
    REQUIRE(p.yaml.document);
    CHECK(p.yaml.document->find(0, "a"));
  }
  SUBCASE("yaml-syntax.after-end: content after the top node without ---") {
    const Parsed p = parse("- a\nb: 1\n");
    CHECK(p.findings == "2:1: error: unexpected text after the end of the file's top level; check "
                        "the indentation of this line [yaml-syntax]\n");
    CHECK_FALSE(p.yaml.document);
  }
  SUBCASE("alias-cycle") {
    const Parsed p = parse("a: &x [1, *x]\n");
    CHECK(p.findings == "1:11: error: the alias *x refers to the node that contains it, which "
                        "would repeat forever; remove it [alias-cycle]\n");
    CHECK_FALSE(p.yaml.document);
  }
  SUBCASE("limit-aliases: counted without expanding, stopped at once") {
    std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
      bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int j = 0; j < 10; ++j) {
        bomb += (j ? ", *a" : "*a") + std::to_string(i - 1);
      }
      bomb += "]\n";
    }
    // a0..a3 reach 12,330 nodes through aliases; each *a3 adds 11,111, so the 8th on line 5
    // crosses 100,000.
    const double start = test::cpu_seconds();
    const Parsed p = parse(bomb);
    CHECK(seconds_since(start) < test::time_limit(0.5));
    CHECK(p.findings == "5:45: error: aliases expand to more than 100000 nodes by here; write the "
                        "values out or use fewer aliases [limit-aliases]\n");
    CHECK_FALSE(p.yaml.document);
  }
  SUBCASE("limit-aliases: exactly at the limit passes") {
    YamlLimits limits;
    limits.max_alias_nodes = 22; // two aliases of an 11-node list
    CHECK(parse("a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: *x\nc: *x\n", limits).findings == "");
    limits.max_alias_nodes = 21;
    CHECK(parse("a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: *x\nc: *x\n", limits).findings ==
          "3:4: error: aliases expand to more than 21 nodes by here; write the values out or use "
          "fewer aliases [limit-aliases]\n");
  }
  SUBCASE("limit-aliases.size: what aliases carry, counted without expanding") {
    YamlLimits limits;
    limits.alias_allowance = 0;
    // A 100-byte text and ten aliases: each carries 101 bytes (the text and its node).
    std::string text = "a: &x " + std::string(100, 'x') + "\nb: [";
    for (int i = 0; i < 10; ++i) {
      text += i ? ", *x" : "*x";
    }
    text += "]\n";             // 148 bytes
    limits.alias_multiple = 8; // 148 + 10 × 101 = 1,158 ≤ 8 × 148 = 1,184
    CHECK(parse(text, limits).findings == "");
    limits.alias_multiple = 7; // 1,036: the 9th alias (148 + 9 × 101 = 1,057) passes it
    const Parsed p = parse(text, limits);
    CHECK(p.findings ==
          "2:37: error: with its aliases written out the file would be larger than 1.0 KiB by "
          "here (*x repeats 0.1 KiB each time; aliases may make a file at most 7 times its size "
          "plus 1 MiB, and 16 MiB in all); write a long value once and use aliases for short "
          "ones such as an owner [limit-aliases]\n");
    CHECK_FALSE(p.yaml.document);
  }
  SUBCASE("limit-aliases.size: nested anchors carry what their aliases carry") {
    YamlLimits limits;
    limits.alias_allowance = 0;
    limits.alias_multiple = 10;
    // *l1 carries 1 + 4 × (1 + 1000) bytes: the file (1,073 bytes) and *l0 four times and *l1
    // once are 9,082, the second *l1 passes 10 × the file.
    std::string text = "l0: &l0 " + std::string(1000, 'y') + "\nl1: &l1 [*l0, *l0, *l0, *l0]\n";
    text += "l2: [*l1, *l1, *l1, *l1, *l1, *l1]\n";
    const double start = test::cpu_seconds();
    CHECK(parse(text, limits)
              .findings.starts_with("3:11: error: with its aliases written out the file would be "
                                    "larger than 10.5 KiB by "
                                    "here (*l1 repeats 3.9 KiB each time;"));
    CHECK(seconds_since(start) < test::time_limit(0.5));
  }
  SUBCASE("limit-aliases.size: at most 16 MiB however large the multiple") {
    YamlLimits limits;
    limits.alias_multiple = 1000;
    limits.max_expanded_bytes = 4096;
    // 1,027 bytes and three aliases of 1,001 are 4,030; the fourth passes 4,096.
    const std::string text = "a: &x " + std::string(1000, 'x') + "\nb: [*x, *x, *x, *x]\n";
    CHECK(parse(text, limits)
              .findings.starts_with("2:17: error: with its aliases written out the file would be "
                                    "larger than 4.0 KiB by here"));
  }
  SUBCASE("an alias is a node at its place, sharing the anchored text") {
    const Parsed p = parse("a: &x 文本\nb: *x\nc: &m {k: v}\nd: [*m]\n");
    REQUIRE(p.yaml.document);
    const YamlDocument& doc = *p.yaml.document;
    const NodeId b = *doc.find(doc.root(), "b");
    CHECK(doc.node(b).mark == util::Mark{2, 4});
    CHECK(doc.scalar(b) == "文本");
    CHECK(b != *doc.find(doc.root(), "a"));
    const NodeId m = doc.children(*doc.find(doc.root(), "d"))[0];
    CHECK(doc.node(m).kind == NodeKind::mapping);
    CHECK(doc.node(m).mark == util::Mark{4, 5});
    CHECK(doc.scalar(*doc.find(m, "k")) == "v");
  }
  SUBCASE("findings at an alias carry a note at the anchor") {
    diag::DiagnosticList list;
    Reporter report("t.yaml", list);
    const ParsedYaml y = parse_yaml("a: &x 文本\nb: *x\n", report);
    REQUIRE(y.document);
    const NodeId b = *y.document->find(y.document->root(), "b");
    report.add(y.document->node(b).mark, "limit-text", {{"count", "2"}, {"limit", "1"}});
    report.add(util::Mark{1, 1}, "limit-text", {{"count", "2"}, {"limit", "1"}});
    REQUIRE(list.items().size() == 2);
    const diag::Diagnostic& d = list.items()[0];
    CHECK(d.mark == util::Mark{2, 4});
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].mark == util::Mark{1, 4});
    CHECK(d.notes[0].text() == "the value comes from the anchor &x here");
    CHECK(d.notes[0].text(diag::Lang::zh) == "该值来自此处的锚点 &x");
    CHECK(list.items()[1].notes.empty());
  }
  SUBCASE("limit-text holds for a text that comes by alias") {
    YamlLimits limits;
    limits.max_text = 5;
    limits.max_long_text = 8;
    CHECK(parse("text: &x 六个汉字汉字\nt: *x\n", limits).findings ==
          "2:4: error: this text has 6 characters; at most 5 are allowed [limit-text]\n");
  }
  SUBCASE("limit-depth: 64 levels pass, the 65th fails") {
    const auto nested = [](int levels) {
      std::string s;
      for (int i = 1; i < levels; ++i) {
        s += std::string(static_cast<std::size_t>(i - 1) * 2, ' ') + "k:\n";
      }
      return s + std::string(static_cast<std::size_t>(levels - 1) * 2, ' ') + "k: v\n";
    };
    CHECK(parse(nested(64)).findings == "");
    CHECK(parse(nested(65)).findings == "65:129: error: nesting deeper than 64 levels; a plan file "
                                        "never needs that many [limit-depth]\n");
  }
  SUBCASE("limit-nodes: the last node within the limit passes, the next one fails at itself") {
    YamlLimits limits;
    limits.max_nodes = 7; // the mapping, a, the list, 1, 2, b, c
    CHECK(parse("a: [1, 2]\nb: c\n", limits).findings == "");
    CHECK(parse("a: [1, 2]\nb: c\nd: e\n", limits).findings ==
          "3:1: error: the file has more than 7 values, keys, lists and mappings; a school's plan "
          "needs a few thousand (keep each year's ledger in its own file) [limit-nodes]\n");
    CHECK(parse("a: [1, 2, 3]\nb: c\n", limits).findings ==
          "2:4: error: the file has more than 7 values, keys, lists and mappings; a school's "
          "plan needs a few thousand (keep each year's ledger in its own file) [limit-nodes]\n");
  }
  SUBCASE("limit-depth: 10,000 levels stop at the 65th, fast") {
    const std::string deep = "a: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    const double start = test::cpu_seconds();
    const Parsed p = parse(deep);
    CHECK(seconds_since(start) < test::time_limit(0.5));
    CHECK(p.findings == "1:67: error: nesting deeper than 64 levels; a plan file never needs that "
                        "many [limit-depth]\n");
  }
  SUBCASE("limit-text: 10,000 characters, 50,000 under a text key") {
    std::string ok = "a: ";
    for (int i = 0; i < 10000; ++i) {
      ok += "字";
    }
    CHECK(parse(ok + "\n").findings == "");
    const Parsed p = parse(ok + "字\n");
    CHECK(p.findings == "1:4: error: this text has 10001 characters; at most 10000 are allowed "
                        "[limit-text]\n");
    CHECK_FALSE(p.yaml.document);
    CHECK(parse("text: " + std::string(50000, 'x') + "\n").findings == "");
    CHECK(parse("text: " + std::string(50001, 'x') + "\n").findings ==
          "1:7: error: this text has 50001 characters; at most 50000 are allowed [limit-text]\n");
    CHECK(parse("x-text: " + std::string(10001, 'x') + "\n").findings ==
          "1:9: error: this text has 10001 characters; at most 10000 are allowed [limit-text]\n");
  }
  SUBCASE("control-char.escape") {
    CHECK(parse("a: \"x\\u0001\"\nb: \"tab\\t and \\r fine\"\n").findings ==
          "1:4: error: this text contains the control character U+0001, written as an escape; "
          "remove it [control-char]\n");
  }
  SUBCASE("yaml-syntax.quote: an unquoted \": \" in a value") {
    CHECK(parse("title: 主题: 团结\n").findings ==
          "1:10: error: this value contains \": \" or \" #\", which YAML reads as structure; quote "
          "the text or put it in a | block [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.map-value") {
    CHECK(parse("a: 1\n  b: 2\n").findings ==
          "2:4: error: YAML cannot read a key and its value here; check the indentation of this "
          "line and of the line above [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.indent") {
    CHECK(parse("a:\n  b: 1\n c: 2\n").findings ==
          "3:2: error: this line is not indented like the lines around it; the keys of one "
          "mapping, and the \"-\" of one list, start in the same column [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.flow-map and flow-seq: at the bracket left open") {
    CHECK(parse("a: {x: 1\n").findings ==
          "1:4: error: a mapping opened with \"{\" is not closed with \"}\" [yaml-syntax]\n");
    CHECK(parse("a: [1, 2\nb: 1\n").findings ==
          "1:4: error: a list opened with \"[\" is not closed with \"]\" [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.flow-seq: brackets in quotes and comments do not count") {
    CHECK(parse("a: [\"[x]\", 'y]', [z], w  # ]\nb: 1\n").findings ==
          "1:4: error: a list opened with \"[\" is not closed with \"]\" [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.escape") {
    CHECK(parse("a: \"C:\\q\"\n").findings ==
          "1:9: error: \"\\q\" is not a valid escape in a double-quoted text; write \\\\ for a "
          "backslash, or use single quotes [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.anchor") {
    CHECK(parse("a: *nope\n").findings ==
          "1:4: error: the alias *nope refers to no anchor defined above it (an anchor is written "
          "&name before a value) [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.block") {
    CHECK(parse("a: |x\n  b\n").findings ==
          "1:5: error: after \"|\" or \">\" only \"-\", \"+\" or an indentation digit 1-9 may "
          "follow on the same line; start the text on the next line [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.character") {
    CHECK(parse("a: @x\n").findings ==
          "1:4: error: a value cannot start with \"@\"; quote the text [yaml-syntax]\n");
  }
  SUBCASE("yaml-syntax.unclosed-quote: yaml-cpp would read to the end of the file") {
    CHECK(parse("a: 'abc\nb: 1\n").findings ==
          "1:4: error: the text opened with ' here has no closing ' [yaml-syntax]\n");
    CHECK(parse("a: \"x\\\"y\nb: 1\n").findings ==
          "1:4: error: the text opened with \" here has no closing \" [yaml-syntax]\n");
    CHECK(parse("a: 'it''s'\nb: \"say \\\"hi\\\"\"\n").findings == "");
  }
  SUBCASE("tab-indent reported by the parser inside a block") {
    CHECK(parse("a: |\n  x\n \ty\n").findings ==
          "3:2: error: a tab is used for indentation; indent with spaces [tab-indent]\n");
  }
  SUBCASE("--- before the document, a %YAML directive and a ... end marker are fine") {
    CHECK(parse("%YAML 1.2\n---\na: 1\n...\n").findings == "");
    const Parsed p = parse("---\na: 1\n---\n");
    CHECK(p.findings == "3:1: error: a second YAML document starts here; a plan file holds one "
                        "document: remove this \"---\" and what follows, or move it to its own "
                        "file [multiple-documents]\n");
  }
  SUBCASE("an empty text has no document") {
    const Parsed p = parse("# only a comment\n");
    CHECK(p.findings == "");
    REQUIRE(p.yaml.document);
    CHECK_FALSE(p.yaml.document->has_root());
  }
}
