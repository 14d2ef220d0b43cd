// What `planctl render` writes for one plan file: names per outputs.md, contents from the
// layout step, the writers and the workbook, all staged into one OutputSink.
#pragma once

#include <planctl/layout/bulletin.hpp>
#include <planctl/model/plan.hpp>
#include <planctl/util/date.hpp>
#include <planctl/util/output_sink.hpp>

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::app {

// The output formats, in the order outputs are written.
enum class OutputFormat { md, txt, docx, pdf, xlsx };

// The `--format` word of `format` (`md`, `txt`, `docx`, `pdf`, `xlsx`).
const char* format_name(OutputFormat format);

// The `--format` words of the formats this build writes, in the order outputs are written:
// `pdf` only where the PDF writer was built (PLANCTL_PDF; not on Windows, docs/windows.md).
std::span<const std::string> format_words();

// The default of `render` and `batch`'s --format: every word of format_words(), comma-separated.
std::string default_format_list();

// The formats named in `words` (`--format` words), in the order outputs are written; CLI11 has
// already refused any other word.
std::vector<OutputFormat> formats_named(const std::vector<std::string>& words);

struct RenderOptions {
  std::vector<OutputFormat> formats{OutputFormat::md, OutputFormat::txt, OutputFormat::docx,
                                    OutputFormat::xlsx};
  util::Date as_of;              // the date task states are computed for
  bool keep_punctuation = false; // keep ASCII punctuation next to Chinese text as written
  bool parallel = false;         // write the workbook on a second thread beside the documents
  std::string bulletin;          // `batch --bulletin` as written (kept in the re-run record)
};

// The stem of every output of `plan`: `school.code` when set, else the file name of `arg`
// without its last extension (`plans/平安二中.yaml` → `平安二中`; `-` → `stdin`).
std::string output_stem(const model::PlanFile& plan, const std::string& arg);

// `stem` as file systems that ignore case compare it (Windows shares, macOS disks): two stems
// with one key would overwrite each other's outputs there. ASCII letters are compared without
// case; other characters as written.
std::string stem_key(const std::string& stem);

// The message refusing two inputs whose stems have one stem_key().
std::string stem_clash_message(const std::string& file_a, const std::string& stem_a,
                               const std::string& file_b, const std::string& stem_b);

// The names render writes for `plan` with `stem`, in writing order (plan md, txt, docx, pdf;
// report md, txt, docx, pdf when the file has a report; tasks xlsx), restricted to `formats`.
std::vector<std::string> output_names(const model::PlanFile& plan, const std::string& stem,
                                      const std::vector<OutputFormat>& formats);

// Stages every output of `plan` (a file without errors, read from the bytes `source`, which
// each .docx carries) into `sink` and returns the workbook's warnings (plain sentences).
// Throws what the writers throw.
std::vector<std::string> render_plan_file(const model::PlanFile& plan, std::string_view source,
                                          const std::string& stem, const RenderOptions& options,
                                          util::OutputSink& sink);

// What `--bulletin` asks for: every month that has activities (`all`), or one span of months
// (`2020-06`, `2020-03..2020-06`).
struct BulletinRequest {
  bool all = false;
  layout::MonthSpan span;
};

// `word` as a bulletin request, or std::nullopt when it is none of the three forms (or the
// span runs backwards).
std::optional<BulletinRequest> parse_bulletin_request(std::string_view word);

// The spans `request` gives for `plan`: each month with activities for `all`, else the one
// span (which may have no activities).
std::vector<layout::MonthSpan> bulletin_spans(const model::PlanFile& plan,
                                              const BulletinRequest& request);

// The name part of a span: `2020-06`, or `2020-03--2020-06` (ISO 8601's interval).
std::string span_label(const layout::MonthSpan& span);

// The bulletin of `plan` (read from `plan_path`, whose folder holds the photos) for `span`,
// its pictures named `STEM.photo-<hash>`. The span must have activities.
layout::Bulletin bulletin_of(const model::PlanFile& plan, const std::string& plan_path,
                             const std::string& stem, const layout::MonthSpan& span,
                             const RenderOptions& options);

// Stages `bulletin` in each of `formats` (md, txt, docx, pdf; xlsx is left out) as
// `BASE.FORMAT`, with its pictures beside the Markdown (a picture already in `pictures_staged`
// is not staged again); returns the names staged.
std::vector<std::string> stage_bulletin(const layout::Bulletin& bulletin, const std::string& base,
                                        const std::vector<OutputFormat>& formats,
                                        util::OutputSink& sink,
                                        std::set<std::string>& pictures_staged);

// Stages the bulletin of `plan` (read from `plan_path`) for `span` in each of `formats` (md,
// txt, docx, pdf; xlsx is left out) as `STEM.bulletin-LABEL.FORMAT`, with the photos beside the
// Markdown (a picture already in `pictures_staged` is not staged again); returns the names
// staged. The span must have activities.
std::vector<std::string> render_bulletin(const model::PlanFile& plan, const std::string& plan_path,
                                         const std::string& stem, const layout::MonthSpan& span,
                                         const RenderOptions& options, util::OutputSink& sink,
                                         std::set<std::string>& pictures_staged);

} // namespace planctl::app
