#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iterator>
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

  SUBCASE("declines whatever has a finding or may be read differently") {
    const std::vector<std::string> texts{
        "a: &x 1\nb: *x\n",                     // anchor and alias
        "a: !!str 1\n",                         // tag
        "a: !custom 1\n",                       // tag
        "%YAML 1.2\n---\na: 1\n",               // directive
        "a: 1\n---\nb: 2\n",                    // second document
        "a: 1\na: 2\n",                         // duplicate key
        "<<: {a: 1}\n",                         // merge key
        "? [a]\n: 1\n",                         // a key that is not a text
        "? \n: 1\n",                            // an empty key
        "a: \"\\x01\"\n",                       // a control character written as an escape
        "a: x\xC2\x85y\n",                      // NEL
        "a: x\xE2\x80\xA8y\n",                  // LINE SEPARATOR
        "a: x\ry\n",                            // a lone CR
        "a: [1, 2\n",                           // syntax error
        "a: b: c\n",                            // syntax error
        "",                                     // empty file
        "# only a comment\n",                   // empty document
        "a: \"open\n",                          // unclosed quote
        "a: " + std::string(10001, 'x') + "\n", // possibly past the text limit
        "a: [x?y]\n",                           // yaml-cpp ends a flow text at `?`
        "a: {t?tle: 达标?}\n",                  // (fuzz/fuzz_yaml_diff)
        "a: 1\n\xEF\xBB\xBFb: 2\n",             // a BOM at a line start: libyaml skips it
        "a: >\n  L\n  ",                        // yaml-cpp ends the text with a space
        "- {id: a, title:>1- \n  x}\n",         // a `:` in a plain text in { }
        "- {id: u, head\r\nliu}\n",             // a plain text over a line break in { }
        "a: [b\n  c]\n",                        // (fuzz/fuzz_yaml_diff)
        "k: 'a\n\n\n'\n",                       // a quoted text ending in blank lines
        "\"a\n\n\n\n\"\n",                      // (fuzz/fuzz_yaml_diff)
        [] { // a key of 400 characters, 1,200 bytes (fuzz/fuzz_yaml_diff)
          std::string key;
          for (int i = 0; i < 400; ++i) {
            key += "很";
          }
          return key + ": 1\n";
        }(),
        "-\n|\n",            // a `|` text at its list's column
        "k:\n  - \n\n  >\n", // (fuzz/fuzz_yaml_diff)
    };
    for (const std::string& text : texts) {
      CAPTURE(text.substr(0, 40));
      const std::string prepared_text = prepared(text);
      const LineIndex lines(prepared_text);
      CHECK_FALSE(parse_yaml_fast(prepared_text, lines).has_value());
    }
    std::string deep;
    for (int i = 0; i < 70; ++i) {
      deep += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
    }
    deep += std::string(140, ' ') + "v\n";
    const LineIndex lines(deep);
    CHECK_FALSE(parse_yaml_fast(deep, lines).has_value());
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
