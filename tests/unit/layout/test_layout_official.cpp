#include <planctl/layout/official.hpp>

#include <doctest/doctest.h>

using namespace planctl;

namespace {

model::Text text(std::string value) {
  model::Text t;
  t.value = std::move(value);
  return t;
}

const layout::TextRules k_rules{layout::LayoutOptions{}};

} // namespace

TEST_CASE("layout::letterhead") {
  model::OfficialParts parts;
  CHECK_FALSE(layout::letterhead(std::nullopt, parts, k_rules));
  parts.doc_number = text("平教〔2020〕12号");
  auto head = layout::letterhead(text("海东市平安区教育局文件"), parts, k_rules);
  REQUIRE(head);
  CHECK(head->mark == "海东市平安区教育局文件");
  CHECK(head->doc_number == "平教〔2020〕12号");
  CHECK(head->signer_label.empty());
  CHECK(head->signer.empty());
  parts.signer = text("李明");
  head = layout::letterhead(std::nullopt, parts, k_rules);
  REQUIRE(head);
  CHECK(head->mark.empty());
  CHECK(head->signer_label == "签发人：");
  CHECK(head->signer == "李明");
}

TEST_CASE("layout::recipients_line") {
  CHECK(layout::recipients_line({}, k_rules).empty());
  CHECK(layout::recipients_line({text("各中小学")}, k_rules) == "各中小学：");
  // The author's own closing marks are not doubled; empty entries are left out.
  CHECK(layout::recipients_line({text("各中小学，"), text(""), text("各幼儿园：")}, k_rules) ==
        "各中小学、各幼儿园：");
}

TEST_CASE("layout::note_line") {
  CHECK(layout::note_line(std::nullopt, k_rules).empty());
  CHECK(layout::note_line(text("联系人：张慧君，电话：0972-8612345"), k_rules) ==
        "（联系人：张慧君，电话：0972-8612345）");
  CHECK(layout::note_line(text("（此件公开发布）"), k_rules) == "（此件公开发布）");
}

TEST_CASE("layout::imprint") {
  model::OfficialParts parts;
  const util::Date date{2020, 4, 9};
  CHECK_FALSE(layout::imprint(parts, date, k_rules));
  parts.copy_to = {text("区委教育工委"), text("区政府办。")};
  auto out = layout::imprint(parts, date, k_rules);
  REQUIRE(out);
  CHECK(out->copy_to == "抄送：区委教育工委，区政府办。");
  CHECK(out->printed_by.empty());
  CHECK(out->printed_date.empty());
  parts.printed_by = text("平安区教育局办公室");
  out = layout::imprint(parts, date, k_rules);
  REQUIRE(out);
  CHECK(out->printed_by == "平安区教育局办公室");
  CHECK(out->printed_date == "2020年4月9日印发");
  model::Located<util::Date> printed;
  printed.value = util::Date{2020, 4, 10};
  parts.printed_date = printed;
  CHECK(layout::imprint(parts, date, k_rules)->printed_date == "2020年4月10日印发");
}

TEST_CASE("layout::title_lines") {
  CHECK(layout::title_lines("平安区教育局2020年工作要点", k_rules).empty());
  // A literal block's final line break is not a second line.
  CHECK(layout::title_lines("平安区教育局2020年工作要点\n", k_rules).empty());
  CHECK(layout::title_lines("平安区教育局关于印发\r\n2020年工作要点的通知\n", k_rules) ==
        std::vector<std::string>{"平安区教育局关于印发", "2020年工作要点的通知"});
}

TEST_CASE("layout::apply_official_parts") {
  model::OfficialParts parts;
  layout::Document doc;
  layout::apply_official_parts(doc, std::nullopt, parts, util::Date{2020, 4, 9}, k_rules);
  CHECK_FALSE(doc.letterhead);
  CHECK(doc.recipients.empty());
  CHECK(doc.note.empty());
  CHECK_FALSE(doc.imprint);
  CHECK_FALSE(doc.signature.sealed);
  model::Located<bool> seal;
  seal.value = true;
  parts.seal = seal;
  parts.recipients = {text("区委教育工委")};
  layout::apply_official_parts(doc, text("平安区教育局"), parts, util::Date{2020, 4, 9}, k_rules);
  REQUIRE(doc.letterhead);
  CHECK(doc.letterhead->mark == "平安区教育局");
  CHECK(doc.recipients == "区委教育工委：");
  CHECK(doc.signature.sealed);
}
