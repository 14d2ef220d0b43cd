#include <planctl/app/batch_school.hpp>
#include <planctl/app/file_check.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/sha256.hpp>

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <span>
#include <sstream>

namespace planctl::app {

namespace fs = std::filesystem;

namespace {

// The most bytes a plan file may have (the loader refuses larger ones, unread).
constexpr std::uintmax_t k_max_plan_bytes = 16u * 1024 * 1024;

// The SHA-256 of the plan file at `path` (following symlinks, as the loader does), or
// std::nullopt when it cannot be read or is too large to be a plan.
std::optional<std::string> input_sha256(const std::string& path) {
  std::error_code ec;
  const fs::path native = util::utf8_path(path);
  const std::uintmax_t size = fs::file_size(native, ec);
  if (ec || size > k_max_plan_bytes) {
    return std::nullopt;
  }
  std::ifstream in(native, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  util::Sha256 h;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    h.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) {
    return std::nullopt;
  }
  return h.hex();
}

std::string kept_note(const std::string& file, const fs::path& path, diag::Lang lang) {
  return fmt::format(fmt::runtime(lang == diag::Lang::zh
                                      ? "{}：警告：{} 在上次生成后被修改，未删除"
                                      : "{}: warning: {} was changed since planctl wrote it; it "
                                        "was not removed"),
                     file, util::generic_utf8(path));
}

// The school is not rendered after all: its row loses the counts (outputs.md, Batch).
void mark_failed(School& s, const diag::FileResult& r) {
  workbook::SummaryRow& row = s.summary;
  row.has_counts = false;
  row.tasks = 0;
  row.states = {};
  row.activities = 0;
  row.last_activity.reset();
  row.result =
      workbook::check_result_label(r.diagnostics.error_count(), r.diagnostics.warning_count());
}

// Records that the school's outputs could not be written (`output`) or that planctl failed on
// them (`!output`), as a finding of the school.
void cannot_write(School& s, diag::FileResult& r, const BatchRun& run, bool output,
                  const std::string& what) {
  if (output) {
    s.output_failed = true;
    r.diagnostics.add(r.file, {}, "output-failed", {{"reason", what}});
  } else {
    r.internal_error = true;
    r.diagnostics.add(r.file, {}, "internal-error", {{"what", what}});
  }
  std::string line = diag::format_text(r.diagnostics.items().back(), {},
                                       diag::TextStyle{.lang = run.findings_style.lang});
  line.pop_back(); // the newline
  s.notes.push_back(std::move(line));
  s.outputs.reset();
  s.record.reset();
  mark_failed(s, r);
}

// An unchanged school known from its record: the input's bytes, planctl's version and the
// options match it, its outputs are intact, and it had no findings (so it has its summary row
// and nothing to print). Then nothing is parsed.
bool take_from_record(School& s, diag::FileResult& r, BatchRun& run) {
  if (run.force || run.combined || s.path == "-") { // the combined bulletin needs the model
    return false;
  }
  std::optional<std::pair<std::string, OutputRecord>> found = run.records.find(s.path);
  if (!found || !found->second.summary) {
    return false;
  }
  const std::optional<std::string> sha = input_sha256(s.path);
  if (!sha || !up_to_date(run.out_dir, found->second, record_for(s.path, *sha, run.options))) {
    return false;
  }
  r.file = s.path;
  s.passed = true;
  s.unchanged = true;
  s.stem = std::move(found->first);
  s.written = own_outputs(found->second);
  s.summary = std::move(*found->second.summary);
  s.summary.file = s.path;
  return true;
}

// The note of a school that has no bulletin for `span`: no activities in it.
std::string no_bulletin_note(const std::string& file, const layout::MonthSpan& span,
                             diag::Lang lang) {
  return fmt::format(fmt::runtime(lang == diag::Lang::zh
                                      ? "{}：提示：{} 没有活动，没有简报"
                                      : "{}: note: no activities in {}, so no bulletin"),
                     file, span_label(span));
}

// Stages the bulletins `--bulletin` asks for of a passed school (docs/bulletin.md, "In
// batch"), and keeps its part of the combined bulletin when one is asked for.
void stage_bulletins(School& s, const diag::FileResult& r, const model::PlanFile& plan,
                     const BatchRun& run) {
  std::set<std::string> pictures;
  const std::vector<layout::MonthSpan> spans = bulletin_spans(plan, *run.bulletin);
  if (spans.empty()) { // `all`, and no month has activities
    s.notes.push_back(fmt::format(fmt::runtime(run.findings_style.lang == diag::Lang::zh
                                                   ? "{}：提示：没有活动，没有简报"
                                                   : "{}: note: no activities, so no bulletin"),
                                  r.file));
  }
  for (const layout::MonthSpan& span : spans) {
    if (layout::bulletin_activities(plan, span).empty()) {
      s.notes.push_back(no_bulletin_note(r.file, span, run.findings_style.lang));
      continue;
    }
    layout::Bulletin bulletin = bulletin_of(plan, s.path, s.stem, span, run.options);
    stage_bulletin(bulletin, s.stem + ".bulletin-" + span_label(span), run.options.formats,
                   *s.outputs, pictures);
    if (run.combined) {
      s.combined = layout::BulletinPart{plan.school.name.value, std::move(bulletin)};
    }
  }
}

// The part of the combined bulletin of a school whose outputs were up to date.
void keep_combined_part(School& s, diag::FileResult& r, const model::PlanFile& plan,
                        const BatchRun& run) {
  const layout::MonthSpan& span = run.bulletin->span;
  if (layout::bulletin_activities(plan, span).empty()) {
    return;
  }
  try {
    s.combined = layout::BulletinPart{plan.school.name.value,
                                      bulletin_of(plan, s.path, s.stem, span, run.options)};
  } catch (const std::exception& e) {
    cannot_write(s, r, run, false, e.what());
    s.unchanged = false; // failed: nothing to commit
  }
}

// Stages the outputs of a passed school and its new record (or, when its outputs are up to
// date, at most a record that adds the summary row an earlier `render` did not keep).
void stage_outputs(School& s, diag::FileResult& r, const model::PlanFile& plan,
                   const std::string& sha, BatchRun& run) {
  OutputRecord now = record_for(s.path, sha, run.options);
  if (r.diagnostics.empty()) {
    now.summary = s.summary; // a re-run takes the row from here when nothing changed
  }
  s.old = read_record(run.out_dir, s.stem);
  try {
    if (!run.force && s.old && up_to_date(run.out_dir, *s.old, now)) {
      s.unchanged = true;
      s.written = own_outputs(*s.old);
      if (now.summary && !s.old->summary) {
        now.outputs = s.old->outputs;
        s.record = run.root->fork_directory();
        stage_record(*s.record, s.stem, now);
      }
      return;
    }
    s.outputs = run.root->fork_directory();
    for (const std::string& w : render_plan_file(plan, r.source, s.stem, run.options, *s.outputs)) {
      s.notes.push_back(r.file + ": warning: " + w);
    }
    if (run.bulletin) {
      stage_bulletins(s, r, plan, run);
    }
    // Fingerprinted now, on this school's thread, while the bytes are still in the page cache.
    for (const auto& [name, temp] : s.outputs->staged_files()) {
      s.names.push_back(name);
      now.outputs.emplace_back(name, util::sha256_file(temp).value_or(""));
    }
    if (s.old) {
      carry_other_formats(*s.old, now);
      s.carried = carry_bulletins(run.out_dir, s.stem, *s.old, now);
    }
    s.record = run.root->fork_directory();
    stage_record(*s.record, s.stem, now);
    // Not synced here: make_staged_durable() syncs every school's files at once before any
    // is renamed into place (docs/performance.md).
  } catch (const util::OutputError& e) {
    cannot_write(s, r, run, true, e.what());
  } catch (const std::exception& e) {
    cannot_write(s, r, run, false, e.what());
  }
}

// A school that now fails loses the outputs an earlier run wrote for it (found through its
// record), so that the folder never shows documents the summary calls failed; files changed
// since planctl wrote them stay.
void remove_failed_outputs(School& s, const diag::FileResult& r, BatchRun& run,
                           const std::map<std::string, std::size_t>& taken) {
  const std::optional<std::pair<std::string, OutputRecord>> old = run.records.find(s.path, s.stem);
  if (!old || taken.contains(stem_key(old->first))) {
    return; // none, or another school writes that stem now
  }
  std::vector<std::string> changed;
  s.removed = remove_outputs(run.out_dir, old->second, {}, changed).size();
  for (const std::string& name : changed) {
    s.notes.push_back(
        kept_note(r.file, run.out_dir / util::utf8_path(name), run.findings_style.lang));
  }
  if (changed.empty()) {
    remove_record(run.out_dir, old->first);
  }
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// `2 errors, 1 warning` / `2个错误，1个警告`.
std::string finding_counts(const diag::FileResult& r, diag::Lang lang) {
  const std::size_t errors = r.diagnostics.error_count();
  const std::size_t warnings = r.diagnostics.warning_count();
  std::vector<std::string> parts;
  if (lang == diag::Lang::zh) {
    if (errors) {
      parts.push_back(fmt::format("{}个错误", errors));
    }
    if (warnings) {
      parts.push_back(fmt::format("{}个警告", warnings));
    }
    return fmt::format("{}", fmt::join(parts, "，"));
  }
  if (errors) {
    parts.push_back(plural(errors, "error", "errors"));
  }
  if (warnings) {
    parts.push_back(plural(warnings, "warning", "warnings"));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

} // namespace

BatchRun::BatchRun(fs::path dir, RenderOptions render_options, bool force_all, Console& con,
                   BatchProgress& prog, diag::TextStyle style)
    : out_dir(std::move(dir)), options(std::move(render_options)), force(force_all), console(con),
      progress(prog), findings_style(style), root(std::make_unique<util::DirectorySink>(out_dir)),
      records(out_dir) {
  root->defer_folder_sync(); // once, after every school is committed (run_batch)
}

void BatchRun::claim_stem(const std::string& stem, std::size_t index) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  if (!m_stems.emplace(stem_key(stem), index).second) {
    clash = true;
  }
}

void check_and_stage(School& s, diag::FileResult& r, std::size_t index, BatchRun& run) {
  if (take_from_record(s, r, run)) {
    run.claim_stem(s.stem, index);
    run.progress.findings(index, {});
    run.progress.step(false);
    return;
  }
  CheckedFile checked = check_file(s.path, run.console, run.bulletin.has_value());
  r = std::move(checked.result);
  s.passed = checked.plan && !diag::file_fails(r, false);
  if (checked.plan) {
    s.stem = output_stem(*checked.plan, s.path);
  }
  const std::string sha = util::sha256_hex(r.source);
  run.progress.findings(index, r.diagnostics.empty()
                                   ? std::string()
                                   : diag::format_text(std::span(&r, 1), run.findings_style));
  s.summary = workbook::summary_row(r.file, checked.plan ? &*checked.plan : nullptr, s.passed,
                                    r.diagnostics.error_count(), r.diagnostics.warning_count(),
                                    run.options.as_of);
  if (s.passed) {
    run.claim_stem(s.stem, index);
    if (!run.clash) { // else nothing will be committed: only the stems are still wanted
      stage_outputs(s, r, *checked.plan, sha, run);
      if (run.combined && s.unchanged && !s.combined) {
        keep_combined_part(s, r, *checked.plan, run);
      }
    }
  }
  // Only the excerpts and the .docx (which carries the file) needed it. Swapped out: assigning
  // an empty string would keep its capacity, and with it every school's text to the end.
  std::string().swap(r.source);
  run.progress.step(!s.passed || s.output_failed || r.internal_error);
}

std::vector<std::string> stem_clashes(const std::vector<School>& schools,
                                      const std::vector<diag::FileResult>& results,
                                      std::map<std::string, std::size_t>& taken) {
  std::vector<std::string> clashes;
  for (std::size_t i = 0; i < schools.size(); ++i) {
    const School& s = schools[i];
    if (!s.passed) {
      continue;
    }
    const auto [it, inserted] = taken.emplace(stem_key(s.stem), i);
    if (!inserted) {
      clashes.push_back(stem_clash_message(results[it->second].file, schools[it->second].stem,
                                           results[i].file, s.stem));
    }
  }
  return clashes;
}

// The nothing-lost guarantee of a batch is that no output is renamed into place before its
// bytes are on the disk: a power cut then leaves each final name with either its old file or
// the complete new one, never an empty or partial file. An fsync per file gives that, and
// so does one syncfs() of the output folder's file system after the last school is staged and
// before the first rename: it returns once every dirty page and inode of that file system is
// written, the temporary files among them. It replaces some 8 fsyncs a school (each of which,
// on ext4 without a journal, also writes the folder), about 6% of a batch's CPU time
// (docs/performance.md). What it costs instead is waiting for other programs' unwritten data
// on the same disk, once per batch rather than once per file.
void make_staged_durable(std::vector<School>& schools, const BatchRun& run) {
  if (!util::sync_file_system(run.out_dir)) {
    return; // each commit() fsyncs its files
  }
  for (School& s : schools) {
    if (s.outputs) {
      s.outputs->mark_durable();
    }
    if (s.record) {
      s.record->mark_durable();
    }
  }
}

void commit_school(School& s, diag::FileResult& r, std::size_t index, BatchRun& run,
                   const std::map<std::string, std::size_t>& taken) {
  if (!s.passed) {
    remove_failed_outputs(s, r, run, taken);
  } else if (s.outputs) {
    try {
      s.outputs->commit();
      s.written = s.names.size();
      std::vector<std::string> changed; // old outputs edited since: kept
      if (s.old) {
        const std::vector<std::string> formats = record_for(s.path, "", run.options).formats;
        std::vector<std::string> keep = s.names;
        keep.insert(keep.end(), s.carried.begin(), s.carried.end());
        s.removed = remove_outputs(run.out_dir, *s.old, keep, changed, &formats).size();
      }
      for (const std::string& name : changed) {
        s.notes.push_back(
            kept_note(r.file, run.out_dir / util::utf8_path(name), run.findings_style.lang));
      }
      // After the outputs: a run killed before this leaves the old record, which no longer
      // matches them, so the next run renders again.
      s.record->commit();
      s.rendered = true;
    } catch (const util::OutputError& e) {
      cannot_write(s, r, run, true, e.what());
    } catch (const std::exception& e) {
      cannot_write(s, r, run, false, e.what());
    }
  } else if (s.unchanged) {
    if (s.record) {
      try {
        s.record->commit();
      } catch (const util::OutputError&) {
        // The old record stays, and still matches: the row is read from the plan next time.
      }
    }
    s.rendered = true;
  }
  s.outputs.reset();
  s.record.reset();
  s.old.reset();
  run.progress.step(!s.rendered);
  run.progress.finished(index, outcome_line(s, r, run.findings_style.lang), s.notes);
  s.notes = {};
}

std::string outcome_line(const School& s, const diag::FileResult& r, diag::Lang lang) {
  const bool zh = lang == diag::Lang::zh;
  const std::string counts = finding_counts(r, lang);
  const std::string removed =
      s.removed == 0 ? ""
      : zh           ? fmt::format("，已删除 {} 个旧文件", s.removed)
                     : fmt::format(", {} removed", plural(s.removed, "old output", "old outputs"));
  if (s.rendered) {
    std::string detail =
        zh ? fmt::format("{}个文件", s.written) : plural(s.written, "file", "files");
    if (!counts.empty()) {
      detail += (zh ? "，" : ", ") + counts;
    }
    detail += removed;
    if (s.unchanged) {
      return zh ? fmt::format("未变   {} → {}.*（{}）", r.file, s.stem, detail)
                : fmt::format("unchanged {} → {}.* ({})", r.file, s.stem, detail);
    }
    return zh ? fmt::format("已生成 {} → {}.*（{}）", r.file, s.stem, detail)
              : fmt::format("rendered {} → {}.* ({})", r.file, s.stem, detail);
  }
  return zh ? fmt::format("失败   {}（{}{}）", r.file, counts, removed)
            : fmt::format("failed   {} ({}{})", r.file, counts, removed);
}

} // namespace planctl::app
