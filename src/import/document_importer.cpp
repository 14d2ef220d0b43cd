#include <planctl/import/document_importer.hpp>
#include <planctl/import/docx_reader.hpp>
#include <planctl/import/pdf_reader.hpp>
#include <planctl/import/plan_yaml_writer.hpp>
#include <planctl/import/text_reader.hpp>

#include <algorithm>
#include <string>

namespace planctl::import {

namespace {

std::string lower_extension(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) {
    return {};
  }
  std::string ext(base.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

} // namespace

SourceFormat format_of(std::string_view name) {
  const std::string ext = lower_extension(name);
  if (ext == "txt" || ext == "text") {
    return SourceFormat::text;
  }
  if (ext == "md" || ext == "markdown") {
    return SourceFormat::markdown;
  }
  if (ext == "docx") {
    return SourceFormat::docx;
  }
  if (ext == "xlsx" || ext == "xlsm") {
    return SourceFormat::xlsx;
  }
  if (ext == "xls" || ext == "et" || ext == "ods") {
    throw ImportError("planctl cannot read ." + ext +
                      " files; open it in Excel or WPS, save it as .xlsx (Excel 工作簿), and "
                      "import the .xlsx");
  }
  if (ext == "pdf") {
    return SourceFormat::pdf; // only the plan file a PDF planctl wrote carries is read
  }
  if (ext == "doc" || ext == "wps" || ext == "rtf" || ext == "odt") {
    throw ImportError("planctl cannot read ." + ext +
                      " files; open it in Word or WPS, save it as .docx (Word 文档), and import "
                      "the .docx");
  }
  throw ImportError(
      "\"" + std::string(name) +
      "\" is not a .docx, .txt, .md or .xlsx file; save the document as .docx or as text");
}

SourceDocument read_document(std::string_view bytes, SourceFormat format) {
  SourceDocument doc;
  switch (format) {
  case SourceFormat::text:
    doc = read_text(bytes);
    break;
  case SourceFormat::markdown:
    doc = read_markdown(bytes);
    break;
  case SourceFormat::docx:
    doc = read_docx(bytes);
    break;
  case SourceFormat::pdf:
    doc = read_pdf(bytes);
    break;
  case SourceFormat::xlsx:
    throw ImportError("a workbook is an activity ledger, imported into a plan file: planctl "
                      "import LEDGER.xlsx --into plan.yaml");
  }
  return doc;
}

ImportResult import_document(std::string_view bytes, SourceFormat format,
                             std::string_view source_name, const RecognizeOptions& options) {
  return import_document(read_document(bytes, format), source_name, options);
}

ImportResult import_document(const SourceDocument& doc, std::string_view source_name,
                             const RecognizeOptions& options) {
  ImportResult result;
  result.plan = recognize_plan(doc, options);
  result.yaml = write_plan_yaml(result.plan, source_name);
  return result;
}

} // namespace planctl::import
