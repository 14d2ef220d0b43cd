// Diagnostic output formats: human text (with source line and caret), JSON, GitHub Actions
// workflow commands, JUnit XML, GitLab Code Quality, SARIF and a Markdown job summary. File
// names and messages have their control characters escaped in every format as printable()
// does. Every format is a pure function of the checked files, so
// the same input always gives the same bytes; the shapes are documented in docs/cli.md.
#pragma once

#include <planctl/diag/diagnostic.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace planctl::diag {

// One checked input file and what was found in it.
struct FileResult {
  std::string file;            // the path as the user gave it
  std::string source;          // the file's text, for source lines; empty when unreadable
  DiagnosticList diagnostics;  // sorted by line and column
  bool unreadable = false;     // the file could not be read at all
  bool internal_error = false; // planctl failed on this file (a bug)
};

// Totals over a run.
struct Counts {
  std::size_t files = 0;
  std::size_t failed_files = 0; // files that fail (errors; warnings too under strict)
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t unreadable = 0;
  std::size_t internal_errors = 0;
};

// Whether `result` fails: it has an error, could not be read, or (under `strict`) has a
// warning.
bool file_fails(const FileResult& result, bool strict);

// The totals of `results`.
Counts count_results(std::span<const FileResult> results, bool strict);

// How human-readable text is written.
struct TextStyle {
  bool color = false;  // ANSI colours for severity, location and caret
  bool source = false; // the source line and a caret under the column after each finding
  Lang lang = Lang::en;
};

// The number of terminal cells `cp` takes: 2 for East Asian wide and full-width characters,
// 0 for combining marks and zero-width characters, 1 otherwise.
int display_width(char32_t cp);

// `text` made safe to print on one line: control characters become `\n`, `\t`, `\r` or
// `\xHH`, and each byte that is not UTF-8 becomes `\xHH`.
std::string printable(std::string_view text);

// The source excerpt for `mark` in `source`: the line with its number in a gutter, then a
// caret under column `mark.column` (columns count characters; wide characters take two
// cells, tabs are repeated so the caret lines up). Empty when the line does not exist.
std::string source_excerpt(std::string_view source, util::Mark mark, bool color = false);

// One finding as `FILE:LINE:COL: error|warning: message [rule]` and a newline (without the
// position for a whole-file finding), followed by the excerpt when `style.source`.
std::string format_text(const Diagnostic& d, std::string_view source, const TextStyle& style);

// Every finding of every file, in order, as format_text() writes them; the source lines shown
// for one file stop after 64 KiB, so that its findings stay within k_findings_bytes.
std::string format_text(std::span<const FileResult> results, const TextStyle& style);

// The one-line summary of a run, ending in a newline, e.g.
// `3 files checked: 2 errors, 1 warning (1 file could not be read)`.
std::string format_summary(const Counts& counts, bool strict, Lang lang = Lang::en);

// `text` escaped as the data of a GitHub Actions workflow command (`%`, CR, LF).
std::string escape_github_message(std::string_view text);

// `text` escaped as a property value of a GitHub Actions workflow command (`%`, CR, LF,
// `:`, `,`).
std::string escape_github_property(std::string_view text);

// GitHub Actions annotations (`::error file=F,line=L,col=C,title=RULE::MSG`): at most
// `limit` errors and `limit` warnings, then a `::notice` telling how many more were left out.
std::string format_github(std::span<const FileResult> results, Lang lang = Lang::en,
                          std::size_t limit = 10);

// A GitLab Code Quality report (the Code Climate issue list GitLab reads from
// `artifacts:reports:codequality`): one issue per finding, errors `major`, warnings `minor`,
// with a fingerprint that stays the same while the finding stays (file, rule, message, and
// its rank among equal findings; not the line).
std::string format_gitlab(std::span<const FileResult> results, Lang lang = Lang::en);

// A SARIF 2.1.0 log (GitHub code scanning, GitLab): one run whose tool driver lists every
// rule, and one result per finding with ruleId, ruleIndex, level, message and, when the
// finding has a position, a region (columns in code points). `version` is planctl's.
std::string format_sarif(std::span<const FileResult> results, std::string_view version,
                         Lang lang = Lang::en);

// A Markdown section for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY): the summary
// line and a table of the files with findings (at most `limit` rows) and their counts, with a
// total row.
std::string format_step_summary(std::span<const FileResult> results, bool strict,
                                Lang lang = Lang::en, std::size_t limit = 50);

// The stable JSON report (version 1, docs/cli.md), ending in a newline.
std::string format_json(std::span<const FileResult> results, bool strict, Lang lang = Lang::en);

// A JUnit XML report: one testsuite and one testcase per file, with a failure listing the
// file's findings when it fails; no times or host names, so the output is deterministic.
std::string format_junit(std::span<const FileResult> results, bool strict, Lang lang = Lang::en);

} // namespace planctl::diag
