#include <planctl/layout/plan_body.hpp>

#include <doctest/doctest.h>

#include "plan_builder.hpp"

using namespace planctl;
using namespace planctl::layout;
using namespace test_layout;
using model::NumberStyle;

namespace {

std::vector<std::string> numbers(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const Block& block : blocks) {
    if (!block.number.empty()) {
      out.push_back(block.number);
    }
  }
  return out;
}

} // namespace

TEST_CASE("layout::style_at_depth") {
  const std::vector<NumberStyle> gb{NumberStyle::chinese, NumberStyle::paren_chinese,
                                    NumberStyle::arabic, NumberStyle::paren_arabic};
  CHECK(style_at_depth(gb, 1) == NumberStyle::chinese);
  CHECK(style_at_depth(gb, 4) == NumberStyle::paren_arabic);
  CHECK(style_at_depth(gb, 7) == NumberStyle::paren_arabic);
  const std::vector<NumberStyle> skip{NumberStyle::chinese, NumberStyle::arabic};
  CHECK(style_at_depth(skip, 2) == NumberStyle::arabic);
  CHECK(style_at_depth({}, 2) == NumberStyle::paren_chinese);
}

TEST_CASE("layout::append_items") {
  const TextRules rules(LayoutOptions{});
  const std::vector<NumberStyle> gb{NumberStyle::chinese, NumberStyle::paren_chinese,
                                    NumberStyle::arabic, NumberStyle::paren_arabic};

  SUBCASE("depth-1 numbers past ten, twenty, ninety-nine and a hundred") {
    std::vector<model::Item> items(101, item("工作"));
    std::vector<Block> blocks;
    append_items(blocks, items, 1, gb, rules);
    REQUIRE(blocks.size() == 101);
    CHECK(blocks[9].number == "十、");
    CHECK(blocks[10].number == "十一、");
    CHECK(blocks[19].number == "二十、");
    CHECK(blocks[20].number == "二十一、");
    CHECK(blocks[98].number == "九十九、");
    CHECK(blocks[99].number == "一百、");
    CHECK(blocks[100].number == "一百零一、");
  }
  SUBCASE("depth-2 numbers in brackets") {
    std::vector<model::Item> children(11, item("小项"));
    std::vector<Block> blocks;
    append_items(blocks, {item("大项", std::nullopt, {}, children)}, 1, gb, rules);
    REQUIRE(blocks.size() == 12);
    CHECK(blocks[10].number == "（十）");
    CHECK(blocks[11].number == "（十一）");
    CHECK(blocks[11].outline_level == 2);
  }
  SUBCASE("each depth numbers from one under every parent, in reading order") {
    const model::Item tree = item(
        "工作任务", std::nullopt, {},
        {item("明确主体责任", std::string("成立领导小组。")),
         item("全力以赴迎国检", std::nullopt, {},
              {item("校内外营造浓厚的宣传氛围", std::nullopt, {"利用手册宣传", "在校园内宣传"}),
               item("精心整改", std::string("按照标准整改。"), {},
                    {item("做好统计"), item("加强巡查", std::string("定期巡查。"))})})});
    std::vector<Block> blocks;
    append_items(blocks, {item("总体要求", std::string("深入学习。")), tree}, 1, gb, rules);
    CHECK(numbers(blocks) == std::vector<std::string>{"一、", "二、", "（一）", "（二）", "1.",
                                                      "2.", "（1）", "（2）"});
    REQUIRE(blocks.size() == 10);
    CHECK(blocks[1].kind == BlockKind::paragraph);
    CHECK(blocks[1].text == "深入学习。");
    CHECK(blocks[4].text == "成立领导小组。");
    CHECK(blocks[6].kind == BlockKind::run_in);
    CHECK(blocks[6].title == "校内外营造浓厚的宣传氛围");
    CHECK(blocks[6].text == "一是利用手册宣传。二是在校园内宣传。");
    CHECK(blocks[7].text == "按照标准整改。");
    CHECK(blocks[8].text.empty());
    CHECK(blocks[9].text == "定期巡查。");
  }
  SUBCASE("numbering that skips a level: 一、 then 1.") {
    const std::vector<NumberStyle> skip{NumberStyle::chinese, NumberStyle::arabic,
                                        NumberStyle::paren_arabic};
    std::vector<Block> blocks;
    append_items(blocks,
                 {item("思想建设", std::nullopt, {}, {item("加强学习", std::string("正文。"))})}, 1,
                 skip, rules);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == BlockKind::heading);
    CHECK(blocks[1].kind == BlockKind::run_in);
    CHECK(blocks[1].number == "1.");
  }
  SUBCASE("a run-in item's further paragraphs come before its sub-items") {
    std::vector<Block> blocks;
    const std::vector<NumberStyle> runin{NumberStyle::arabic, NumberStyle::paren_arabic};
    append_items(blocks, {item("甲", std::string("一段。\n\n二段。"), {}, {item("乙")})}, 1, runin,
                 rules);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].text == "一段。");
    CHECK(blocks[1].kind == BlockKind::paragraph);
    CHECK(blocks[1].text == "二段。");
    CHECK(blocks[2].number == "（1）");
  }
  SUBCASE("titles and text are normalised") {
    std::vector<Block> blocks;
    append_items(blocks, {item("(一)明确责任,形成合力。", std::string("根据文件,\n结合实际"))}, 1,
                 gb, rules);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].title == "（一）明确责任，形成合力");
    CHECK(blocks[1].text == "根据文件，结合实际");
  }
}

TEST_CASE("layout::attachments_block") {
  const TextRules rules(LayoutOptions{});
  SUBCASE("several attachments are numbered") {
    const auto block = attachments_block(texts({"领导小组名单。", "任务分工表"}), rules);
    REQUIRE(block.has_value());
    CHECK(block->kind == BlockKind::attachments);
    CHECK(block->label == "附件：");
    CHECK(block->entries == std::vector<std::string>{"1.领导小组名单", "2.任务分工表"});
  }
  SUBCASE("one attachment has no number") {
    const auto block = attachments_block(texts({"任务分工表"}), rules);
    REQUIRE(block.has_value());
    CHECK(block->entries == std::vector<std::string>{"任务分工表"});
  }
  SUBCASE("empty entries are skipped; none left means no note") {
    CHECK_FALSE(attachments_block({}, rules).has_value());
    CHECK_FALSE(attachments_block(texts({"  ", ""}), rules).has_value());
    const auto block = attachments_block(texts({"", "名单", " "}), rules);
    REQUIRE(block.has_value());
    CHECK(block->entries == std::vector<std::string>{"名单"});
  }
}
