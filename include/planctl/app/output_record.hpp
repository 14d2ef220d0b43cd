// What each stem's outputs in an output folder were made from, so that a re-run renders only
// what changed and removes the outputs a stem no longer produces (as `ninja -t cleandead`
// does), and never a file planctl did not write. One hidden file per stem,
// `.STEM.planctl.json`, beside the outputs (docs/cli.md, "Re-runs").
#pragma once

#include <planctl/app/render_job.hpp>
#include <planctl/util/output_sink.hpp>
#include <planctl/workbook/district_summary.hpp>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace planctl::app {

struct OutputRecord {
  std::string input;        // the input's path as given (to find a school that now fails)
  std::string input_sha256; // of the input's bytes
  std::string planctl;      // planctl's version
  std::string as_of;        // YYYY-MM-DD
  std::vector<std::string> formats;
  bool keep_punctuation = false;
  std::string bulletin; // `batch --bulletin` as written; empty for none
  std::vector<std::pair<std::string, std::string>> outputs; // file name → its SHA-256
  // The school's row of district-summary.xlsx (`batch` only, for a school without findings):
  // a re-run takes it from here instead of reading the plan again. `file` and `result` are not
  // stored (the input, and 通过).
  std::optional<workbook::SummaryRow> summary;
};

// The record's file name for `stem`.
std::string record_name(const std::string& stem);

// The record a run with `options` makes for `input` whose bytes have the SHA-256
// `input_sha256` (without outputs yet).
OutputRecord record_for(const std::string& input, const std::string& input_sha256,
                        const RenderOptions& options);

// The record of `stem` in `dir`; std::nullopt when missing, unreadable, corrupt or from another
// record version.
std::optional<OutputRecord> read_record(const std::filesystem::path& dir, const std::string& stem);

// Whether `old` was made from the same input, version, date, formats and options as `now`,
// and every output it lists is in `dir` with the bytes planctl wrote.
bool up_to_date(const std::filesystem::path& dir, const OutputRecord& old, const OutputRecord& now);

// Fills `record.outputs` with `names` and the SHA-256 of each as it is now in `dir`.
void hash_outputs(const std::filesystem::path& dir, const std::vector<std::string>& names,
                  OutputRecord& record);

// Whether the output file `name` is in one of `formats` (by its extension: md, txt, …).
bool in_formats(const std::vector<std::string>& formats, const std::string& name);

// Removes from `dir` every output of `old` that is not among `keep`, is in one of `formats`
// (outputs of formats not asked for this time are left alone: outputs.md; every format when
// `formats` is null) and still holds the bytes planctl wrote (a file edited since, or replaced
// by something else, stays). Returns the names removed, and adds to `kept` the names left
// because they were changed.
std::vector<std::string> remove_outputs(const std::filesystem::path& dir, const OutputRecord& old,
                                        const std::vector<std::string>& keep,
                                        std::vector<std::string>& kept,
                                        const std::vector<std::string>* formats = nullptr);

// How many of `record.outputs` are in its own formats (not carried from other runs).
std::size_t own_outputs(const OutputRecord& record);

// Adds to `now.outputs` the outputs of `old` in formats `now` does not ask for, as recorded,
// so that they stay planctl's to remove when a later run asks for their format again.
void carry_other_formats(const OutputRecord& old, OutputRecord& now);

// Whether the output `name` of `stem` is one of its bulletins or their photos
// (`STEM.bulletin-…`, `STEM.photo-…`).
bool is_bulletin_output(const std::string& stem, const std::string& name);

// Adds to `now.outputs` the bulletins (and photos) of `old` that `now` does not list and that
// are still in `dir` as planctl wrote them: a bulletin once published stays, and stays
// planctl's to remove if the school fails. Returns their names.
std::vector<std::string> carry_bulletins(const std::filesystem::path& dir, const std::string& stem,
                                         const OutputRecord& old, OutputRecord& now);

// Stages the record of `stem` in `sink`.
void stage_record(util::OutputSink& sink, const std::string& stem, const OutputRecord& record);

// Removes the record of `stem` from `dir`, if any.
void remove_record(const std::filesystem::path& dir, const std::string& stem);

// Every record in `dir`: its input → its stem.
std::map<std::string, std::string> find_record_stems(const std::filesystem::path& dir);

// Finds the record an earlier run left for an input, before the input is read (its stem may be
// its school.code): first under the input's file name, then by the input each record names.
// The folder is listed at most once, and only when a file name misses. Thread-safe.
class RecordFinder {
public:
  explicit RecordFinder(std::filesystem::path dir) : m_dir(std::move(dir)) {}

  // The stem and record whose `input` is `input`, if any (tried under `stem` first when given).
  std::optional<std::pair<std::string, OutputRecord>> find(const std::string& input,
                                                           const std::string& stem = {});

private:
  std::filesystem::path m_dir;
  std::once_flag m_listed;
  std::map<std::string, std::string> m_stems; // input → stem, once listed
};

} // namespace planctl::app
