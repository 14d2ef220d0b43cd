#include <planctl/app/batch_progress.hpp>
#include <planctl/app/batch_school.hpp>
#include <planctl/app/commands.hpp>
#include <planctl/app/console_style.hpp>
#include <planctl/app/file_check.hpp>
#include <planctl/app/output_record.hpp>
#include <planctl/app/parallel.hpp>
#include <planctl/app/plan_files.hpp>
#include <planctl/app/render_job.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/layout/bulletin.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/workbook/district_summary.hpp>
#include <planctl/write/writers.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>

namespace planctl::app {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct BatchCliOptions {
  std::vector<std::string> inputs;
  std::string out_dir;
  std::vector<std::string> formats{format_words().begin(), format_words().end()}; // all of them
  std::string as_of;
  unsigned jobs = 0;
  bool keep_punctuation = false;
  bool force = false;
  std::string color = "auto";
  std::string lang;
  std::string bulletin;
  bool combined = false;
  std::string issuer;
  std::int64_t bulletin_number = 1;
};

int fail(Console& console, const std::string& message, int code = k_exit_usage) {
  console.err << "planctl: error: " << message << "\n";
  return code;
}

// The output folder, created for the run (staging needs it) but removed again, with the
// parents created for it, when the run ends having written nothing.
class OutputFolder {
public:
  explicit OutputFolder(fs::path dir) : m_dir(std::move(dir)) {}

  // Creates the folder and its missing parents; throws fs::filesystem_error.
  void create() {
    for (fs::path p = m_dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
      m_created.push_back(p);
      if (p == p.parent_path()) {
        break;
      }
    }
    fs::create_directories(m_dir);
  }

  // Removes what create() made, if it is still empty.
  void remove_created() {
    for (const fs::path& p : m_created) {
      std::error_code ec;
      fs::remove(p, ec); // only an empty folder goes
    }
  }

private:
  fs::path m_dir;
  std::vector<fs::path> m_created; // innermost first
};

// The problem rows of `result`, messages in Chinese like the rest of the workbook.
void add_problems(const diag::FileResult& result, std::vector<workbook::ProblemRow>& rows) {
  for (const diag::Diagnostic& d : result.diagnostics.items()) {
    rows.push_back(workbook::ProblemRow{result.file, d.mark.line, d.mark.column,
                                        d.severity == diag::Severity::error, d.rule(),
                                        d.text(diag::Lang::zh)});
  }
}

// The last stage: district-summary.xlsx from every school's row and every finding, the failed
// schools included. Returns the exit code it adds (0, or 2/3 when it cannot be written).
int write_summary(std::vector<School>& schools, const std::vector<diag::FileResult>& results,
                  const BatchRun& run, Console& console) {
  std::vector<workbook::SummaryRow> rows;
  std::vector<workbook::ProblemRow> problems;
  rows.reserve(schools.size());
  for (std::size_t i = 0; i < schools.size(); ++i) {
    rows.push_back(std::move(schools[i].summary));
    add_problems(results[i], problems);
  }
  const fs::path summary_path = run.out_dir / workbook::k_district_summary_name;
  const bool zh = run.findings_style.lang == diag::Lang::zh;
  try {
    util::DirectorySink sink(run.out_dir);
    std::vector<std::string> warnings;
    sink.write_with(workbook::k_district_summary_name, [&](const fs::path& path) {
      warnings = workbook::write_district_summary(rows, problems, run.options.as_of, path);
    });
    sink.commit();
    for (const std::string& w : warnings) {
      console.err << util::generic_utf8(summary_path) << ": warning: " << w << "\n";
    }
    console.err << (zh ? fmt::format("汇总表：{}\n", util::generic_utf8(summary_path))
                       : fmt::format("summary: {}\n", util::generic_utf8(summary_path)));
  } catch (const util::OutputError& e) {
    fail(console, e.what());
    return k_exit_usage;
  } catch (const std::exception& e) {
    fail(console, fmt::format("internal error while writing \"{}\": {} (this is a bug in "
                              "planctl; please report it)",
                              util::generic_utf8(summary_path), e.what()));
    return k_exit_internal;
  }
  return k_exit_ok;
}

// The district's combined bulletin (docs/bulletin.md, "In batch"): the parts of the schools
// rendered, in the summary's order, as `district-bulletin-LABEL.{md,txt,docx,pdf}` (the photos
// beside the Markdown as `district-bulletin-photo-<hash>`). Returns the exit code it adds.
int write_combined_bulletin(std::vector<School>& schools, const BatchCliOptions& o,
                            const BatchRun& run, Console& console) {
  const bool zh = run.findings_style.lang == diag::Lang::zh;
  const std::string label = span_label(run.bulletin->span);
  std::vector<layout::BulletinPart> parts;
  for (School& s : schools) {
    if (s.rendered && s.combined) {
      parts.push_back(std::move(*s.combined));
    }
    s.combined.reset();
  }
  if (parts.empty()) {
    fail(console, fmt::format(fmt::runtime(zh ? "没有学校在 {} 有活动，未写出全区简报"
                                              : "no school rendered has activities in {}; the "
                                                "combined bulletin was not written"),
                              label));
    return k_exit_usage;
  }
  const std::string base = "district-bulletin-" + label;
  try {
    const layout::Bulletin bulletin = layout::combine_bulletins(
        parts, o.issuer, o.bulletin_number, "district-bulletin-photo-",
        layout::LayoutOptions{.keep_punctuation = run.options.keep_punctuation});
    parts.clear();
    util::DirectorySink sink(run.out_dir);
    std::set<std::string> pictures;
    const std::vector<std::string> names =
        stage_bulletin(bulletin, base, run.options.formats, sink, pictures);
    sink.commit();
    for (const std::string& name : names) {
      if (name.starts_with(base)) {
        const std::string path = util::generic_utf8(run.out_dir / util::utf8_path(name));
        console.err << (zh ? fmt::format("全区简报：{}\n", path)
                           : fmt::format("combined bulletin: {}\n", path));
      }
    }
  } catch (const util::OutputError& e) {
    fail(console, std::string(e.what()) + "; the combined bulletin was not written");
    return k_exit_usage;
  } catch (const std::exception& e) {
    fail(console,
         fmt::format("cannot write the combined bulletin: {}; it was not written", e.what()));
    return k_exit_usage;
  }
  return k_exit_ok;
}

// `batch: 199 rendered (150 unchanged), 1 failed, in 1.23 s`.
std::string final_line(const std::vector<School>& schools, const BatchProgress& progress,
                       diag::Lang lang) {
  const auto count = [&](auto pred) {
    return static_cast<std::size_t>(std::count_if(schools.begin(), schools.end(), pred));
  };
  const std::size_t rendered = count([](const School& s) { return s.rendered; });
  const std::size_t unchanged = count([](const School& s) { return s.unchanged && s.rendered; });
  const std::size_t failed = schools.size() - rendered;
  const std::string took = seconds(Clock::now() - progress.start());
  const bool zh = lang == diag::Lang::zh;
  const std::string of_which = unchanged == 0 ? ""
                               : zh           ? fmt::format("（{} 个未变）", unchanged)
                                              : fmt::format(" ({} unchanged)", unchanged);
  return zh ? fmt::format("batch：已生成 {} 个{}，失败 {} 个，用时 {} 秒\n", rendered, of_which,
                          failed, took)
            : fmt::format("batch: {} rendered{}, {} failed, in {} s\n", rendered, of_which, failed,
                          took);
}

// The batch, as the pipeline it is: list the inputs; one pass reads, checks and stages each
// school (streaming: a school's model is gone before the thread takes the next); refuse stems
// that clash, before anything is renamed into place; commit each school; write the summary.
int run_batch(const BatchCliOptions& o, Console& console) {
  RenderOptions options;
  options.formats = formats_named(o.formats);
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
  std::optional<BulletinRequest> bulletin;
  if (!o.bulletin.empty()) {
    bulletin = parse_bulletin_request(o.bulletin);
    if (!bulletin) {
      return fail(console, fmt::format("--bulletin \"{}\" is not a month; write YYYY-MM "
                                       "(2020-06), FIRST..LAST (2020-03..2020-06) or all",
                                       o.bulletin));
    }
    options.bulletin = o.bulletin;
  }
  if (o.combined && (!bulletin || bulletin->all)) {
    return fail(console, "--bulletin-combined needs the month or span of --bulletin (2020-06, "
                         "2020-03..2020-06), not all");
  }
  if (o.combined && o.issuer.empty()) {
    return fail(console, "--bulletin-combined needs --issuer, the district's 编印 unit "
                         "(--issuer 平安区教育局)");
  }
  if (!o.combined && (!o.issuer.empty() || o.bulletin_number != 1)) {
    return fail(console, "--issuer and --bulletin-number are for --bulletin-combined");
  }
  if (o.bulletin_number < 1) {
    return fail(console, "--bulletin-number must be 1 or more");
  }
  const diag::Lang lang = parse_lang(o.lang);
  const bool zh = lang == diag::Lang::zh;
  const unsigned jobs = o.jobs == 0 ? default_jobs() : o.jobs;

  const fs::path out_dir = util::utf8_path(o.out_dir);
  std::error_code ec;
  if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec)) {
    return fail(console, fmt::format("-o \"{}\" is not a folder", o.out_dir));
  }

  // 1. Listing.
  const std::optional<std::vector<std::string>> listed =
      plan_inputs(o.inputs, out_dir, console, lang);
  if (!listed) {
    return k_exit_usage;
  }
  std::vector<School> schools(listed->size());
  std::vector<diag::FileResult> results(listed->size());
  for (std::size_t i = 0; i < schools.size(); ++i) {
    schools[i].path = (*listed)[i];
  }
  BatchProgress progress(console, console.err_is_terminal && !in_ci(), lang, schools.size());

  // The outputs are staged in the output folder itself (a rename is atomic only within one
  // file system); a run that ends writing nothing removes the folder again.
  OutputFolder folder(out_dir);
  std::optional<BatchRun> run;
  try {
    folder.create();
    run.emplace(out_dir, options, o.force, console, progress,
                text_style(parse_color(o.color), console.err_is_terminal, lang));
    run->bulletin = bulletin;
    run->combined = o.combined;
  } catch (const fs::filesystem_error& e) {
    return fail(console,
                fmt::format("cannot create the folder \"{}\": {}", o.out_dir, e.code().message()));
  } catch (const util::OutputError& e) {
    folder.remove_created();
    return fail(console, e.what());
  }

  // 2. Checking and rendering, one pass per school.
  progress.phase(zh ? "生成" : "rendering", schools.size());
  parallel_for(schools.size(), jobs,
               [&](std::size_t i) { check_and_stage(schools[i], results[i], i, *run); });
  const diag::Counts counts = diag::count_results(results, false);
  if (counts.errors + counts.warnings > 0) {
    progress.print(diag::format_summary(counts, false, lang));
  }

  // 3. Every rendered school needs a stem of its own: refused before anything is committed.
  std::map<std::string, std::size_t> taken; // stem key → the school that has it
  const std::vector<std::string> clashes = stem_clashes(schools, results, taken);
  if (!clashes.empty()) {
    progress.close();
    schools.clear(); // every staged file is discarded
    run.reset();
    folder.remove_created();
    for (const std::string& c : clashes) {
      fail(console, c);
    }
    console.err << (zh ? "planctl: 未写出任何文件\n" : "planctl: nothing was written\n");
    return k_exit_usage;
  }

  // 4. Committing, school by school; the CI lines come in input order.
  progress.phase(zh ? "写入" : "writing  ", schools.size());
  make_staged_durable(schools, *run);
  parallel_for(schools.size(), jobs,
               [&](std::size_t i) { commit_school(schools[i], results[i], i, *run, taken); });
  util::sync_folder(out_dir); // every school's renames, made durable at once
  progress.close();

  // 5. Summarising.
  int code = exit_code_for(results, false);
  if (std::any_of(schools.begin(), schools.end(),
                  [](const School& s) { return s.output_failed; })) {
    code = std::max<int>(code, k_exit_usage);
  }
  code = std::max(code, write_summary(schools, results, *run, console));
  if (o.combined) {
    code = std::max(code, write_combined_bulletin(schools, o, *run, console));
  }
  if (std::find(run->options.formats.begin(), run->options.formats.end(), OutputFormat::pdf) !=
          run->options.formats.end() &&
      std::any_of(schools.begin(), schools.end(),
                  [](const School& s) { return s.rendered && !s.unchanged; })) {
#if PLANCTL_HAVE_PDF
    for (const std::string& note : write::pdf_font_notes()) {
      console.err << "planctl: warning: " << note << "\n"; // once a run, not once a school
    }
#endif
  }
  console.err << final_line(schools, progress, lang);
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
      ->check(one_of(format_words(), "format"))
      ->default_str(default_format_list());
  cmd.add_option("--as-of", o->as_of,
                 "Date task states are computed for\n(default: today, or SOURCE_DATE_EPOCH's day)")
      ->type_name("YYYY-MM-DD")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_flag("--keep-punctuation", o->keep_punctuation,
               "Keep ASCII punctuation next to Chinese\ntext as written");
  cmd.add_flag("--force", o->force,
               "Render every school, also those whose\noutputs are up to date");
  add_console_options(cmd, o->color, o->lang);
  cmd.add_option("--bulletin", o->bulletin,
                 "Also write each school's 工作简报 for a month\n(2020-06), a span "
                 "(2020-03..2020-06) or all")
      ->type_name("MONTH")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_flag("--bulletin-combined", o->combined,
               "Also write the district's combined bulletin\nof the --bulletin month");
  cmd.add_option("--issuer", o->issuer, "The combined bulletin's 编印 unit and name")
      ->type_name("TEXT")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_option("--bulletin-number", o->bulletin_number,
                 "The combined bulletin's 期号 (default 1)")
      ->type_name("N")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  return [o](Console& console) { return run_batch(*o, console); };
}

} // namespace planctl::app
