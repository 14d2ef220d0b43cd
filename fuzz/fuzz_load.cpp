// libFuzzer target: arbitrary bytes through the loader and the semantic checks, then every
// finding through the message table in both languages and every report format, listed as
// `planctl validate` lists them (sorted, at most diag::k_listed_per_file per file). What is
// printed must be bounded by the input's length and never pass diag::k_findings_bytes (256
// KiB, docs/security.md): a value that aliases or references repeat into every message, or
// long source lines shown under every finding, abort the run.
#include <planctl/check/plan_checker.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/load/plan_loader.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace planctl;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  load::LoadResult loaded = load::load_plan_text(bytes, "fuzz.yaml");
  if (loaded.plan) {
    check::check_plan(*loaded.plan, loaded.diagnostics);
  }
  loaded.diagnostics.sort();
  loaded.diagnostics.limit(diag::k_listed_per_file);
  diag::FileResult result;
  result.file = "fuzz.yaml";
  result.source = std::move(loaded.source);
  result.diagnostics = std::move(loaded.diagnostics);
  const diag::FileResult results[] = {std::move(result)};
  // Source excerpts take the mark of every finding: a wrong line or column shows up here.
  // The bound: the formats' fixed part (SARIF's rule table is 23 KB), then at most 2 KiB per
  // input byte (one byte, such as an alias `*a` used where a reference belongs, can make a
  // finding with its note and two source lines of 2 KB at most), and never more than the
  // 256 KiB every format keeps to.
  const std::size_t bound =
      std::min<std::size_t>(diag::k_findings_bytes, 32 * 1024 + 2 * 1024 * size);
  const auto bounded = [&](const char* format, const std::string& out) {
    if (out.size() > bound) {
      std::fprintf(stderr,
                   "fuzz_load: %zu bytes of %s findings for %zu input bytes (%zu allowed)\n",
                   out.size(), format, size, bound);
      std::abort();
    }
  };
  bounded("text", diag::format_text(results, diag::TextStyle{.color = true, .source = true}));
  bounded("text (zh)",
          diag::format_text(results, diag::TextStyle{.source = true, .lang = diag::Lang::zh}));
  bounded("JSON", diag::format_json(results, false));
  bounded("GitHub", diag::format_github(results, diag::Lang::zh));
  bounded("GitLab", diag::format_gitlab(results));
  bounded("SARIF", diag::format_sarif(results, "0.0.0"));
  bounded("JUnit", diag::format_junit(results, true));
  return 0;
}
