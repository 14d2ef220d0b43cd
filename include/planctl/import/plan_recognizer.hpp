// From a document's paragraphs to the parts of a plan: title, basis, numbered items at every
// depth, attachments, official-document parts and the signature (docs/import.md).
#pragma once

#include <planctl/import/imported_plan.hpp>
#include <planctl/import/source_document.hpp>

#include <optional>
#include <string>
#include <vector>

namespace planctl::import {

// What the user told `planctl import` about the document.
struct RecognizeOptions {
  std::optional<std::string> issuer;                        // --issuer, used when none is found
  std::optional<util::Date> date;                           // --date, used when none is found
  std::optional<std::vector<model::NumberStyle>> numbering; // --numbering, overrides the guess
};

// The plan in `doc`; every paragraph ends up in the plan, in a note or (debris) in both a note
// and a warning, never nowhere.
ImportedPlan recognize_plan(const SourceDocument& doc, const RecognizeOptions& options);

} // namespace planctl::import
