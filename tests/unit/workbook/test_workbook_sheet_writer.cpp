#include <planctl/layout/date_wording.hpp>
#include <planctl/workbook/excel_date.hpp>
#include <planctl/workbook/sheet_writer.hpp>
#include <planctl/workbook/xlsx_book.hpp>

#include <doctest/doctest.h>

#include "workbook_fixture.hpp"

using namespace planctl::workbook;
using planctl::util::Date;

namespace {

// Writes one sheet with `fill`, closes the book and returns its parts.
template <class Fill>
std::map<std::string, std::string> write_sheet(const std::string& name,
                                               std::vector<std::string>& warnings, Fill fill) {
  const auto dir = test::scratch_dir(name);
  const auto path = dir / "sheet.xlsx";
  {
    XlsxBook book(path);
    SheetWriter out(book.add_sheet("任务分工"), "任务分工", warnings);
    fill(book, out);
    book.close();
  }
  auto parts = test::read_package(path);
  std::filesystem::remove_all(dir);
  return parts;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("workbook::SheetWriter::text") {
  std::vector<std::string> warnings;
  SUBCASE("formula-like text is a string cell") {
    const auto parts = write_sheet("text-formula", warnings, [](XlsxBook&, SheetWriter& out) {
      out.text(0, 0, "=cmd|' /C calc'!A0", nullptr);
      out.text(1, 0, "+1", nullptr);
      out.text(2, 0, "-2", nullptr);
      out.text(3, 0, "@SUM(A1)", nullptr);
      out.text(4, 0, "<a>&</a>", nullptr);
      out.text(5, 0, "_x0041_", nullptr);
    });
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CHECK_FALSE(contains(sheet, "<f>"));
    CHECK(contains(sheet, "<c r=\"A1\" t=\"s\"><v>0</v></c>"));
    CHECK(contains(sheet, "<c r=\"A4\" t=\"s\"><v>3</v></c>"));
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    CHECK(contains(strings, "<t>=cmd|' /C calc'!A0</t>"));
    CHECK(contains(strings, "<t>@SUM(A1)</t>"));
    CHECK(contains(strings, "<t>&lt;a&gt;&amp;&lt;/a&gt;</t>"));
    // Readers decode `_xHHHH_`; the typed text comes back only when escaped.
    CHECK(contains(strings, "<t>_x005F_x0041_</t>"));
    CHECK(warnings.empty());
  }
  SUBCASE("an over-long text is cut with a mark and a warning") {
    const auto parts = write_sheet("text-long", warnings, [](XlsxBook&, SheetWriter& out) {
      out.text(3, 3, std::string(40000, 'x'), nullptr, "主要措施");
    });
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    CHECK(contains(strings, std::string(32761, 'x') + "…（已截断）</t>"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "sheet \"任务分工\" cell D4 (主要措施): the text has 40,000 characters, "
                         "more than Excel's limit of 32,767; it was cut and ends with "
                         "\"…（已截断）\"");
  }
  SUBCASE("empty text is a blank cell when it has a format") {
    const auto parts = write_sheet("text-empty", warnings, [](XlsxBook& book, SheetWriter& out) {
      lxw_format* bold = book.add_format();
      format_set_bold(bold);
      out.text(0, 0, "", bold);
      out.text(0, 1, "", nullptr);
    });
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CHECK(contains(sheet, "<c r=\"A1\" s=\"1\"/>"));
    CHECK_FALSE(contains(sheet, "r=\"B1\""));
  }
}

TEST_CASE("workbook::SheetWriter::merged_text") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("merged", warnings, [](XlsxBook&, SheetWriter& out) {
    out.merged_text(3, 5, 1, "全力以赴迎国检", nullptr);
    out.merged_text(6, 6, 1, "落实重点工作", nullptr);
  });
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  CHECK(contains(sheet, "<mergeCells count=\"1\"><mergeCell ref=\"B4:B6\"/></mergeCells>"));
  // Every covered cell holds the group, so that filtering keeps the whole run.
  CHECK(contains(sheet, "<c r=\"B4\" t=\"s\"><v>0</v></c>"));
  CHECK(contains(sheet, "<c r=\"B6\" t=\"s\"><v>0</v></c>"));
  CHECK(contains(sheet, "<c r=\"B7\" t=\"s\"><v>1</v></c>"));
}

TEST_CASE("workbook::SheetWriter::banner") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("banner", warnings, [](XlsxBook&, SheetWriter& out) {
    out.banner(0, 0, 11, "任务分工表", nullptr);
    CHECK(out.widest(0) == 0);
  });
  CHECK(contains(parts.at("xl/worksheets/sheet1.xml"), "<mergeCell ref=\"A1:L1\"/>"));
}

TEST_CASE("workbook::SheetWriter::number") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("number", warnings, [](XlsxBook&, SheetWriter& out) {
    out.number(0, 0, 89, nullptr);
    CHECK(out.widest(0) == 2);
  });
  CHECK(contains(parts.at("xl/worksheets/sheet1.xml"), "<c r=\"A1\"><v>89</v></c>"));
}

TEST_CASE("workbook::SheetWriter::date") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("date", warnings, [](XlsxBook& book, SheetWriter& out) {
    lxw_format* date = book.add_format();
    format_set_num_format(date, k_date_format);
    out.date(0, 0, Date{2020, 9, 30}, planctl::layout::word_date(Date{2020, 9, 30}), date, nullptr);
    out.date(1, 0, Date{1850, 1, 1}, planctl::layout::word_date(Date{1850, 1, 1}), date, nullptr);
    CHECK(out.widest(0) == 13);
  });
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  CHECK(contains(sheet, "<c r=\"A1\" s=\"1\"><v>44104</v></c>"));
  CHECK(contains(sheet, "<c r=\"A2\" t=\"s\"><v>0</v></c>"));
  CHECK(contains(parts.at("xl/sharedStrings.xml"), "<t>1850年1月1日</t>"));
  CHECK(contains(parts.at("xl/styles.xml"),
                 "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\""));
}

TEST_CASE("workbook::SheetWriter::blank") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("blank", warnings, [](XlsxBook& book, SheetWriter& out) {
    lxw_format* bold = book.add_format();
    format_set_bold(bold);
    out.blank(2, 2, bold);
  });
  CHECK(contains(parts.at("xl/worksheets/sheet1.xml"), "<c r=\"C3\" s=\"1\"/>"));
}

TEST_CASE("workbook::SheetWriter::formula") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("formula", warnings, [](XlsxBook&, SheetWriter& out) {
    out.formula(6, 1, "=SUM(B4:B6)", 12, nullptr);
  });
  CHECK(
      contains(parts.at("xl/worksheets/sheet1.xml"), "<c r=\"B7\"><f>SUM(B4:B6)</f><v>12</v></c>"));
}

TEST_CASE("workbook::SheetWriter::widest") {
  std::vector<std::string> warnings;
  write_sheet("widest", warnings, [](XlsxBook&, SheetWriter& out) {
    CHECK(out.widest(2) == 0);
    out.text(0, 2, "序号", nullptr);
    out.text(1, 2, "a\n德育处办公室", nullptr);
    out.text(2, 2, "abc", nullptr);
    CHECK(out.widest(2) == 12);
  });
}

TEST_CASE("workbook::SheetWriter::fit_column") {
  std::vector<std::string> warnings;
  const auto parts = write_sheet("fit", warnings, [](XlsxBook&, SheetWriter& out) {
    out.text(0, 0, "德育处", nullptr);
    out.text(0, 1, std::string(100, 'x'), nullptr);
    out.fit_column(0, 6, 40);
    out.fit_column(1, 6, 40);
    out.fit_column(2, 6, 40);
  });
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  CHECK(contains(sheet, "<col min=\"1\" max=\"1\" width=\"8.7109375\" customWidth=\"1\"/>"));
  CHECK(contains(sheet, "<col min=\"2\" max=\"2\" width=\"40.7109375\" customWidth=\"1\"/>"));
  CHECK(contains(sheet, "<col min=\"3\" max=\"3\" width=\"6.7109375\" customWidth=\"1\"/>"));
}

TEST_CASE("workbook::SheetWriter::fit_columns") {
  std::vector<std::string> warnings;
  std::string thirty;
  std::string ten;
  for (int i = 0; i < 30; ++i) {
    thirty += "德";
  }
  for (int i = 0; i < 10; ++i) {
    ten += "育";
  }
  SUBCASE("within the budget: each column fits its content") {
    const auto parts = write_sheet("budget-wide", warnings, [&](XlsxBook&, SheetWriter& out) {
      out.text(0, 0, thirty, nullptr);
      out.text(1, 1, ten, nullptr);
      out.fit_columns({{6, 40}, {6, 40}}, 100, 0, 1);
    });
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CAPTURE(sheet.substr(sheet.find("<cols>"), sheet.find("</cols>") - sheet.find("<cols>")));
    CHECK(contains(sheet, "<col min=\"1\" max=\"1\" width=\"40.7109375\" customWidth=\"1\"/>"));
    CHECK(contains(sheet, "<col min=\"2\" max=\"2\" width=\"22.7109375\" customWidth=\"1\"/>"));
  }
  SUBCASE("over the budget: the units go where they save the most lines") {
    // From 6 + 6 (11 and 4 lines), the long text's column takes 9 of the 12 units left
    // (11 → 4 lines), a line or more per two units, then the other's step to 8 (4 → 3 lines)
    // takes 2; the last unit saves nothing and stays unspent.
    const auto parts = write_sheet("budget-tight", warnings, [&](XlsxBook&, SheetWriter& out) {
      out.text(0, 0, thirty, nullptr);
      out.text(0, 1, "短", nullptr);
      out.text(1, 0, "短", nullptr);
      out.text(1, 1, ten, nullptr);
      out.fit_columns({{6, 40}, {6, 40}}, 24, 0, 1);
      out.fit_rows(0, 1);
    });
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CAPTURE(sheet.substr(sheet.find("<cols>"), sheet.find("</cols>") - sheet.find("<cols>")));
    CHECK(contains(sheet, "<col min=\"1\" max=\"1\" width=\"15.7109375\" customWidth=\"1\"/>"));
    CHECK(contains(sheet, "<col min=\"2\" max=\"2\" width=\"8.7109375\" customWidth=\"1\"/>"));
    CHECK(contains(sheet, "<row r=\"1\" spans=\"1:2\" ht=\"71\" customHeight=\"1\""));
    CHECK(contains(sheet, "<row r=\"2\" spans=\"1:2\" ht=\"54\" customHeight=\"1\""));
  }
  SUBCASE("a date keeps its width: it cannot wrap") {
    // The date column's minimum is 8, but 2020年10月31日 needs 14; the text column gets the
    // two units left, from 6 (11 lines) to 8 (8 lines).
    const auto parts = write_sheet("budget-date", warnings, [&](XlsxBook& book, SheetWriter& out) {
      lxw_format* date = book.add_format();
      format_set_num_format(date, k_date_format);
      out.date(0, 0, Date{2020, 10, 31}, "2020年10月31日", date, nullptr);
      out.text(0, 1, thirty, nullptr);
      out.fit_columns({{8, 14}, {6, 40}}, 22, 0, 0);
    });
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CAPTURE(sheet.substr(sheet.find("<cols>"), sheet.find("</cols>") - sheet.find("<cols>")));
    CHECK(contains(sheet, "<col min=\"1\" max=\"1\" width=\"14.7109375\" customWidth=\"1\"/>"
                          "<col min=\"2\" max=\"2\" width=\"8.7109375\" customWidth=\"1\"/>"));
  }
  SUBCASE("minimums over the budget: every column at its minimum") {
    const auto parts = write_sheet("budget-none", warnings, [&](XlsxBook&, SheetWriter& out) {
      out.text(0, 0, thirty, nullptr);
      out.text(0, 1, ten, nullptr);
      out.fit_columns({{8, 40}, {8, 40}}, 10, 0, 0);
    });
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CAPTURE(sheet.substr(sheet.find("<cols>"), sheet.find("</cols>") - sheet.find("<cols>")));
    CHECK(contains(sheet, "<col min=\"1\" max=\"1\" width=\"8.7109375\" customWidth=\"1\"/>"
                          "<col min=\"2\" max=\"2\" width=\"8.7109375\" customWidth=\"1\"/>"));
  }
}

TEST_CASE("workbook::SheetWriter::fit_rows") {
  std::vector<std::string> warnings;
  std::string thirty;
  for (int i = 0; i < 30; ++i) {
    thirty += "德";
  }
  const auto parts = write_sheet("rows", warnings, [&](XlsxBook&, SheetWriter& out) {
    out.text(0, 0, "短", nullptr);
    out.text(1, 0, thirty, nullptr);           // 63 units (5 % slack) in 12: 6 lines
    out.text(2, 0, "一\n二\n三", nullptr);     // three paragraphs: 3 lines
    out.merged_text(3, 4, 0, thirty, nullptr); // 6 lines: the last row takes the 4 missing
    out.fit_column(0, 12, 12);
    out.fit_rows(0, 4);
  });
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  CHECK(contains(sheet, "<row r=\"1\" spans=\"1:1\" ht=\"20\" customHeight=\"1\""));
  CHECK(contains(sheet, "<row r=\"2\" spans=\"1:1\" ht=\"105\" customHeight=\"1\""));
  CHECK(contains(sheet, "<row r=\"3\" spans=\"1:1\" ht=\"54\" customHeight=\"1\""));
  CHECK(contains(sheet, "<row r=\"4\" spans=\"1:1\" ht=\"20\" customHeight=\"1\""));
  CHECK(contains(sheet, "<row r=\"5\" spans=\"1:1\" ht=\"88\" customHeight=\"1\""));
}
