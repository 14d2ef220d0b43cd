#include <planctl/layout/blocks.hpp>

#include <doctest/doctest.h>

using namespace planctl;
using namespace planctl::layout;
using model::NumberStyle;

TEST_CASE("layout::outline_level") {
  CHECK(outline_level(NumberStyle::chinese) == 1);
  CHECK(outline_level(NumberStyle::paren_chinese) == 2);
  CHECK(outline_level(NumberStyle::arabic) == 3);
  CHECK(outline_level(NumberStyle::paren_arabic) == 4);
}

TEST_CASE("layout::paragraph_block") {
  const Block block = paragraph_block("正文。");
  CHECK(block.kind == BlockKind::paragraph);
  CHECK(block.text == "正文。");
  CHECK(block.number.empty());
}

TEST_CASE("layout::heading_block") {
  const Block block = heading_block(NumberStyle::paren_chinese, 11, "明确主体责任");
  CHECK(block.kind == BlockKind::heading);
  CHECK(block.style == NumberStyle::paren_chinese);
  CHECK(block.outline_level == 2);
  CHECK(block.number == "（十一）");
  CHECK(block.title == "明确主体责任");
  CHECK(block.text.empty());
}

TEST_CASE("layout::run_in_block") {
  SUBCASE("a title gets 。 before the text") {
    const Block block = run_in_block(NumberStyle::arabic, 1, "校内外营造浓厚的宣传氛围", "一是……");
    CHECK(block.kind == BlockKind::run_in);
    CHECK(block.outline_level == 3);
    CHECK(block.number == "1.");
    CHECK(block.title == "校内外营造浓厚的宣传氛围");
    CHECK(block.title_end == "。");
    CHECK(block.text == "一是……");
  }
  SUBCASE("a title ending in terminal punctuation or a colon gets nothing") {
    CHECK(run_in_block(NumberStyle::paren_arabic, 2, "如何落实？", "").title_end == "");
    CHECK(run_in_block(NumberStyle::paren_arabic, 2, "如何落实？", "").number == "（2）");
    CHECK(run_in_block(NumberStyle::arabic, 3, "主要措施：", "一是").title_end == "");
    CHECK(run_in_block(NumberStyle::arabic, 3, "坚持不懈。", "").title_end == "");
  }
  SUBCASE("a title ending in a comma closes with 。 instead") {
    const Block block = run_in_block(NumberStyle::arabic, 1, "加强领导，", "正文");
    CHECK(block.title == "加强领导");
    CHECK(block.title_end == "。");
  }
  SUBCASE("an untitled item is its number and text") {
    const Block block = run_in_block(NumberStyle::arabic, 2, "", "学校被评为先进集体。");
    CHECK(block.number == "2.");
    CHECK(block.title.empty());
    CHECK(block.title_end.empty());
    CHECK(block.text == "学校被评为先进集体。");
  }
}

TEST_CASE("layout::append_item") {
  SUBCASE("a heading style: heading, then every paragraph; the typed 。 is removed") {
    std::vector<Block> blocks;
    append_item(blocks, NumberStyle::chinese, 1, "总体要求。", {"第一段。", "第二段。"});
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].kind == BlockKind::heading);
    CHECK(blocks[0].number == "一、");
    CHECK(blocks[0].title == "总体要求");
    CHECK(blocks[1].kind == BlockKind::paragraph);
    CHECK(blocks[1].text == "第一段。");
    CHECK(blocks[2].text == "第二段。");
  }
  SUBCASE("a run-in style: the first paragraph runs in, the others follow") {
    std::vector<Block> blocks;
    append_item(blocks, NumberStyle::arabic, 4, "强化控辍保学", {"第一段。", "第二段。"});
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == BlockKind::run_in);
    CHECK(blocks[0].number == "4.");
    CHECK(blocks[0].title_end == "。");
    CHECK(blocks[0].text == "第一段。");
    CHECK(blocks[1].kind == BlockKind::paragraph);
    CHECK(blocks[1].text == "第二段。");
  }
  SUBCASE("a run-in item without text is a paragraph of its own") {
    std::vector<Block> blocks;
    append_item(blocks, NumberStyle::paren_arabic, 1, "做好统计", {});
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].number == "（1）");
    CHECK(blocks[0].title_end == "。");
    CHECK(blocks[0].text.empty());
  }
}
