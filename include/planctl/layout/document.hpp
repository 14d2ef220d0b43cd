// The format-neutral document that the layout step produces and every writer formats.
// Numbering, punctuation, paragraph joining and date wording are already decided here:
// writers only choose fonts, markup and spacing.
#pragma once

#include <planctl/model/plan.hpp>

#include <string>
#include <vector>

namespace planctl::layout {

enum class BlockKind {
  heading,     // a numbered heading on its own line: `number` + `title` (一、 or （一） style)
  paragraph,   // a body paragraph: `text`
  run_in,      // a run-in item: `number` + `title` + `title_end`, then `text`, one paragraph
  attachments, // the 附件 note: `label` (`附件：`) and `entries` (`1.……`, `2.……` or one entry)
};

// One block of the body, in reading order.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  model::NumberStyle style = model::NumberStyle::chinese; // for heading and run_in
  int outline_level = 0;   // heading: 1 for 一、, 2 for （一）; run_in: 3 for 1., 4 for （1）
  std::string number;      // `一、` `（一）` `1.` `（1）`; empty for an unnumbered run-in item
  std::string title;       // heading or run-in title, punctuation normalised, no number
  std::string title_end;   // run-in: `。` or empty when the title already ends in punctuation
  std::string text;        // paragraph or run-in body (one paragraph, no line breaks)
  std::string label;       // attachments: `附件：`
  std::vector<std::string> entries; // attachments: each entry with its number
};

// The signature (落款): issuer, and the date already worded as `2020年4月9日`.
struct Signature {
  std::string issuer;
  std::string date;
};

// Facts about the document for package properties.
struct Metadata {
  std::string title;
  std::string author;       // the issuer
  util::Date date;          // the signing date (timestamps derive from it)
};

// A whole document: the plan or the report.
struct Document {
  std::string title;
  std::vector<Block> blocks;
  Signature signature;
  Metadata metadata;
};

} // namespace planctl::layout
