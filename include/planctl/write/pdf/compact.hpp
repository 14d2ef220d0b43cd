// cairo's PDF made compact: cairo 1.16 writes every page's dictionaries as plain objects with a
// line of cross-reference table each (about 600 bytes a page before any text); they are packed
// here into compressed object streams with a compressed cross-reference stream (PDF 1.5,
// §7.5.7 and §7.5.8), and the plan file is attached in the same pass.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace planctl::write::pdf {

// `pdf` (a file as cairo writes it: one cross-reference table, streams with their /Length)
// rewritten with the objects that are not streams in object streams, and `source`, when not
// empty, attached as the embedded file `plan.yaml` (uncompressed, as import/pdf_reader.cpp
// reads it). nullopt when `pdf` does not have the shape this expects.
std::optional<std::string> compact(std::string_view pdf, std::string_view source);

} // namespace planctl::write::pdf
