#include <planctl/app/photos.hpp>
#include <planctl/app/render_job.hpp>
#include <planctl/layout/bulletin.hpp>
#include <planctl/layout/layout.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/workbook/task_workbook.hpp>
#include <planctl/write/writers.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

namespace planctl::app {

namespace {

bool wants(const std::vector<OutputFormat>& formats, OutputFormat f) {
  return std::find(formats.begin(), formats.end(), f) != formats.end();
}

// The name of document `kind` (`plan`, `report`) in `format`.
std::string document_name(const std::string& stem, const char* kind, OutputFormat format) {
  return stem + "." + kind + "." + format_name(format);
}

// Stages one document in every format asked for; `pdf` is its PDF when asked for.
void stage_document(const layout::Document& doc, std::string_view source, const std::string& stem,
                    const char* kind, const std::vector<OutputFormat>& formats,
                    const std::string* pdf, util::OutputSink& sink) {
  if (wants(formats, OutputFormat::md)) {
    sink.write(document_name(stem, kind, OutputFormat::md), write::to_markdown(doc));
  }
  if (wants(formats, OutputFormat::txt)) {
    sink.write(document_name(stem, kind, OutputFormat::txt), write::to_text(doc));
  }
  if (wants(formats, OutputFormat::docx)) {
    sink.write_with(
        document_name(stem, kind, OutputFormat::docx),
        [&](const std::filesystem::path& path) { write::write_docx(doc, path, source); });
  }
  if (wants(formats, OutputFormat::pdf)) {
    if (pdf == nullptr) {
      throw std::logic_error("this planctl was built without the PDF writer"); // refused earlier
    }
    sink.write(document_name(stem, kind, OutputFormat::pdf), *pdf);
  }
}

// The PDFs of `docs` when asked for (none otherwise): drawn together, so that each face is
// cut once for the plan and its report (write::to_pdfs).
std::vector<std::string> document_pdfs(const std::vector<const layout::Document*>& docs,
                                       std::string_view source,
                                       const std::vector<OutputFormat>& formats) {
#if PLANCTL_HAVE_PDF
  if (wants(formats, OutputFormat::pdf)) {
    return write::to_pdfs(docs, source);
  }
#else
  (void)docs;
  (void)source;
  (void)formats;
#endif
  return {};
}

} // namespace

const char* format_name(OutputFormat format) {
  switch (format) {
  case OutputFormat::md:
    return "md";
  case OutputFormat::txt:
    return "txt";
  case OutputFormat::docx:
    return "docx";
  case OutputFormat::pdf:
    return "pdf";
  case OutputFormat::xlsx:
    return "xlsx";
  }
  return "";
}

std::span<const std::string> format_words() {
  static const std::string words[] = {
    "md",
    "txt",
    "docx",
#if PLANCTL_HAVE_PDF
    "pdf",
#endif
    "xlsx"
  };
  return words;
}

std::string default_format_list() {
  std::string list;
  for (const std::string& f : format_words()) {
    list += (list.empty() ? "" : ",") + f;
  }
  return list;
}

std::vector<OutputFormat> formats_named(const std::vector<std::string>& words) {
  std::vector<OutputFormat> formats;
  for (OutputFormat f : {OutputFormat::md, OutputFormat::txt, OutputFormat::docx, OutputFormat::pdf,
                         OutputFormat::xlsx}) {
    if (std::find(words.begin(), words.end(), format_name(f)) != words.end()) {
      formats.push_back(f);
    }
  }
  return formats;
}

std::string output_stem(const model::PlanFile& plan, const std::string& arg) {
  if (plan.school.code && !plan.school.code->value.empty()) {
    return plan.school.code->value;
  }
  if (arg == "-") {
    return "stdin";
  }
  return util::path_utf8(util::utf8_path(arg).stem());
}

std::string stem_key(const std::string& stem) {
  std::string key = stem;
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return key;
}

std::string stem_clash_message(const std::string& file_a, const std::string& stem_a,
                               const std::string& file_b, const std::string& stem_b) {
  if (stem_a == stem_b) {
    return "\"" + file_a + "\" and \"" + file_b + "\" would both write the outputs named \"" +
           stem_a + ".*\"; give each school its own school.code";
  }
  return "\"" + file_a + "\" and \"" + file_b + "\" would write the outputs \"" + stem_a +
         ".*\" and \"" + stem_b +
         ".*\", which are the same files on disks that ignore case (Windows, macOS); give each "
         "school its own school.code";
}

std::vector<std::string> output_names(const model::PlanFile& plan, const std::string& stem,
                                      const std::vector<OutputFormat>& formats) {
  std::vector<std::string> names;
  const OutputFormat documents[] = {OutputFormat::md, OutputFormat::txt, OutputFormat::docx,
                                    OutputFormat::pdf};
  for (const char* kind : {"plan", "report"}) {
    if (std::string_view(kind) == "report" && !plan.has_report()) {
      continue;
    }
    for (OutputFormat f : documents) {
      if (wants(formats, f)) {
        names.push_back(document_name(stem, kind, f));
      }
    }
  }
  if (wants(formats, OutputFormat::xlsx)) {
    names.push_back(stem + ".tasks.xlsx");
  }
  return names;
}

std::vector<std::string> render_plan_file(const model::PlanFile& plan, std::string_view source,
                                          const std::string& stem, const RenderOptions& options,
                                          util::OutputSink& sink) {
  const model::TaskIndex index = model::index_tasks(plan.plan);
  const layout::LayoutOptions layout_options{.keep_punctuation = options.keep_punctuation};
  const bool any_document =
      wants(options.formats, OutputFormat::md) || wants(options.formats, OutputFormat::txt) ||
      wants(options.formats, OutputFormat::docx) || wants(options.formats, OutputFormat::pdf);
  const bool any_workbook = wants(options.formats, OutputFormat::xlsx);
  auto stage_documents = [&](util::OutputSink& into) {
    const layout::Document plan_doc = layout::layout_plan(plan, index, layout_options);
    const std::optional<layout::Document> report =
        layout::layout_report(plan, index, layout_options);
    std::vector<const layout::Document*> docs{&plan_doc};
    if (report) {
      docs.push_back(&*report);
    }
    const std::vector<std::string> pdfs = document_pdfs(docs, source, options.formats);
    stage_document(plan_doc, source, stem, "plan", options.formats,
                   pdfs.empty() ? nullptr : &pdfs[0], into);
    if (report) {
      stage_document(*report, source, stem, "report", options.formats,
                     pdfs.empty() ? nullptr : &pdfs[1], into);
    }
  };
  std::vector<std::string> warnings;
  auto stage_workbook = [&](util::OutputSink& into) {
    const std::vector<model::TaskProgress> progress =
        model::compute_progress(index, plan.activities, options.as_of);
    into.write_with(stem + ".tasks.xlsx", [&](const std::filesystem::path& path) {
      warnings =
          workbook::write_task_workbook(plan, index, progress, options.as_of, layout_options, path);
    });
  };

  if (options.parallel && any_document && any_workbook) {
    // The workbook takes as long as all the documents together (docs/performance.md): on a
    // second thread, into a fork of the sink that is adopted once both are done. Both read
    // the same model and index and share nothing they write.
    std::unique_ptr<util::OutputSink> side = sink.fork();
    std::exception_ptr workbook_error;
    std::thread worker([&] {
      try {
        stage_workbook(*side);
      } catch (...) {
        workbook_error = std::current_exception();
      }
    });
    try {
      stage_documents(sink);
    } catch (...) {
      worker.join(); // `side` discards the workbook when it goes
      throw;
    }
    worker.join();
    if (workbook_error) {
      sink.discard();
      std::rethrow_exception(workbook_error);
    }
    sink.adopt(*side); // the workbook is staged last, as in one thread
    return warnings;
  }
  if (any_document) {
    stage_documents(sink);
  }
  if (any_workbook) {
    stage_workbook(sink);
  }
  return warnings;
}

namespace {

std::optional<layout::Month> parse_month(std::string_view word) {
  if (word.size() != 7 || word[4] != '-') {
    return std::nullopt;
  }
  int year = 0;
  int month = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    if (i == 4) {
      continue;
    }
    if (word[i] < '0' || word[i] > '9') {
      return std::nullopt;
    }
    (i < 4 ? year : month) = (i < 4 ? year : month) * 10 + (word[i] - '0');
  }
  if (month < 1 || month > 12) {
    return std::nullopt;
  }
  return layout::Month{year, month};
}

std::string month_label(const layout::Month& m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
  return buf;
}

} // namespace

std::optional<BulletinRequest> parse_bulletin_request(std::string_view word) {
  BulletinRequest request;
  if (word == "all") {
    request.all = true;
    return request;
  }
  const std::size_t dots = word.find("..");
  const auto first = parse_month(word.substr(0, dots));
  const auto last = dots == std::string_view::npos ? first : parse_month(word.substr(dots + 2));
  if (!first || !last || *last < *first) {
    return std::nullopt;
  }
  request.span = {*first, *last};
  return request;
}

std::vector<layout::MonthSpan> bulletin_spans(const model::PlanFile& plan,
                                              const BulletinRequest& request) {
  if (!request.all) {
    return {request.span};
  }
  std::vector<layout::MonthSpan> spans;
  for (const layout::Month& m : layout::activity_months(plan)) {
    spans.push_back({m, m});
  }
  return spans;
}

std::string span_label(const layout::MonthSpan& span) {
  if (span.first == span.last) {
    return month_label(span.first);
  }
  return month_label(span.first) + "--" + month_label(span.last);
}

layout::Bulletin bulletin_of(const model::PlanFile& plan, const std::string& plan_path,
                             const std::string& stem, const layout::MonthSpan& span,
                             const RenderOptions& options) {
  const layout::LayoutOptions layout_options{.keep_punctuation = options.keep_punctuation};
  const layout::BulletinPhotos photos =
      read_bulletin_photos(layout::bulletin_activities(plan, span), photo_folder(plan_path), stem);
  return layout::layout_bulletin(plan, span, photos, layout_options);
}

std::vector<std::string> stage_bulletin(const layout::Bulletin& bulletin, const std::string& base,
                                        const std::vector<OutputFormat>& formats,
                                        util::OutputSink& sink,
                                        std::set<std::string>& pictures_staged) {
  std::vector<std::string> names;
  if (wants(formats, OutputFormat::md)) {
    names.push_back(base + ".md");
    sink.write(names.back(), write::to_markdown(bulletin));
    for (const layout::Picture& picture : bulletin.pictures) {
      if (pictures_staged.insert(picture.name).second) {
        names.push_back(picture.name);
        sink.write(picture.name, *picture.bytes);
      }
    }
  }
  if (wants(formats, OutputFormat::txt)) {
    names.push_back(base + ".txt");
    sink.write(names.back(), write::to_text(bulletin));
  }
  if (wants(formats, OutputFormat::docx)) {
    names.push_back(base + ".docx");
    sink.write_with(names.back(),
                    [&](const std::filesystem::path& path) { write::write_docx(bulletin, path); });
  }
  if (wants(formats, OutputFormat::pdf)) {
#if PLANCTL_HAVE_PDF
    names.push_back(base + ".pdf");
    sink.write(names.back(), write::to_pdf(bulletin));
#else
    throw std::logic_error("this planctl was built without the PDF writer"); // refused earlier
#endif
  }
  return names;
}

std::vector<std::string> render_bulletin(const model::PlanFile& plan, const std::string& plan_path,
                                         const std::string& stem, const layout::MonthSpan& span,
                                         const RenderOptions& options, util::OutputSink& sink,
                                         std::set<std::string>& pictures_staged) {
  return stage_bulletin(bulletin_of(plan, plan_path, stem, span, options),
                        stem + ".bulletin-" + span_label(span), options.formats, sink,
                        pictures_staged);
}

} // namespace planctl::app
