#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>
#include <planctl/load/yaml_tree_builder.hpp>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <span>
#include <string>
#include <vector>

using namespace planctl;
using namespace planctl::load;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every node of `doc` on one line each: kind, plain, position, byte offset, value or children.
std::string dump(const YamlDocument& doc) {
  std::string out;
  for (NodeId id = 0; id < doc.node_count(); ++id) {
    const YamlNode& n = doc.node(id);
    out += fmt::format("{} {} {}:{} @{} ", static_cast<int>(n.kind), n.plain ? 'p' : '-',
                       n.mark.line, n.mark.column, n.offset);
    if (n.kind == NodeKind::scalar) {
      out += fmt::format("\"{}\"", doc.scalar(id));
    }
    for (const NodeId kid : doc.children(id)) {
      out += fmt::format(" {}", kid);
    }
    out += "\n";
  }
  return out;
}

// The text parse_yaml() is given for `bytes`, as the loader prepares it.
std::string prepared(std::string_view bytes) {
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  const SourceText source = check_source(bytes, report);
  return source.parseable ? std::string(source.text) : std::string();
}

struct Outcome {
  bool fast = false; // the fast path built the document
  bool same = false; // and yaml-cpp's path built the same one, with no finding
  std::string detail;
};

Outcome compare(std::string_view bytes) {
  const std::string text = prepared(bytes);
  const LineIndex lines(text);
  const std::optional<YamlDocument> fast = parse_yaml_fast(text, lines);
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  const ParsedYaml slow = parse_yaml_with_yaml_cpp(text, report);
  Outcome out;
  out.fast = fast.has_value();
  if (!fast) {
    return out;
  }
  if (!slow.document || !list.empty()) {
    out.detail = "yaml-cpp reports findings or builds nothing";
    return out;
  }
  const std::string a = dump(*fast);
  const std::string b = dump(*slow.document);
  out.same = a == b;
  if (!out.same) {
    out.detail = "libyaml:\n" + a + "yaml-cpp:\n" + b;
  }
  return out;
}

} // namespace

TEST_CASE("load::parse_yaml_fast") {
  SUBCASE("the same tree as yaml-cpp for every example and test file it accepts") {
    std::vector<std::filesystem::path> files;
    for (const char* dir : {PLANCTL_SOURCE_DIR "/examples", PLANCTL_TEST_DATA_DIR "/invalid",
                            PLANCTL_TEST_DATA_DIR "/fuzz-regressions"}) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.path().extension() == ".yaml") {
          files.push_back(entry.path());
        }
      }
    }
    std::size_t accepted = 0;
    for (const auto& path : files) {
      CAPTURE(path.string());
      const Outcome o = compare(read_file(path));
      if (o.fast) {
        ++accepted;
        CHECK_MESSAGE(o.same, o.detail);
      }
    }
    MESSAGE(fmt::format("{} files, {} built by the fast path", files.size(), accepted));
    CHECK(files.size() > 60);
    CHECK(accepted > 40); // the examples and every invalid file that is valid YAML
  }

  SUBCASE("the same positions and values for the YAML shapes plan files use") {
    const std::vector<std::string> texts{
        // Empty values in mappings and lists, written nulls, comments where values would be.
        "a:\nb: ~\nc: null\nd: # note\ne:\n  - \n  -\n  - x\nf: Null\n",
        "list:\n- a\n-\n- # c\n  \n- b\nnext: 1\n",
        "k:\n  - title: x\n    text:\n  - title: y\n    items:\n      -\n",
        // Flow collections, empty values in them, trailing commas.
        "a: [1, 2, [3, {b: c, d: }], ]\ne: {f: [g, h], i: j,}\n",
        "- {id: moral, name: 德育处, head: }\n- [甲, 乙]\n",
        // Quoted texts with escapes and line folding.
        "a: \"tab\\there \\u4e2d \\\"q\\\" \\\\ \\/\"\nb: 'it''s'\nc: \"one\n  two\n\n  three\"\n",
        // The escapes yaml-cpp writes as single bytes (fuzz/fuzz_yaml_diff): U+0085, U+00A0.
        "a: \"x\\Ny\\_z \\xe9 \\u00a0\"\n",
        // Block scalars with every chomping, indentation indicators and blank lines.
        "a: |\n  line one\n  line two\n\n  para\nb: |-\n  x\n\nc: |+\n  y\n\nd: >\n  folded\n  "
        "text\n\n  next\ne: >-\n  x\n\n\n",
        "t: |2\n    four spaces\n   three\n",
        // Multi-line plain scalars, Chinese text, colons and hashes that are not syntax.
        "text: 第一行\n  第二行\n\n  第三段\ntime: 8:30\nurl: http://x.cn/a#b\nn: a#b\n",
        // Numbers, booleans and dates as plain scalars; keys that look like numbers.
        "1: one\n0123: x\n3.10: y\ntrue: t\ndate: 2020-09-01\nneg: -5\nhex: 0x1F\n",
        // Document markers and CRLF line ends.
        "---\na: 1\n...\n",
        "a: 1\r\nb:\r\n  - x\r\n  -\r\nc: \"q\r\n  r\"\r\n",
        // Deep but allowed nesting, sequences of sequences, a top-level list and scalar.
        "a:\n  b:\n    c:\n      - - - x\n        - y\n      - z\n",
        "- a\n- b: c\n  d: e\n",
        "just text\n",
        // Explicit keys.
        "? a\n: b\n? c\n",
        // An empty value before a key that starts like a null (fuzz/fuzz_yaml_diff).
        "v:\nNULLs: 1\nw:\n~x: 2\nn: null\nt: ~ # c\nf: [null, ~]\n",
        "v:\nNULL\t1school: 1\nw:\nnull x: 2\nn: null  \nf: [null , ~ ]\ng: {a: ~}\n",
    };
    for (const std::string& text : texts) {
      CAPTURE(text);
      const Outcome o = compare(text);
      CHECK(o.fast);
      CHECK_MESSAGE(o.same, o.detail);
    }
  }

  SUBCASE("declines in the cases of fast_declines(), one example each") {
    const auto key_of = [](int chars) {
      std::string key;
      for (int i = 0; i < chars; ++i) {
        key += "很";
      }
      return key;
    };
    const auto deep = [] {
      std::string s;
      for (int i = 0; i < 70; ++i) {
        s += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
      }
      return s + std::string(140, ' ') + "v\n";
    };
    const auto many_nodes = [] { // a list of 500,000 texts: 500,001 nodes (limit-nodes)
      std::string s = "[";
      for (int i = 0; i < 500000; ++i) {
        s += "1,";
      }
      return s + "]\n";
    };
    // One or more texts per row (the last ones found by fuzz/fuzz_yaml_diff), by FastDecline.
    const std::map<FastDecline, std::vector<std::string>> examples{
        {FastDecline::libyaml_error, {"a: [1, 2\n", "a: b: c\n", "a: \"open\n"}},
        {FastDecline::empty_document, {"", "# only a comment\n"}},
        {FastDecline::second_document, {"a: 1\n---\nb: 2\n"}},
        {FastDecline::directive,
         {"%YAML 1.2\n---\na: 1\n", "%TAG !e! tag:e.org,2020:\n---\na: 1\n"}},
        {FastDecline::tag, {"a: !!str 1\n", "a: !custom 1\n", "a: !!seq [1]\n"}},
        {FastDecline::anchor, {"a: &x 1\nb: *x\n", "a: &m {k: v}\n"}},
        {FastDecline::alias, {"a: *x\n"}},
        {FastDecline::text_too_long,
         {"a: " + std::string(10001, 'x') + "\n", "text: " + std::string(50001, 'x') + "\n"}},
        {FastDecline::control_escape, {"a: \"\\x01\"\n"}},
        {FastDecline::too_deep, {deep()}},
        {FastDecline::too_many_nodes, {many_nodes()}},
        {FastDecline::duplicate_key, {"a: 1\na: 2\n"}},
        {FastDecline::merge_key, {"<<: {a: 1}\n"}},
        {FastDecline::empty_key, {"? \n: 1\n"}},
        {FastDecline::container_key, {"? [a]\n: 1\n"}},
        {FastDecline::disputed_break,
         {"a: x\xC2\x85y\n", "a: x\xE2\x80\xA8y\n",
          "a: 1\n\xEF\xBB\xBF"
          "b: 2\n"}},
        {FastDecline::blank_last_line, {"a: >\n  L\n  "}},
        {FastDecline::flow_plain_indicator,
         {"a: [x?y]\n", "a: {t?tle: 达标?}\n", "- {id: a, title:>1- \n  x}\n"}},
        {FastDecline::flow_plain_break, {"a: [b\n  c]\n", "- {id: u, head\r\nliu}\n"}},
        {FastDecline::block_scalar_column, {"-\n|\n", "k:\n  - \n\n  >\n"}},
        {FastDecline::quoted_trailing_break, {"k: 'a\n\n\n'\n", "\"a\n\n\n\n\"\n"}},
        {FastDecline::long_key, {key_of(400) + ": 1\n"}},
        {FastDecline::flow_pair,
         {"support: [lecturers,?moral]\n", "a: [k: v]\n", "- {id: moral, ?ame: x}\n"}},
    };
    const std::span<const FastDeclineRow> rows = fast_declines();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const FastDeclineRow& row = rows[i];
      CAPTURE(row.name);
      CHECK(static_cast<std::size_t>(row.reason) == i); // the table is in the enum's order
      if (row.reason == FastDecline::unexpected_event) {
        continue; // libyaml never sends such events: tested on the builder below
      }
      const auto it = examples.find(row.reason);
      REQUIRE_MESSAGE(it != examples.end(), "a row of fast_declines() without an example");
      for (const std::string& text : it->second) {
        CAPTURE(text.substr(0, 40));
        const std::string prepared_text = prepared(text);
        const LineIndex lines(prepared_text);
        const FastParse fast = parse_yaml_fast_or_decline(prepared_text, lines);
        CHECK_FALSE(fast.document.has_value());
        CHECK(fast.declined == row.reason);
        CHECK_FALSE(parse_yaml_fast(prepared_text, lines).has_value());
      }
    }
    CHECK(examples.size() + 1 == rows.size());
    // unexpected-event: the builder stops at a second top-level node or an unmatched end.
    YamlDocument doc;
    const LineIndex lines("a b");
    YamlTreeBuilder tree(doc, "a b", lines, YamlLimits{}, nullptr);
    tree.scalar(util::Mark{1, 1}, 0, "a", true, 0);
    CHECK_THROWS_AS(tree.scalar(util::Mark{1, 3}, 2, "b", true, 0), StopParsing);
    CHECK_THROWS_AS(tree.close(), StopParsing);
  }

  SUBCASE("a finding on the shared builder without a reporter declines with its row") {
    YamlDocument doc;
    const std::string text = "a: 1\na: 2\n";
    const LineIndex lines(text);
    YamlTreeBuilder tree(doc, text, lines, YamlLimits{}, nullptr);
    tree.open(NodeKind::mapping, util::Mark{1, 1}, 0, 0, false);
    tree.scalar(util::Mark{1, 1}, 0, "a", true, 0);
    tree.scalar(util::Mark{1, 4}, 3, "1", true, 0);
    tree.scalar(util::Mark{2, 1}, 5, "a", true, 0);
    tree.scalar(util::Mark{2, 4}, 8, "2", true, 0);
    try {
      tree.close();
      FAIL("no decline");
    } catch (const FastDeclined& d) {
      CHECK(d.reason == FastDecline::duplicate_key);
    }
  }

  SUBCASE("parse_yaml reports for the files the fast path declines") {
    diag::DiagnosticList list;
    Reporter report("t.yaml", list);
    const ParsedYaml parsed = parse_yaml("a: 1\na: 2\n", report);
    REQUIRE(parsed.document.has_value());
    REQUIRE(list.items().size() == 1);
    CHECK(list.items()[0].rule() == "duplicate-key");
  }
}
