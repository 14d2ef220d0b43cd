// The body of the plan document: the numbered sections and the attachments note.
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/layout/text_rules.hpp>
#include <planctl/model/plan.hpp>

#include <optional>
#include <vector>

namespace planctl::layout {

// The number style of items at `depth` (1-based) under `numbering`: the entry for that depth,
// the last entry for deeper items (which the checker reports), or the GB/T 9704 sequence when
// `numbering` is empty.
model::NumberStyle style_at_depth(const std::vector<model::NumberStyle>& numbering,
                                  std::size_t depth);

// Appends the blocks of `items` at `depth` and everything under them, in reading order: each
// item's heading or run-in paragraph, its further text paragraphs, then its sub-items.
void append_items(std::vector<Block>& blocks, const std::vector<model::Item>& items,
                  std::size_t depth, const std::vector<model::NumberStyle>& numbering,
                  const TextRules& rules);

// The 附件 note for `attachments`: label `附件：`, entries `1.标题` `2.标题` …, or the one
// title without a number; titles lose a closing `。` (GB/T 9704 §7.3.4), empty ones are
// skipped. std::nullopt when no entry is left.
std::optional<Block> attachments_block(const model::TextList& attachments, const TextRules& rules);

} // namespace planctl::layout
