// Building blocks of a Document: numbered headings, run-in items and plain paragraphs, with
// their numbers from model::number_label.
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/model/plan.hpp>

#include <string>
#include <vector>

namespace planctl::layout {

// The outline level of a number style: 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`.
int outline_level(model::NumberStyle style);

// A plain body paragraph holding `text`.
Block paragraph_block(std::string text);

// The heading numbered `n` (1-based) in heading style `style` with `title` (already a
// heading title, see TextRules::heading).
Block heading_block(model::NumberStyle style, int n, std::string title);

// The run-in item numbered `n` in `style`: `title` (already one normalised line), its
// `title_end` (`。` unless the title ends in terminal punctuation or a colon; nothing when the
// title is empty), and `text` as the rest of the paragraph.
Block run_in_block(model::NumberStyle style, int n, std::string title, std::string text);

// Appends item `n` in `style`: for a heading style the heading and then one paragraph per
// entry of `body`; for a run-in style the run-in paragraph with the first entry of `body` and
// one paragraph per further entry. `title` is the item's title as one normalised line.
void append_item(std::vector<Block>& blocks, model::NumberStyle style, int n,
                 const std::string& title, std::vector<std::string> body);

} // namespace planctl::layout
