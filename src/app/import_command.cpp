#include <planctl/app/commands.hpp>
#include <planctl/app/render_job.hpp>
#include <planctl/check/plan_checker.hpp>
#include <planctl/import/document_importer.hpp>
#include <planctl/import/docx_reader.hpp>
#include <planctl/import/ledger_import.hpp>
#include <planctl/import/plan_yaml_writer.hpp>
#include <planctl/import/source_document.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/utf8.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>

namespace planctl::app {

namespace {

struct ImportOptions {
  std::string file;
  std::string output;
  std::string issuer;
  std::string date;
  std::string numbering;
  std::string into;
  std::string sheet;
  bool force = false;
};

int fail(Console& console, const std::string& message) {
  console.err << "planctl: error: " << message << "\n";
  return k_exit_usage;
}

// The first `max` characters of `text`, with `…` when it was longer (for one-line warnings).
std::string excerpt(std::string_view text, std::size_t max = 40) {
  std::string out;
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    util::next_code_point(text, pos);
    if (++count > max) {
      return out + "…";
    }
    out.append(text.substr(start, pos - start));
  }
  return out;
}

// Reads at most the import limit (and one byte more, to tell a larger file).
std::string read_source(const std::string& path) {
  const std::filesystem::path native = util::utf8_path(path);
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(native, ec);
  if (ec || !std::filesystem::exists(st)) {
    throw import::ImportError("cannot read \"" + path + "\": no such file");
  }
  if (std::filesystem::is_directory(st)) {
    throw import::ImportError("\"" + path + "\" is a folder; give a document file");
  }
  std::ifstream in(native, std::ios::binary);
  if (!in) {
    throw import::ImportError("cannot read \"" + path + "\"");
  }
  std::string bytes(import::k_max_source_bytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > import::k_max_source_bytes) {
    throw import::ImportError("\"" + path + "\" is larger than " +
                              std::to_string(import::k_max_source_bytes >> 20) +
                              " MiB; planctl imports documents up to that size (a plan file may "
                              "hold at most 16 MiB)");
  }
  return bytes;
}

// Whether two readings of a document have the same text, labels and set-aside lines.
bool same_text(const import::SourceDocument& a, const import::SourceDocument& b) {
  if (a.lines.size() != b.lines.size() || a.set_aside.size() != b.set_aside.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    if (a.lines[i].text != b.lines[i].text || a.lines[i].auto_label != b.lines[i].auto_label) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.set_aside.size(); ++i) {
    if (a.set_aside[i].text != b.set_aside[i].text) {
      return false;
    }
  }
  return true;
}

// Whether one of the documents this planctl renders today in `format` from `source` (the plan
// file a document carries: its plan, its report) satisfies `same`; false when `source` does not
// load or render, so that the document is then taken by its text.
template <typename Same>
bool any_rendered(const std::string& source, OutputFormat format, const util::Date& as_of,
                  Same same) {
  const load::LoadResult loaded = load::load_plan_text(source, "source.yaml");
  if (!loaded.plan || loaded.diagnostics.has_errors()) {
    return false;
  }
  RenderOptions options;
  options.formats = {format};
  options.as_of = as_of;
  util::MemorySink sink;
  try {
    render_plan_file(*loaded.plan, source, "source", options, sink);
    sink.commit();
  } catch (const std::exception&) {
    return false;
  }
  for (const auto& file : sink.files()) {
    if (same(file.second)) {
      return true;
    }
  }
  return false;
}

// Whether `doc` still reads as planctl writes the plan or report of `source` (the plan file it
// carries) today: then that file is the import, byte for byte. Any edit made in Word since, or
// a planctl that words the document differently, makes it "changed".
bool made_from(const import::SourceDocument& doc, const std::string& source,
               const util::Date& as_of) {
  return any_rendered(source, OutputFormat::docx, as_of, [&](const std::string& bytes) {
    return same_text(import::read_docx(bytes), doc);
  });
}

// Whether `pdf` is, byte for byte, a PDF that this planctl writes on this machine from
// `source` (its plan or its report): fonts, version and the as-of date all show in the bytes,
// so "no" says only that something differs, not that the text was changed.
bool same_pdf(std::string_view pdf, const std::string& source, const util::Date& as_of) {
  return any_rendered(source, OutputFormat::pdf, as_of,
                      [&](const std::string& bytes) { return bytes == pdf; });
}

std::optional<std::vector<model::NumberStyle>> parse_numbering(const std::string& text) {
  std::vector<model::NumberStyle> styles;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) {
      comma = text.size();
    }
    std::string part = text.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') {
      part.erase(0, 1);
    }
    while (!part.empty() && part.back() == ' ') {
      part.pop_back();
    }
    const std::optional<model::NumberStyle> style = model::parse_number_style(part);
    if (!style) {
      return std::nullopt;
    }
    styles.push_back(*style);
    start = comma + 1;
  }
  return styles;
}

// ---- an edited .docx: its text, with what its plan file says beyond the text ----

std::string flow_list(const model::TextList& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    out += (i ? ", " : "") + import::yaml_inline_scalar(list[i].value);
  }
  return out + "]";
}

std::string day_or_month(const model::DayOrMonth& d) {
  return d.is_month() ? fmt::format("{:04}-{:02}", d.year, d.month)
                      : fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

// The task fields of `item` as `key: value` lines, in the order docs/format.md shows.
std::vector<std::string> task_fields(const model::Item& item) {
  std::vector<std::string> out;
  const auto text = [&](const char* key, const std::optional<model::Text>& t) {
    if (t) {
      out.push_back(std::string(key) + ": " + import::yaml_inline_scalar(t->value));
    }
  };
  const auto list = [&](const char* key, const model::TextList& l) {
    if (!l.empty()) {
      out.push_back(std::string(key) + ": " + flow_list(l));
    }
  };
  text("id", item.id);
  text("lead", item.lead);
  list("owner", item.owner);
  list("support", item.support);
  if (item.start) {
    out.push_back("start: " + day_or_month(item.start->value));
  }
  if (item.due) {
    out.push_back("due: " + import::yaml_inline_scalar(item.due->value.source));
  }
  if (!item.months.empty()) {
    std::string months;
    for (const model::Located<int>& m : item.months) {
      months += (months.empty() ? "" : ", ") + std::to_string(m.value);
    }
    out.push_back("months: [" + months + "]");
  }
  list("deliverables", item.deliverables);
  if (item.status) {
    out.push_back(std::string("status: ") + model::status_label(item.status->value));
  }
  return out;
}

void index_tasks_by_title(const std::vector<model::Item>& items,
                          std::map<std::string, const model::Item*, std::less<>>& out) {
  for (const model::Item& item : items) {
    if (item.is_task) {
      out.emplace(item.title.value, &item);
    }
    index_tasks_by_title(item.items, out);
  }
}

void carry_to(std::vector<import::ImportedItem>& items,
              const std::map<std::string, const model::Item*, std::less<>>& tasks,
              std::set<const model::Item*>& used) {
  for (import::ImportedItem& item : items) {
    if (const auto it = tasks.find(item.title);
        it != tasks.end() && used.insert(it->second).second) {
      item.fields = task_fields(*it->second);
    }
    carry_to(item.items, tasks, used);
  }
}

// The top-level blocks of a plan file's text (each key's lines, from load::top_level_keys), in
// order; comments and blank lines before the first key belong to the key "". A text whose top
// level is not a block mapping is one block "" (nothing in it can be carried key by key).
std::vector<std::pair<std::string, std::string>> top_level_blocks(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> blocks{{"", ""}};
  std::vector<std::size_t> starts{0}; // byte offset of each line
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts.push_back(i + 1);
    }
  }
  const auto offset = [&](int line) {
    return line - 1 < static_cast<int>(starts.size()) ? starts[static_cast<std::size_t>(line - 1)]
                                                      : text.size();
  };
  const std::optional<std::vector<load::TopLevelKey>> keys = load::top_level_keys(text);
  if (!keys || keys->empty()) {
    blocks.back().second = std::string(text);
    return blocks;
  }
  blocks.back().second = std::string(text.substr(0, offset(keys->front().line)));
  for (const load::TopLevelKey& key : *keys) {
    const std::size_t from = offset(key.line);
    blocks.emplace_back(key.key, std::string(text.substr(from, offset(key.end_line) - from)));
  }
  return blocks;
}

// The imported plan file with the edited document's plan file's school, departments, people,
// activities, report and `x-` keys; the task fields of items whose titles did not change are
// carried by carry_to(). Returns the tasks of the plan file no item took.
std::vector<std::string> carry_over(import::ImportedPlan& plan, std::string& yaml,
                                    const std::string& source_name, const std::string& carried,
                                    const import::RecognizeOptions& options) {
  const load::LoadResult loaded = load::load_plan_text(carried, "carried.yaml");
  if (!loaded.plan) {
    return {};
  }
  std::map<std::string, const model::Item*, std::less<>> tasks;
  index_tasks_by_title(loaded.plan->plan.sections, tasks);
  std::set<const model::Item*> used;
  carry_to(plan.sections, tasks, used);
  std::vector<std::string> missing;
  for (const auto& [title, item] : tasks) {
    if (!used.count(item)) {
      missing.push_back(title);
    }
  }
  const std::string written = import::write_plan_yaml(plan, source_name);
  (void)options;
  std::map<std::string, std::string> from_carried;
  for (auto& [key, block] : top_level_blocks(carried)) {
    from_carried.emplace(key, block);
  }
  std::string out;
  for (auto& [key, block] : top_level_blocks(written)) {
    if (key == "school" && from_carried.count("school")) {
      out += from_carried["school"];
      for (const char* k : {"departments", "people"}) {
        if (from_carried.count(k)) {
          out += from_carried[k];
        }
      }
    } else {
      out += block;
    }
  }
  for (auto& [key, block] : top_level_blocks(carried)) {
    if (key == "activities" || key == "report" || key.starts_with("x-")) {
      out += (out.ends_with("\n\n") ? "" : "\n") + block;
    }
  }
  yaml = std::move(out);
  return missing;
}

// Writes the plan file a document carries, as it is.
// Writes the plan file `yaml` to `out_path`, or to standard output for "-", through a
// DirectorySink (a temporary file renamed into place); throws util::OutputError.
void write_plan_file(const std::string& out_path, const std::string& yaml, Console& console) {
  if (out_path == "-") {
    console.out << yaml;
    return;
  }
  const std::filesystem::path target = util::utf8_path(out_path);
  util::DirectorySink sink(target.parent_path().empty() ? std::filesystem::path(".")
                                                        : target.parent_path());
  sink.write(util::path_utf8(target.filename()), yaml);
  sink.commit();
}

int write_carried(const ImportOptions& o, const std::string& out_path, const std::string& bytes,
                  Console& console,
                  std::string_view why = "planctl wrote the document and its text is unchanged") {
  try {
    write_plan_file(out_path, bytes, console);
  } catch (const util::OutputError& e) {
    return fail(console, e.what());
  }
  if (out_path == "-") {
    return k_exit_ok;
  }
  console.out << "wrote " << out_path << ": the plan file " << o.file << " was made from (" << why
              << ")\n";
  return k_exit_ok;
}

// The errors of `findings` (load and check) of the plan file text `yaml`.
std::size_t error_count(const std::string& yaml, const std::string& name) {
  const load::LoadResult loaded = load::load_plan_text(yaml, name);
  diag::DiagnosticList findings = loaded.diagnostics;
  if (loaded.plan) {
    check::check_plan(*loaded.plan, findings);
  }
  return findings.error_count();
}

// `planctl import LEDGER.xlsx --into plan.yaml`: the ledger's rows become activities of the
// plan file, written into its text (docs/import.md, "The activity ledger").
int run_ledger(const ImportOptions& o, Console& console) {
  const std::string out_path = o.output.empty() ? o.into : o.output;
  std::error_code ec;
  if (!o.output.empty() && o.output != o.into && out_path != "-" &&
      std::filesystem::exists(std::filesystem::symlink_status(util::utf8_path(out_path), ec)) &&
      !o.force) {
    return fail(console, "\"" + out_path +
                             "\" already exists; use --force to overwrite it, or give another "
                             "name with -o (without -o, " +
                             o.into + " itself is changed)");
  }
  import::LedgerImport result;
  std::string plan_text;
  try {
    const import::Workbook book = import::read_xlsx(read_source(o.file));
    std::ifstream in(util::utf8_path(o.into), std::ios::binary);
    if (!in || std::filesystem::is_directory(util::utf8_path(o.into))) {
      return fail(console, "cannot read the plan file \"" + o.into + "\"");
    }
    std::ostringstream text;
    text << in.rdbuf();
    plan_text = text.str();
    result = import::import_ledger(book, o.sheet, plan_text, o.into,
                                   util::path_utf8(util::utf8_path(o.file).filename()));
  } catch (const import::ImportError& e) {
    return fail(console, e.what());
  }
  for (const import::LedgerFinding& f : result.findings) {
    console.err << o.file << ":" << f.row << ":" << f.column << ": "
                << (f.error ? "error" : "warning") << ": " << result.sheet << "!"
                << import::cell_address(f.row, f.column) << ": " << f.message << "\n";
  }
  // With -o -, the file written is standard output: the notes name it so, not a file "-".
  const std::string shown = out_path == "-" ? std::string("<stdout>") : out_path;
  for (const import::LedgerUpdate& u : result.updates) {
    std::string keys;
    for (const std::string& key : u.keys) {
      keys += (keys.empty() ? "" : ", ") + key;
    }
    console.err << shown << ":" << u.line << ": note: activity updated from " << result.sheet
                << " row " << u.row << ", which changes its " << keys << "\n";
  }
  for (const auto& [line, id] : result.new_ids) {
    console.err << shown << ":" << line << ": note: id " << id
                << " added: activities name tasks by id, and the item the ledger names by its "
                   "title had none (it is a task now)\n";
  }
  std::ostream& status = out_path == "-" ? console.err : console.out;
  status << result.sheet << " (header on row " << result.header_row << "): " << result.rows
         << (result.rows == 1 ? " row" : " rows") << "; " << result.added << " added";
  if (!result.updates.empty()) {
    status << ", " << result.updates.size() << " updated";
  }
  if (result.already > 0) {
    status << ", " << result.already << " already in " << o.into;
  }
  if (result.unusable > 0) {
    status << ", " << result.unusable << " not usable (fix "
           << (result.unusable == 1 ? "it" : "them")
           << " and import again: rows already added are skipped)";
  }
  status << "\n";
  const int code = result.unusable > 0 ? k_exit_findings : k_exit_ok;
  if (result.added == 0 && result.updates.empty() && out_path == o.into) {
    status << o.into << " is unchanged\n";
    return code;
  }
  // Rows are added only when the file stays as sound as it was.
  const std::size_t before = error_count(plan_text, o.into);
  const std::size_t after = error_count(result.yaml, out_path);
  if (after > before) {
    return fail(console, "the plan file with the rows added or updated has " +
                             std::to_string(after) + " errors where it had " +
                             std::to_string(before) + "; nothing was written (please report this)");
  }
  try {
    write_plan_file(out_path, result.yaml, console);
  } catch (const util::OutputError& e) {
    return fail(console, e.what());
  }
  if (out_path == "-") {
    return code;
  }
  status << "wrote " << out_path << "\n";
  return code;
}

int run_import(const ImportOptions& o, Console& console) {
  {
    bool workbook = false;
    try {
      workbook = import::format_of(o.file) == import::SourceFormat::xlsx;
    } catch (const import::ImportError& e) {
      return fail(console, e.what());
    }
    if (workbook && !o.into.empty()) {
      return run_ledger(o, console);
    }
    if (!o.into.empty()) {
      return fail(console, "--into adds the rows of an activity ledger (.xlsx) to a plan file; \"" +
                               o.file + "\" is a document, imported with -o");
    }
  }
  import::RecognizeOptions options;
  if (!o.issuer.empty()) {
    options.issuer = o.issuer;
  }
  if (!o.date.empty()) {
    options.date = util::parse_date(o.date);
    if (!options.date) {
      return fail(console, "--date \"" + o.date + "\" is not a date; write it as YYYY-MM-DD");
    }
  }
  if (!o.numbering.empty()) {
    options.numbering = parse_numbering(o.numbering);
    if (!options.numbering || options.numbering->empty() || options.numbering->size() > 4) {
      return fail(console, "--numbering \"" + o.numbering +
                               "\" is not a list of one to four of 一、 （一） 1. （1）, separated "
                               "by commas (e.g. --numbering '一、,1.,（1）')");
    }
  }
  const std::filesystem::path source = util::utf8_path(o.file);
  std::string out_path = o.output;
  if (out_path.empty()) {
    out_path = util::path_utf8(source.stem()) + ".yaml";
  }
  std::error_code ec;
  if (out_path != "-" &&
      std::filesystem::exists(std::filesystem::symlink_status(util::utf8_path(out_path), ec)) &&
      !o.force) {
    return fail(console, "\"" + out_path +
                             "\" already exists; use --force to overwrite it, or give another "
                             "name with -o");
  }
  import::ImportResult result;
  try {
    const import::SourceFormat format = import::format_of(o.file);
    const std::string bytes = read_source(o.file);
    const import::SourceDocument doc = import::read_document(bytes, format);
    if (format == import::SourceFormat::pdf) {
      // A PDF is not where a document is edited: the plan file it carries is the import.
      if (same_pdf(bytes, *doc.embedded_source, util::today())) {
        return write_carried(o, out_path, *doc.embedded_source, console,
                             "planctl wrote the PDF, and writes it from that file byte for byte");
      }
      console.err << o.file
                  << ": warning: the PDF is not byte for byte what this planctl writes from the "
                     "plan file it carries (another planctl version, other fonts, another "
                     "as-of date, or changed since); the plan file it carries is written as "
                     "it is: check it against the PDF\n";
      return write_carried(o, out_path, *doc.embedded_source, console, "the file the PDF carries");
    }
    if (doc.embedded_source) {
      // A report's wording may depend on the as-of date; the plan's never does.
      if (made_from(doc, *doc.embedded_source, util::today())) {
        return write_carried(o, out_path, *doc.embedded_source, console);
      }
      console.err << o.file
                  << ": warning: the document was changed since planctl wrote it, so its text is "
                     "imported; the task fields, departments, people, activities and report of "
                     "the plan file it carries are kept where the titles still match\n";
    }
    result = import::import_document(doc, util::path_utf8(source.filename()), options);
    if (doc.embedded_source) {
      for (const std::string& title :
           carry_over(result.plan, result.yaml, util::path_utf8(source.filename()),
                      *doc.embedded_source, options)) {
        console.err << o.file << ": warning: the task \"" << excerpt(title)
                    << "\" of the plan file it carries is not in the document any more (renamed "
                       "or removed); its id, owners and dates were not carried over\n";
      }
    }
  } catch (const import::ImportError& e) {
    return fail(console, e.what());
  }
  for (const import::Warning& w : result.plan.warnings) {
    console.err << o.file << ":" << w.line << ": warning: " << w.message << "\n";
  }
  auto report_notes = [&](const std::vector<import::Note>& notes) {
    for (const import::Note& n : notes) {
      console.err << o.file << ":" << n.line << ": warning: not placed (" << n.why_en
                  << "), kept as a comment: " << excerpt(n.text) << "\n";
    }
  };
  report_notes(result.plan.head_notes);
  std::vector<const import::ImportedItem*> stack;
  for (const import::ImportedItem& item : result.plan.sections) {
    stack.push_back(&item);
  }
  std::vector<import::Note> item_notes;
  while (!stack.empty()) {
    const import::ImportedItem* item = stack.back();
    stack.pop_back();
    item_notes.insert(item_notes.end(), item->notes.begin(), item->notes.end());
    for (const import::ImportedItem& child : item->items) {
      stack.push_back(&child);
    }
  }
  std::stable_sort(item_notes.begin(), item_notes.end(),
                   [](const import::Note& a, const import::Note& b) { return a.line < b.line; });
  report_notes(item_notes);
  report_notes(result.plan.tail_notes);

  try {
    write_plan_file(out_path, result.yaml, console);
  } catch (const util::OutputError& e) {
    return fail(console, e.what());
  }
  // What the clerk still has to do, in one place.
  std::vector<std::string> fill_in;
  if (result.plan.title_missing) {
    fill_in.emplace_back("plan.title");
  }
  if (result.plan.issuer.empty()) {
    fill_in.emplace_back("school.name and plan.issuer (or import again with --issuer)");
  }
  if (!result.plan.date) {
    fill_in.emplace_back("plan.date (or import again with --date YYYY-MM-DD)");
  }
  if (result.plan.sections.empty()) {
    fill_in.emplace_back("plan.sections");
  }
  const load::LoadResult loaded = load::load_plan_text(result.yaml, out_path);
  diag::DiagnosticList findings = loaded.diagnostics;
  if (loaded.plan) {
    check::check_plan(*loaded.plan, findings);
  }
  std::ostream& status = out_path == "-" ? console.err : console.out;
  if (out_path != "-") {
    status << "wrote " << out_path << "\n";
  }
  if (!fill_in.empty()) {
    status << "fill in the placeholders marked 待填写: ";
    for (std::size_t i = 0; i < fill_in.size(); ++i) {
      status << (i ? "; " : "") << fill_in[i];
    }
    status << "\n";
  }
  if (findings.has_errors()) {
    const std::size_t n = findings.error_count();
    status << "the written file has " << n << (n == 1 ? " error" : " errors")
           << "; run: planctl validate " << out_path << "\n";
    return k_exit_findings;
  }
  if (findings.warning_count() > 0) {
    const std::size_t n = findings.warning_count();
    status << "it validates with " << n << (n == 1 ? " warning" : " warnings")
           << " (planctl validate " << out_path << (n == 1 ? " shows it)\n" : " lists them)\n");
  }
  return k_exit_ok;
}

} // namespace

Handler setup_import(CLI::App& cmd) {
  auto o = std::make_shared<ImportOptions>();
  cmd.add_option("FILE", o->file,
                 "The document to read (.docx, .txt or .md), or a workbook (.xlsx) with --into")
      ->required()
      ->type_name("");
  cmd.add_option("-o,--output", o->output,
                 "The plan file to write (default: FILE's name with .yaml, in the current "
                 "folder; - for standard output)")
      ->type_name("OUT");
  cmd.add_option("--issuer", o->issuer, "The signing organisation, when the document has none")
      ->type_name("TEXT");
  cmd.add_option("--date", o->date, "The signing date, when the document has none")
      ->type_name("YYYY-MM-DD");
  cmd.add_option("--numbering", o->numbering,
                 "The numbering style of each depth, e.g. 一、,1.,（1）, instead of the one "
                 "guessed from the document")
      ->type_name("STYLES");
  cmd.add_option("--into", o->into,
                 "With a workbook (.xlsx): add the rows of its activity ledger (活动台账) to "
                 "this plan file as activities, in place (or written to -o)")
      ->type_name("PLAN.yaml");
  cmd.add_option("--sheet", o->sheet,
                 "With --into: the sheet to read (default: 活动台账, else the first sheet with "
                 "日期 and 活动名称 columns)")
      ->type_name("NAME");
  cmd.add_flag("--force", o->force, "Overwrite OUT if it exists");
  return [o](Console& console) { return run_import(*o, console); };
}

} // namespace planctl::app
