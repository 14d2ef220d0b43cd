// libFuzzer target: arbitrary bytes through `planctl import` as a .txt, a .md and a .docx
// document, then the plan file it wrote through the loader and the checks; and as a .xlsx
// activity ledger imported --into a small plan file, whose edited text must still load without
// errors. A document import
// cannot read must be an ImportError; a plan file it writes must always read back as YAML with
// a model, and be at most a fixed multiple of the input (indentation, keys and comments around
// each line: a 4-byte line `1.a` becomes an item of some 20 bytes at depth 4).
#include <planctl/check/plan_checker.hpp>
#include <planctl/import/document_importer.hpp>
#include <planctl/import/ledger_import.hpp>
#include <planctl/import/pdf_reader.hpp>
#include <planctl/import/xlsx_reader.hpp>
#include <planctl/load/plan_loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// A plan file with tasks to name, activities to add to and a key after them.
constexpr std::string_view k_plan = R"(version: 1
school:
  name: 第二中学
plan:
  title: 2020年工作计划
  year: 2020
  issuer: 第二中学
  date: 2020-03-01
  sections:
    - title: 宣传
      items:
        - title: 营造宣传氛围
          id: propaganda
        - title: 学习“要点”、制度
          id: study
activities:
  - date: 2020-03-13
    title: 开展宣传

  - date: 2020-03-14
    title: 学习
# 报告
report:
  date: 2020-12-28
)";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace planctl;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (import::SourceFormat format :
       {import::SourceFormat::text, import::SourceFormat::markdown, import::SourceFormat::docx}) {
    import::ImportResult result;
    try {
      result = import::import_document(bytes, format, "fuzz.txt", {});
    } catch (const import::ImportError&) {
      continue;
    }
    if (result.yaml.size() > 32 * size + 4096) {
      std::abort(); // the plan file is out of proportion to the document
    }
    load::LoadResult loaded = load::load_plan_text(result.yaml, "imported.yaml");
    if (!loaded.plan) {
      std::abort(); // import wrote something that is not a YAML mapping
    }
    check::check_plan(*loaded.plan, loaded.diagnostics);
  }
  // A PDF's carried plan file is a slice of the input, never more.
  if (const std::optional<std::string> plan = import::carried_plan_file(bytes);
      plan && plan->size() > size) {
    std::abort();
  }
  try {
    const import::Workbook book = import::read_xlsx(bytes);
    const import::LedgerImport ledger = import::import_ledger(book, "", k_plan, "p.yaml", "f");
    if (ledger.added + ledger.updates.size() + ledger.already + ledger.unusable != ledger.rows) {
      std::abort(); // a row was neither added, updated, skipped nor reported
    }
    const load::LoadResult loaded = load::load_plan_text(ledger.yaml, "p.yaml");
    if (!loaded.plan || loaded.diagnostics.has_errors() ||
        loaded.plan->activities.size() != 2 + ledger.added) {
      std::abort(); // the rows added or updated broke the plan file, or are not all there
    }
  } catch (const import::ImportError&) {
  }
  return 0;
}
