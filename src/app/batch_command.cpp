#include <planctl/app/commands.hpp>
#include <planctl/app/console_style.hpp>
#include <planctl/app/file_check.hpp>
#include <planctl/app/output_record.hpp>
#include <planctl/app/parallel.hpp>
#include <planctl/app/plan_files.hpp>
#include <planctl/app/render_job.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/util/sha256.hpp>
#include <planctl/workbook/district_summary.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>

namespace planctl::app {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string k_formats[] = {"md", "txt", "docx", "xlsx"};
const std::string k_colors[] = {"auto", "always", "never"};
const std::string k_langs[] = {"en", "zh"};

struct BatchCliOptions {
  std::vector<std::string> inputs;
  std::string out_dir;
  std::vector<std::string> formats{"md", "txt", "docx", "xlsx"};
  std::string as_of;
  unsigned jobs = 0;
  bool keep_punctuation = false;
  bool force = false;
  std::string color = "auto";
  std::string lang;
};

int fail(Console& console, const std::string& message, int code = k_exit_usage) {
  console.err << "planctl: error: " << message << "\n";
  return code;
}

std::vector<OutputFormat> chosen_formats(const std::vector<std::string>& words) {
  std::vector<OutputFormat> formats;
  for (OutputFormat f :
       {OutputFormat::md, OutputFormat::txt, OutputFormat::docx, OutputFormat::xlsx}) {
    if (std::find(words.begin(), words.end(), format_name(f)) != words.end()) {
      formats.push_back(f);
    }
  }
  return formats;
}

// One input and what became of it.
struct Entry {
  std::string path;
  CheckedFile checked;
  bool passed = false;               // loaded with no error: it is rendered
  std::string stem;                  // for passed files, and failed ones with a model
  std::string input_sha256;          // of the bytes checked
  bool rendered = false;             // every output written (or up to date)
  bool unchanged = false;            // the outputs were up to date: nothing written
  std::size_t written = 0;           // files written (or up to date)
  std::size_t removed = 0;           // outputs of an earlier run removed
  std::vector<std::string> warnings; // the workbook's warnings
  workbook::SummaryRow summary;
};

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

// The line `planctl batch` prints in CI for one finished input.
std::string outcome_line(const Entry& e, const diag::FileResult& r, diag::Lang lang) {
  const bool zh = lang == diag::Lang::zh;
  const std::string counts = finding_counts(r, lang);
  const std::string removed =
      e.removed == 0 ? ""
      : zh           ? fmt::format("，已删除 {} 个旧文件", e.removed)
                     : fmt::format(", {} removed", plural(e.removed, "old output", "old outputs"));
  if (e.rendered) {
    std::string detail =
        zh ? fmt::format("{}个文件", e.written) : plural(e.written, "file", "files");
    if (!counts.empty()) {
      detail += (zh ? "，" : ", ") + counts;
    }
    detail += removed;
    if (e.unchanged) {
      return zh ? fmt::format("未变   {} → {}.*（{}）", r.file, e.stem, detail)
                : fmt::format("unchanged {} → {}.* ({})", r.file, e.stem, detail);
    }
    return zh ? fmt::format("已生成 {} → {}.*（{}）", r.file, e.stem, detail)
              : fmt::format("rendered {} → {}.* ({})", r.file, e.stem, detail);
  }
  return zh ? fmt::format("失败   {}（{}{}）", r.file, counts, removed)
            : fmt::format("failed   {} ({}{})", r.file, counts, removed);
}

std::string seconds(Clock::duration d) {
  return fmt::format("{:.2f}", std::chrono::duration<double>(d).count());
}

// What the user sees while the batch runs, on standard error: on a terminal a progress bar
// redrawn in place; in CI (no terminal, or `CI` set) one line per input, in input order
// whatever order the threads finish in, so that two logs of one run can be compared.
class Progress {
public:
  Progress(Console& console, bool bar, diag::Lang lang, std::size_t inputs)
      : m_console(console), m_bar(bar), m_lang(lang), m_lines(inputs),
        m_width(std::to_string(inputs).size()), m_start(Clock::now()) {}

  Clock::time_point start() const { return m_start; }

  // Starts counting `total` steps of the phase named `label`.
  void phase(std::string label, std::size_t total) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_label = std::move(label);
    m_total = total;
    m_done = 0;
    draw(true);
  }

  // One step of the phase is done; `failed` counts it among the failures shown.
  void step(bool failed) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    ++m_done;
    m_failed += failed ? 1 : 0;
    draw(m_done == m_total);
  }

  // Input `index` has finished with `line` (CI) and `notes` (warnings, printed in both modes).
  void finished(std::size_t index, std::string line, std::vector<std::string> notes) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_bar) {
      if (!notes.empty()) {
        erase();
        for (const std::string& n : notes) {
          m_console.err << n << "\n";
        }
        draw(true);
      }
      return;
    }
    m_lines[index] = Pending{true, std::move(line), std::move(notes)};
    while (m_next < m_lines.size() && m_lines[m_next].ready) {
      const Pending& p = m_lines[m_next];
      m_console.err << fmt::format("[{:>{}}/{}] ", m_next + 1, m_width, m_lines.size()) << p.line
                    << "\n";
      for (const std::string& n : p.notes) {
        m_console.err << n << "\n";
      }
      m_lines[m_next] = Pending{};
      ++m_next;
    }
    m_console.err.flush();
  }

  // Prints `text` (whole lines) above the bar.
  void print(const std::string& text) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    erase();
    m_console.err << text;
    draw(true);
  }

  // Removes the bar for good.
  void close() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    erase();
    m_label.clear();
  }

private:
  struct Pending {
    bool ready = false;
    std::string line;
    std::vector<std::string> notes;
  };

  void erase() {
    if (m_bar && m_drawn) {
      m_console.err << "\r\033[K";
      m_drawn = false;
    }
  }

  void draw(bool force) {
    if (!m_bar || m_label.empty()) {
      return;
    }
    const Clock::time_point now = Clock::now();
    // A redraw per file would flood a slow terminal; ten a second look continuous.
    if (!force && now - m_last_draw < std::chrono::milliseconds(100)) {
      return;
    }
    m_last_draw = now;
    constexpr std::size_t k_cells = 24;
    const std::size_t filled = m_total == 0 ? k_cells : k_cells * m_done / m_total;
    const std::string bar = std::string(filled, '#') + std::string(k_cells - filled, '.');
    const bool zh = m_lang == diag::Lang::zh;
    m_console.err << "\r\033[K"
                  << fmt::format(fmt::runtime(zh ? "{} [{}] {}/{}，失败 {}，{} 秒"
                                                 : "{} [{}] {}/{}, {} failed, {} s"),
                                 m_label, bar, m_done, m_total, m_failed, seconds(now - m_start));
    m_console.err.flush();
    m_drawn = true;
  }

  Console& m_console;
  const bool m_bar;
  const diag::Lang m_lang;
  std::mutex m_mutex;
  std::vector<Pending> m_lines;
  std::size_t m_next = 0;
  const std::size_t m_width;
  const Clock::time_point m_start;
  Clock::time_point m_last_draw{};
  std::string m_label;
  std::size_t m_total = 0;
  std::size_t m_done = 0;
  std::size_t m_failed = 0;
  bool m_drawn = false;
};

// Output sinks for the output folder, one per thread and reused from school to school: a sink
// checks the folder and clears stale temporary files when it opens, work for once per thread,
// not once per school (with thousands of outputs already in the folder).
class SinkPool {
public:
  explicit SinkPool(fs::path dir) : m_dir(std::move(dir)) {}

  std::unique_ptr<util::DirectorySink> take() {
    {
      const std::lock_guard<std::mutex> lock(m_mutex);
      if (!m_free.empty()) {
        std::unique_ptr<util::DirectorySink> sink = std::move(m_free.back());
        m_free.pop_back();
        return sink;
      }
    }
    return std::make_unique<util::DirectorySink>(m_dir);
  }

  // Returns `sink` for reuse; whatever it still holds staged is dropped.
  void give(std::unique_ptr<util::DirectorySink> sink) {
    sink->discard();
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_free.push_back(std::move(sink));
  }

private:
  fs::path m_dir;
  std::mutex m_mutex;
  std::vector<std::unique_ptr<util::DirectorySink>> m_free;
};

// The most plan file bytes whose models stay in memory from checking to rendering: models take
// about four times their file's size, so 64 MiB (some 800 schools) keeps a batch under about
// 300 MiB; loading each file again costs a larger batch about a third more time.
constexpr std::uintmax_t k_keep_models_bytes = std::uintmax_t{64} * 1024 * 1024;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && *ci && std::string_view(ci) != "0" && std::string_view(ci) != "false";
}

// The problem rows of `result`, messages in Chinese like the rest of the workbook.
void add_problems(const diag::FileResult& result, std::vector<workbook::ProblemRow>& rows) {
  for (const diag::Diagnostic& d : result.diagnostics.items()) {
    rows.push_back(workbook::ProblemRow{result.file, d.mark.line, d.mark.column,
                                        d.severity == diag::Severity::error, d.rule(),
                                        d.text(diag::Lang::zh)});
  }
}

int run_batch(const BatchCliOptions& o, Console& console) {
  RenderOptions options;
  options.formats = chosen_formats(o.formats);
  options.keep_punctuation = o.keep_punctuation;
  options.as_of = util::today();
  if (!o.as_of.empty()) {
    const std::optional<util::Date> date = util::parse_date(o.as_of);
    if (!date) {
      return fail(console, fmt::format("--as-of \"{}\" is not a date; write YYYY-MM-DD, e.g. "
                                       "2020-12-31",
                                       o.as_of));
    }
    options.as_of = *date;
  }
  const diag::Lang lang = parse_lang(o.lang);
  const bool zh = lang == diag::Lang::zh;
  const unsigned jobs = o.jobs == 0 ? default_jobs() : o.jobs;

  // The output folder is created only once the run is known to write something, but a path
  // that can never be a folder is reported at once.
  const fs::path out_dir = o.out_dir;
  std::error_code ec;
  if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec)) {
    return fail(console, fmt::format("-o \"{}\" is not a folder", o.out_dir));
  }

  const std::optional<std::vector<std::string>> listed =
      plan_inputs(o.inputs, out_dir, console, lang);
  if (!listed) {
    return k_exit_usage;
  }
  const std::vector<std::string>& paths = *listed;

  std::vector<Entry> entries(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    entries[i].path = paths[i];
  }
  Progress progress(console, console.err_is_terminal && !in_ci(), lang, entries.size());

  // 1. Load and check every file; a file that fails is only recorded.
  // A model takes several times its file's size in memory: a district too large to hold them
  // all between checking and rendering loads each file again when rendering it.
  std::uintmax_t input_bytes = 0;
  for (const Entry& e : entries) {
    std::error_code size_error;
    const std::uintmax_t size = fs::file_size(e.path, size_error);
    input_bytes += size_error ? 0 : size;
  }
  std::uintmax_t keep_limit = k_keep_models_bytes;
  if (const char* limit = std::getenv("PLANCTL_BATCH_KEEP_BYTES"); limit && *limit) {
    // For tests and for machines short of memory (docs/performance.md).
    keep_limit = std::strtoumax(limit, nullptr, 10);
  }
  const bool keep_models = input_bytes <= keep_limit;
  progress.phase(zh ? "检查" : "checking ", entries.size());
  parallel_for(entries.size(), jobs, [&](std::size_t i) {
    Entry& e = entries[i];
    e.checked = check_file(e.path, console);
    diag::FileResult& r = e.checked.result;
    e.passed = e.checked.plan && !diag::file_fails(r, false);
    e.input_sha256 = util::sha256_hex(r.source);
    if (e.checked.plan) {
      e.stem = output_stem(*e.checked.plan, e.path);
    }
    if (e.passed) {
      if (!keep_models && e.path != "-") {
        e.checked.plan.reset();
      }
    } else {
      e.summary = workbook::summary_row(r.file, e.checked.plan ? &*e.checked.plan : nullptr, false,
                                        r.diagnostics.error_count(), r.diagnostics.warning_count(),
                                        options.as_of);
      e.checked.plan.reset();
    }
    if (r.diagnostics.empty()) {
      r.source = std::string(); // kept only for the excerpts of findings
    }
    progress.step(!e.passed);
  });
  std::vector<diag::FileResult> results;
  results.reserve(entries.size());
  for (Entry& e : entries) {
    results.push_back(std::move(e.checked.result));
  }
  const std::string findings =
      diag::format_text(results, text_style(parse_color(o.color), console.err_is_terminal, lang));
  if (!findings.empty()) {
    progress.print(findings +
                   diag::format_summary(diag::count_results(results, false), false, lang));
  }
  for (diag::FileResult& r : results) {
    r.source = std::string(); // only the excerpts above needed it
  }

  // 2. Every rendered file needs a stem of its own, known before anything is written.
  std::map<std::string, std::size_t> stems; // stem → the entry that has it
  std::vector<std::string> clashes;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    if (!e.passed) {
      continue;
    }
    const auto [it, inserted] = stems.emplace(stem_key(e.stem), i);
    if (!inserted) {
      clashes.push_back(stem_clash_message(results[it->second].file, entries[it->second].stem,
                                           results[i].file, e.stem));
    }
  }
  if (!clashes.empty()) {
    progress.close();
    for (const std::string& c : clashes) {
      fail(console, c);
    }
    console.err << (zh ? "planctl: 未写出任何文件\n" : "planctl: nothing was written\n");
    return k_exit_usage;
  }
  SinkPool sinks(out_dir);
  try {
    fs::create_directories(out_dir);
    sinks.give(sinks.take()); // missing, not a folder or not writable
  } catch (const fs::filesystem_error& e) {
    progress.close();
    return fail(console,
                fmt::format("cannot create the folder \"{}\": {}", o.out_dir, e.code().message()));
  } catch (const util::OutputError& e) {
    progress.close();
    return fail(console, e.what());
  }

  // 3. Render the files that passed, each into its own sink: one failure costs one school.
  // A school that now fails loses the outputs an earlier run wrote for it (found through its
  // record), so that the folder never shows documents the summary calls failed; files changed
  // since planctl wrote them stay.
  std::optional<std::map<std::string, std::string>> record_stems; // input → stem, when needed
  std::vector<std::size_t> to_render;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    if (e.passed) {
      to_render.push_back(i);
      continue;
    }
    std::optional<OutputRecord> old;
    std::string old_stem = e.stem;
    if (!old_stem.empty()) {
      old = read_record(out_dir, old_stem);
    }
    if (!old || old->input != e.path) {
      if (!record_stems) {
        record_stems = find_record_stems(out_dir);
      }
      const auto it = record_stems->find(e.path);
      old_stem = it == record_stems->end() ? std::string() : it->second;
      old = old_stem.empty() ? std::nullopt : read_record(out_dir, old_stem);
    }
    std::vector<std::string> notes;
    if (old && old->input == e.path && !stems.contains(stem_key(old_stem))) {
      std::vector<std::string> changed;
      e.removed = remove_outputs(out_dir, *old, {}, changed).size();
      for (const std::string& name : changed) {
        notes.push_back(fmt::format(fmt::runtime(zh ? "{}：警告：{} 在上次生成后被修改，未删除"
                                                    : "{}: warning: {} was changed since "
                                                      "planctl wrote it; it was not removed"),
                                    results[i].file, (out_dir / name).string()));
      }
      if (changed.empty()) {
        remove_record(out_dir, old_stem);
      }
    }
    progress.finished(i, outcome_line(e, results[i], lang), std::move(notes));
  }
  bool output_failed = false;
  std::mutex failure_mutex;
  progress.phase(zh ? "生成" : "rendering", to_render.size());
  parallel_for(to_render.size(), jobs, [&](std::size_t k) {
    const std::size_t i = to_render[k];
    Entry& e = entries[i];
    diag::FileResult& r = results[i];
    std::optional<std::string> output_error;
    std::optional<std::string> internal_error;
    if (!e.checked.plan) {
      // Loaded again (see keep_models); a file edited since it was checked is not rendered.
      CheckedFile again = check_file(e.path, console);
      if (again.plan && !diag::file_fails(again.result, false) &&
          output_stem(*again.plan, e.path) == e.stem) {
        e.checked.plan = std::move(again.plan);
        e.input_sha256 = util::sha256_hex(again.result.source);
      } else {
        output_error = "the file changed while planctl batch was running; run it again";
      }
    }
    std::vector<std::string> changed; // old outputs edited since: kept
    if (e.checked.plan) {
      try {
        std::unique_ptr<util::DirectorySink> sink = sinks.take();
        try {
          OutputRecord now = record_for(e.path, e.input_sha256, options);
          const std::optional<OutputRecord> old = read_record(out_dir, e.stem);
          if (!o.force && old && up_to_date(out_dir, *old, now)) {
            e.unchanged = true;
            e.written = old->outputs.size();
          } else {
            e.warnings = render_plan_file(*e.checked.plan, e.stem, options, *sink);
            std::vector<std::string> names;
            for (const fs::path& p : sink->commit()) {
              names.push_back(p.filename().string());
            }
            e.written = names.size();
            hash_outputs(out_dir, names, now);
            if (old) {
              e.removed = remove_outputs(out_dir, *old, names, changed).size();
            }
            // After the outputs: a run killed before this leaves the old record, which no
            // longer matches, so the next run renders again.
            stage_record(*sink, e.stem, now);
            sink->commit();
          }
          e.rendered = true;
        } catch (...) {
          sinks.give(std::move(sink));
          throw;
        }
        sinks.give(std::move(sink));
      } catch (const util::OutputError& ex) {
        output_error = ex.what();
      } catch (const std::exception& ex) {
        internal_error = ex.what();
      }
    }
    if (output_error || internal_error) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      output_failed = output_failed || output_error.has_value();
      r.internal_error = r.internal_error || internal_error.has_value();
    }
    if (output_error) {
      r.diagnostics.add(r.file, {}, "output-failed", {{"reason", *output_error}});
    } else if (internal_error) {
      r.diagnostics.add(r.file, {}, "internal-error", {{"what", *internal_error}});
    }
    std::vector<std::string> notes;
    for (const std::string& w : e.warnings) {
      notes.push_back(r.file + ": warning: " + w);
    }
    for (const std::string& name : changed) {
      notes.push_back(fmt::format(fmt::runtime(zh ? "{}：警告：{} 在上次生成后被修改，未删除"
                                                  : "{}: warning: {} was changed since planctl "
                                                    "wrote it; it was not removed"),
                                  r.file, (out_dir / name).string()));
    }
    if (output_error || internal_error) {
      notes.push_back(
          diag::format_text(r.diagnostics.items().back(), {}, diag::TextStyle{.lang = lang}));
      notes.back().pop_back(); // the newline
    }
    e.summary = workbook::summary_row(r.file, e.checked.plan ? &*e.checked.plan : nullptr,
                                      e.rendered, r.diagnostics.error_count(),
                                      r.diagnostics.warning_count(), options.as_of);
    e.checked.plan.reset(); // a district's models need not all stay in memory
    progress.step(!e.rendered);
    progress.finished(i, outcome_line(e, r, lang), std::move(notes));
  });
  progress.close();

  // 4. The summary of every input, the failed ones included.
  std::vector<workbook::SummaryRow> rows;
  std::vector<workbook::ProblemRow> problems;
  std::size_t rendered = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    rendered += e.rendered ? 1 : 0;
    rows.push_back(std::move(e.summary));
    add_problems(results[i], problems);
  }
  int code = exit_code_for(results, false);
  if (output_failed) {
    code = std::max<int>(code, k_exit_usage);
  }
  const fs::path summary_path = out_dir / workbook::k_district_summary_name;
  try {
    util::DirectorySink sink(out_dir);
    std::vector<std::string> warnings;
    sink.write_with(workbook::k_district_summary_name, [&](const fs::path& path) {
      warnings = workbook::write_district_summary(rows, problems, options.as_of, path);
    });
    sink.commit();
    for (const std::string& w : warnings) {
      console.err << summary_path.string() << ": warning: " << w << "\n";
    }
    console.err << (zh ? fmt::format("汇总表：{}\n", summary_path.string())
                       : fmt::format("summary: {}\n", summary_path.string()));
  } catch (const util::OutputError& e) {
    fail(console, e.what());
    code = std::max<int>(code, k_exit_usage);
  } catch (const std::exception& e) {
    fail(console, fmt::format("internal error while writing \"{}\": {} (this is a bug in "
                              "planctl; please report it)",
                              summary_path.string(), e.what()));
    code = k_exit_internal;
  }

  const std::size_t failed = entries.size() - rendered;
  const std::size_t unchanged = static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return e.unchanged; }));
  const std::string took = seconds(Clock::now() - progress.start());
  const std::string of_which = unchanged == 0 ? ""
                               : zh           ? fmt::format("（{} 个未变）", unchanged)
                                              : fmt::format(" ({} unchanged)", unchanged);
  console.err << (zh ? fmt::format("batch：已生成 {} 个{}，失败 {} 个，用时 {} 秒\n", rendered,
                                   of_which, failed, took)
                     : fmt::format("batch: {} rendered{}, {} failed, in {} s\n", rendered, of_which,
                                   failed, took));
  return code;
}

} // namespace

Handler setup_batch(CLI::App& cmd) {
  auto o = std::make_shared<BatchCliOptions>();
  cmd.add_option("INPUT", o->inputs,
                 "Plan files, or folders searched for\n*.yaml and *.yml files (recursively)")
      ->required()
      ->type_name("");
  cmd.add_option("-o,--output-dir", o->out_dir, "Folder to write into (created when\nmissing)")
      ->required()
      ->type_name("DIR")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  add_jobs_option(cmd, o->jobs);
  cmd.add_option("-f,--format", o->formats, "Outputs to write per school, comma-separated")
      ->type_name("FORMAT")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->check(one_of(k_formats, "format"))
      ->default_str("md,txt,docx,xlsx");
  cmd.add_option("--as-of", o->as_of,
                 "Date task states are computed for\n(default: today, or SOURCE_DATE_EPOCH's day)")
      ->type_name("YYYY-MM-DD")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_flag("--keep-punctuation", o->keep_punctuation,
               "Keep ASCII punctuation next to Chinese\ntext as written");
  cmd.add_flag("--force", o->force,
               "Render every school, also those whose\noutputs are up to date");
  cmd.add_option("--color", o->color,
                 "Colours and source lines in diagnostics\n(auto: when writing to a terminal)")
      ->type_name("WHEN")
      ->check(one_of(k_colors, "color mode"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->capture_default_str();
  cmd.add_option("--lang", o->lang, "Message language\n(default: from LC_ALL, LC_MESSAGES or LANG)")
      ->type_name("LANG")
      ->check(one_of(k_langs, "language"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  return [o](Console& console) { return run_batch(*o, console); };
}

} // namespace planctl::app
