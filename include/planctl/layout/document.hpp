// The format-neutral document that the layout step produces and every writer formats.
// Numbering, punctuation, paragraph joining and date wording are already decided here:
// writers only choose fonts, markup and spacing.
#pragma once

#include <planctl/model/plan.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planctl::layout {

enum class BlockKind {
  heading,   // a numbered heading on its own line: `number` + `title` (一、 or （一） style)
  paragraph, // a body paragraph: `text`
  run_in,    // a run-in item: `number` + `title` + `title_end`, then `text`, one paragraph
  attachments, // the 附件 note: `label` (`附件：`) and `entries` (`1.……`, `2.……` or one entry)
};

// One block of the body, in reading order.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  model::NumberStyle style = model::NumberStyle::chinese; // for heading and run_in
  int outline_level = 0; // heading: 1 for 一、, 2 for （一）; run_in: 3 for 1., 4 for （1）
  std::string number;    // `一、` `（一）` `1.` `（1）`; empty for an unnumbered run-in item
  std::string title;     // heading or run-in title, punctuation normalised, no number
  std::string title_end; // run-in: `。` or empty when the title already ends in punctuation
  std::string text;      // paragraph or run-in body (one paragraph, no line breaks)
  std::string label;     // attachments: `附件：`
  std::vector<std::string> entries; // attachments: each entry with its number
};

// The signature (落款): issuer, and the date already worded as `2020年4月9日`.
struct Signature {
  std::string issuer;
  std::string date;
  bool sealed = false; // laid out for a seal (§7.3.5.1): date 右空四字, issuer centred over it
};

// The 版头 of an official document (GB/T 9704 §7.2): the issuing organisation's mark, then
// the document number centred, or on the left with `签发人：` and the name on the right.
struct Letterhead {
  std::string mark;         // 发文机关标志, e.g. `海东市平安区教育局文件`
  std::string doc_number;   // `平教〔2020〕12号`, or empty
  std::string signer_label; // `签发人：` when there is a signer, else empty
  std::string signer;       // the signer's name
};

// The 版记 (§7.4) at the foot of the last page: `抄送：…。` and the printing line.
struct Imprint {
  std::string copy_to;      // `抄送：各学区，各中小学。`, or empty
  std::string printed_by;   // 印发机关, on the left; empty for no printing line
  std::string printed_date; // `2020年4月10日印发`, on the right
};

// An attachment printed as content (§7.3.7): its own page(s) after the document, a label at
// the top left, the title centred, then a table with a header row.
struct AttachmentPage {
  std::string label; // `附件1`, or `附件` when the document has one attachment
  std::string title;
  std::vector<std::string> header;            // the table's column titles
  std::vector<std::vector<std::string>> rows; // one cell per column
  bool wide = false; // wider than the 28-character line: printed across the page (landscape)
};

// Facts about the document for package properties.
struct Metadata {
  std::string title;
  std::string author; // the issuer
  util::Date date;    // the signing date (timestamps derive from it)
};

// A whole document: the plan or the report. The official-document parts (letterhead,
// recipients, note, imprint, attachment pages) are empty for a school's own plan, and every
// writer then writes exactly what it wrote before they existed.
struct Document {
  std::string title;
  // The title's lines when the author broke it (梯形 or 菱形, §7.3.1); empty for one line.
  std::vector<std::string> title_lines;
  std::optional<Letterhead> letterhead;
  std::string recipients; // 主送 line: `各中小学、各幼儿园：`, or empty
  std::vector<Block> blocks;
  Signature signature;
  std::string note; // 附注 after the date: `（联系人：张慧君，电话：0972-8612345）`, or empty
  std::optional<Imprint> imprint;
  std::vector<AttachmentPage> attachment_pages;
  Metadata metadata;
};

} // namespace planctl::layout

namespace planctl::layout {

// ---- the 工作简报 (outputs.md, Bulletin) -------------------------------------------------------

// One image of a bulletin, stored once however often it is shown: its data already upright.
struct Picture {
  std::string name;   // `<sha256>.jpg` / `.png`: by content, for the .docx media and the copies
  std::string format; // `jpeg` or `png`
  int width = 0;      // pixels, upright
  int height = 0;
  std::shared_ptr<const std::string> bytes;
};

// One photo under a news item: which picture, its printed size and its caption.
struct Figure {
  std::size_t picture = 0; // index into Bulletin::pictures
  int width = 0;           // twips (1/20 pt): at most the type area's width
  int height = 0;          // twips: at most a third of the type area's height
  std::string caption;     // printed under it; empty for none
  std::string alt;         // the text for readers that cannot show it (the caption or headline)
  bool beside = false;     // stands at the right of the figure before it, the two side by side
};

// One news item: the headline, the byline, the story and the photos.
struct NewsItem {
  std::vector<std::string> headline_lines; // one line unless the author broke it
  std::string byline;                      // `■ 通讯员 蔡晓铭`, or empty
  std::vector<std::string> paragraphs;     // the first opens `本报讯`
  std::vector<Figure> figures;
};

// The items of one school, under its name in a combined bulletin (the name is empty in a
// school's own).
struct NewsSection {
  std::string school;
  std::vector<NewsItem> items;
};

// One 报/送/发 line of the foot: `报：市教育局`.
struct CopyLine {
  std::string label; // `报`, `送`, `发`
  std::string text;
};

// A whole bulletin: the masthead, the items and the foot.
struct Bulletin {
  std::string name;   // `平安二中工作简报`, red, large, centred
  std::string number; // `第5期`
  std::string editor; // `编印：平安二中`
  std::string date;   // `2020年6月30日`
  std::vector<NewsSection> sections;
  std::vector<CopyLine> copy_lines;
  std::vector<Picture> pictures;
  Metadata metadata;
};

// The type area the photos are scaled into (156 × 225 mm, GB/T 9704), in twips.
inline constexpr int k_figure_max_width = 8844;       // 156 mm
inline constexpr int k_figure_max_height = 12755 / 3; // a third of 225 mm
// Two landscape photos side by side: each in half the width, one 3号 character apart.
inline constexpr int k_figure_gap = 320;
inline constexpr int k_figure_half_width = (k_figure_max_width - k_figure_gap) / 2;

} // namespace planctl::layout
