#include <planctl/layout/blocks.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/model/numbering.hpp>

namespace planctl::layout {

int outline_level(model::NumberStyle style) {
  switch (style) {
  case model::NumberStyle::chinese:
    return 1;
  case model::NumberStyle::paren_chinese:
    return 2;
  case model::NumberStyle::arabic:
    return 3;
  case model::NumberStyle::paren_arabic:
    return 4;
  }
  return 0;
}

Block paragraph_block(std::string text) {
  Block block;
  block.kind = BlockKind::paragraph;
  block.text = std::move(text);
  return block;
}

Block heading_block(model::NumberStyle style, int n, std::string title) {
  Block block;
  block.kind = BlockKind::heading;
  block.style = style;
  block.outline_level = outline_level(style);
  block.number = model::number_label(style, n);
  block.title = std::move(title);
  return block;
}

Block run_in_block(model::NumberStyle style, int n, std::string title, std::string text) {
  Block block;
  block.kind = BlockKind::run_in;
  block.style = style;
  block.outline_level = outline_level(style);
  block.number = model::number_label(style, n);
  if (!title.empty() && run_in_title_end(title) == "。") {
    // `加强领导，` closes as `加强领导。`, never `加强领导，。`.
    title = strip_closing_commas(title);
  }
  block.title_end = title.empty() ? std::string() : run_in_title_end(title);
  block.title = std::move(title);
  block.text = std::move(text);
  return block;
}

void append_item(std::vector<Block>& blocks, model::NumberStyle style, int n,
                 const std::string& title, std::vector<std::string> body) {
  std::size_t rest = 0;
  if (model::is_heading_style(style)) {
    blocks.push_back(heading_block(style, n, strip_closing_full_stop(title)));
  } else {
    blocks.push_back(run_in_block(style, n, title, body.empty() ? std::string() : body.front()));
    rest = 1;
  }
  for (std::size_t i = rest; i < body.size(); ++i) {
    blocks.push_back(paragraph_block(std::move(body[i])));
  }
}

} // namespace planctl::layout
