#include <planctl/import/plan_recognizer.hpp>
#include <planctl/import/plan_yaml_writer.hpp>
#include <planctl/import/text_reader.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/util/utf8.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

using namespace planctl;

namespace {

import::ImportedPlan recognize(std::string_view text, import::RecognizeOptions options = {}){
    return import::recognize_plan(import::read_text(text), options);
}

std::string warnings_of(const import::ImportedPlan& plan) {
  std::string out;
  for (const import::Warning& w : plan.warnings) {
    out += std::to_string(w.line) + ": " + w.message + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("recognize_plan") {
  SUBCASE("a plan with every part") {
    const auto plan =
        recognize("2020年工作安排\n根据上级要求，现安排如下：\n一、总体要求\n深入学习。\n"
                  "二、工作任务\n（一）明确责任\n1.营造氛围。一是宣传。二是布置。\n"
                  "（1）细则\n2.规范档案\n附件：1.行事历\n2.名单\n市第二中学\n"
                  "2020年4月9日\n相关文章:\n");
    CHECK(plan.title == "2020年工作安排");
    CHECK(plan.basis == std::vector<std::string>{"根据上级要求，现安排如下："});
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[0].title == "总体要求");
    CHECK(plan.sections[0].paragraphs == std::vector<std::string>{"深入学习。"});
    const auto& task = plan.sections[1].items[0].items[0];
    CHECK(task.title == "营造氛围");
    CHECK(task.paragraphs == std::vector<std::string>{"一是宣传。二是布置。"});
    CHECK(task.items[0].title == "细则");
    CHECK(plan.sections[1].items[0].items[1].title == "规范档案");
    CHECK(plan.attachments == std::vector<std::string>{"行事历", "名单"});
    CHECK(plan.issuer == "市第二中学");
    CHECK(util::to_iso(*plan.date) == "2020-04-09");
    CHECK(plan.year == 2020);
    CHECK(plan.numbering.empty());
    REQUIRE(plan.tail_notes.size() == 1);
    CHECK(plan.tail_notes[0].line == 14);
    CHECK(plan.tail_notes[0].why_zh == "网页残留");
    CHECK(warnings_of(plan).empty());
  }
  SUBCASE("a skipped level sets numbering (seed 003: 一、 then 1.)") {
    const auto plan = recognize("2020年工作要点\n一、提高站位\n1.深入学习。要求。\n2.抓好班子\n"
                                "二、加强建设\n1.开展活动\n（1）演讲比赛\n");
    CHECK(plan.numbering == std::vector<model::NumberStyle>{model::NumberStyle::chinese,
                                                            model::NumberStyle::arabic,
                                                            model::NumberStyle::paren_arabic});
    CHECK(plan.sections[1].items[0].items[0].title == "演讲比赛");
  }
  SUBCASE("--numbering decides the depths") {
    import::RecognizeOptions options;
    options.numbering = std::vector{model::NumberStyle::chinese, model::NumberStyle::arabic};
    const auto plan = recognize("计划\n一、甲\n（1）不在列表中\n1.乙\n", options);
    CHECK(plan.sections[0].paragraphs == std::vector<std::string>{"（1）不在列表中"});
    CHECK(plan.sections[0].items[0].title == "乙");
    CHECK(warnings_of(plan) ==
          "3: numbered （1） but --numbering has no such style; read as a paragraph\n");
  }
  SUBCASE("run-in titles end at the first full stop, with closing quotes") {
    const auto plan =
        recognize("计划\n一、甲\n1.学习“要点。”然后讨论。\n2.要求：按时完成\n3.无句号\n");
    const auto& items = plan.sections[0].items;
    CHECK(items[0].title == "学习“要点。”");
    CHECK(items[0].paragraphs == std::vector<std::string>{"然后讨论。"});
    CHECK(items[1].title == "要求：");
    CHECK(items[1].paragraphs == std::vector<std::string>{"按时完成"});
    CHECK(items[2].title == "无句号");
    CHECK(items[2].paragraphs.empty());
  }
  SUBCASE("a section heading that runs on into its text is kept whole as its title") {
    // A heading stands alone on its line: split in two, 一、 would not come back as written; a
    // section keeps the whole line as its title (the plan keeps its sections), with a warning.
    const auto plan =
        recognize("计划\n一、认识不够。一些基层领导干部把意识形态工作作为一项纯粹务虚的工作。\n"
                  "二、短标题。\n正文。\n");
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[0].title ==
          "认识不够。一些基层领导干部把意识形态工作作为一项纯粹务虚的工作。");
    CHECK(plan.sections[0].paragraphs.empty());
    CHECK(plan.sections[1].paragraphs == std::vector<std::string>{"正文。"});
    CHECK(warnings_of(plan) == "2: this 一、 heading runs on into its text; kept whole as the "
                               "section's title, which prints as written: split it into title "
                               "and text\n");
  }
  SUBCASE("a （一） heading that runs on into its text: its list is kept as written") {
    const auto plan = recognize("计划\n一、问题\n（一）认识不够。一些基层领导干部把意识形态工作"
                                "作为一项纯粹务虚的工作。\n（二）短标题\n正文。\n");
    REQUIRE(plan.sections.size() == 1);
    CHECK(plan.sections[0].items.empty());
    CHECK(plan.sections[0].paragraphs ==
          std::vector<std::string>{
              "（一）认识不够。一些基层领导干部把意识形态工作作为一项纯粹务虚的工作。",
              "（二）短标题", "正文。"});
    CHECK(warnings_of(plan) ==
          "3: the items from here to line 4 are kept as paragraphs, numbers as written: the （一） "
          "heading on line 3 runs on into its text, and planctl prints a heading alone on its "
          "line\n");
  }
  SUBCASE("1、 items with their text below their title (seed 001): kept as written") {
    // planctl prints a 1. item's text run in after its title; no style prints it below.
    const auto plan = recognize("报告\n一、做法\n1、理论联系实际。\n学校把教育作为重点。\n"
                                "2、校园文化渗透。\n开学初制订计划。\n二、成效\n1.成绩。显著。\n"
                                "学校\n2012年5月1日\n");
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[0].items.empty());
    CHECK(plan.sections[0].paragraphs ==
          std::vector<std::string>{"1、理论联系实际。", "学校把教育作为重点。", "2、校园文化渗透。",
                                   "开学初制订计划。"});
    REQUIRE(plan.sections[1].items.size() == 1);
    CHECK(plan.sections[1].items[0].title == "成绩");
    CHECK(warnings_of(plan) ==
          "3: the items from here to line 5 are kept as paragraphs, numbers as written: the text "
          "of the 1. item on line 3 stands in the paragraphs below its title, and planctl prints "
          "a 1. item's text run in after its title (no numbering style prints it alone on its "
          "line)\n");
  }
  SUBCASE("a title on several lines and a sealed signature, as planctl's .txt sets them") {
    const auto wide = [](int n) {
      std::string out;
      for (int i = 0; i < n; ++i) {
        out += "\u3000";
      }
      return out;
    };
    // The title's lines stand between blank lines; the date 右空四字 (28 − 4 − 6 = 18
    // characters in), the issuer centred over it: GB/T 9704 §7.3.5.1.
    const auto plan = recognize("平安区教育工委文件\n\n中共平安区教育工委\n关于防范风险工作的\n"
                                "情况报告\n\n一、要求\n正文。\n\n"
                                "　　　　　　　　　　　　　　　　　平安区教育工委\n"
                                "　　　　　　　　　　　　　　　　　2022年10月28日\n");
    CHECK(plan.title == "中共平安区教育工委\n关于防范风险工作的\n情况报告");
    CHECK(plan.seal);
    // Unsealed (the date two characters right of the issuer), and not indented at all.
    CHECK_FALSE(recognize("标题\n一、要求\n" + wide(19) + "平安区教育工委\n" + wide(21) +
                          "2022年10月28日\n")
                    .seal);
    CHECK_FALSE(recognize("标题\n一、要求\n平安区教育工委\n2022年10月28日\n").seal);
    // Lines right after a title with no blank line after them are the basis, not the title.
    CHECK(recognize("\n标题\n副题\n一、要求\n").title == "标题");
  }
  SUBCASE("the task table on an attachment page gives its tasks' fields back") {
    // As planctl's .txt prints `content: tasks`: 附件, the title, the table with tab-separated
    // cells. A row naming no item stays a comment.
    const auto plan = recognize(
        "工作要点\n一、甲\n1.学习。内容。\n2.建设。内容。\n附件：任务分工表\n学校\n2020年3月6日\n\n"
        "附件\n\n任务分工表\n\n序号\t工作类别\t工作任务\t牵头部门\t责任人\t配合部门\t完成时限\n"
        "1\t甲\t学习\t办公室\t孙德明、李春梅\t\t2020年6月\n"
        "2\t\t建设\t\t孙德明\t德育科\t长期\n"
        "3\t\t不存在\t办公室\t\t\t全年\n");
    REQUIRE(plan.sections.size() == 1);
    CHECK(plan.sections[0].items[0].fields ==
          std::vector<std::string>{"lead: 办公室", "owner: [孙德明, 李春梅]", "due: 2020-06"});
    CHECK(plan.sections[0].items[1].fields ==
          std::vector<std::string>{"owner: 孙德明", "support: 德育科", "due: 长期"});
    CHECK(plan.attachment_tasks == std::vector<bool>{true});
    CHECK(warnings_of(plan) == "16: a row of the task table names no item of the document by "
                               "its title; kept as a comment\n");
    REQUIRE(plan.tail_notes.size() == 1);
    CHECK(plan.tail_notes[0].line == 16);
  }
  SUBCASE("numbers out of sequence are warned about") {
    const auto plan = recognize("计划\n一、甲\n三、乙\n");
    CHECK(warnings_of(plan) == "3: numbered 三、 in the document but it is item 2 at its depth; "
                               "planctl will number it 二、\n");
  }
  SUBCASE("official-document parts become keys, debris notes") {
    const auto plan = recognize("平安区教育局文件\n平教（2020）12号\n关于做好工作的通知\n"
                                "各中小学、各幼儿园：\n现将有关事项通知如下：\n一、要求\n- 3 -\n"
                                "平安区教育局\n2020年4月9日\n(联系人：张慧君)\n抄送：市教育局。\n"
                                "局办公室 2020.4.10印发\n");
    CHECK(plan.title == "关于做好工作的通知");
    CHECK(plan.head_notes.empty());
    CHECK(plan.letterhead == "平安区教育局文件");
    CHECK(plan.doc_number == "平教〔2020〕12号");
    CHECK(plan.recipients == std::vector<std::string>{"各中小学", "各幼儿园"});
    CHECK(plan.basis == std::vector<std::string>{"现将有关事项通知如下："});
    REQUIRE(plan.sections[0].notes.size() == 1);
    CHECK(plan.sections[0].notes[0].why_zh == "页码");
    CHECK(plan.note == "联系人：张慧君");
    CHECK(plan.copy_to == std::vector<std::string>{"市教育局"});
    CHECK(plan.printed_by == "局办公室");
    CHECK(plan.printed_date == util::Date{2020, 4, 10});
    CHECK(plan.tail_notes.empty());
    CHECK(plan.issuer == "平安区教育局");
  }
  SUBCASE("official-document parts that would not validate stay notes") {
    const auto plan = recognize("平安区教育局文件\n平安区教育局文件\n平教〔2020〕号\n签发人：刘莹\n"
                                "关于做好工作的通知\n一、要求\n平安区教育局\n2020年4月9日\n"
                                "局办公室 2020年4月8日印发\n");
    CHECK(plan.letterhead == "平安区教育局文件");
    CHECK(plan.doc_number.empty());
    CHECK(plan.signer.empty());
    std::string notes;
    for (const import::Note& n : plan.head_notes) {
      notes += std::to_string(n.line) + " " + n.why_zh + "\n";
    }
    CHECK(notes == "2 公文版头：发文机关标志\n3 公文要素：发文字号\n4 公文要素：签发人\n");
    REQUIRE(plan.tail_notes.size() == 1);
    CHECK(plan.tail_notes[0].why_zh == "公文版记：印发机关和印发日期");
    CHECK(plan.printed_by.empty());
    CHECK_FALSE(plan.printed_date);
  }
  SUBCASE("no signature: --issuer and --date, else nothing") {
    import::RecognizeOptions options;
    options.issuer = "关工委";
    options.date = util::Date{2020, 11, 3};
    const auto given = recognize("2020年工作要点\n一、甲\n", options);
    CHECK(given.issuer == "关工委");
    CHECK(util::to_iso(*given.date) == "2020-11-03");
    const auto none = recognize("工作要点\n一、甲\n");
    CHECK(none.issuer.empty());
    CHECK_FALSE(none.date);
  }
  SUBCASE("issuer and date on one line; a school year") {
    const auto plan = recognize("2020-2021学年工作计划\n一、甲\n第二中学\u30002020年9月1日\n");
    CHECK(plan.issuer == "第二中学");
    CHECK(plan.year == 2020);
    CHECK(util::to_iso(*plan.period_start) == "2020-09-01");
    CHECK(util::to_iso(*plan.period_end) == "2021-08-31");
  }
  SUBCASE("no title") {
    const auto plan = recognize("根据要求，安排如下：\n一、甲\n");
    CHECK(plan.title_missing);
    CHECK(plan.basis == std::vector<std::string>{"根据要求，安排如下："});
  }
  SUBCASE("texts past the loader's limits are cut there, the rest kept as comments") {
    std::string long_basis;
    for (int i = 0; i < 6000; ++i) {
      long_basis += "据";
    }
    std::string long_text;
    for (int i = 0; i < 30000; ++i) {
      long_text += "文";
    }
    const auto plan = recognize("标题\n" + long_basis + "\n" + long_basis + "\n一、甲\n" +
                                long_text + "\n" + long_text + "\n");
    // The basis block: 6,000 + 2 + 6,000 + 1 > 10,000; the first paragraph stays whole.
    REQUIRE(plan.basis.size() == 2);
    CHECK(util::count_code_points(plan.basis[0]) == 6000);
    CHECK(util::count_code_points(plan.basis[1]) == 10000 - 6000 - 2 - 1);
    REQUIRE(plan.head_notes.size() == 1);
    CHECK(util::count_code_points(plan.head_notes[0].text) == 6000 - 3997);
    CHECK(plan.head_notes[0].why_zh == "超过10000字的部分");
    REQUIRE(plan.sections.size() == 1);
    CHECK(util::count_code_points(plan.sections[0].paragraphs[1]) == 50000 - 30000 - 2 - 1);
    REQUIRE(plan.sections[0].notes.size() == 1);
    CHECK(plan.sections[0].notes[0].why_en == "past the limit of 50000 characters of one text");
    // What is written loads: no text over its limit.
    const std::string yaml = import::write_plan_yaml(plan, "long.txt");
    CHECK(yaml.find("# 未导入（原文第1行，超过10000字的部分）：") != std::string::npos);
  }
}

TEST_CASE("write_plan_yaml") {
  SUBCASE("block style, placeholders and comments") {
    // The placeholder date is the day of the import, fixed here as the tests fix it.
    ::setenv("SOURCE_DATE_EPOCH", "1609372800", 1);
    auto plan = recognize("工作要点\n# 不是注释\n一、甲: 乙\n1.短。页尾\n");
    const std::string yaml = import::write_plan_yaml(plan, "a.txt");
    CHECK(yaml.substr(yaml.find("school:")) ==
          "school:\n"
          "  name: 待填写学校名称  # 待填写：学校全称\n"
          "\n"
          "plan:\n"
          "  title: 工作要点\n"
          "  year: 2020\n"
          "  issuer: 待填写落款单位  # 待填写：文档中没有找到落款\n"
          "  date: 2020-12-31  # 待填写：文档中没有找到成文日期，暂填导入当天\n"
          "  numbering: [一、, 1.]\n"
          "  basis: \"# 不是注释\"\n"
          "  sections:\n"
          "    - title: \"甲: 乙\"\n"
          "      items:\n"
          "        - title: 短\n"
          "          text: 页尾\n");
  }
}

TEST_CASE("yaml_inline_scalar") {
  CHECK(import::yaml_inline_scalar("总体要求") == "总体要求");
  CHECK(import::yaml_inline_scalar("2020") == "2020");
  CHECK(import::yaml_inline_scalar("null") == "\"null\"");
  CHECK(import::yaml_inline_scalar("- 列表") == "\"- 列表\"");
  CHECK(import::yaml_inline_scalar("a \\ b \"c\"") == "\"a \\\\ b \\\"c\\\"\"");
  CHECK(import::yaml_inline_scalar("时间 #1") == "\"时间 #1\"");
  CHECK(import::yaml_inline_scalar("8:30开会") == "8:30开会");
}

TEST_CASE("recognize_plan: a list numbered in another style than its depth's (seed 004)") {
  // 二's items are 1., 三's are （一） used as run-in paragraphs: the style whose items come back
  // as written (1.) numbers the depth, and 三's list is kept as its paragraphs, labels and all.
  const auto plan =
      recognize("报告\n一、做法\n1.提高素质。一是收看直播。\n2.强化师德。一是加强教育。\n"
                "二、问题\n（一）认识不够。一些基层领导干部把意识形态工作作为软任务。\n"
                "（二）机制不健全。一些中小学党支部对意识形态工作缺少研究和部署。\n"
                "补充说明。\n学校\n2022年10月31日\n");
  CHECK(plan.numbering ==
        std::vector<model::NumberStyle>{model::NumberStyle::chinese, model::NumberStyle::arabic});
  REQUIRE(plan.sections.size() == 2);
  CHECK(plan.sections[0].items.size() == 2);
  CHECK(plan.sections[1].items.empty());
  CHECK(plan.sections[1].paragraphs ==
        std::vector<std::string>{"（一）认识不够。一些基层领导干部把意识形态工作作为软任务。",
                                 "（二）机制不健全。一些中小学党支部对意识形态工作缺少研究和部署。",
                                 "补充说明。"});
  // The （一） headings also run on into their text, which is what keeps them as written.
  CHECK(warnings_of(plan) ==
        "6: the items from here to line 7 are kept as paragraphs, numbers as written: the （一） "
        "heading on line 6 runs on into its text, and planctl prints a heading alone on its "
        "line\n");
}

TEST_CASE("recognize_plan: a list in another style, each item as written") {
  // 1. numbers depth 2 (two items to one); 二's （一） list, which would come back as written,
  // is still kept as paragraphs: renumbered 1. it would change the text.
  const auto plan =
      recognize("报告\n一、做法\n1.提高素质。一是收看直播。\n2.强化师德。一是教育。\n"
                "二、问题\n（一）认识不够\n一些干部认识不足。\n学校\n2022年10月31日\n");
  CHECK(plan.sections[0].items.size() == 2);
  CHECK(plan.sections[1].items.empty());
  CHECK(plan.sections[1].paragraphs ==
        std::vector<std::string>{"（一）认识不够", "一些干部认识不足。"});
  CHECK(warnings_of(plan) ==
        "6: the items from here to line 6 are numbered in the （一） style where the document's "
        "other items at this depth use 1.; one plan has one style per depth, so they are kept as "
        "paragraphs of the item before them, numbers as written\n");
}

TEST_CASE("recognize_plan: a style numbers one depth only (seed 001's reports one after another)") {
  // 1. is the most seen style at depth 2 and the only one at depth 3: the format refuses
  // `numbering` naming it twice, so depth 3 takes the first default style still free.
  const auto plan =
      recognize("报告\n一、甲\n1.子一\n2.子二\n二、乙\n（一）丙\n1.丁\n学校\n2012年5月1日\n");
  CHECK(plan.numbering == std::vector<model::NumberStyle>{model::NumberStyle::chinese,
                                                          model::NumberStyle::arabic,
                                                          model::NumberStyle::paren_chinese});
  std::string yaml = import::write_plan_yaml(plan, "x.txt");
  CHECK(yaml.find("numbering: [一、, 1., （一）]") != std::string::npos);
}

TEST_CASE("write_plan_yaml: a paragraph that starts with a space (found by fuzz_import)") {
  // The run-in text after `。` keeps the spaces typed after it; as the first line of a `|` block
  // they would set its indentation, and the next paragraph would end the block.
  const auto plan = recognize(
      "计划\n一、甲\n1.题目。  *a1: 后文很长很长很长很长很长很长很长很长很长很长很长很长很长。\n"
      "第二段。\n学校\n2020年4月9日\n");
  const std::string yaml = import::write_plan_yaml(plan, "a.txt");
  CHECK(yaml.find("text: |2\n") != std::string::npos);
  const load::LoadResult loaded = load::load_plan_text(yaml, "a.yaml");
  REQUIRE(loaded.plan);
  CHECK_FALSE(loaded.diagnostics.has_errors());
  const model::Item& item = loaded.plan->plan.sections[0].items[0];
  CHECK(item.text->value ==
        "  *a1: 后文很长很长很长很长很长很长很长很长很长很长很长很长很长。\n\n第二段。\n");
}
