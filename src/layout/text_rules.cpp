#include <planctl/layout/paragraphs.hpp>
#include <planctl/layout/points.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/layout/text_rules.hpp>

namespace planctl::layout {

std::string TextRules::punctuate(std::string text) const {
  return m_options.keep_punctuation ? text : normalize_punctuation(text);
}

std::string TextRules::line(std::string_view raw) const {
  return punctuate(join_lines(raw));
}

std::vector<std::string> TextRules::paragraphs(std::string_view raw) const {
  std::vector<std::string> out = split_paragraphs(raw);
  for (std::string& paragraph : out) {
    paragraph = punctuate(std::move(paragraph));
  }
  return out;
}

std::vector<std::string> TextRules::body(const std::optional<model::Text>& text,
                                         const model::TextList& points) const {
  std::vector<std::string> out;
  if (text) {
    out = split_paragraphs(text->value);
  }
  std::vector<std::string> joined;
  joined.reserve(points.size());
  for (const model::Text& point : points) {
    joined.push_back(join_lines(point.value));
  }
  append_points(out, joined);
  // Punctuation is judged on the finished paragraph, where a point meets the text before it.
  for (std::string& paragraph : out) {
    paragraph = punctuate(std::move(paragraph));
  }
  return out;
}

std::string TextRules::heading(std::string_view raw) const {
  return strip_closing_full_stop(line(raw));
}

} // namespace planctl::layout
