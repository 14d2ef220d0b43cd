// The parse side of the numbering rules: which GB/T 9704 label a paragraph starts with. It
// reads numbers by asking model::number_label and model::chinese_numeral, so that import and
// render share one set of numbering rules.
#pragma once

#include <planctl/model/plan.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace planctl::import {

// A label found at the start of a paragraph.
struct ParsedLabel {
  model::NumberStyle style = model::NumberStyle::chinese;
  int number = 0;         // the number as written (1-based)
  std::size_t length = 0; // bytes of the label and the spaces after it
};

// The label `text` starts with: `一、` `（一）` `1.` `（1）` and the typed variants `(一)` `1、`
// `1．` `1,` `(1)` with ASCII or full-width brackets; std::nullopt when there is none, or when
// nothing follows it, or when `1.` is the start of a number such as `1.5` or a date `2020.4.9`.
std::optional<ParsedLabel> parse_number_label(std::string_view text);

// The value of the Chinese numeral `text` as headings write it (`一` … `九十九` `一百零一`), the
// inverse of model::chinese_numeral for 1–999; std::nullopt for anything else.
std::optional<int> parse_chinese_numeral(std::string_view text);

} // namespace planctl::import
