#include <planctl/app/commands.hpp>
#include <planctl/app/console_style.hpp>
#include <planctl/app/file_check.hpp>
#include <planctl/app/parallel.hpp>
#include <planctl/app/plan_files.hpp>
#include <planctl/generated/version.hpp>
#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>

namespace planctl::app {

namespace {

const std::string k_formats[] = {"text", "json", "github", "junit", "gitlab", "sarif"};

struct ValidateOptions {
  std::vector<std::string> files;
  bool strict = false;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  std::string lang;
  unsigned jobs = 0;
};

std::string machine_report(const std::string& format, std::span<const diag::FileResult> results,
                           bool strict, diag::Lang lang) {
  if (format == "json") {
    return diag::format_json(results, strict, lang);
  }
  if (format == "junit") {
    return diag::format_junit(results, strict, lang);
  }
  if (format == "github") {
    return diag::format_github(results, lang);
  }
  if (format == "gitlab") {
    return diag::format_gitlab(results, lang);
  }
  if (format == "sarif") {
    return diag::format_sarif(results, k_version, lang);
  }
  return diag::format_text(results, diag::TextStyle{.lang = lang});
}

// Writes `text` to the file `path` atomically, through the same sink as every output.
void write_report_file(const std::string& path, const std::string& text) {
  const std::filesystem::path p = util::utf8_path(path);
  const std::string name = util::path_utf8(p.filename());
  if (name.empty() || name == "." || name == "..") {
    throw util::OutputError("--output \"" + path + "\" names a folder; give a file name");
  }
  util::DirectorySink sink(p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path());
  sink.write(name, text);
  sink.commit();
}

// Under GitHub Actions, appends the Markdown summary to the job summary file; a file that
// cannot be written is a warning, since the findings are in the log and the report anyway.
void append_step_summary(std::span<const diag::FileResult> results, bool strict, diag::Lang lang,
                         Console& console) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (!path || !*path) {
    return;
  }
  std::ofstream out(util::utf8_path(path), std::ios::binary | std::ios::app);
  out << diag::format_step_summary(results, strict, lang);
  out.flush();
  if (!out) {
    console.err << "planctl: warning: cannot append to GITHUB_STEP_SUMMARY \""
                << diag::printable(path) << "\"\n";
  }
}

int run_validate(const ValidateOptions& o, Console& console) {
  const diag::Lang lang = parse_lang(o.lang);
  const std::optional<std::vector<std::string>> files = plan_inputs(o.files, {}, console, lang);
  if (!files) {
    return k_exit_usage;
  }
  std::vector<diag::FileResult> results;
  for (CheckedFile& f : check_files(*files, console, o.jobs, true, true)) {
    results.push_back(std::move(f.result));
  }
  const bool to_file = !o.output.empty();
  int code = exit_code_for(results, o.strict);

  if (to_file) {
    try {
      write_report_file(o.output, machine_report(o.format, results, o.strict, lang));
    } catch (const util::OutputError& e) {
      console.err << "planctl: error: " << e.what() << "\n";
      code = std::max<int>(code, k_exit_usage);
    }
  } else if (o.format != "text") {
    console.out << machine_report(o.format, results, o.strict, lang);
  }
  // Human text goes to the console unless the console already carries JSON or XML.
  if (to_file || o.format == "text" || o.format == "github") {
    console.out << diag::format_text(
        results, text_style(parse_color(o.color), console.out_is_terminal, lang));
  }
  console.err << diag::format_summary(diag::count_results(results, o.strict), o.strict, lang);
  append_step_summary(results, o.strict, lang, console);
  return code;
}

} // namespace

Handler setup_validate(CLI::App& cmd) {
  auto o = std::make_shared<ValidateOptions>();
  cmd.add_option("FILE", o->files, "Plan files or folders to check\n(- reads standard input)")
      ->required()
      ->type_name("");
  cmd.add_flag("--strict", o->strict, "Warnings fail too (exit 1)");
  add_jobs_option(cmd, o->jobs);
  cmd.add_option("-f,--format", o->format, "Report format")
      ->type_name("FORMAT")
      ->check(one_of(k_formats, "format"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->capture_default_str();
  cmd.add_option("-o,--output", o->output,
                 "Write the --format report to FILE;\nthe console still gets the text")
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  add_console_options(cmd, o->color, o->lang);
  return [o](Console& console) { return run_validate(*o, console); };
}

} // namespace planctl::app
