// libFuzzer target: arbitrary bytes through the loader and the semantic checks, then every
// finding through the message table in both languages and the text and JSON formatters, as
// `planctl validate` would print them. What is printed must be bounded by the input's length
// (a few hundred bytes of findings per input byte, plus a constant): a value that aliases or
// references repeat into every message aborts the run.
#include <planctl/check/plan_checker.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/load/plan_loader.hpp>

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
  diag::FileResult result;
  result.file = "fuzz.yaml";
  result.source = std::move(loaded.source);
  result.diagnostics = std::move(loaded.diagnostics);
  const diag::FileResult results[] = {std::move(result)};
  // Source excerpts take the mark of every finding: a wrong line or column shows up here.
  const std::size_t bound = 256 * size + 256 * 1024;
  const auto bounded = [&](const char* format, const std::string& out) {
    if (out.size() > bound) {
      std::fprintf(stderr, "fuzz_load: %zu bytes of %s findings for %zu input bytes\n",
                   out.size(), format, size);
      std::abort();
    }
  };
  bounded("text", diag::format_text(results, diag::TextStyle{.color = true, .source = true}));
  bounded("text (zh)",
          diag::format_text(results, diag::TextStyle{.source = true, .lang = diag::Lang::zh}));
  bounded("JSON", diag::format_json(results, false));
  bounded("GitHub", diag::format_github(results, diag::Lang::zh));
  bounded("JUnit", diag::format_junit(results, true));
  return 0;
}
