// The stages `planctl batch` takes each school through (docs/ARCHITECTURE.md, "batch"): one
// pass reads, checks and stages a school's outputs under temporary names; once every school is
// through and no two share a stem, each school's outputs are committed. Only the small School
// (findings, summary row, staged names) stays in memory from one stage to the next.
#pragma once

#include <planctl/app/batch_progress.hpp>
#include <planctl/app/cli.hpp>
#include <planctl/app/output_record.hpp>
#include <planctl/app/render_job.hpp>
#include <planctl/diag/diagnostic.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/util/output_sink.hpp>
#include <planctl/workbook/district_summary.hpp>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace planctl::app {

// What the stages share: the run's options and output folder, and what the schools found so
// far. Thread-safe where the pass touches it (stems, records).
struct BatchRun {
  BatchRun(std::filesystem::path out_dir, RenderOptions options, bool force, Console& console,
           BatchProgress& progress, diag::TextStyle findings_style);

  const std::filesystem::path out_dir;
  const RenderOptions options;
  const bool force;
  Console& console;
  BatchProgress& progress;
  const diag::TextStyle findings_style;
  // Opened once (checking the folder and clearing stale temporary files); each school stages
  // into a fork of it.
  std::unique_ptr<util::DirectorySink> root;
  RecordFinder records;
  // `--bulletin`: each school's bulletins too; with `combined`, each school's part of the
  // district's combined bulletin is kept (School::combined) for the end of the run.
  std::optional<BulletinRequest> bulletin;
  bool combined = false;

  // Records the stem key of input `index`; once two inputs share one, `clash` is set and the
  // pass stops rendering (nothing will be committed).
  void claim_stem(const std::string& stem, std::size_t index);
  std::atomic<bool> clash{false};

private:
  std::mutex m_mutex;
  std::map<std::string, std::size_t> m_stems;
};

// One input and what became of it (its findings are kept beside it, in a diag::FileResult).
struct School {
  std::string path;
  bool passed = false;                          // read with no error: rendered, or unchanged
  std::string stem;                             // for passed files, and failed ones with a model
  bool unchanged = false;                       // its outputs were up to date: nothing rendered
  bool rendered = false;                        // every output committed (or up to date)
  std::size_t written = 0;                      // outputs committed (or up to date)
  std::size_t removed = 0;                      // outputs of an earlier run removed
  std::vector<std::string> notes;               // warnings to print with its line
  std::optional<OutputRecord> old;              // what an earlier run recorded for `stem`
  std::unique_ptr<util::DirectorySink> outputs; // staged outputs
  std::unique_ptr<util::DirectorySink> record;  // its staged record, committed after them
  std::vector<std::string> names;               // the staged outputs' names
  std::vector<std::string> carried;             // earlier bulletins kept in its record
  std::optional<layout::BulletinPart> combined; // its part of the combined bulletin
  bool output_failed = false;                   // an output could not be written
  workbook::SummaryRow summary;
};

// The pass over school `index`: a school whose record proves its input and outputs unchanged
// is taken from the record (no parsing); any other is read and checked, its findings handed to
// the progress, and, when it passes and no stems clash so far, its outputs staged.
// The findings go into `result` (its source dropped once they are printed).
void check_and_stage(School& school, diag::FileResult& result, std::size_t index, BatchRun& run);

// The messages refusing every pair of passed schools that share a stem key, in input order
// (`results` their findings); `taken` gets each passed school's stem key.
std::vector<std::string> stem_clashes(const std::vector<School>& schools,
                                      const std::vector<diag::FileResult>& results,
                                      std::map<std::string, std::size_t>& taken);

// Makes every staged output and record durable before any is renamed into place: one sync of
// the output folder's file system (syncfs) instead of an fsync per file, or, where that is not
// possible, nothing here and commit() fsyncs each file as a single render does.
void make_staged_durable(std::vector<School>& schools, const BatchRun& run);

// Makes school `index`'s staged outputs visible, removes those of an earlier run that it no
// longer produces (or all of them, for a school that now fails and whose stem no other school
// takes: `taken` holds the stem keys of the passed schools), then commits its record.
// Failures to write become an `output-failed` finding of the school.
void commit_school(School& school, diag::FileResult& result, std::size_t index, BatchRun& run,
                   const std::map<std::string, std::size_t>& taken);

// The line `planctl batch` prints in CI for one finished input.
std::string outcome_line(const School& school, const diag::FileResult& result, diag::Lang lang);

} // namespace planctl::app
