// libFuzzer target: arbitrary bytes through the loader and the checks and then, for a file
// with no errors (as `planctl render` requires), through the layout step and every writer: the
// Markdown and text writers in memory, the .docx and the .xlsx to one temporary file per
// process, removed after each input; and the 工作简报 of each month with activities. Every XML part
// of both packages must be well-formed.
//
// Mutated plan files rarely stay valid, so an input that is not a valid plan is used a second
// way: its bytes, cut at NUL bytes, become the texts of a fixed valid plan (school, titles,
// paragraphs, points, names, activity, report; some of them repeated through aliases, as
// authors repeat a title or a phrase), so that the layout and the writers see arbitrary text
// in every place on every run.
//
// Every output must be bounded by the input: at most 32 times the document with its aliases
// written out (limit-aliases) plus 1 MiB, so that a value repeated by aliases or references
// into every cell or paragraph aborts the run. References are not aliases: the only output
// that repeats what a reference brings once per task is the task table of an attachment,
// whose cells of names are cut at 100 characters (layout/task_table.cpp), so that a row is at
// most about 1 KB of .md or .txt for a task entry of 40 bytes or more (`- {title: x, lead:
// d, owner: p, support: d}`): 25 times its bytes, within the 32.
#include <planctl/check/plan_checker.hpp>
#include <planctl/layout/bulletin.hpp>
#include <planctl/layout/layout.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/load/scalar_rules.hpp>
#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/util/date.hpp>
#include <planctl/util/utf8.hpp>
#include <planctl/workbook/task_workbook.hpp>
#include <planctl/write/writers.hpp>

#include <fmt/core.h>
#include <minizip/unzip.h>

#include <expat.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace planctl;

// One pair of output paths per fuzzing process (-jobs runs several), removed at exit.
struct Scratch {
  fs::path docx;
  fs::path xlsx;
  Scratch() {
    const fs::path dir = fs::temp_directory_path();
    const std::string pid = std::to_string(::getpid());
    docx = dir / ("fuzz-" + pid + ".docx");
    xlsx = dir / ("fuzz-" + pid + ".xlsx");
  }
  ~Scratch() { clear(); }
  void clear() const {
    std::error_code ec;
    fs::remove(docx, ec);
    fs::remove(xlsx, ec);
  }
};

const Scratch& scratch() {
  static const Scratch s;
  return s;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_render: %s\n", what.c_str());
  std::abort();
}

// Aborts unless every .xml and .rels part of the package at `path` is well-formed XML: Word
// and Excel refuse a package that is not.
void check_package(const fs::path& path) {
  unzFile zip = unzOpen64(path.c_str());
  if (zip == nullptr) {
    fail("cannot open " + path.string() + " as a zip package");
  }
  for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK; rc = unzGoToNextFile(zip)) {
    std::array<char, 512> name{};
    unz_file_info64 info{};
    unzGetCurrentFileInfo64(zip, &info, name.data(), name.size(), nullptr, 0, nullptr, 0);
    const std::string_view part(name.data());
    if (!part.ends_with(".xml") && !part.ends_with(".rels")) {
      continue;
    }
    std::string data(info.uncompressed_size, '\0');
    if (unzOpenCurrentFile(zip) != UNZ_OK ||
        unzReadCurrentFile(zip, data.data(), static_cast<unsigned>(data.size())) !=
            static_cast<int>(data.size())) {
      fail(fmt::format("{}: cannot read {}", path.string(), part));
    }
    unzCloseCurrentFile(zip);
    XML_Parser parser = XML_ParserCreate("UTF-8");
    if (XML_Parse(parser, data.data(), static_cast<int>(data.size()), 1) == XML_STATUS_ERROR) {
      const std::string error =
          fmt::format("{}: {} is not well-formed XML: {} at line {}, column {}", path.string(),
                      part, XML_ErrorString(XML_GetErrorCode(parser)),
                      XML_GetCurrentLineNumber(parser), XML_GetCurrentColumnNumber(parser));
      XML_ParserFree(parser);
      fail(error);
    }
    XML_ParserFree(parser);
  }
  unzClose(zip);
}

// Aborts when the output `what` of `bytes` bytes is past `bound`.
void check_bound(const char* what, std::uintmax_t bytes, std::uint64_t bound) {
  if (bytes > bound) {
    fail(fmt::format("{} is {} bytes, more than the {} allowed", what, bytes, bound));
  }
}

// The text writers always; the .docx (the slowest writer) only when `docx`.
void render_document(const layout::Document& doc, bool docx, std::uint64_t bound) {
  check_bound("the .md", write::to_markdown(doc).size(), bound);
  check_bound("the .txt", write::to_text(doc).size(), bound);
  if (docx) {
    write::write_docx(doc, scratch().docx);
    check_package(scratch().docx);
    check_bound("the .docx", fs::file_size(scratch().docx), bound);
  }
}

// 32 times the document `text` with its aliases written out, plus 1 MiB.
std::uint64_t output_bound(std::string_view text) {
  diag::DiagnosticList list;
  load::Reporter report("fuzz.yaml", list);
  const load::SourceText source = load::check_source(text, report);
  const load::ParsedYaml yaml = load::parse_yaml(source.text, report);
  const std::uint64_t written = yaml.document ? yaml.document->written_size() : text.size();
  return 32 * written + 1024 * 1024;
}

// The bulletin of every month with activities, as `render --bulletin all` writes it (without
// the photos, which are files beside a plan and checked by the app): .md and .txt, and the
// .docx of the first month.
void render_bulletins(const model::PlanFile& plan, std::uint64_t bound) {
  const layout::BulletinPhotos no_photos;
  bool docx = true;
  for (const layout::Month& month : layout::activity_months(plan)) {
    const layout::MonthSpan span{month, month};
    if (layout::bulletin_activities(plan, span).empty()) {
      continue;
    }
    const layout::Bulletin bulletin = layout::layout_bulletin(plan, span, no_photos);
    check_bound("the bulletin's .md", write::to_markdown(bulletin).size(), bound);
    check_bound("the bulletin's .txt", write::to_text(bulletin).size(), bound);
    if (docx) {
      write::write_docx(bulletin, scratch().docx);
      check_package(scratch().docx);
      check_bound("the bulletin's .docx", fs::file_size(scratch().docx), bound);
      docx = false;
    }
  }
}

// Renders `plan` (a file without errors, read from `text`) as `planctl render` does.
void render(const model::PlanFile& plan, std::string_view text) {
  const std::uint64_t bound = output_bound(text);
  const model::TaskIndex index = model::index_tasks(plan.plan);
  // Punctuation kept as written reaches other layout paths; the .docx is written once.
  for (const bool keep : {false, true}) {
    const layout::LayoutOptions options{.keep_punctuation = keep};
    render_document(layout::layout_plan(plan, index, options), !keep, bound);
    if (const std::optional<layout::Document> report =
            layout::layout_report(plan, index, options)) {
      render_document(*report, !keep, bound);
    }
  }
  // A fixed date keeps every run of one input the same.
  const util::Date as_of{2020, 12, 31};
  const std::vector<model::TaskProgress> progress =
      model::compute_progress(index, plan.activities, as_of);
  (void)workbook::write_task_workbook(plan, index, progress, as_of, {}, scratch().xlsx);
  check_package(scratch().xlsx);
  check_bound("the .xlsx", fs::file_size(scratch().xlsx), bound);
  render_bulletins(plan, bound);
  scratch().clear();
}

// `bytes` as the body of a YAML double-quoted text that the loader accepts: ill-formed UTF-8
// becomes U+FFFD, control characters other than tab and line feed are dropped, YAML's other
// line breaks are escaped, and the text is cut at 2,000 characters. `fallback` replaces a text
// that would be blank (a blank title is an error).
std::string quoted(std::string_view bytes, std::string_view fallback) {
  std::string out = "\"";
  std::string text; // what the loader will read
  std::size_t pos = 0;
  for (int count = 0; pos < bytes.size() && count < 2000; ++count) {
    const char32_t cp = util::next_code_point(bytes, pos);
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) {
      continue;
    }
    util::append_utf8(text, cp);
    switch (cp) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case 0x85:
    case 0x2028:
    case 0x2029:
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
      break;
    default:
      util::append_utf8(out, cp);
    }
  }
  if (load::is_blank(text)) {
    return "\"" + std::string(fallback) + "\"";
  }
  return out + "\"";
}

// A valid plan whose texts are the NUL-separated parts of `bytes`; its first byte picks the
// numbering, so that heading and run-in styles both meet every text.
std::string text_plan(std::string_view bytes) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; parts.size() < 16;) {
    const std::size_t end = bytes.find('\0', start);
    parts.push_back(bytes.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  parts.resize(16);
  const auto t = [&](std::size_t i) { return quoted(parts[i], "x"); };
  static constexpr std::array<std::string_view, 3> k_numbering{
      "", "  numbering: [一、, \"1.\", （1）]\n", "  numbering: [\"1.\", （1）]\n"};
  const std::size_t style = bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) % 3;
  return fmt::format(
      "version: 1\n"
      "school:\n  name: {}\n  short_name: {}\n"
      "  profile:\n    - {{label: {}, value: 12, unit: {}}}\n"
      "departments:\n  - {{id: d1, name: {}}}\n"
      "people:\n  - {{id: p1, name: {}, department: d1}}\n"
      "plan:\n  title: &title {}\n  year: 2020\n  issuer: {}\n  date: 2020-02-20\n  basis: {}\n{}"
      "  sections:\n"
      "    - title: {}\n      text: &text {}\n"
      "      items:\n"
      "        - title: {}\n          id: &id t1\n          lead: d1\n          owner: p1\n"
      "          due: 2020-06\n          deliverables: [&file {}]\n          text: {}\n"
      "          points: [{}, &point {}]\n"
      "  attachments: [*file]\n"
      "activities:\n"
      "  - {{date: 2020-03-05, title: *title, task: *id, summary: *point, count: 3,\n"
      "      host: {}, place: {}, headline: {}, reporter: {}}}\n"
      "report:\n  overview: *text\n  achievements: [{}]\n",
      t(0), t(1), t(2), t(3), t(4), t(5), t(6), t(7), t(8), k_numbering[style], t(9), t(10), t(11),
      t(12), t(13), t(14), t(15), t(5), t(2), t(11), t(4), t(3));
}

// Loads `text`; returns the plan when the file has no errors.
std::optional<model::PlanFile> valid_plan(std::string_view text) {
  load::LoadResult loaded = load::load_plan_text(text, "fuzz.yaml");
  if (!loaded.plan) {
    return std::nullopt;
  }
  check::check_plan(*loaded.plan, loaded.diagnostics);
  if (loaded.diagnostics.has_errors()) {
    return std::nullopt;
  }
  return std::move(loaded.plan);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const std::optional<model::PlanFile> plan = valid_plan(bytes)) {
    render(*plan, bytes);
    return 0;
  }
  const std::string text = text_plan(bytes);
  if (const std::optional<model::PlanFile> plan = valid_plan(text)) {
    render(*plan, text);
  } else {
    // The template is valid whatever its texts hold: a failure here is a loader or checker
    // rule that does not match the format (or the template is wrong).
    load::LoadResult loaded = load::load_plan_text(text, "template.yaml");
    if (loaded.plan) {
      check::check_plan(*loaded.plan, loaded.diagnostics);
    }
    std::string findings;
    for (const diag::Diagnostic& d : loaded.diagnostics.items()) {
      if (d.severity == diag::Severity::error) {
        findings += fmt::format("{}:{}: {} [{}]\n", d.mark.line, d.mark.column, d.text(), d.rule());
      }
    }
    fail("the text template is not a valid plan:\n" + findings + text);
  }
  return 0;
}
