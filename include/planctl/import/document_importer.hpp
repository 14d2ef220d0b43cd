// The whole of `planctl import` short of the file system: bytes of a document in, plan file out.
#pragma once

#include <planctl/import/imported_plan.hpp>
#include <planctl/import/plan_recognizer.hpp>

#include <string>
#include <string_view>

namespace planctl::import {

// The formats `import` reads, chosen by the file's extension. A workbook (.xlsx) is an activity
// ledger, imported into a plan file (ledger_import.hpp), not read as a document.
enum class SourceFormat { text, markdown, docx, xlsx, pdf };

// The format of a file named `name` by its extension (case ignored); throws ImportError with
// the fix for `.doc`, `.wps`, `.pdf` and anything unknown.
SourceFormat format_of(std::string_view name);

// The result of importing one document.
struct ImportResult {
  std::string yaml;
  ImportedPlan plan;
};

// The document `bytes` as paragraphs, read as `format`; throws ImportError when it cannot be
// read, or is a workbook.
SourceDocument read_document(std::string_view bytes, SourceFormat format);

// Recognises the plan in `doc` and writes the plan file.
ImportResult import_document(const SourceDocument& doc, std::string_view source_name,
                             const RecognizeOptions& options);

// read_document() then import_document().
ImportResult import_document(std::string_view bytes, SourceFormat format,
                             std::string_view source_name, const RecognizeOptions& options);

} // namespace planctl::import
