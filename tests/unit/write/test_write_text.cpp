#include <planctl/write/writers.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace planctl;
using layout::Block;
using layout::BlockKind;
using model::NumberStyle;

namespace {

std::string spaces(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "\u3000";
  }
  return out;
}

Block block(BlockKind kind, std::string number, std::string title, std::string end,
            std::string text) {
  Block b;
  b.kind = kind;
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

// The signature lines of a document that has nothing but a title and `issuer`/`date`.
std::string signature_of(std::string issuer, std::string date) {
  layout::Document doc;
  doc.title = "标题";
  doc.signature = {std::move(issuer), std::move(date)};
  const std::string text = write::to_text(doc);
  REQUIRE(text.rfind("标题\n\n\n", 0) == 0);
  return text.substr(std::string("标题\n\n\n").size());
}

} // namespace

TEST_CASE("write::to_text") {
  SUBCASE("a whole plan") {
    layout::Document doc;
    doc.title = "2020年创建民族团结进步先进区工作安排";
    doc.blocks = {
        block(BlockKind::paragraph, "", "", "", "根据《工作安排》，现安排如下："),
        block(BlockKind::heading, "一、", "总体要求", "", ""),
        block(BlockKind::paragraph, "", "", "", "深入学习贯彻……"),
        block(BlockKind::heading, "（一）", "明确主体责任", "", ""),
        block(BlockKind::run_in, "1.", "校内外营造浓厚的宣传氛围", "。", "一是利用手册宣传。"),
        block(BlockKind::run_in, "（1）", "如何落实？", "", "一是……"),
        attachments({"1.领导小组名单", "2.任务分工表", "10.第十个附件"}),
    };
    doc.signature = {"市第二中学党支部", "2020年4月9日"};
    CHECK(write::to_text(doc) == "2020年创建民族团结进步先进区工作安排\n"
                                 "\n"
                                 "\u3000\u3000根据《工作安排》，现安排如下：\n"
                                 "\u3000\u3000一、总体要求\n"
                                 "\u3000\u3000深入学习贯彻……\n"
                                 "\u3000\u3000（一）明确主体责任\n"
                                 "\u3000\u30001.校内外营造浓厚的宣传氛围。一是利用手册宣传。\n"
                                 "\u3000\u3000（1）如何落实？一是……\n"
                                 "\n"
                                 "\u3000\u3000附件：1.领导小组名单\n" +
                                     spaces(5) + "2.任务分工表\n" + spaces(5) +
                                     "10.第十个附件\n"
                                     "\n" +
                                     spaces(18) + "市第二中学党支部\n" + spaces(20) +
                                     "2020年4月9日\n");
  }
  SUBCASE("one attachment, no signature") {
    layout::Document doc;
    doc.title = "标题";
    doc.blocks = {attachments({"任务分工表"})};
    CHECK(write::to_text(doc) == "标题\n\n\n\u3000\u3000附件：任务分工表\n");
  }
  SUBCASE("a stray line break never starts a line") {
    layout::Document doc;
    doc.title = "标\n题";
    doc.blocks = {block(BlockKind::paragraph, "", "", "", "第一行\r\n第二行")};
    CHECK(write::to_text(doc) == "标 题\n\n\u3000\u3000第一行 第二行\n");
  }
}

TEST_CASE("write::to_text signature") {
  SUBCASE("the issuer is the longer: it ends two characters from the right") {
    CHECK(signature_of("市第二中学党支部", "2020年4月9日") ==
          spaces(18) + "市第二中学党支部\n" + spaces(20) + "2020年4月9日\n");
  }
  SUBCASE("the date is the longer: it ends two from the right, the issuer starts two left") {
    CHECK(signature_of("平安二中", "2020年12月30日") ==
          spaces(17) + "平安二中\n" + spaces(19) + "2020年12月30日\n");
  }
  SUBCASE("a date that would pass the margin counts as the longer") {
    // 7 characters each: moved right by two the date would end at the edge.
    CHECK(signature_of("平安区第二中学", "2020年12月30日") ==
          spaces(17) + "平安区第二中学\n" + spaces(19) + "2020年12月30日\n");
  }
  SUBCASE("half-width digits count half; padding rounds down") {
    // 12 characters and one digit: 12.5 wide, starts at 13.5, padded with 13.
    CHECK(signature_of("海东市平安区第2中学党支部", "2020年4月9日") ==
          spaces(13) + "海东市平安区第2中学党支部\n" + spaces(15) + "2020年4月9日\n");
  }
  SUBCASE("an issuer wider than the line is not padded") {
    const std::string issuer = "海东市平安区第二中学党支部海东市平安区第二中学党支部委员会";
    CHECK(signature_of(issuer, "2020年4月9日") == issuer + "\n" + spaces(20) + "2020年4月9日\n");
  }
  SUBCASE("a date alone ends two characters from the right") {
    CHECK(signature_of("", "2020年4月9日") == spaces(20) + "2020年4月9日\n");
  }
}

TEST_CASE("write::to_text official-document parts") {
  layout::Document doc;
  doc.title = "平安区教育局2020年工作要点";
  doc.blocks = {block(BlockKind::paragraph, "", "", "", "正文。")};
  doc.signature = {"平安区教育局", "2020年4月9日"};
  SUBCASE("版头, 主送, sealed sign-off, 附注 and 版记, in the order of GB/T 9704") {
    doc.letterhead = layout::Letterhead{"海东市平安区教育局文件", "平教〔2020〕12号", "", ""};
    doc.recipients = "各中小学、各幼儿园：";
    doc.signature.sealed = true;
    doc.note = "（联系人：张慧君）";
    doc.imprint =
        layout::Imprint{"抄送：区委教育工委。", "平安区教育局办公室", "2020年4月10日印发"};
    // The sealed date ends four characters from the right (12 halves from 36), the issuer
    // centred over it; the 印发 line one character in from both edges.
    CHECK(write::to_text(doc) == "海东市平安区教育局文件\n"
                                 "\n"
                                 "平教〔2020〕12号\n"
                                 "\n"
                                 "平安区教育局2020年工作要点\n"
                                 "\n"
                                 "各中小学、各幼儿园：\n"
                                 "\u3000\u3000正文。\n"
                                 "\n" +
                                     spaces(18) + "平安区教育局\n" + spaces(18) +
                                     "2020年4月9日\n"
                                     "\u3000\u3000（联系人：张慧君）\n"
                                     "\n"
                                     "\u3000抄送：区委教育工委。\n"
                                     "\u3000平安区教育局办公室" +
                                     spaces(8) + "2020年4月10日印发\u3000\n");
  }
  SUBCASE("a sealed issuer too long to centre over the date ends two characters from the edge") {
    doc.signature = {"平安区教育局关心下一代工作委员会", "2020年3月6日"};
    doc.signature.sealed = true;
    // 16 characters (32 halves) centred over the date (12 halves from 36) would start at 26
    // and end at 58, past the 56 of the line: they start at 56 - 4 - 32 = 20.
    const std::string text = write::to_text(doc);
    CHECK(text.substr(text.rfind("\n\n") + 2) ==
          spaces(10) + "平安区教育局关心下一代工作委员会\n" + spaces(18) + "2020年3月6日\n");
  }
  SUBCASE("a document sent up: the number on the left, 签发人 on the right") {
    doc.letterhead = layout::Letterhead{"", "平教〔2020〕12号", "签发人：", "李明"};
    doc.title_lines = {"平安区教育局关于", "2020年工作的报告"};
    const std::string text = write::to_text(doc);
    CHECK(text.substr(0, text.find("\u3000\u3000正文")) == "\u3000平教〔2020〕12号" + spaces(12) +
                                                               "签发人：李明\u3000\n"
                                                               "\n"
                                                               "平安区教育局关于\n"
                                                               "2020年工作的报告\n"
                                                               "\n");
  }
}
