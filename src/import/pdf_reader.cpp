#include <planctl/import/pdf_reader.hpp>

#include <charconv>

namespace planctl::import {

namespace {

// What write/pdf/compact.cpp writes before the plan file's bytes; the
// `/Length` that follows is the byte count (the stream is not compressed).
constexpr std::string_view k_marker = "<< /Type /EmbeddedFile /Subtype /text#2Fyaml /Length ";
constexpr std::string_view k_stream = " >>\nstream\n";
constexpr std::string_view k_end = "\nendstream";

} // namespace

std::optional<std::string> carried_plan_file(std::string_view pdf) {
  if (!pdf.starts_with("%PDF-")) {
    return std::nullopt;
  }
  const std::size_t at = pdf.rfind(k_marker);
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t digits = at + k_marker.size();
  std::size_t length = 0;
  const auto [end, ec] = std::from_chars(pdf.data() + digits, pdf.data() + pdf.size(), length);
  if (ec != std::errc{} || end == pdf.data() + digits) {
    return std::nullopt;
  }
  const std::size_t after = static_cast<std::size_t>(end - pdf.data());
  if (pdf.substr(after, k_stream.size()) != k_stream) {
    return std::nullopt;
  }
  const std::size_t start = after + k_stream.size();
  // Compared without adding to `length`, which a hostile file may set near SIZE_MAX.
  if (length > pdf.size() - start || pdf.substr(start + length, k_end.size()) != k_end) {
    return std::nullopt;
  }
  return std::string(pdf.substr(start, length));
}

SourceDocument read_pdf(std::string_view pdf) {
  SourceDocument doc;
  doc.embedded_source = carried_plan_file(pdf);
  if (!doc.embedded_source) {
    throw ImportError(
        pdf.starts_with("%PDF-")
            ? "this PDF carries no plan file (only a PDF that planctl wrote does), and planctl "
              "does not read a PDF's text; open the document it was made from in Word or WPS, "
              "save it as .docx (Word 文档), and import the .docx"
            : "the file is not a PDF (it does not start with %PDF-)");
  }
  return doc;
}

} // namespace planctl::import
