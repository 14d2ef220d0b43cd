#include <planctl/app/commands.hpp>
#include <planctl/app/console_style.hpp>
#include <planctl/app/file_check.hpp>
#include <planctl/app/output_record.hpp>
#include <planctl/app/plan_files.hpp>
#include <planctl/app/render_job.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/sha256.hpp>
#include <planctl/write/writers.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <thread>

namespace planctl::app {

namespace {

struct RenderCliOptions {
  std::vector<std::string> files;
  std::string out_dir;
  std::vector<std::string> formats{format_words().begin(), format_words().end()}; // all of them
  std::string as_of;
  bool keep_punctuation = false;
  bool force = false;
  std::string color = "auto";
  std::string lang;
  std::string bulletin;
};

int fail(Console& console, const std::string& message, int code = k_exit_usage) {
  console.err << "planctl: error: " << message << "\n";
  return code;
}

// `render --bulletin`: the bulletins of each file, and nothing else; the re-run record is
// neither read nor written (docs/bulletin.md).
int run_bulletins(const RenderCliOptions& o, RenderOptions options,
                  const std::vector<CheckedFile>& checked, const std::vector<std::string>& stem_of,
                  util::DirectorySink& sink, Console& console, diag::Lang lang) {
  const std::optional<BulletinRequest> request = parse_bulletin_request(o.bulletin);
  std::erase(options.formats, OutputFormat::xlsx);
  if (options.formats.empty()) {
    return fail(console, "--bulletin writes md, txt, docx and pdf; ask for one of them with "
                         "--format");
  }
  std::vector<std::string> names;
  std::set<std::string> pictures;
  std::size_t current = 0;
  try {
    for (current = 0; current < checked.size(); ++current) {
      const model::PlanFile& plan = *checked[current].plan;
      const std::vector<layout::MonthSpan> spans = bulletin_spans(plan, *request);
      if (spans.empty()) {
        sink.discard();
        return fail(console,
                    fmt::format(fmt::runtime(lang == diag::Lang::zh
                                                 ? "\"{}\" 没有活动，无法编写简报；未写出任何文件"
                                                 : "\"{}\" has no activities for a bulletin; "
                                                   "nothing was written"),
                                checked[current].result.file));
      }
      for (const layout::MonthSpan& span : spans) {
        if (layout::bulletin_activities(plan, span).empty()) {
          sink.discard();
          return fail(
              console,
              fmt::format(fmt::runtime(lang == diag::Lang::zh
                                           ? "\"{}\" 在 {} 没有活动，无法编写简报；未写出任何文件"
                                           : "\"{}\" has no activities in {}; nothing was written"),
                          checked[current].result.file, span_label(span)));
        }
        const std::string& file = checked[current].result.file;
        for (std::string& name : render_bulletin(plan, file == "<stdin>" ? "-" : file,
                                                 stem_of[current], span, options, sink, pictures)) {
          names.push_back(std::move(name));
        }
      }
    }
    sink.commit();
#if PLANCTL_HAVE_PDF
    if (std::find(options.formats.begin(), options.formats.end(), OutputFormat::pdf) !=
        options.formats.end()) {
      for (const std::string& note : write::pdf_font_notes()) {
        console.err << "planctl: warning: " << note << "\n";
      }
    }
#endif
  } catch (const util::OutputError& e) {
    sink.discard();
    return fail(console, std::string(e.what()) + "; nothing was written");
  } catch (const std::exception& e) {
    sink.discard();
    const std::string file = current < checked.size() ? checked[current].result.file : "";
    return fail(
        console,
        fmt::format("cannot write the bulletin of \"{}\": {}; nothing was written", file, e.what()),
        k_exit_usage);
  }
  for (const std::string& name : names) {
    console.out << util::generic_utf8(o.out_dir.empty()
                                          ? util::utf8_path(name)
                                          : util::utf8_path(o.out_dir) / util::utf8_path(name))
                << "\n";
  }
  return k_exit_ok;
}

int run_render(const RenderCliOptions& o, Console& console) {
  if (!o.bulletin.empty() && !parse_bulletin_request(o.bulletin)) {
    return fail(console, fmt::format("--bulletin \"{}\" is not a month; write YYYY-MM (2020-06), "
                                     "a span YYYY-MM..YYYY-MM or all",
                                     o.bulletin));
  }
  RenderOptions options;
  options.formats = formats_named(o.formats);
  options.keep_punctuation = o.keep_punctuation;
  // batch spreads schools over its threads instead; one render has only its own outputs.
  options.parallel = std::thread::hardware_concurrency() > 1;
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

  // Open the output folder before any work, so that a typo in -o is reported at once.
  const std::filesystem::path dir = util::utf8_path(o.out_dir.empty() ? "." : o.out_dir);
  std::optional<util::DirectorySink> sink;
  try {
    sink.emplace(dir);
  } catch (const util::OutputError& e) {
    return fail(console, e.what());
  }

  const std::optional<std::vector<std::string>> files = plan_inputs(o.files, dir, console, lang);
  if (!files) {
    return k_exit_usage;
  }
  std::vector<CheckedFile> checked = check_files(*files, console, 1, false, !o.bulletin.empty());
  std::vector<diag::FileResult> results;
  for (const CheckedFile& f : checked) {
    results.push_back(f.result);
  }
  console.err << diag::format_text(results,
                                   text_style(parse_color(o.color), console.err_is_terminal, lang));
  const diag::Counts counts = diag::count_results(results, false);
  if (counts.errors > 0 || counts.warnings > 0 || counts.failed_files > 0) {
    console.err << diag::format_summary(counts, false, lang);
  }
  if (const int code = exit_code_for(results, false); code != k_exit_ok) {
    console.err << (lang == diag::Lang::zh
                        ? fmt::format("planctl: 未写出任何文件：{} 个文件未通过检查\n",
                                      counts.failed_files)
                        : fmt::format("planctl: nothing was written: {} {} not pass the checks\n",
                                      counts.failed_files,
                                      counts.failed_files == 1 ? "file does" : "files do"));
    return code;
  }

  // Two inputs with one stem would overwrite each other's outputs: refuse before writing.
  std::map<std::string, std::size_t> stems; // stem_key → the input that has it
  std::vector<std::string> stem_of(checked.size());
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const std::string& arg = checked[i].result.file == "<stdin>" ? "-" : checked[i].result.file;
    stem_of[i] = output_stem(*checked[i].plan, arg);
    try {
      util::check_output_name(stem_of[i] + ".plan.md");
    } catch (const util::OutputError& e) {
      return fail(console, fmt::format("cannot name the outputs of \"{}\": {}",
                                       checked[i].result.file, e.what()));
    }
    const auto [it, inserted] = stems.emplace(stem_key(stem_of[i]), i);
    if (!inserted) {
      return fail(console, stem_clash_message(checked[it->second].result.file, stem_of[it->second],
                                              checked[i].result.file, stem_of[i]));
    }
  }

  if (!o.bulletin.empty()) {
    return run_bulletins(o, options, checked, stem_of, *sink, console, lang);
  }

  // What each stem's outputs were made from (output_record.hpp): a stem whose record matches
  // and whose outputs are intact is not rendered again, unless --force.
  std::vector<OutputRecord> now(checked.size());
  std::vector<std::optional<OutputRecord>> old(checked.size());
  std::vector<bool> unchanged(checked.size(), false);
  for (std::size_t i = 0; i < checked.size(); ++i) {
    now[i] =
        record_for(checked[i].result.file, util::sha256_hex(checked[i].result.source), options);
    old[i] = read_record(dir, stem_of[i]);
    unchanged[i] = !o.force && old[i] && up_to_date(dir, *old[i], now[i]);
  }
  auto shown = [&](const std::string& name) {
    return util::generic_utf8(o.out_dir.empty()
                                  ? util::utf8_path(name)
                                  : util::utf8_path(o.out_dir) / util::utf8_path(name));
  };

  // Everything goes through one sink, committed only when every output was produced.
  std::size_t current = 0;
  try {
    std::vector<std::vector<std::string>> names(checked.size());
    for (current = 0; current < checked.size(); ++current) {
      if (unchanged[current]) {
        continue;
      }
      for (const std::string& w :
           render_plan_file(*checked[current].plan, checked[current].result.source,
                            stem_of[current], options, *sink)) {
        console.err << checked[current].result.file << ": warning: " << w << "\n";
      }
      names[current] = output_names(*checked[current].plan, stem_of[current], options.formats);
    }
    sink->commit();
    if (std::find(options.formats.begin(), options.formats.end(), OutputFormat::pdf) !=
            options.formats.end() &&
        std::find(unchanged.begin(), unchanged.end(), false) != unchanged.end()) {
#if PLANCTL_HAVE_PDF
      for (const std::string& note : write::pdf_font_notes()) {
        console.err << "planctl: warning: " << note << "\n"; // once a run, not once a file
      }
#endif
    }
    // Every output of this run, those up to date included, in input order.
    for (std::size_t i = 0; i < checked.size(); ++i) {
      if (unchanged[i]) {
        for (const auto& output : old[i]->outputs) {
          if (!in_formats(old[i]->formats, output.first)) {
            continue; // carried from a run that asked for other formats
          }
          console.out << shown(output.first) << "\n";
        }
      }
      for (const std::string& name : names[i]) {
        console.out << shown(name) << "\n";
      }
    }
    // Then the outputs each stem no longer produces, and the new records.
    for (std::size_t i = 0; i < checked.size(); ++i) {
      if (unchanged[i]) {
        console.err << (lang == diag::Lang::zh
                            ? fmt::format("planctl: {}.* 未变，未重新生成（--force 强制生成）\n",
                                          shown(stem_of[i]))
                            : fmt::format("planctl: {}.* is up to date (--force renders it "
                                          "again)\n",
                                          shown(stem_of[i])));
        continue;
      }
      hash_outputs(dir, names[i], now[i]);
      if (old[i]) {
        carry_other_formats(*old[i], now[i]);
        std::vector<std::string> changed;
        for (const std::string& name :
             remove_outputs(dir, *old[i], names[i], changed, &now[i].formats)) {
          console.err << (lang == diag::Lang::zh
                              ? fmt::format("planctl: 已删除 {}（不再生成）\n", shown(name))
                              : fmt::format("planctl: removed {} (no longer produced)\n",
                                            shown(name)));
        }
        for (const std::string& name : changed) {
          console.err << fmt::format("planctl: warning: {} is no longer produced but was changed "
                                     "since planctl wrote it; it was not removed\n",
                                     shown(name));
        }
      }
      stage_record(*sink, stem_of[i], now[i]);
    }
    sink->commit();
  } catch (const util::OutputError& e) {
    sink->discard();
    return fail(console, std::string(e.what()) + "; nothing was written");
  } catch (const std::exception& e) {
    sink->discard();
    const std::string file = current < checked.size() ? checked[current].result.file : "";
    return fail(console,
                fmt::format("internal error while rendering \"{}\": {} (this is a bug in planctl; "
                            "please report it); nothing was written",
                            file, e.what()),
                k_exit_internal);
  }
  return k_exit_ok;
}

} // namespace

Handler setup_render(CLI::App& cmd) {
  auto o = std::make_shared<RenderCliOptions>();
  cmd.add_option("FILE", o->files, "Plan files or folders to render\n(- reads standard input)")
      ->required()
      ->type_name("");
  cmd.add_option("-o,--output-dir", o->out_dir,
                 "Existing folder to write into\n(default: the current folder)")
      ->type_name("DIR")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_option("-f,--format", o->formats, "Outputs to write, comma-separated")
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
  cmd.add_option(
         "--bulletin", o->bulletin,
         "Write the 工作简报 of a month (YYYY-MM),\na span (YYYY-MM..YYYY-MM) or all months\n"
         "with activities, instead of the documents")
      ->type_name("MONTH")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd.add_flag("--force", o->force, "Render every file, also those whose\noutputs are up to date");
  add_console_options(cmd, o->color, o->lang);
  return [o](Console& console) { return run_render(*o, console); };
}

} // namespace planctl::app
