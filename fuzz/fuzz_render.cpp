// libFuzzer target: arbitrary bytes through the loader and the checks and, when the file has
// no errors (as `planctl render` requires), through the layout step and every writer: the
// Markdown and text writers in memory, the .docx and the .xlsx to one temporary file per
// process that is removed after each input.
#include <planctl/check/plan_checker.hpp>
#include <planctl/layout/layout.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/util/date.hpp>
#include <planctl/workbook/task_workbook.hpp>
#include <planctl/write/writers.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace {

namespace fs = std::filesystem;

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

// The text writers always; the .docx (the slowest writer) only when `docx`.
void render_document(const planctl::layout::Document& doc, bool docx) {
  (void)planctl::write::to_markdown(doc);
  (void)planctl::write::to_text(doc);
  if (docx) {
    planctl::write::write_docx(doc, scratch().docx);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace planctl;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  load::LoadResult loaded = load::load_plan_text(bytes, "fuzz.yaml");
  if (!loaded.plan) {
    return 0;
  }
  check::check_plan(*loaded.plan, loaded.diagnostics);
  if (loaded.diagnostics.has_errors()) {
    return -1; // render refuses such a file; do not add it to the corpus
  }
  const model::PlanFile& plan = *loaded.plan;
  const model::TaskIndex index = model::index_tasks(plan.plan);
  // Punctuation kept as written reaches other layout paths; the .docx is written once.
  for (const bool keep : {false, true}) {
    const layout::LayoutOptions options{.keep_punctuation = keep};
    render_document(layout::layout_plan(plan, index, options), !keep);
    if (const std::optional<layout::Document> report =
            layout::layout_report(plan, index, options)) {
      render_document(*report, !keep);
    }
  }
  // A fixed date keeps every run of one input the same.
  const util::Date as_of{2020, 12, 31};
  const std::vector<model::TaskProgress> progress =
      model::compute_progress(index, plan.activities, as_of);
  (void)workbook::write_task_workbook(plan, index, progress, as_of, scratch().xlsx);
  scratch().clear();
  return 0;
}
