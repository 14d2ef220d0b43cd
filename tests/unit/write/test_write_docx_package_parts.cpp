#include <planctl/write/docx/parts.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

using namespace planctl;
using namespace planctl::write::docx;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

layout::Document small_document() {
  layout::Document doc;
  doc.title = "工作安排";
  doc.metadata = {"工作安排 <草稿>", "平安区第二中学", {2020, 4, 9}};
  return doc;
}

} // namespace

TEST_CASE("docx::package_timestamp") {
  SUBCASE("the document's date wins") {
    const Timestamp t = package_timestamp({"", "", {2020, 4, 9}}, 1609372800);
    CHECK(w3cdtf(t) == "2020-04-09T00:00:00Z");
  }
  SUBCASE("SOURCE_DATE_EPOCH when the date is unknown") {
    CHECK(w3cdtf(package_timestamp({}, 1609459199)) == "2020-12-31T23:59:59Z");
    CHECK(w3cdtf(package_timestamp({"", "", {2021, 2, 29}}, 0)) == "1970-01-01T00:00:00Z");
  }
  SUBCASE("otherwise the zip epoch, never the clock") {
    CHECK(w3cdtf(package_timestamp({}, std::nullopt)) == "1980-01-01T00:00:00Z");
  }
}

TEST_CASE("docx::package") {
  const auto parts = package(small_document(), {{2020, 4, 9}, 0});
  std::string names;
  for (const Part& p : parts) {
    names += p.name + "\n";
    CHECK_MESSAGE(
        p.data.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n", 0) == 0,
        p.name);
    // Theme fonts win over explicit names (research/gbt9704.md §2): none anywhere.
    CHECK_MESSAGE(!contains(p.data, "Theme\""), p.name);
  }
  CHECK(names == "[Content_Types].xml\n_rels/.rels\ndocProps/app.xml\ndocProps/core.xml\n"
                 "word/document.xml\nword/_rels/document.xml.rels\nword/styles.xml\n"
                 "word/settings.xml\nword/fontTable.xml\nword/footer1.xml\nword/footer2.xml\n");
}

TEST_CASE("docx::core_xml") {
  const std::string xml = core_xml(small_document().metadata, {{2020, 4, 9}, 0});
  CHECK(contains(xml, "<dc:title>工作安排 &lt;草稿&gt;</dc:title>\n<dc:creator>平安区第二中学"
                      "</dc:creator>\n"));
  CHECK(contains(xml, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-04-09T00:00:00Z"
                      "</dcterms:created>\n<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
                      "2020-04-09T00:00:00Z</dcterms:modified>"));
}

TEST_CASE("docx::content_types_xml") {
  const std::string xml = content_types_xml();
  for (const char* part :
       {"/word/document.xml", "/word/styles.xml", "/word/settings.xml", "/word/fontTable.xml",
        "/word/footer1.xml", "/word/footer2.xml", "/docProps/core.xml", "/docProps/app.xml"}) {
    CHECK_MESSAGE(contains(xml, std::string("PartName=\"") + part + "\""), part);
  }
}

TEST_CASE("docx::styles_xml") {
  const std::string xml = styles_xml();
  SUBCASE("body: 3号 仿宋_GB2312 in every slot, East Asian hint, zh-CN, 22 lines, 28 characters") {
    CHECK(contains(xml, "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                        "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/>"
                        "<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:spacing "
                        "w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\"/>"
                        "<w:jc w:val=\"both\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" "
                        "w:hAnsi=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"仿宋_GB2312\" "
                        "w:hint=\"eastAsia\"/><w:spacing w:val=\"-5\"/><w:sz w:val=\"32\"/>"
                        "<w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" "
                        "w:bidi=\"ar-SA\"/></w:rPr></w:style>\n"));
  }
  SUBCASE("title: 2号 方正小标宋简体, centred, not condensed") {
    CHECK(contains(xml,
                   "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
                   "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:uiPriority "
                   "w:val=\"10\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr>"
                   "<w:rFonts w:ascii=\"方正小标宋简体\" w:hAnsi=\"方正小标宋简体\" "
                   "w:eastAsia=\"方正小标宋简体\" w:cs=\"方正小标宋简体\" w:hint=\"eastAsia\"/>"
                   "<w:spacing w:val=\"0\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr>"
                   "</w:style>\n"));
  }
  SUBCASE("headings: 黑体 and 楷体_GB2312 with outline levels, indented two characters") {
    CHECK(contains(xml,
                   "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
                   "w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next "
                   "w:val=\"BodyText\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr>"
                   "<w:keepNext/><w:ind w:firstLine=\"630\"/><w:outlineLvl w:val=\"0\"/>"
                   "</w:pPr><w:rPr><w:rFonts w:ascii=\"黑体\" w:hAnsi=\"黑体\" "
                   "w:eastAsia=\"黑体\" w:cs=\"黑体\" w:hint=\"eastAsia\"/></w:rPr></w:style>"));
    CHECK(contains(xml, "w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"));
    CHECK(contains(xml, "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:rFonts "
                        "w:ascii=\"楷体_GB2312\""));
  }
  SUBCASE("run-in titles: 1. bold 仿宋, （1） regular 仿宋") {
    CHECK(contains(xml, "w:styleId=\"RunInHeading3\"><w:name w:val=\"Run-in Heading 3\"/>"
                        "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"10\"/>"
                        "<w:qFormat/><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" "
                        "w:hAnsi=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"仿宋_GB2312\" "
                        "w:hint=\"eastAsia\"/><w:b/><w:bCs/></w:rPr></w:style>"));
    CHECK(contains(xml, "w:styleId=\"RunInHeading4\"><w:name w:val=\"Run-in Heading 4\"/>"
                        "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"10\"/>"
                        "<w:qFormat/><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" "
                        "w:hAnsi=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"仿宋_GB2312\" "
                        "w:hint=\"eastAsia\"/></w:rPr></w:style>"));
  }
}

TEST_CASE("docx::settings_xml") {
  const std::string xml = settings_xml();
  CHECK(contains(xml, "<w:evenAndOddHeaders/>"));
  CHECK(contains(xml, "<w:characterSpacingControl w:val=\"doNotCompress\"/>"));
}

TEST_CASE("docx::font_table_xml") {
  const std::string xml = font_table_xml();
  CHECK(contains(xml, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset "
                      "w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/>"
                      "</w:font>\n"));
  CHECK(contains(xml, "<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/>"));
  CHECK(contains(xml, "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/>"));
  CHECK(contains(xml, "<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/>"));
  CHECK(contains(xml, "<w:font w:name=\"楷体\"><w:altName w:val=\"KaiTi\"/>"));
  CHECK(contains(xml, "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/>"));
}

TEST_CASE("docx::footer_xml") {
  const std::string field = "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:r><w:fldChar "
                            "w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
                            "xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar "
                            "w:fldCharType=\"separate\"/></w:r><w:r><w:t>";
  SUBCASE("odd pages: right, one character in") {
    CHECK(contains(footer_xml(FooterSide::odd),
                   "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:ind w:right=\"280\"/><w:jc "
                   "w:val=\"right\"/></w:pPr>" +
                       field + "1</w:t></w:r>"));
  }
  SUBCASE("even pages: left, one character in") {
    CHECK(contains(footer_xml(FooterSide::even),
                   "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:ind w:left=\"280\"/><w:jc "
                   "w:val=\"left\"/></w:pPr>" +
                       field + "2</w:t></w:r>"));
  }
  CHECK(contains(footer_xml(FooterSide::odd), "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>"));
}
