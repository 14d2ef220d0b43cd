#include <planctl/import/text_reader.hpp>

#include <doctest/doctest.h>

using namespace planctl;

namespace {

std::string lines_of(const import::SourceDocument& doc) {
  std::string out;
  for (const import::SourceLine& line : doc.lines) {
    out += std::to_string(line.line) + (line.heading ? "#" + std::to_string(line.heading) : "") +
           ":" + line.text + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("decode_text") {
  import::TextEncoding found{};
  SUBCASE("UTF-8 with a byte-order mark") {
    CHECK(import::decode_text("\xEF\xBB\xBF一、总体", &found) == "一、总体");
    CHECK(found == import::TextEncoding::utf8_bom);
  }
  SUBCASE("GB18030 as Windows editors save it") {
    // 一、总体要求 in GB18030
    CHECK(import::decode_text("\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xD2\xAA\xC7\xF3", &found) ==
          "一、总体要求");
    CHECK(found == import::TextEncoding::gb18030);
  }
  SUBCASE("byte soup") {
    CHECK_THROWS_WITH(import::decode_text("一\n二\n\xFF\xFF\xFF"),
                      "line 3 is neither UTF-8 nor GB18030 text; save the document as UTF-8 text "
                      "or .docx");
  }
  SUBCASE("UTF-16") {
    CHECK_THROWS_WITH(import::decode_text("\xFF\xFE"
                                          "a\0"),
                      "the document is UTF-16; save it as UTF-8 (or as .docx) and import again");
  }
}

TEST_CASE("read_text") {
  SUBCASE("CRLF, blank lines and indentation") {
    const auto doc = import::read_text("标题\r\n\r\n\u3000\u3000一、总体\r\n  正文\t内容  \r\n");
    CHECK(lines_of(doc) == "1:标题\n3:一、总体\n4:正文 内容\n");
  }
  SUBCASE("control characters are dropped") {
    CHECK(lines_of(import::read_text("a\x01"
                                     "b\x0C\n")) == "1:ab\n");
  }
}

TEST_CASE("read_markdown") {
  SUBCASE("what planctl writes") {
    const auto doc = import::read_markdown(
        "# 标题\n\n## 一、总体要求\n\n**1.校内外营造氛围**。一是\\*宣传\\*\n\n"
        "附件：1.行事历\\\n\u3000\u3000\u30002.名单\n\n"
        "市第二中学\\\n2020年4月9日\n");
    CHECK(lines_of(doc) == "1#1:标题\n3#2:一、总体要求\n5:1.校内外营造氛围。一是*宣传*\n"
                           "7:附件：1.行事历\n8:2.名单\n10:市第二中学\n11:2020年4月9日\n");
  }
  SUBCASE("soft line breaks are joined, code blocks set aside") {
    const auto doc = import::read_markdown("第一行\n第二行\nand\nmore\n\n```\ncode\n```\n");
    CHECK(lines_of(doc) == "1:第一行第二行and more\n");
    REQUIRE(doc.set_aside.size() == 3);
    CHECK(doc.set_aside[1].text == "code");
    CHECK(doc.set_aside[1].line == 7);
  }
  SUBCASE("escaped list markers and e-mail guards") {
    const auto doc = import::read_markdown("1\\. 不是列表 a@<!-- -->b.cn\n");
    CHECK(lines_of(doc) == "1:1. 不是列表 a@b.cn\n");
  }
}
