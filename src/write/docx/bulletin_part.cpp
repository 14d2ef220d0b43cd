// The 工作简报 as a WordprocessingML package (outputs.md, Bulletin): the masthead in red, the
// news items with their photos as inline pictures (each picture stored once, in word/media),
// the 报/送/发 foot in a frame at the bottom of the last page. Page, faces and footers are the
// GB/T 9704 ones of the plan and report.
#include <planctl/util/date.hpp>
#include <planctl/write/docx/page_setup.hpp>
#include <planctl/write/docx/parts.hpp>
#include <planctl/write/docx/xml_writer.hpp>
#include <planctl/write/docx/zip_writer.hpp>
#include <planctl/write/writers.hpp>

#include <algorithm>

namespace planctl::write::docx {

namespace {

constexpr std::string_view k_ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view k_ns_r =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view k_ns_wp =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr std::string_view k_ns_a = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr std::string_view k_ns_pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";

// EMU per twip: 914400 per inch, 1440 twips per inch.
constexpr long long k_emu_per_twip = 635;

// The headline in 黑体 小二, the caption in 楷体 4号.
constexpr int k_headline_size = 36;
constexpr int k_caption_size = 28;
constexpr int k_number_size = 32;

std::string num(long long value) {
  return std::to_string(value);
}

// The relationship id of picture `i` (after the fixed ids of parts.hpp).
std::string picture_id(std::size_t i) {
  return "rIdPic" + num(static_cast<long long>(i) + 1);
}

struct RunStyle {
  std::string_view face;
  int size = 0; // half-points; 0: the style's
  bool red = false;
  bool bold = false;
};

void styled_run(XmlWriter& w, std::string_view text, const RunStyle& style) {
  if (text.empty()) {
    return;
  }
  w.open("w:r");
  w.open("w:rPr");
  if (!style.face.empty()) {
    w.leaf("w:rFonts", {{"w:ascii", style.face},
                        {"w:hAnsi", style.face},
                        {"w:eastAsia", style.face},
                        {"w:cs", style.face},
                        {"w:hint", "eastAsia"}});
  }
  if (style.bold) {
    w.leaf("w:b");
    w.leaf("w:bCs");
  }
  if (style.red) {
    w.leaf("w:color", {{"w:val", k_red}});
  }
  if (style.size > 0) {
    w.leaf("w:spacing", {{"w:val", "0"}});
    w.leaf("w:sz", {{"w:val", num(style.size)}});
    w.leaf("w:szCs", {{"w:val", num(style.size)}});
  }
  w.close();
  w.text_element("w:t", text, {{"xml:space", "preserve"}});
  w.close();
}

struct Para {
  std::string_view style = "Normal";
  std::string_view align;
  bool free_lines = false; // off the line grid, single spacing: large type and pictures
  bool keep_next = false;
  bool red_rule = false; // a red rule under it, as the 版头's
};

void open_paragraph(XmlWriter& w, const Para& p) {
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", p.style}});
  if (p.keep_next) {
    w.leaf("w:keepNext");
  }
  if (p.red_rule) {
    w.open("w:pBdr");
    w.leaf("w:bottom", {{"w:val", "single"},
                        {"w:sz", num(k_red_rule_eighths)},
                        {"w:space", "1"},
                        {"w:color", k_red}});
    w.close();
    w.open("w:tabs");
    w.leaf("w:tab", {{"w:val", "right"}, {"w:pos", num(k_text_width)}});
    w.close();
  }
  if (p.free_lines) {
    w.leaf("w:snapToGrid", {{"w:val", "0"}});
    w.leaf("w:spacing",
           {{"w:before", "120"}, {"w:after", "120"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
    w.leaf("w:ind", {{"w:firstLine", "0"}});
  }
  if (!p.align.empty()) {
    w.leaf("w:jc", {{"w:val", p.align}});
  }
  w.close();
}

void close_paragraph(XmlWriter& w) {
  w.close();
  w.newline();
}

void line(XmlWriter& w, std::string_view text, const Para& p, const RunStyle& style = {}) {
  open_paragraph(w, p);
  styled_run(w, text, style);
  close_paragraph(w);
}

// The bulletin's name as large as the line allows, up to 初号 (the 版头's rule).
int name_size(std::string_view name) {
  const int units = std::max(half_char_units(name), 1);
  return std::clamp(k_text_width * 2 / (units * 10), k_body_size, k_letterhead_max_size);
}

// The inline picture of `f` as a run.
void picture_run(XmlWriter& w, const layout::Figure& f, const layout::Bulletin& b, int& next_id) {
  const long long cx = f.width * k_emu_per_twip;
  const long long cy = f.height * k_emu_per_twip;
  const int id = next_id++;
  const layout::Picture& picture = b.pictures.at(f.picture);
  w.open("w:r");
  w.open("w:drawing");
  w.open("wp:inline", {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
  w.leaf("wp:extent", {{"cx", num(cx)}, {"cy", num(cy)}});
  w.leaf("wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
  const std::string name = "图片 " + num(id);
  w.leaf("wp:docPr", {{"id", num(id)}, {"name", name}, {"descr", f.alt}});
  w.open("wp:cNvGraphicFramePr");
  w.leaf("a:graphicFrameLocks", {{"xmlns:a", k_ns_a}, {"noChangeAspect", "1"}});
  w.close();
  w.open("a:graphic", {{"xmlns:a", k_ns_a}});
  w.open("a:graphicData", {{"uri", k_ns_pic}});
  w.open("pic:pic", {{"xmlns:pic", k_ns_pic}});
  w.open("pic:nvPicPr");
  w.leaf("pic:cNvPr", {{"id", num(id)}, {"name", picture.name}, {"descr", f.alt}});
  w.leaf("pic:cNvPicPr");
  w.close();
  w.open("pic:blipFill");
  w.leaf("a:blip", {{"r:embed", picture_id(f.picture)}});
  w.open("a:stretch");
  w.leaf("a:fillRect");
  w.close();
  w.close();
  w.open("pic:spPr");
  w.open("a:xfrm");
  w.leaf("a:off", {{"x", "0"}, {"y", "0"}});
  w.leaf("a:ext", {{"cx", num(cx)}, {"cy", num(cy)}});
  w.close();
  w.open("a:prstGeom", {{"prst", "rect"}});
  w.leaf("a:avLst");
  w.close();
  w.close();
  w.close(); // pic:pic
  w.close(); // a:graphicData
  w.close(); // a:graphic
  w.close(); // wp:inline
  w.close(); // w:drawing
  w.close(); // w:r
}

// A photo centred in its paragraph, its caption centred under it in 楷体 4号.
void figure(XmlWriter& w, const layout::Figure& f, const layout::Bulletin& b, int& next_id) {
  open_paragraph(w, {.align = "center", .free_lines = true, .keep_next = !f.caption.empty()});
  picture_run(w, f, b, next_id);
  close_paragraph(w);
  if (!f.caption.empty()) {
    line(w, f.caption, {.align = "center"}, {.face = k_face_heading2, .size = k_caption_size});
  }
}

// Two landscape photos side by side: a borderless table of two cells as wide as half the
// line each, one character apart, each cell the photo and its caption; the row never split.
void figure_pair(XmlWriter& w, const layout::Figure& left, const layout::Figure& right,
                 const layout::Bulletin& b, int& next_id) {
  const int cell = layout::k_figure_half_width;
  const int gap = layout::k_figure_max_width - 2 * cell;
  w.open("w:tbl");
  w.open("w:tblPr");
  w.leaf("w:tblW", {{"w:w", num(layout::k_figure_max_width)}, {"w:type", "dxa"}});
  w.leaf("w:jc", {{"w:val", "center"}});
  w.open("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    w.leaf(side, {{"w:val", "nil"}});
  }
  w.close();
  w.leaf("w:tblLayout", {{"w:type", "fixed"}});
  w.open("w:tblCellMar");
  w.leaf("w:left", {{"w:w", "0"}, {"w:type", "dxa"}});
  w.leaf("w:right", {{"w:w", num(gap)}, {"w:type", "dxa"}});
  w.close();
  w.leaf("w:tblLook", {{"w:val", "0000"}});
  w.close();
  w.open("w:tblGrid");
  w.leaf("w:gridCol", {{"w:w", num(cell + gap)}});
  w.leaf("w:gridCol", {{"w:w", num(cell)}});
  w.close();
  w.open("w:tr");
  w.open("w:trPr");
  w.leaf("w:cantSplit");
  w.close();
  for (const layout::Figure* f : {&left, &right}) {
    w.open("w:tc");
    w.open("w:tcPr");
    const bool last = f == &right;
    w.leaf("w:tcW", {{"w:w", num(last ? cell : cell + gap)}, {"w:type", "dxa"}});
    if (last) {
      w.open("w:tcMar");
      w.leaf("w:right", {{"w:w", "0"}, {"w:type", "dxa"}});
      w.close();
    }
    w.close();
    figure(w, *f, b, next_id);
    if (f->caption.empty()) {
      w.leaf("w:p"); // a cell ends with a paragraph; this one keeps the row's two heights alike
    }
    w.close(); // w:tc
  }
  w.close(); // w:tr
  w.close(); // w:tbl
  w.newline();
}

// The 报/送/发 lines between thin rules, in a frame at the foot of the page they end on.
void foot(XmlWriter& w, const std::vector<layout::CopyLine>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    w.open("w:p");
    w.open("w:pPr");
    w.leaf("w:pStyle", {{"w:val", "Normal"}});
    w.leaf("w:framePr", {{"w:w", num(k_text_width)},
                         {"w:wrap", "around"},
                         {"w:vAnchor", "margin"},
                         {"w:hAnchor", "margin"},
                         {"w:yAlign", "bottom"}});
    w.open("w:pBdr");
    if (i == 0) {
      w.leaf("w:top", {{"w:val", "single"},
                       {"w:sz", num(k_rule_thin_eighths)},
                       {"w:space", "1"},
                       {"w:color", "auto"}});
    }
    if (i + 1 == lines.size()) {
      w.leaf("w:bottom", {{"w:val", "single"},
                          {"w:sz", num(k_rule_thin_eighths)},
                          {"w:space", "1"},
                          {"w:color", "auto"}});
    }
    w.close();
    w.leaf("w:ind", {{"w:left", num(2 * k_imprint_indent)}, {"w:hanging", num(k_imprint_indent)}});
    w.close();
    styled_run(w, lines[i].label + "：" + lines[i].text, {.size = k_imprint_size});
    close_paragraph(w);
  }
}

} // namespace

std::string bulletin_document_xml(const layout::Bulletin& b) {
  XmlWriter w;
  w.open("w:document", {{"xmlns:w", k_ns_w}, {"xmlns:r", k_ns_r}, {"xmlns:wp", k_ns_wp}});
  w.open("w:body");
  w.newline();
  line(w, b.name, {.align = "center", .free_lines = true},
       {.face = k_face_title, .size = name_size(b.name), .red = true});
  line(w, b.number, {.align = "center"}, {.size = k_number_size});
  // 编印 at the left, the date at the right, the red rule under both.
  open_paragraph(w, {.red_rule = true});
  styled_run(w, b.editor, {});
  w.open("w:r");
  w.leaf("w:tab");
  w.close();
  styled_run(w, b.date, {});
  close_paragraph(w);
  int next_id = 1;
  for (const layout::NewsSection& section : b.sections) {
    if (!section.school.empty()) {
      w.leaf("w:p");
      line(w, "【" + section.school + "】", {.keep_next = true},
           {.face = k_face_heading1, .size = k_body_size});
    }
    for (const layout::NewsItem& item : section.items) {
      w.leaf("w:p");
      w.newline();
      for (const std::string& text : item.headline_lines) {
        line(w, text, {.align = "center", .free_lines = true, .keep_next = true},
             {.face = k_face_heading1, .size = k_headline_size});
      }
      if (!item.byline.empty()) {
        line(w, item.byline, {.align = "center", .keep_next = true}, {.face = k_face_heading2});
      }
      for (const std::string& paragraph : item.paragraphs) {
        line(w, paragraph, {.style = "BodyText"});
      }
      for (std::size_t k = 0; k < item.figures.size(); ++k) {
        if (k + 1 < item.figures.size() && item.figures[k + 1].beside) {
          figure_pair(w, item.figures[k], item.figures[k + 1], b, next_id);
          ++k;
          if (k + 2 < item.figures.size() && item.figures[k + 2].beside) {
            w.leaf("w:p"); // two tables in a row would be one in Word
          }
        } else {
          figure(w, item.figures[k], b, next_id);
        }
      }
    }
  }
  foot(w, b.copy_lines);
  write_section(w);
  w.close();
  w.close();
  return w.finish();
}

std::vector<Part> bulletin_package(const layout::Bulletin& b, const Timestamp& time) {
  bool jpeg = false;
  bool png = false;
  std::vector<std::pair<std::string, std::string>> images;
  for (std::size_t i = 0; i < b.pictures.size(); ++i) {
    (b.pictures[i].format == "png" ? png : jpeg) = true;
    images.emplace_back(picture_id(i), "media/" + b.pictures[i].name);
  }
  std::vector<Part> parts;
  parts.push_back({"[Content_Types].xml", content_types_xml(false, false, jpeg, png)});
  parts.push_back({"_rels/.rels", package_rels_xml()});
  parts.push_back({"docProps/app.xml", app_xml()});
  parts.push_back({"docProps/core.xml", core_xml(b.metadata, time)});
  parts.push_back({"word/document.xml", bulletin_document_xml(b)});
  parts.push_back({"word/_rels/document.xml.rels", document_rels_xml(false, false, images)});
  parts.push_back({"word/styles.xml", styles_xml(true)});
  parts.push_back({"word/settings.xml", settings_xml()});
  parts.push_back({"word/fontTable.xml", font_table_xml()});
  parts.push_back({"word/footer1.xml", footer_xml(FooterSide::odd)});
  parts.push_back({"word/footer2.xml", footer_xml(FooterSide::even)});
  for (const layout::Picture& picture : b.pictures) {
    parts.push_back({"word/media/" + picture.name, *picture.bytes});
  }
  return parts;
}

} // namespace planctl::write::docx

namespace planctl::write {

void write_docx(const layout::Bulletin& bulletin, const std::filesystem::path& path) {
  const docx::Timestamp time =
      docx::package_timestamp(bulletin.metadata, util::source_date_epoch());
  docx::ZipWriter zip(path, time.date);
  for (const docx::Part& part : docx::bulletin_package(bulletin, time)) {
    zip.add(part.name, part.data);
  }
  zip.finish();
}

} // namespace planctl::write
