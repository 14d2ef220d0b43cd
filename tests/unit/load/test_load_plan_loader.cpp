#include <planctl/diag/messages.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/load/source_text.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "load_test_util.hpp"

using namespace planctl;
using namespace planctl::load;
using planctl::load::test::findings;
using planctl::load::test::k_plan;
using planctl::load::test::render;

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `FILE:LINE:COL: severity: message [rule]` lines, as the .expected files hold them.
std::string render_with_file(const diag::DiagnosticList& list) {
  std::string out;
  for (const diag::Diagnostic& d : list.items()) {
    out +=
        fmt::format("{}:{}:{}: {}: {} [{}]\n", d.file, d.mark.line, d.mark.column,
                    d.severity == diag::Severity::error ? "error" : "warning", d.text(), d.rule());
  }
  return out;
}

double seconds_since(double start) {
  return test::cpu_seconds() - start;
}

// Loads `bytes` and checks it takes well under a second; returns the findings.
std::string hostile(const std::string& bytes) {
  const double start = test::cpu_seconds();
  const LoadResult r = load_plan_text(bytes, "t.yaml");
  CHECK(seconds_since(start) < test::time_limit(0.5));
  CHECK(r.diagnostics.has_errors());
  return render(r.diagnostics);
}

fs::path invalid_dir() {
  return fs::path(PLANCTL_TEST_DATA_DIR) / "invalid" / "load";
}

} // namespace

TEST_CASE("load::load_plan_text") {
  SUBCASE("a valid plan: no findings, the model, the source without its byte-order mark") {
    const LoadResult r = load_plan_text("\xEF\xBB\xBF" + std::string(k_plan), "dir/plan.yaml");
    CHECK(render(r.diagnostics) == "");
    CHECK_FALSE(r.unreadable);
    REQUIRE(r.plan);
    CHECK(r.plan->path == "dir/plan.yaml");
    CHECK(r.plan->plan.sections.size() == 1);
    CHECK(r.source == k_plan);
  }
  SUBCASE("findings are sorted by position and name the file") {
    const LoadResult r =
        load_plan_text(std::string(k_plan) + "      deu: 1\n" + "reprot: 1\n", "p.yaml");
    CHECK(render_with_file(r.diagnostics) ==
          "p.yaml:11:7: error: unknown key \"deu\" in an item (did you mean \"due\"?) "
          "[unknown-key]\n"
          "p.yaml:12:1: error: unknown key \"reprot\" in the top level of the file (did you mean "
          "\"report\"?) [unknown-key]\n");
  }
  SUBCASE("messages in Chinese") {
    const LoadResult r = load_plan_text(std::string(k_plan) + "      deu: 1\n", "p.yaml");
    CHECK(render(r.diagnostics, diag::Lang::zh) ==
          "11:7: error: 条目中有未知的键“deu”（是否应为“due”？） [unknown-key]\n");
  }
  SUBCASE("the model is kept when the file has errors, not when it cannot be read") {
    CHECK(load_plan_text(std::string(k_plan) + "      status: 完成\n", "t").plan);
    CHECK_FALSE(load_plan_text("a: [", "t").plan);
    CHECK_FALSE(load_plan_text("- a\n", "t").plan);
    CHECK_FALSE(load_plan_text("", "t").plan);
  }
  SUBCASE("a file that is not UTF-8 keeps no source text") {
    const LoadResult r = load_plan_text("a: \xd6\xd0\n", "t");
    CHECK(r.source.empty());
  }
  SUBCASE("a lone --- is an empty file; a scalar is not a plan") {
    CHECK(findings("---\n") ==
          "1:1: error: the file is empty; a plan file starts with \"version: 1\" [empty-file]\n");
    CHECK(findings("hello\n") == "1:1: error: the file must be a mapping of keys such as "
                                 "\"version: 1\", \"school:\" and \"plan:\", not a single value "
                                 "[not-a-plan]\n");
  }
  SUBCASE("a value the schema and the builder both reject is reported once") {
    CHECK(findings(std::string(k_plan) + "      status: 1\n") ==
          "11:15: error: \"status\" must be one of 未开始, 进行中, 已完成, not a whole number "
          "[type]\n");
  }
}

TEST_CASE("load::load_plan_text hostile input") {
  SUBCASE("invalid UTF-8 with the GBK hint") {
    CHECK(hostile(std::string(k_plan) + "      text: \xd6\xd0\xce\xc4\n") ==
          "11:13: error: line 11 is not UTF-8: the file looks like GB18030/GBK, the usual Chinese "
          "Windows encoding; save it as UTF-8 [encoding]\n");
  }
  SUBCASE("control characters") {
    CHECK(hostile(std::string(k_plan) + "      text: a\x1b[31m\n") ==
          "11:14: error: control character U+001B in the file; remove it [control-char]\n");
  }
  SUBCASE("tabs") {
    CHECK(hostile(std::string(k_plan) + "\t  text: a\n") ==
          "11:1: error: a tab is used for indentation; indent with spaces [tab-indent]\n");
  }
  SUBCASE("duplicate keys: 20,000 of them are capped") {
    std::string text = std::string(k_plan);
    for (int i = 0; i < 20000; ++i) {
      text += "x-a: 1\n";
    }
    const std::string out = hostile(text);
    // The count has no position, so it sorts first.
    CHECK(out.starts_with("0:0: warning: 19899 more findings of [duplicate-key] are not shown "
                          "[too-many-findings]\n"
                          "12:1: error: duplicate key \"x-a\" (first written on line 11); remove "
                          "one of them [duplicate-key]\n"));
    CHECK(std::count(out.begin(), out.end(), '\n') == 101);
  }
  SUBCASE("an alias bomb") {
    std::string bomb = std::string(k_plan) + "x-0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 30; ++i) {
      bomb += "x-" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int j = 0; j < 10; ++j) {
        bomb += (j ? ", *a" : "*a") + std::to_string(i - 1);
      }
      bomb += "]\n";
    }
    CHECK(hostile(bomb) == "15:46: error: aliases expand to more than 100000 nodes by here; write "
                           "the values out or use fewer aliases [limit-aliases]\n");
  }
  SUBCASE("500,001 nodes: refused at the one past the limit, whatever their size") {
    // The 10 lines of k_plan hold 22 nodes and `x-list:` two more: the entry of line 499,988
    // is the 500,001st node.
    std::string many = std::string(k_plan) + "x-list:\n";
    for (int i = 0; i < 500000; ++i) {
      many += "- a\n";
    }
    // Not hostile(): the file is 2 MB, read twice (the fast path gives up at the limit), which
    // is linear but not "well under a second" in every build.
    const std::string findings = render(load_plan_text(many, "t.yaml").diagnostics);
    CHECK(findings.starts_with("499988:3: error: the file has more than 500000 values, keys, "
                               "lists and mappings;"));
    CHECK(findings.ends_with("[limit-nodes]\n"));
  }
  SUBCASE("a self-referencing alias") {
    CHECK(hostile(std::string(k_plan) + "x-a: &a {b: *a}\n") ==
          "11:13: error: the alias *a refers to the node that contains it, which would repeat "
          "forever; remove it [alias-cycle]\n");
  }
  SUBCASE("10,000 levels of nesting, in flow and in block style") {
    CHECK(hostile("x: " + std::string(10000, '[') + std::string(10000, ']') + "\n") ==
          "1:67: error: nesting deeper than 64 levels; a plan file never needs that many "
          "[limit-depth]\n");
    std::string nested = "x:\n";
    for (int i = 1; i <= 10000 && nested.size() < k_max_file_bytes / 2; ++i) {
      nested += std::string(static_cast<std::size_t>(i), ' ') + "- \n";
    }
    CHECK(hostile(nested) == "65:65: error: nesting deeper than 64 levels; a plan file never "
                             "needs that many [limit-depth]\n");
  }
  SUBCASE("a 50 MB file") {
    const std::string big(50 * 1000 * 1000, 'a');
    CHECK(hostile(big) == "0:0: error: the file is 47.7 MiB; planctl reads files of at most 16 "
                          "MiB: split it or remove what is not needed [limit-size]\n");
  }
  SUBCASE("a second document") {
    CHECK(hostile(std::string(k_plan) + "---\n" + std::string(k_plan)) ==
          "11:1: error: a second YAML document starts here; a plan file holds one document: "
          "remove this \"---\" and what follows, or move it to its own file "
          "[multiple-documents]\n");
  }
  SUBCASE("merge keys") {
    CHECK(hostile(std::string(k_plan) + "      <<: {id: a}\n") ==
          "11:7: error: merge keys (<<) are not supported; write the keys out in full "
          "[merge-key]\n");
  }
}

TEST_CASE("load::load_plan_file") {
  SUBCASE("every example loads with no finding") {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(PLANCTL_SOURCE_DIR) / "examples")) {
      if (entry.path().extension() != ".yaml") {
        continue;
      }
      CAPTURE(entry.path().string());
      const LoadResult r = load_plan_file(entry.path(), entry.path().filename().string());
      CHECK(render(r.diagnostics) == "");
      CHECK(r.plan);
      ++count;
    }
    CHECK(count >= 2);
  }
  SUBCASE("tests/invalid/load: each file gives exactly its .expected findings") {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(invalid_dir())) {
      if (entry.path().extension() != ".yaml") {
        continue;
      }
      const std::string name = entry.path().filename().string();
      CAPTURE(name);
      fs::path expected = entry.path();
      expected.replace_extension(".expected");
      REQUIRE(fs::exists(expected));
      const LoadResult r = load_plan_file(entry.path(), name);
      CHECK(render_with_file(r.diagnostics) == read_file(expected));
      CHECK(r.diagnostics.has_errors());
      ++count;
    }
    CHECK(count >= 40);
  }
  SUBCASE("every load rule has an invalid file, except those that cannot be written as one") {
    std::set<std::string> covered;
    for (const auto& entry : fs::directory_iterator(invalid_dir())) {
      if (entry.path().extension() == ".expected") {
        const std::string text = read_file(entry.path());
        for (std::size_t at = text.find(" ["); at != std::string::npos;
             at = text.find(" [", at + 1)) {
          const std::size_t end = text.find("]\n", at);
          if (end != std::string::npos) {
            covered.insert(text.substr(at + 2, end - at - 2));
          }
        }
      }
    }
    // Not a file's content: an unreadable path, a file over 16 MiB or of 500,000 nodes
    // (generated in these tests), the cap on findings (Reporter test) and the schema/builder safety
    // net (never reached while the two agree, which the examples and invalid files check).
    const std::set<std::string> exempt = {"file-unreadable", "limit-size", "limit-nodes",
                                          "too-many-findings", "invalid-value"};
    const std::size_t checks_start = [] {
      const auto rules = diag::all_rules();
      return static_cast<std::size_t>(
          std::find_if(rules.begin(), rules.end(),
                       [](const diag::RuleDef& r) { return r.id == "numbering"; }) -
          rules.begin());
    }();
    const auto rules = diag::all_rules();
    for (std::size_t i = 0; i <= checks_start && i < rules.size(); ++i) {
      const std::string id(rules[i].id);
      CAPTURE(id);
      CHECK((covered.count(id) == 1 || exempt.count(id) == 1));
    }
  }
  SUBCASE("a missing file and a directory are unreadable") {
    const LoadResult missing = load_plan_file("/nonexistent/plan.yaml", "plan.yaml");
    CHECK(missing.unreadable);
    CHECK_FALSE(missing.plan);
    CHECK(render(missing.diagnostics) ==
          "0:0: error: cannot read the file: No such file or directory [file-unreadable]\n");
    const LoadResult dir = load_plan_file(PLANCTL_TEST_DATA_DIR, "tests");
    CHECK(dir.unreadable);
    CHECK(render(dir.diagnostics) ==
          "0:0: error: cannot read the file: it is a directory [file-unreadable]\n");
  }
  SUBCASE("a file over 16 MiB is not read") {
    const fs::path path = fs::temp_directory_path() / "planctl-test-load-big.yaml";
    {
      std::ofstream out(path, std::ios::binary);
      out.seekp(static_cast<std::streamoff>(k_max_file_bytes));
      out.put('\n'); // a sparse file: 16 MiB + 1 byte on disk in no time
    }
    const double start = test::cpu_seconds();
    const LoadResult r = load_plan_file(path, "big.yaml");
    CHECK(seconds_since(start) < test::time_limit(0.1));
    fs::remove(path);
    CHECK_FALSE(r.unreadable);
    CHECK(render(r.diagnostics) == "0:0: error: the file is 16.0 MiB; planctl reads files of at "
                                   "most 16 MiB: split it or remove what is not needed "
                                   "[limit-size]\n");
  }
}

TEST_CASE("top_level_keys: each key's lines, for editing a plan file in place") {
  const std::string text = "# modeline\n"
                           "version: 1\n"
                           "\n"
                           "school:\n"
                           "  name: 甲\n"
                           "# 活动\n"
                           "activities:\n"
                           "  - date: 2020-03-13\n"
                           "    title: 乙\n"
                           "report: {date: 2020-12-28}";
  const std::optional<std::vector<TopLevelKey>> keys = top_level_keys(text);
  REQUIRE(keys);
  std::string out;
  for (const TopLevelKey& key : *keys) {
    out += key.key + " " + std::to_string(key.line) + "-" + std::to_string(key.end_line) + " @" +
           std::to_string(key.value.line) + ":" + std::to_string(key.value.column) + "\n";
  }
  CHECK(out == "version 2-4 @2:10\n"
               "school 4-7 @5:3\n"
               "activities 7-10 @8:3\n"
               "report 10-11 @10:9\n");
  CHECK(top_level_keys("a: 1\nb:\n")->back().end_line == 3);
  CHECK(top_level_keys("a: 1\nb:\n")->back().value == util::Mark{2, 1}); // no value: the key
  CHECK_FALSE(top_level_keys("{version: 1, plan: {}}"));
  CHECK_FALSE(top_level_keys("  version: 1\n  plan: 2\n"));
  CHECK_FALSE(top_level_keys("- a\n- b\n"));
  CHECK_FALSE(top_level_keys("a: [\n"));
}
