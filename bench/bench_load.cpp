// planctl-bench-load: times the stages of reading plan files, each on its own, so that the
// benchmark table can show YAML parsing apart from the rest of the loader.
//
//   planctl-bench-load [--stage parse-yaml-cpp|parse|structure|load|check] [--repeat N] FILE...
//   planctl-bench-load --compare FILE...
//
// Without --stage, every stage runs on all files (best of N repeats, default 3) and a table
// goes to standard output: seconds, MB/s and the share of the full check. With --stage, that
// stage runs once over the files and nothing is printed, for hyperfine and /usr/bin/time.
// --compare parses each file through libyaml's fast path and through yaml-cpp alone and
// reports any file where both build a tree and the trees differ (exit 1).
#include <planctl/check/plan_checker.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/load/source_text.hpp>
#include <planctl/load/structure_check.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace planctl;

enum class Stage { yaml_cpp, parse, structure, load, check };
constexpr Stage k_stages[] = {Stage::yaml_cpp, Stage::parse, Stage::structure, Stage::load,
                              Stage::check};

const char* stage_name(Stage s) {
  switch (s) {
  case Stage::yaml_cpp:
    return "parse-yaml-cpp";
  case Stage::parse:
    return "parse";
  case Stage::structure:
    return "structure";
  case Stage::load:
    return "load";
  case Stage::check:
    return "check";
  }
  return "";
}

const char* stage_help(Stage s) {
  switch (s) {
  case Stage::yaml_cpp:
    return "byte checks + YAML into the tree with yaml-cpp alone (before the fast path)";
  case Stage::parse:
    return "byte checks + YAML into the tree (libyaml; yaml-cpp for what it declines)";
  case Stage::structure:
    return "parse + the structure check against the format tables";
  case Stage::load:
    return "structure + the model (load_plan_text)";
  case Stage::check:
    return "load + every semantic rule (what validate does)";
  }
  return "";
}

// Runs `stage` on `text`; returns a number that depends on the work so it is not optimised away.
std::size_t run(Stage stage, const std::string& text) {
  diag::DiagnosticList list;
  if (stage == Stage::load || stage == Stage::check) {
    load::LoadResult result = load::load_plan_text(text, "bench.yaml");
    if (stage == Stage::check && result.plan) {
      check::check_plan(*result.plan, result.diagnostics);
    }
    return result.diagnostics.items().size() + (result.plan ? 1 : 0);
  }
  load::Reporter report("bench.yaml", list);
  const load::SourceText source = load::check_source(text, report);
  const load::ParsedYaml parsed = stage == Stage::yaml_cpp
                                      ? load::parse_yaml_with_yaml_cpp(source.text, report)
                                      : load::parse_yaml(source.text, report);
  std::size_t n = parsed.document ? parsed.document->node_count() : 0;
  if (stage == Stage::structure && parsed.document) {
    const auto flagged = load::check_structure(*parsed.document, report).flagged;
    n += static_cast<std::size_t>(std::count(flagged.begin(), flagged.end(), true));
  }
  return n + list.items().size();
}

// Every node of `doc`: kind, plain, position, offset, value or children.
std::string dump(const load::YamlDocument& doc) {
  std::string out;
  for (load::NodeId id = 0; id < doc.node_count(); ++id) {
    const load::YamlNode& n = doc.node(id);
    out += fmt::format("{} {} {}:{} @{} {}", static_cast<int>(n.kind), n.plain, n.mark.line,
                       n.mark.column, n.offset, doc.scalar(id));
    for (const load::NodeId kid : doc.children(id)) {
      out += fmt::format(" {}", kid);
    }
    out += "\n";
  }
  return out;
}

// 0 when the fast path and yaml-cpp agree on `text` (or the fast path declines it).
int compare(const std::string& path, const std::string& text) {
  diag::DiagnosticList list;
  load::Reporter report(path, list);
  const load::SourceText source = load::check_source(text, report);
  if (!source.parseable) {
    return 0;
  }
  const load::LineIndex lines(source.text);
  const auto fast = load::parse_yaml_fast(source.text, lines);
  const load::ParsedYaml slow = load::parse_yaml_with_yaml_cpp(source.text, report);
  if (!fast) {
    fmt::print("{}: declined by the fast path\n", path);
    return 0;
  }
  if (!slow.document || !list.empty() || dump(*fast) != dump(*slow.document)) {
    fmt::print("{}: the trees differ\n", path);
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  std::optional<Stage> only;
  int repeat = 3;
  bool compare_trees = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--stage" && i + 1 < argc) {
      const std::string name = argv[++i];
      for (Stage s : k_stages) {
        if (name == stage_name(s)) {
          only = s;
        }
      }
      if (!only) {
        std::fprintf(stderr, "unknown stage \"%s\"\n", name.c_str());
        return 2;
      }
    } else if (arg == "--compare") {
      compare_trees = true;
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: planctl-bench-load [--stage S] [--repeat N] FILE...\n");
    return 2;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", p.c_str());
      return 2;
    }
    std::ostringstream bytes_read;
    bytes_read << in.rdbuf();
    texts.push_back(std::move(bytes_read).str());
    bytes += texts.back().size();
  }
  if (compare_trees) {
    int failures = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      failures += compare(paths[i], texts[i]);
    }
    fmt::print("{} file(s) compared, {} differ\n", texts.size(), failures);
    return failures == 0 ? 0 : 1;
  }
  std::size_t sink = 0;
  if (only) {
    for (const std::string& t : texts) {
      sink += run(*only, t);
    }
    return sink == 0 ? 1 : 0;
  }
  std::vector<double> best;
  for (Stage s : k_stages) {
    double fastest = 1e30;
    for (int r = 0; r < repeat; ++r) {
      const auto start = std::chrono::steady_clock::now();
      for (const std::string& t : texts) {
        sink += run(s, t);
      }
      fastest = std::min(
          fastest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    best.push_back(fastest);
  }
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  fmt::print("{} file(s), {:.2f} MiB; best of {} runs, one thread\n", texts.size(), mb, repeat);
  fmt::print("| stage | seconds | MiB/s | share of check | what |\n|---|---:|---:|---:|---|\n");
  for (std::size_t i = 0; i < best.size(); ++i) {
    fmt::print("| {} | {:.3f} | {:.1f} | {:.0f}% | {} |\n", stage_name(k_stages[i]), best[i],
               mb / best[i], 100.0 * best[i] / best.back(), stage_help(k_stages[i]));
  }
  return sink == 0 ? 1 : 0;
}
