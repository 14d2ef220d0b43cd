#include <planctl/import/docx_reader.hpp>
#include <planctl/write/docx/zip_writer.hpp>

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "zip_package.hpp"

using namespace planctl;

namespace {

constexpr const char* k_w =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string package(const std::map<std::string, std::string>& parts) {
  return test::zip_package(parts, "docx-reader");
}

std::string document(const std::string& body) {
  return std::string("<w:document ") + k_w + "><w:body>" + body + "</w:body></w:document>";
}

// A paragraph of list `num` at `level` (no list when num is 0).
std::string p(const std::string& text, int num = 0, int level = 0) {
  std::string ppr;
  if (num != 0) {
    ppr = "<w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
          std::to_string(num) + "\"/></w:numPr></w:pPr>";
  }
  return "<w:p>" + ppr + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string lines_of(const import::SourceDocument& doc) {
  std::string out;
  for (const import::SourceLine& line : doc.lines) {
    out += std::to_string(line.line) + ":" + line.auto_label + "|" + line.text + "\n";
  }
  for (const import::SetAside& aside : doc.set_aside) {
    out += std::to_string(aside.line) + ": set aside (" + aside.why_en + "): " + aside.text + "\n";
  }
  return out;
}

std::string error_of(const std::string& bytes) {
  try {
    import::read_docx(bytes);
  } catch (const import::ImportError& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("word_number") {
  CHECK(import::word_number("decimal", 12) == "12");
  CHECK(import::word_number("chineseCounting", 1) == "一");
  CHECK(import::word_number("chineseCounting", 11) == "十一");
  CHECK(import::word_number("chineseCountingThousand", 21) == "二十一");
  CHECK(import::word_number("ideographTraditional", 3) == "丙");
  CHECK(import::word_number("ideographTraditional", 11) == "甲");
  CHECK(import::word_number("chineseLegalSimplified", 3) == "叁");
  CHECK(import::word_number("decimalEnclosedCircle", 3) == "③");
  CHECK(import::word_number("decimalEnclosedCircle", 21) == "21");
  CHECK(import::word_number("decimalEnclosedParen", 2) == "（2）");
  CHECK(import::word_number("decimalFullWidth", 10) == "１０");
  CHECK(import::word_number("decimalZero", 7) == "07");
  CHECK(import::word_number("upperLetter", 28) == "BB");
  CHECK(import::word_number("lowerRoman", 14) == "xiv");
  CHECK(import::word_number("bullet", 1) == "");
  CHECK(import::word_number("none", 1) == "");
  CHECK(import::word_number("somethingNew", 4) == "4");
}

TEST_CASE("read_docx") {
  const std::string numbering =
      std::string("<w:numbering ") + k_w +
      "><w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.%3\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
      "</w:numbering>";

  SUBCASE("automatic numbering: levels, restarts of lower levels, %1 in a lower level") {
    const std::string body = p("标题") + p("甲", 1, 0) + p("乙", 1, 1) + p("丙", 1, 1) +
                             p("丁", 1, 0) + p("戊", 1, 1) + p("己", 1, 2) + p("庚", 0);
    CHECK(lines_of(import::read_docx(package(
              {{"word/document.xml", document(body)}, {"word/numbering.xml", numbering}}))) ==
          "1:|标题\n2:一、|甲\n3:（一）|乙\n4:（二）|丙\n5:二、|丁\n6:（一）|戊\n7:二.1|己\n"
          "8:|庚\n");
  }
  SUBCASE("a list instance with a start override restarts there") {
    const std::string body = p("甲", 1, 0) + p("乙", 2, 0) + p("丙", 2, 0);
    CHECK(lines_of(import::read_docx(package(
              {{"word/document.xml", document(body)}, {"word/numbering.xml", numbering}}))) ==
          "1:一、|甲\n2:五、|乙\n3:六、|丙\n");
  }
  SUBCASE("an unknown list or numId 0 gives no label") {
    CHECK(lines_of(import::read_docx(
              package({{"word/document.xml", document(p("甲", 9, 0) + p("乙", 0, 0))}}))) ==
          "1:|甲\n2:|乙\n");
  }
  SUBCASE("runs, tabs, line breaks, deleted text, field codes and ideographic spaces") {
    const std::string body =
        "<w:p><w:r><w:t xml:space=\"preserve\">　 一、总体</w:t></w:r><w:r><w:tab/>"
        "<w:t>要求</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
        "<w:p><w:r><w:t>学校</w:t><w:br/><w:t>2020年4月9日</w:t><w:br w:type=\"page\"/></w:r>"
        "</w:p>";
    CHECK(lines_of(import::read_docx(package({{"word/document.xml", document(body)}}))) ==
          "1:|一、总体 要求\n2:|学校\n2:|2020年4月9日\n");
  }
  SUBCASE("tables and text boxes are set aside; mc:Fallback is not read twice") {
    const std::string body =
        "<w:tbl><w:tr><w:tc>" + p("序号") + "</w:tc><w:tc>" + p("任务") + p("二行") +
        "</w:tc></w:tr><w:tr><w:tc>" + p("") + "</w:tc></w:tr></w:tbl>" +
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:txbxContent>" + p("框内") +
        "</w:txbxContent></w:r></w:p>" +
        "<mc:AlternateContent "
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
        "<mc:Choice Requires=\"wps\">" +
        p("选一") + "</mc:Choice><mc:Fallback>" + p("选一") +
        "</mc:Fallback></mc:AlternateContent>";
    CHECK(lines_of(import::read_docx(package({{"word/document.xml", document(body)}}))) ==
          "5:|正文\n6:|选一\n3: set aside (a row of a table): 序号｜任务 二行\n"
          "5: set aside (text in a text box): 框内\n");
  }
  SUBCASE("numbering from a paragraph style and its parent") {
    const std::string styles =
        std::string("<w:styles ") + k_w +
        "><w:style w:type=\"paragraph\" w:styleId=\"H\"><w:pPr><w:numPr><w:numId w:val=\"1\"/>"
        "</w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"H2\">"
        "<w:basedOn w:val=\"H\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr>"
        "</w:style></w:styles>";
    const std::string body = "<w:p><w:pPr><w:pStyle w:val=\"H\"/></w:pPr><w:r><w:t>甲</w:t>"
                             "</w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"H2\"/></w:pPr><w:r>"
                             "<w:t>乙</w:t></w:r></w:p>";
    CHECK(lines_of(import::read_docx(package({{"word/document.xml", document(body)},
                                              {"word/numbering.xml", numbering},
                                              {"word/styles.xml", styles}}))) ==
          "1:一、|甲\n2:（一）|乙\n");
  }
  SUBCASE("what is not a .docx") {
    CHECK(error_of("hello") == "the file is not a .docx (not a zip package); open it in Word or "
                               "WPS and save it as .docx (Word 文档)");
    CHECK(error_of("PK\x03\x04 and then nothing") ==
          "the file is not a .docx (not a zip package); open it in Word or WPS and save it as "
          ".docx (Word 文档)");
    CHECK(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')) ==
          "the file is an old Word document (.doc) named .docx; open it in Word or WPS, save it "
          "as .docx (Word 文档), and import that");
    CHECK(error_of(package({{"word/other.xml", "<a/>"}})) ==
          "the file is a zip package without word/document.xml, so not a Word document; open it "
          "in Word or WPS and save it as .docx");
  }
  SUBCASE("hostile parts: a DOCTYPE, broken XML, a part past the limit") {
    CHECK(error_of(package(
              {{"word/document.xml", "<!DOCTYPE a [<!ENTITY x \"y\">]>" + document(p("&x;"))}})) ==
          "the .docx part word/document.xml declares a DOCTYPE, which Word never writes; planctl "
          "does not read it");
    CHECK(error_of(package({{"word/document.xml", document("<w:p>")}})) ==
          "the .docx part word/document.xml is not well-formed XML (line 1: mismatched tag); open "
          "the document in Word and save it again");
    CHECK(error_of(package(
              {{"word/document.xml", std::string(import::k_max_docx_part_bytes + 1, ' ')}})) ==
          "the .docx part word/document.xml inflates to more than 32 MiB; a plan's text is far "
          "smaller, so this is not a document planctl can import");
  }
}
