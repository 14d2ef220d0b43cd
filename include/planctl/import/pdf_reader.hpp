// Reads the plan file a PDF that planctl wrote carries (the embedded file `plan.yaml` that
// write/pdf appends as an incremental update), so that `planctl import X.plan.pdf` gives the
// plan file back. A PDF's text is never read: PDFs are not where documents are edited.
#pragma once

#include <planctl/import/source_document.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace planctl::import {

// The plan file `pdf` carries, as planctl embedded it, or std::nullopt when it carries none
// that planctl wrote. Looks at the last embedded file only; linear in the size of `pdf`.
std::optional<std::string> carried_plan_file(std::string_view pdf);

// A document with no paragraphs whose `embedded_source` is the plan file `pdf` carries; throws
// ImportError with the fix when it carries none (a PDF that planctl did not write).
SourceDocument read_pdf(std::string_view pdf);

} // namespace planctl::import
