// One small writer per document format; each formats a layout::Document and decides nothing
// about numbering, punctuation or wording.
#pragma once

#include <planctl/layout/document.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::write {

// The document as GitHub-flavoured Markdown; user text is escaped so it never becomes markup.
std::string to_markdown(const layout::Document& doc);

// The document as DOCX-ready plain text (outputs.md, DOCX-ready text).
std::string to_text(const layout::Document& doc);

// Writes the document as a GB/T 9704 WordprocessingML package at `path`; a non-empty `source`
// (the bytes of the file it was made from) is carried inside it for `planctl import`.
void write_docx(const layout::Document& doc, const std::filesystem::path& path,
                std::string_view source = {});

// The document as a PDF laid out on the GB/T 9704 grid by typeset::set_pages (outputs.md
// "PDF"), fonts embedded as subsets; the same document and date give the same bytes. A
// non-empty `source` (the plan file's bytes) is attached to it as the embedded file plan.yaml.
// Whether this build has the PDF writer (CMake option PLANCTL_PDF; off in the Windows build,
// docs/windows.md): to_pdf() and pdf_font_notes() exist only where it is 1.
#ifndef PLANCTL_HAVE_PDF
#define PLANCTL_HAVE_PDF 1
#endif
std::string to_pdf(const layout::Document& doc, std::string_view source = {});

// The documents `docs` as PDFs, as to_pdf() writes each, with each face cut once for all of
// them (a plan and its report: the second document draws with the faces the first cut, so that
// hb-subset and cairo's glyph loading run once); the bytes are those of to_pdf().
std::vector<std::string> to_pdfs(const std::vector<const layout::Document*>& docs,
                                 std::string_view source = {});

// The sentences naming the faces the PDF writer uses in place of the GB/T 9704 ones on this
// machine (and any refused for their embedding permission); empty when all are the real ones.
std::vector<std::string> pdf_font_notes();

// The 工作简报 as Markdown: the masthead, each item with its photos as `![caption](name)`
// (the picture files are written beside the document under their `name`s), the foot.
std::string to_markdown(const layout::Bulletin& bulletin);

// The 工作简报 as DOCX-ready text: a photo is the line `【图：caption】`.
std::string to_text(const layout::Bulletin& bulletin);

// Writes the 工作简报 as a WordprocessingML package at `path`, each picture stored once.
void write_docx(const layout::Bulletin& bulletin, const std::filesystem::path& path);

// The 工作简报 as a PDF on the grid (typeset::set_pages), each JPEG embedded as it is and
// each picture once (PLANCTL_HAVE_PDF only).
std::string to_pdf(const layout::Bulletin& bulletin);

} // namespace planctl::write
