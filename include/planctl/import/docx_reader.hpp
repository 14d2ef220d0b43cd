// Word documents (.docx): the paragraphs and tables of word/document.xml, with the labels that
// Word's automatic numbering (word/numbering.xml) shows before a paragraph and that the
// paragraph's own text does not hold.
#pragma once

#include <planctl/import/source_document.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace planctl::import {

// The most bytes one part of a .docx (document.xml, numbering.xml, styles.xml) may inflate to:
// a zip bomb stops here, having cost at most this much memory (docs/import.md, "Limits").
inline constexpr std::uint64_t k_max_docx_part_bytes = 32u << 20;

// The paragraphs of the .docx `bytes` in reading order (`SourceLine::line` is the paragraph's
// number in the body), each line break in a paragraph starting a new line; table rows, text
// boxes and paragraphs of other content are set aside. Throws ImportError with a plain sentence
// when the bytes are not a .docx, a part inflates past k_max_docx_part_bytes, or an XML part is
// not well-formed or declares a DOCTYPE (entities are never expanded).
SourceDocument read_docx(std::string_view bytes);

// The text Word shows for `value` in the number format `num_fmt` of numbering.xml (`decimal`
// → `3`, `chineseCounting` → `三`, `ideographTraditional` → `丙`, `decimalEnclosedCircle` → `③`,
// `decimalEnclosedParen` → `（3）` as planctl writes that label); an unknown format is decimal,
// `bullet` and `none` show no number.
std::string word_number(std::string_view num_fmt, int value);

} // namespace planctl::import
