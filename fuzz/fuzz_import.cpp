// libFuzzer target: arbitrary bytes through `planctl import` as a .txt, a .md and a .docx
// document, then the plan file it wrote through the loader and the checks. A document import
// cannot read must be an ImportError; a plan file it writes must always read back as YAML with
// a model, and be at most a fixed multiple of the input (indentation, keys and comments around
// each line: a 4-byte line `1.a` becomes an item of some 20 bytes at depth 4).
#include <planctl/check/plan_checker.hpp>
#include <planctl/import/document_importer.hpp>
#include <planctl/load/plan_loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

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
  return 0;
}
