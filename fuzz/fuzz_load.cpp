// libFuzzer target: arbitrary bytes through the loader and the semantic checks, then every
// finding through the message table in both languages and the text and JSON formatters, as
// `planctl validate` would print them.
#include <planctl/check/plan_checker.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/load/plan_loader.hpp>

#include <cstddef>
#include <cstdint>
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
  (void)diag::format_text(results, diag::TextStyle{.color = true, .source = true});
  (void)diag::format_text(results, diag::TextStyle{.source = true, .lang = diag::Lang::zh});
  (void)diag::format_json(results, false);
  (void)diag::format_github(results, diag::Lang::zh);
  (void)diag::format_junit(results, true);
  return 0;
}
