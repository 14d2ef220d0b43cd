// Helpers shared by the loader's unit tests: findings as `LINE:COL: severity: message [rule]`.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/load/plan_loader.hpp>

#include <fmt/core.h>

#include <ctime>
#include <string>
#include <string_view>

namespace planctl::load::test {

// A valid plan whose last line (10) is the first section; tests append keys to that item at
// indentation 6 from line 11 on, or replace lines.
inline constexpr std::string_view k_plan = "version: 1\n"
                                           "school:\n"
                                           "  name: 学校\n"
                                           "plan:\n"
                                           "  title: 计划\n"
                                           "  year: 2020\n"
                                           "  issuer: 学校\n"
                                           "  date: 2020-02-20\n"
                                           "  sections:\n"
                                           "    - title: 一\n";

// Every finding of `list`, one per line, without the file name.
inline std::string render(const diag::DiagnosticList& list, diag::Lang lang = diag::Lang::en) {
  std::string out;
  for (const diag::Diagnostic& d : list.items()) {
    out += fmt::format("{}:{}: {}: {} [{}]\n", d.mark.line, d.mark.column,
                       d.severity == diag::Severity::error ? "error" : "warning", d.text(lang),
                       d.rule());
  }
  return out;
}

// CPU seconds used by this process: timing checks measure the work done, so that they hold on
// a machine busy with other jobs.
inline double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// `seconds` scaled for the build: sanitizers and unoptimised builds run the same work many
// times slower, and a time limit is about the algorithm, not the build.
inline double time_limit(double seconds) {
#if defined(__SANITIZE_ADDRESS__)
  seconds *= 10;
#endif
#if !defined(NDEBUG)
  seconds *= 4;
#endif
  return seconds;
}

// The findings of loading `yaml`.
inline std::string findings(std::string_view yaml) {
  return render(load_plan_text(yaml, "t.yaml").diagnostics);
}

// The findings of loading k_plan followed by `tail`.
inline std::string plan_findings(std::string_view tail) {
  return findings(std::string(k_plan) + std::string(tail));
}

} // namespace planctl::load::test
