// User text on its way into a document: joined into paragraphs or one line, and punctuation
// normalised unless the options keep it as written. Every user text goes through here.
#pragma once

#include <planctl/layout/layout.hpp>
#include <planctl/model/plan.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::layout {

// Applies the layout's text rules with one set of options.
class TextRules {
public:
  explicit TextRules(const LayoutOptions& options) : m_options(options) {}

  // `raw` as one line (titles, names, list entries): lines joined, punctuation normalised.
  std::string line(std::string_view raw) const;

  // `raw` as paragraphs (`text`, `summary`, `overview`): split at blank lines, lines joined,
  // punctuation normalised.
  std::vector<std::string> paragraphs(std::string_view raw) const;

  // The paragraphs of an item's `text` with its `points` appended to the last one (or forming
  // one when there is no text).
  std::vector<std::string> body(const std::optional<model::Text>& text,
                                const model::TextList& points) const;

  // A heading title: one line without the closing `。` an author may have typed.
  std::string heading(std::string_view raw) const;

private:
  std::string punctuate(std::string text) const;

  LayoutOptions m_options;
};

} // namespace planctl::layout
