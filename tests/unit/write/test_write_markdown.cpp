#include <planctl/write/writers.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

using namespace planctl;
using layout::Block;
using layout::BlockKind;
using model::NumberStyle;

namespace {

Block paragraph(std::string text) {
  Block b;
  b.kind = BlockKind::paragraph;
  b.text = std::move(text);
  return b;
}

Block heading(NumberStyle style, int level, std::string number, std::string title) {
  Block b;
  b.kind = BlockKind::heading;
  b.style = style;
  b.outline_level = level;
  b.number = std::move(number);
  b.title = std::move(title);
  return b;
}

Block run_in(std::string number, std::string title, std::string end, std::string text) {
  Block b;
  b.kind = BlockKind::run_in;
  b.style = NumberStyle::arabic;
  b.outline_level = 3;
  b.number = std::move(number);
  b.title = std::move(title);
  b.title_end = std::move(end);
  b.text = std::move(text);
  return b;
}

Block attachments(std::vector<std::string> entries) {
  Block b;
  b.kind = BlockKind::attachments;
  b.label = "附件：";
  b.entries = std::move(entries);
  return b;
}

layout::Document document(std::vector<Block> blocks) {
  layout::Document doc;
  doc.title = "2020年创建民族团结进步先进区工作安排";
  doc.blocks = std::move(blocks);
  doc.signature = {"市第二中学党支部", "2020年4月9日"};
  return doc;
}

// The body of a one-paragraph document, without title and signature.
std::string body_of(const std::string& text) {
  layout::Document doc = document({paragraph(text)});
  doc.signature = {};
  const std::string md = write::to_markdown(doc);
  const std::string head = "# 2020年创建民族团结进步先进区工作安排\n\n";
  REQUIRE(md.rfind(head, 0) == 0);
  return md.substr(head.size());
}

} // namespace

TEST_CASE("write::to_markdown") {
  SUBCASE("a whole plan") {
    const layout::Document doc = document({
        paragraph("根据《工作安排》，结合学校实际，现安排如下："),
        heading(NumberStyle::chinese, 1, "一、", "总体要求"),
        paragraph("深入学习贯彻……"),
        heading(NumberStyle::paren_chinese, 2, "（一）", "明确主体责任"),
        run_in("1.", "校内外营造浓厚的宣传氛围", "。", "一是利用手册宣传。二是在校园内宣传。"),
        attachments({"1.领导小组名单", "2.任务分工表"}),
    });
    CHECK(write::to_markdown(doc) ==
          "# 2020年创建民族团结进步先进区工作安排\n"
          "\n"
          "根据《工作安排》，结合学校实际，现安排如下：\n"
          "\n"
          "## 一、总体要求\n"
          "\n"
          "深入学习贯彻……\n"
          "\n"
          "### （一）明确主体责任\n"
          "\n"
          "**1.校内外营造浓厚的宣传氛围**。一是利用手册宣传。二是在校园内宣传。\n"
          "\n"
          "附件：1.领导小组名单\\\n"
          "\u3000\u3000\u30002.任务分工表\n"
          "\n"
          "市第二中学党支部\\\n"
          "2020年4月9日\n");
  }
  SUBCASE("one attachment; no signature") {
    layout::Document doc = document({attachments({"任务分工表"})});
    doc.signature = {};
    CHECK(write::to_markdown(doc) ==
          "# 2020年创建民族团结进步先进区工作安排\n\n附件：任务分工表\n");
  }
  SUBCASE("a run-in title's closing punctuation stays outside the bold") {
    CHECK(write::to_markdown(document({run_in("（1）", "如何提高质量？", "", "一是……")}))
              .find("\n**（1）如何提高质量**？一是……\n") != std::string::npos);
    CHECK(write::to_markdown(document({run_in("2.", "开展“学雷锋”", "", "正文")}))
              .find("\n**2.开展“学雷锋**”正文\n") != std::string::npos);
  }
  SUBCASE("the whole title is bold when punctuation follows the bold") {
    CHECK(write::to_markdown(document({run_in("2.", "开展“学雷锋”", "。", "正文")}))
              .find("\n**2.开展“学雷锋”**。正文\n") != std::string::npos);
    CHECK(write::to_markdown(document({run_in("（1）", "如何提高质量？", "", "“一是”")}))
              .find("\n**（1）如何提高质量？**“一是”\n") != std::string::npos);
    CHECK(write::to_markdown(document({run_in("（1）", "如何提高质量？", "", "")}))
              .find("\n**（1）如何提高质量？**\n") != std::string::npos);
  }
  SUBCASE("an untitled run-in item keeps its number plain") {
    CHECK(write::to_markdown(document({run_in("1.", "", "", "学校被评为先进集体。")}))
              .find("\n1\\.学校被评为先进集体。\n") != std::string::npos);
  }
  SUBCASE("inline markup, links and HTML are escaped") {
    CHECK(body_of("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>\n");
    CHECK(body_of("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))\n");
    CHECK(body_of("![img](http://x.cn/a.png)") == "!\\[img\\](http\\://x.cn/a.png)\n");
    CHECK(body_of("**粗体** _斜体_ `代码` ~~删除~~") ==
          "\\*\\*粗体\\*\\* \\_斜体\\_ \\`代码\\` \\~\\~删除\\~\\~\n");
    CHECK(body_of("&amp; &#60; a|b $x$ C#") == "\\&amp; \\&\\#60; a\\|b \\$x\\$ C\\#\n");
    CHECK(body_of("路径C:\\temp") == "路径C:\\\\temp\n");
  }
  SUBCASE("autolinks are defused") {
    CHECK(body_of("见https://example.com网站") == "见https\\://example.com网站\n");
    CHECK(body_of("见www.example.com网站") == "见www\\.example.com网站\n");
    CHECK(body_of("邮箱abc@163.com") == "邮箱abc@<!-- -->163.com\n");
    CHECK(body_of("上午8:30，@全体") == "上午8:30，@全体\n");
  }
  SUBCASE("block markup at the start of a paragraph is escaped") {
    CHECK(body_of("# title") == "\\# title\n");
    CHECK(body_of("1. item") == "1\\. item\n");
    CHECK(body_of("2020) 年") == "2020\\) 年\n");
    CHECK(body_of("- item") == "\\- item\n");
    CHECK(body_of("+ item") == "\\+ item\n");
    CHECK(body_of("---") == "\\---\n");
    CHECK(body_of("===") == "\\===\n");
    CHECK(body_of("> quote") == "\\> quote\n");
    CHECK(body_of("```") == "\\`\\`\\`\n");
    CHECK(body_of("| a | b |") == "\\| a \\| b \\|\n");
    CHECK(body_of("    code") == "code\n");
    CHECK(body_of("2020年4月9日") == "2020年4月9日\n");
  }
  SUBCASE("line breaks inside a text cannot start a block") {
    CHECK(body_of("第一行\n# 标题\r\n- 列表") == "第一行 \\# 标题 - 列表\n");
  }
  SUBCASE("hostile titles, headings and signature are escaped too") {
    layout::Document doc = document({heading(NumberStyle::chinese, 1, "一、", "<b>加粗</b> ##"),
                                     run_in("1.", "*强调*", "。", "[链接](http://x)")});
    doc.title = "# 标题 <i>";
    doc.signature = {"---", "==="};
    CHECK(write::to_markdown(doc) == "# \\# 标题 \\<i\\>\n"
                                     "\n"
                                     "## 一、\\<b\\>加粗\\</b\\> \\#\\#\n"
                                     "\n"
                                     "**1.\\*强调**\\*。\\[链接\\](http\\://x)\n"
                                     "\n"
                                     "\\---\\\n"
                                     "\\===\n");
  }
}

namespace {

// The HTML that GitHub's cmark-gfm makes of `markdown`, or std::nullopt without cmark-gfm.
std::optional<std::string> cmark_gfm(const std::string& markdown) {
  if (std::system("command -v cmark-gfm >/dev/null 2>&1") != 0) {
    return std::nullopt;
  }
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "planctl-test-write-markdown.md";
  std::ofstream(path, std::ios::binary) << markdown;
  const std::string command = "cmark-gfm -e autolink -e table -e strikethrough -e tasklist "
                              "-e tagfilter '" +
                              path.string() + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe != nullptr);
  std::string html;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
    html.append(buffer.data(), n);
  }
  std::filesystem::remove(path);
  return html;
}

} // namespace

TEST_CASE("write::to_markdown as rendered by cmark-gfm") {
  const std::vector<std::string> hostile{"<script>alert(1)</script>",
                                         "[x](javascript:alert(1))",
                                         "# title",
                                         "1. item",
                                         "---",
                                         "- a",
                                         "> q",
                                         "```",
                                         "| a | b |",
                                         "https://x.cn",
                                         "www.x.cn",
                                         "a@b.cn",
                                         "*a* _b_ ~~c~~",
                                         "&lt;",
                                         "![i](x.png)",
                                         "[^1]",
                                         "<!-- c -->",
                                         "\\",
                                         "    code",
                                         "=",
                                         "- [ ] task",
                                         "$x$"};
  // Plus random texts made of markup characters, so that combinations nobody thought of
  // are tried too.
  std::vector<std::string> texts = hostile;
  const std::vector<std::string> alphabet{"*", "_",  "`", "[", "]", "(", ")",  "<",  ">", "!", "#",
                                          "|", "~",  "-", "+", "=", ":", ".",  "/",  "@", "&", ";",
                                          "$", "\\", " ", "1", "a", "w", "中", "。", "\n"};
  std::uint32_t state = 7;
  for (int i = 0; i < 300; ++i) {
    std::string text;
    for (int j = 0; j < 12; ++j) {
      state = state * 1664525U + 1013904223U;
      text += alphabet[(state >> 8) % alphabet.size()];
    }
    texts.push_back(text);
  }
  std::vector<Block> blocks;
  for (const std::string& text : texts) {
    blocks.push_back(paragraph(text));
    blocks.push_back(heading(NumberStyle::paren_chinese, 2, "（一）", text));
    blocks.push_back(run_in("1.", text, "。", text));
  }
  blocks.push_back(attachments(texts));
  layout::Document doc = document(blocks);
  doc.title = "<h1>x</h1>";
  doc.signature = {"---", "# x"};
  const std::optional<std::string> html = cmark_gfm(write::to_markdown(doc));
  if (!html) {
    MESSAGE("cmark-gfm is not installed (scripts/install-deps.sh); rendering not checked");
    return;
  }
  // Our own markup only: one h1, h2/h3 headings, paragraphs, <strong>, <br />, comments.
  for (const char* tag :
       {"<a ", "<script", "<em>", "<del>", "<code>", "<pre>", "<li>", "<ul>", "<ol>", "<table>",
        "<blockquote>", "<hr", "<img", "<input", "<h2>", "<h4>", "<i>", "<b>"}) {
    INFO(tag);
    CHECK(html->find(tag) == std::string::npos);
  }
  std::size_t h3 = 0;
  for (std::size_t at = html->find("<h3>"); at != std::string::npos;
       at = html->find("<h3>", at + 1)) {
    ++h3;
  }
  CHECK(h3 == texts.size());
  std::size_t strong = 0;
  for (std::size_t at = html->find("<strong>"); at != std::string::npos;
       at = html->find("<strong>", at + 1)) {
    ++strong;
  }
  // Titles that end in punctuation or are all punctuation keep fewer bold runs; none may add.
  CHECK(strong <= texts.size());
  CHECK(html->find("<h1>&lt;h1&gt;x&lt;/h1&gt;</h1>") != std::string::npos);
}

TEST_CASE("write::to_markdown official-document parts") {
  layout::Document doc;
  doc.title = "平安区教育局2020年工作要点";
  doc.blocks = {paragraph("正文。")};
  doc.signature = {"平安区教育局", "2020年4月9日"};
  doc.letterhead =
      layout::Letterhead{"海东市平安区教育局文件", "平教〔2020〕12号", "签发人：", "李明"};
  doc.recipients = "各中小学、各幼儿园：";
  doc.note = "（联系人：张慧君）";
  doc.imprint = layout::Imprint{"抄送：区委教育工委。", "平安区教育局办公室", "2020年4月10日印发"};
  // Plain lines in the order of the paged outputs; GFM cannot spread a line, so two ideographic
  // spaces separate the number from 签发人 and the office from the date.
  CHECK(write::to_markdown(doc) == "海东市平安区教育局文件\n"
                                   "\n"
                                   "平教〔2020〕12号\u3000\u3000签发人：李明\n"
                                   "\n"
                                   "# 平安区教育局2020年工作要点\n"
                                   "\n"
                                   "各中小学、各幼儿园：\n"
                                   "\n"
                                   "正文。\n"
                                   "\n"
                                   "平安区教育局\\\n"
                                   "2020年4月9日\n"
                                   "\n"
                                   "（联系人：张慧君）\n"
                                   "\n"
                                   "抄送：区委教育工委。\n"
                                   "\n"
                                   "平安区教育局办公室\u3000\u30002020年4月10日印发\n");
}
