#include <planctl/layout/blocks.hpp>
#include <planctl/layout/plan_body.hpp>
#include <planctl/model/numbering.hpp>

#include <algorithm>

namespace planctl::layout {

model::NumberStyle style_at_depth(const std::vector<model::NumberStyle>& numbering,
                                  std::size_t depth) {
  static const std::vector<model::NumberStyle> k_default{
      model::NumberStyle::chinese, model::NumberStyle::paren_chinese, model::NumberStyle::arabic,
      model::NumberStyle::paren_arabic};
  const std::vector<model::NumberStyle>& styles = numbering.empty() ? k_default : numbering;
  const std::size_t at = depth == 0 ? 0 : std::min(depth, styles.size()) - 1;
  return styles[at];
}

void append_items(std::vector<Block>& blocks, const std::vector<model::Item>& items,
                  std::size_t depth, const std::vector<model::NumberStyle>& numbering,
                  const TextRules& rules) {
  const model::NumberStyle style = style_at_depth(numbering, depth);
  int n = 0;
  for (const model::Item& item : items) {
    append_item(blocks, style, ++n, rules.line(item.title.value),
                rules.body(item.text, item.points));
    append_items(blocks, item.items, depth + 1, numbering, rules);
  }
}

std::optional<Block> attachments_block(const model::TextList& attachments, const TextRules& rules) {
  std::vector<std::string> titles;
  for (const model::Text& attachment : attachments) {
    std::string title = rules.heading(attachment.value);
    if (!title.empty()) {
      titles.push_back(std::move(title));
    }
  }
  if (titles.empty()) {
    return std::nullopt;
  }
  Block block;
  block.kind = BlockKind::attachments;
  block.label = "附件：";
  if (titles.size() == 1) {
    block.entries.push_back(std::move(titles.front()));
  } else {
    for (std::size_t i = 0; i < titles.size(); ++i) {
      block.entries.push_back(
          model::number_label(model::NumberStyle::arabic, static_cast<int>(i) + 1) + titles[i]);
    }
  }
  return block;
}

} // namespace planctl::layout
