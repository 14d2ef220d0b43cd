#include <planctl/write/docx/page_setup.hpp>
#include <planctl/write/docx/parts.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace planctl;
using namespace planctl::write::docx;

namespace {

layout::Block heading(model::NumberStyle style, int level, std::string number, std::string title) {
  layout::Block b;
  b.kind = layout::BlockKind::heading;
  b.style = style;
  b.outline_level = level;
  b.number = std::move(number);
  b.title = std::move(title);
  return b;
}

layout::Block paragraph(std::string text) {
  layout::Block b;
  b.kind = layout::BlockKind::paragraph;
  b.text = std::move(text);
  return b;
}

layout::Block run_in(model::NumberStyle style, std::string number, std::string title,
                     std::string text) {
  layout::Block b;
  b.kind = layout::BlockKind::run_in;
  b.style = style;
  b.outline_level = 3;
  b.number = std::move(number);
  b.title = std::move(title);
  b.title_end = "。";
  b.text = std::move(text);
  return b;
}

layout::Block attachments(std::vector<std::string> entries) {
  layout::Block b;
  b.kind = layout::BlockKind::attachments;
  b.label = "附件：";
  b.entries = std::move(entries);
  return b;
}

// The body of document.xml, between <w:body> and <w:sectPr>.
std::string body(const layout::Document& doc) {
  const std::string xml = document_xml(doc);
  const std::size_t start = xml.find("<w:body>\n");
  const std::size_t end = xml.find("<w:sectPr>");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  return xml.substr(start + 9, end - start - 9);
}

} // namespace

TEST_CASE("docx::document_xml") {
  SUBCASE("a small plan, paragraph by paragraph") {
    layout::Document doc;
    doc.title = "平安二中2020年工作安排";
    doc.blocks = {paragraph("根据《安排》，现安排如下："),
                  heading(model::NumberStyle::chinese, 1, "一、", "总体要求"),
                  heading(model::NumberStyle::paren_chinese, 2, "（一）", "明确主体责任"),
                  run_in(model::NumberStyle::arabic, "1.", "营造宣传氛围", "一是宣传。"),
                  run_in(model::NumberStyle::paren_arabic, "（1）", "细化", ""),
                  attachments({"1.任务分工表", "2.领导小组名单"})};
    doc.signature = {"平安区第二中学", "2020年4月9日"};
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>平安二中2020年工作安排</w:t>"
          "</w:r></w:p>\n"
          "<w:p/>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r><w:t>根据《安排》，现安排如下："
          "</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>一、总体要求</w:t></w:r>"
          "</w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>（一）明确主体责任</w:t>"
          "</w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r><w:rPr><w:rStyle "
          "w:val=\"RunInHeading3\"/></w:rPr><w:t>1.营造宣传氛围。</w:t></w:r><w:r><w:t>一是宣传。"
          "</w:t></w:r></w:p>\n"
          // The last body paragraph, the attachments note, the blank lines and the issuer form
          // one keep-with-next chain down to the date (outputs.md "Keeping a page together").
          "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/><w:keepNext/><w:widowControl/></w:pPr><w:r>"
          "<w:rPr><w:rStyle w:val=\"RunInHeading4\"/></w:rPr><w:t>（1）细化。</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          // 附件： is 3 characters, 1. one: the name starts 2 + 3 + 1 characters in.
          "<w:p><w:pPr><w:pStyle w:val=\"AttachmentNote\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:left=\"1890\" "
          "w:hanging=\"1260\"/></w:pPr><w:r><w:t>附件：1.任务分工表</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"AttachmentNote\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:left=\"1890\" "
          "w:hanging=\"315\"/></w:pPr><w:r><w:t>2.领导小组名单</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          // The 6-character date, starting 2 right of the 7-character issuer's start, would end
          // 1 character from the edge: it keeps 2 and the issuer starts 2 left of it, ending 3
          // characters from the right.
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:right=\"945\"/></w:pPr><w:r>"
          "<w:t>平安区第二中学</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepLines/><w:ind "
          "w:right=\"630\"/></w:pPr><w:r>"
          "<w:t>2020年4月9日</w:t></w:r></w:p>\n");
  }
  SUBCASE("the face follows the numbering style, the outline level the block") {
    layout::Document doc;
    doc.blocks = {heading(model::NumberStyle::paren_chinese, 1, "（一）", "总体要求"),
                  run_in(model::NumberStyle::paren_chinese, "（二）", "存在的问题", "正文")};
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:r>"
          "<w:t>（一）总体要求</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r><w:rPr><w:rStyle "
          "w:val=\"RunInHeading2\"/></w:rPr><w:t>（二）存在的问题。</w:t></w:r><w:r><w:t>正文</w:t>"
          "</w:r></w:p>\n");
  }
  SUBCASE("a date longer than the issuer ends two characters in and pushes the issuer left") {
    layout::Document doc;
    doc.signature = {"校办", "2020年12月31日"};
    // Date 7 characters: issuer starts 2 left of it, 2 + 7 + 2 = 11 from the right, and
    // being 2 wide it ends 9 characters from the right.
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:right=\"2835\"/></w:pPr><w:r>"
          "<w:t>校办</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepLines/><w:ind "
          "w:right=\"630\"/></w:pPr><w:r>"
          "<w:t>2020年12月31日</w:t></w:r></w:p>\n");
  }
  SUBCASE("a short date starts two characters right of the issuer's start") {
    layout::Document doc;
    doc.signature = {"平安区第二中学党总支部委员会", "2020年4月9日"};
    // Issuer 14 characters ending 2 from the right starts at 12; the date is anchored by its
    // start, 14 characters in.
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:right=\"630\"/></w:pPr><w:r>"
          "<w:t>平安区第二中学党总支部委员会</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepLines/><w:ind w:left=\"4410\"/><w:jc "
          "w:val=\"left\"/></w:pPr><w:r><w:t>2020年4月9日</w:t></w:r></w:p>\n");
  }
  SUBCASE("an issuer wider than the line keeps 右空二字, the date its own place") {
    // 27 characters: more than the 26 left of 右空二字.
    layout::Document doc;
    doc.signature = {"市第二中学党支部市第二中学党支部市第二中学党支部市第二", "2020年4月9日"};
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:right=\"630\"/></w:pPr><w:r>"
          "<w:t>市第二中学党支部市第二中学党支部市第二中学党支部市第二</w:t></w:r></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepLines/><w:ind "
          "w:right=\"630\"/></w:pPr><w:r>"
          "<w:t>2020年4月9日</w:t></w:r></w:p>\n");
  }
  SUBCASE("a date alone keeps two characters from the right") {
    layout::Document doc;
    doc.signature = {"", "2020年4月9日"};
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepLines/><w:ind w:right=\"630\"/>"
          "</w:pPr><w:r><w:t>2020年4月9日</w:t></w:r></w:p>\n");
  }
  SUBCASE("one attachment has no number; wrapped lines align under the name") {
    layout::Document doc;
    doc.blocks = {attachments({"任务分工表"})};
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"AttachmentNote\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:left=\"1575\" "
          "w:hanging=\"945\"/></w:pPr><w:r><w:t>附件：任务分工表</w:t></w:r></w:p>\n");
  }
  SUBCASE("a note without entries is the label alone, as in the text output") {
    layout::Document doc;
    doc.blocks = {attachments({})};
    CHECK(body(doc) ==
          "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>\n"
          "<w:p><w:pPr><w:pStyle w:val=\"AttachmentNote\"/><w:keepNext/><w:keepLines/><w:ind "
          "w:left=\"1575\" "
          "w:hanging=\"945\"/></w:pPr><w:r><w:t>附件：</w:t></w:r></w:p>\n");
  }
  SUBCASE("no title and no signature write no paragraphs") {
    CHECK(body({}).empty());
  }
  SUBCASE("hostile text: markup escaped, controls dropped, tabs kept, line breaks as spaces") {
    layout::Document doc;
    doc.blocks = {paragraph(" <w:t>&\x01甲\t乙\r\n丙  ")};
    CHECK(body(doc) == "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r>"
                       "<w:t xml:space=\"preserve\"> &lt;w:t&gt;&amp;甲</w:t><w:tab/>"
                       "<w:t xml:space=\"preserve\">乙 丙  </w:t></w:r></w:p>\n");
  }
  SUBCASE("the section: A4, GB/T 9704 margins, line grid, odd and even footers") {
    const std::string xml = document_xml(layout::Document{});
    CHECK(xml.find("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                   "<w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
                   "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                   "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" "
                   "w:header=\"851\" w:footer=\"1446\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>"
                   "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>") !=
          std::string::npos);
  }
}

TEST_CASE("docx::document_xml official-document parts") {
  layout::Document doc;
  doc.title = "甲乙";
  doc.blocks = {paragraph("正文。")};
  doc.signature = {"平安区教育局", "2020年4月9日"};
  const auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
      ++n;
    }
    return n;
  };
  SUBCASE("each title line is one line of the grid, not snapped to two") {
    doc.title_lines = {"平安区教育局关于", "2020年工作的报告"};
    const std::string xml = body(doc);
    CHECK(count(xml, "<w:p><w:pPr><w:pStyle w:val=\"Title\"/><w:snapToGrid w:val=\"0\"/>"
                     "<w:spacing w:line=\"579\" w:lineRule=\"exact\"/></w:pPr>") == 2);
  }
  SUBCASE("the 版记 has the empty lines of the grid above it: 21 less its own") {
    doc.imprint =
        layout::Imprint{"抄送：区委教育工委。", "平安区教育局办公室", "2020年4月10日印发"};
    const std::string xml = document_xml(doc);
    const std::size_t section = xml.find("</w:sectPr>");
    const std::size_t first = xml.find("<w:pStyle w:val=\"Imprint\"/>");
    REQUIRE(section < first);
    CHECK(count(xml.substr(section, first - section), "<w:p/>") == 19);
    // A 抄送 line of 60 characters wraps to three lines at the 25 estimated after the first
    // line's 28: 17 empty lines.
    doc.imprint->copy_to = "抄送：" + [] {
      std::string s;
      for (int i = 0; i < 57; ++i) {
        s += "甲";
      }
      return s;
    }();
    const std::string wrapped = document_xml(doc);
    CHECK(count(wrapped.substr(section, wrapped.find("<w:pStyle w:val=\"Imprint\"/>") - section),
                "<w:p/>") == 17);
  }
  SUBCASE("the task table's columns: every header on one line, the rest to the long cells") {
    layout::AttachmentPage page;
    page.label = "附件";
    page.title = "任务分工表";
    page.header = {"序号", "工作任务", "完成时限"};
    page.rows = {{"1", std::string(60 * 3, 'x'), "全年"}};
    doc.attachment_pages = {page};
    const std::string xml = body(doc);
    // 8845 twips: 序号 4 halves × 140 + 256 = 816, 完成时限 1376, the task the rest.
    CHECK(xml.find("<w:tblGrid><w:gridCol w:w=\"816\"/><w:gridCol w:w=\"6653\"/>"
                   "<w:gridCol w:w=\"1376\"/></w:tblGrid>") != std::string::npos);
  }
}

TEST_CASE("docx::half_char_units") {
  CHECK(half_char_units("") == 0);
  CHECK(half_char_units("2020年4月9日") == 12);
  CHECK(half_char_units("附件：") == 6);
  CHECK(half_char_units("“迎国检”") == 10);
  CHECK(half_char_units("ｱ") == 1);
  CHECK(half_char_units("é\t") == 4);
}

TEST_CASE("docx::units_to_twips") {
  CHECK(units_to_twips(2) == k_char_pitch);
  CHECK(units_to_twips(1) == 158);
  CHECK(units_to_twips(56) == 28 * k_char_pitch);
}
