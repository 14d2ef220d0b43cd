// One small writer per document format; each formats a layout::Document and decides nothing
// about numbering, punctuation or wording.
#pragma once

#include <planctl/layout/document.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace planctl::write {

// The document as GitHub-flavoured Markdown; user text is escaped so it never becomes markup.
std::string to_markdown(const layout::Document& doc);

// The document as DOCX-ready plain text (outputs.md, DOCX-ready text).
std::string to_text(const layout::Document& doc);

// Writes the document as a GB/T 9704 WordprocessingML package at `path`; a non-empty `source`
// (the bytes of the file it was made from) is carried inside it for `planctl import`.
void write_docx(const layout::Document& doc, const std::filesystem::path& path,
                std::string_view source = {});

} // namespace planctl::write
