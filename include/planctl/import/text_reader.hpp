// Plain text documents: UTF-8 (with or without a byte-order mark) or GB18030, LF or CRLF.
#pragma once

#include <planctl/import/source_document.hpp>

#include <string_view>

namespace planctl::import {

// The encoding `read_text` found.
enum class TextEncoding { utf8, utf8_bom, gb18030 };

// `bytes` decoded to UTF-8: as is when they are UTF-8 (a byte-order mark dropped), converted
// when they read as GB18030; throws ImportError naming the first bad line otherwise.
std::string decode_text(std::string_view bytes, TextEncoding* found = nullptr);

// The non-blank lines of a .txt file as paragraphs, each trimmed; throws ImportError when the
// bytes are neither UTF-8 nor GB18030.
SourceDocument read_text(std::string_view bytes, TextEncoding* found = nullptr);

// The paragraphs of a Markdown file (GFM as planctl and common editors write it): `#` headings
// with their level, paragraphs with soft line breaks joined and hard breaks (`\` or two spaces at
// a line's end) kept as separate lines, emphasis markers and backslash escapes removed.
SourceDocument read_markdown(std::string_view bytes);

} // namespace planctl::import
