#include <planctl/import/ledger_import.hpp>
#include <planctl/import/source_document.hpp>
#include <planctl/import/xlsx_reader.hpp>
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

constexpr const char* k_s = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
constexpr const char* k_r =
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::string package(const std::map<std::string, std::string>& parts) {
  return test::zip_package(parts, "xlsx-reader");
}

// A workbook of one sheet named `name` whose sheetData is `rows`, with shared strings and the
// styles: 0 General, 1 built-in date (14), 2 custom `yyyy"年"m"月"d"日"`, 3 custom `0.00`.
std::string workbook(const std::string& name, const std::string& rows,
                     const std::string& strings = "", const std::string& workbook_pr = "") {
  return package({
      {"xl/workbook.xml", std::string("<workbook ") + k_s + " " + k_r + ">" + workbook_pr +
                              "<sheets><sheet name=\"说明\" sheetId=\"1\" r:id=\"rId1\"/>"
                              "<sheet name=\"" +
                              name + "\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"ws\"/>"
       "<Relationship Id=\"rId2\" Target=\"/xl/worksheets/sheet2.xml\" Type=\"ws\"/>"
       "</Relationships>"},
      {"xl/worksheets/sheet1.xml", std::string("<worksheet ") + k_s +
                                       "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>"
                                       "<t>说明</t></is></c></row></sheetData></worksheet>"},
      {"xl/worksheets/sheet2.xml",
       std::string("<worksheet ") + k_s + "><sheetData>" + rows + "</sheetData></worksheet>"},
      {"xl/sharedStrings.xml", std::string("<sst ") + k_s + ">" + strings + "</sst>"},
      {"xl/styles.xml",
       std::string("<styleSheet ") + k_s +
           "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;"
           "月&quot;d&quot;日&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"0.00\"/></numFmts>"
           "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
           "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
           "<xf numFmtId=\"165\"/></cellXfs></styleSheet>"},
  });
}

std::string cells_of(const import::Sheet& sheet) {
  std::string out;
  for (const import::Cell& c : sheet.cells) {
    static const char* kinds[] = {"text", "number", "date", "boolean", "error"};
    out += import::cell_address(c.row, c.column) + " " + kinds[static_cast<int>(c.kind)] + " " +
           c.text + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("xlsx: shared, inline and formula strings, numbers, dates by style, booleans, errors") {
  const std::string bytes = workbook(
      "活动台账",
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"C3\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"4\"><c r=\"A4\"><v>43903</v></c><c r=\"B4\" s=\"1\"><v>43903</v></c>"
      "<c r=\"C4\" s=\"2\"><v>43903.5</v></c><c r=\"D4\" s=\"3\"><v>12.5</v></c>"
      "<c r=\"E4\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r></is></c>"
      "<c r=\"F4\" t=\"str\"><f>A1&amp;\"x\"</f><v>算出</v></c><c r=\"G4\" t=\"b\"><v>1</v></c>"
      "<c r=\"H4\" t=\"e\"><v>#N/A</v></c><c r=\"I4\" s=\"2\"/><c r=\"J4\" t=\"s\"><v>9</v></c>"
      "</row>"
      // No `r`: cells and rows counted on.
      "<row><c t=\"inlineStr\"><is><t>甲</t></is></c><c><v>7</v></c></row>",
      "<si><t>日期</t></si><si><r><t>活动</t></r><r><t>名称</t></r>"
      "<rPh><t>かつどう</t></rPh></si>");
  const import::Workbook book = import::read_xlsx(bytes);
  REQUIRE(book.sheets.size() == 2);
  CHECK(book.sheets[0].name == "说明");
  CHECK(book.sheets[1].name == "活动台账");
  CHECK_FALSE(book.date1904);
  CHECK(cells_of(book.sheets[1]) == "A3 text 日期\n"
                                    "C3 text 活动名称\n"
                                    "A4 number 43903\n"
                                    "B4 date 43903\n"
                                    "C4 date 43903.5\n"
                                    "D4 number 12.5\n"
                                    "E4 text 富文本\n"
                                    "F4 text 算出\n"
                                    "G4 boolean TRUE\n"
                                    "H4 error #N/A\n"
                                    "A5 text 甲\n"
                                    "B5 number 7\n");
}

TEST_CASE("xlsx: serial day numbers, the 1904 system and date formats") {
  CHECK(import::date_of_serial(43903, false) == util::Date{2020, 3, 13});
  CHECK(import::date_of_serial(43903.99, false) == util::Date{2020, 3, 13});
  CHECK(import::date_of_serial(1, false) == util::Date{1900, 1, 1});
  CHECK(import::date_of_serial(59, false) == util::Date{1900, 2, 28});
  CHECK_FALSE(import::date_of_serial(60, false)); // 1900-02-29, which Excel counts
  CHECK(import::date_of_serial(61, false) == util::Date{1900, 3, 1});
  CHECK_FALSE(import::date_of_serial(0, false));
  CHECK_FALSE(import::date_of_serial(-3, false));
  CHECK(import::date_of_serial(2958465, false) == util::Date{9999, 12, 31});
  CHECK_FALSE(import::date_of_serial(2958466, false));
  CHECK_FALSE(import::date_of_serial(20200313, false));
  CHECK(import::date_of_serial(42441, true) == util::Date{2020, 3, 13});
  CHECK(import::date_of_serial(0, true) == util::Date{1904, 1, 1});

  CHECK(import::is_date_format(14, ""));
  CHECK(import::is_date_format(31, "")); // yyyy"年"m"月"d"日" in a Chinese Excel
  CHECK(import::is_date_format(57, ""));
  CHECK_FALSE(import::is_date_format(0, ""));
  CHECK_FALSE(import::is_date_format(49, ""));
  CHECK(import::is_date_format(164, "yyyy\"年\"m\"月\"d\"日\""));
  CHECK(import::is_date_format(164, "[$-804]yyyy/m/d"));
  CHECK(import::is_date_format(164, "[h]:mm"));
  CHECK_FALSE(import::is_date_format(164, "0.00"));
  CHECK_FALSE(import::is_date_format(164, "General"));
  CHECK_FALSE(import::is_date_format(164, "\"截至\"0\"日\""));
  CHECK_FALSE(import::is_date_format(164, "[Red]#,##0;-#,##0"));
  CHECK_FALSE(import::is_date_format(164, "0\\d"));

  CHECK(import::cell_address(14, 3) == "C14");
  CHECK(import::cell_address(1, 26) == "Z1");
  CHECK(import::cell_address(2, 27) == "AA2");
  CHECK(import::cell_address(9, 16384) == "XFD9");
}

TEST_CASE("xlsx: a workbook in the 1904 date system") {
  const std::string bytes =
      workbook("台账", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42441</v></c></row>", "",
               "<workbookPr date1904=\"1\"/>");
  const import::Workbook book = import::read_xlsx(bytes);
  CHECK(book.date1904);
  REQUIRE(book.sheets[1].cells.size() == 1);
  CHECK(import::date_of_serial(book.sheets[1].cells[0].number, book.date1904) ==
        util::Date{2020, 3, 13});
}

TEST_CASE("xlsx: what is not a workbook gets a sentence") {
  auto error_of = [](const std::string& bytes) {
    try {
      import::read_xlsx(bytes);
    } catch (const import::ImportError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("plain text") == "the file is not a .xlsx (not a zip package); open it in Excel "
                                  "or WPS and save it as .xlsx (Excel 工作簿)");
  CHECK(error_of(package({{"word/document.xml", "<w/>"}})) ==
        "the file is a zip package without xl/workbook.xml, so not an Excel workbook; open it in "
        "Excel or WPS and save it as .xlsx");
  CHECK(error_of(package(
            {{"xl/workbook.xml", "<!DOCTYPE w [<!ENTITY a \"b\">]><workbook>&a;</workbook>"}})) ==
        "the .xlsx part xl/workbook.xml declares a DOCTYPE, which Excel never writes; planctl "
        "does not read it");
  CHECK(error_of(package({{"xl/workbook.xml", "<workbook><sheets>"}}))
            .starts_with("the .xlsx part xl/workbook.xml is not well-formed XML (line 1: "));
  // A part that inflates past the cap: counted on the bytes inflated.
  CHECK(
      error_of(package({{"xl/workbook.xml", "<workbook/>"},
                        {"xl/sharedStrings.xml",
                         "<sst>" + std::string(import::k_max_xlsx_part_bytes, ' ') + "</sst>"}})) ==
      "the .xlsx part xl/sharedStrings.xml inflates to more than 32 MiB; a ledger is far "
      "smaller, so this is not a workbook planctl can import");
}

// ---- the ledger ----

namespace {

constexpr const char* k_plan = R"(version: 1
school:
  name: 第二中学
plan:
  title: 2020年工作计划
  year: 2020
  issuer: 第二中学
  date: 2020-03-01
  sections:
    - title: 宣传
      items:
        - title: 营造宣传氛围
          id: propaganda
          lead: 德育处
        - title: 学习“要点”、制度
          id: study
          lead: 德育处
        - title: |
            无编号的任务
          lead: 德育处

# 报告
report:
  date: 2020-12-28
)";

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

std::string findings_of(const import::LedgerImport& result) {
  std::string out;
  for (const import::LedgerFinding& f : result.findings) {
    out += import::cell_address(f.row, f.column) + (f.error ? " error: " : " warning: ") +
           f.message + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("ledger: columns by header in any order, tasks by id and title, a new block") {
  const std::string rows =
      "<row r=\"2\">" + inline_cell("A2", "备注") + inline_cell("B2", "关联任务") +
      inline_cell("C2", "活动 名称") + inline_cell("D2", "日期") + inline_cell("E2", "佐证材料") +
      "</row><row r=\"3\">" + inline_cell("B3", "propaganda、学习\"要点\"、制度") +
      inline_cell("C3", "开展宣传") + "<c r=\"D3\" s=\"2\"><v>43903</v></c>" +
      inline_cell("E3", "照片，签到表") + "</row><row r=\"4\">" +
      inline_cell("B4", "无编号的任务") + inline_cell("C4", "第二项") +
      inline_cell("D4", "二〇二〇年三月十四日") + "</row><row r=\"5\">" +
      inline_cell("A5", "只有备注") + "</row>";
  const import::Workbook book = import::read_xlsx(workbook("台账", rows));
  const import::LedgerImport result =
      import::import_ledger(book, "", k_plan, "plan.yaml", "book.xlsx");
  CHECK(result.sheet == "台账");
  CHECK(result.header_row == 2);
  CHECK(result.rows == 2);
  CHECK(result.added == 1);
  CHECK(result.unusable == 1);
  CHECK(findings_of(result) ==
        "B4 error: the item \"无编号的任务\" (plan.yaml:18) has no id, activities name tasks by "
        "id, and its title is not on one line where planctl could add one; give it an id (id: "
        "…) and import again\n");
  // Before `report` and the comment above it, which stay as written.
  CHECK(result.yaml ==
        std::string(k_plan).replace(std::string(k_plan).find("\n# 报告"), 0,
                                    "\nactivities:\n"
                                    "  # 由 planctl import 从 book.xlsx 的“台账”导入\n"
                                    "  - date: 2020-03-13\n"
                                    "    title: 开展宣传\n"
                                    "    task: [propaganda, study]\n"
                                    "    evidence: [照片, 签到表]\n"));
}

TEST_CASE("ledger: rows already in the file are skipped, entries follow the file's indentation") {
  const std::string plan = std::string(k_plan) + "activities:\n"
                                                 "    - date: 2020-03-13\n"
                                                 "      title: 开展宣传。\n"
                                                 "# the end\n";
  const std::string rows =
      "<row r=\"1\">" + inline_cell("A1", "日期") + inline_cell("B1", "活动名称") +
      inline_cell("C1", "人数") + inline_cell("D1", "结束日期") + "</row><row r=\"2\">" +
      inline_cell("A2", "2020.3.13") + inline_cell("B2", "开展宣传") + "</row><row r=\"3\">" +
      inline_cell("A3", "2020-03-20") + inline_cell("B3", "总结: 会") +
      inline_cell("C3", "３０人") + inline_cell("D3", "2020年3月21日") + "</row><row r=\"4\">" +
      inline_cell("A4", "2020-03-20") + inline_cell("B4", "总结: 会") + "</row>";
  const import::LedgerImport result = import::import_ledger(
      import::read_xlsx(workbook("活动台账", rows)), "", plan, "p.yaml", "b.xlsx");
  CHECK(result.rows == 3);
  CHECK(result.added == 1);
  CHECK(result.already == 2);
  CHECK(findings_of(result) == "B4 warning: the same date and title as row 3; read once\n");
  CHECK(result.yaml == std::string(k_plan) + "activities:\n"
                                             "    - date: 2020-03-13\n"
                                             "      title: 开展宣传。\n"
                                             "    # 由 planctl import 从 b.xlsx 的“活动台账”导入\n"
                                             "    - date: 2020-03-20\n"
                                             "      end: 2020-03-21\n"
                                             "      title: \"总结: 会\"\n"
                                             "      count: 30\n"
                                             "# the end\n");
}

TEST_CASE("ledger: a row that changes an activity the file has updates it in place") {
  // Identified by date and title (punctuation width and the closing 。 aside): the changed
  // columns are written over the entry's keys, an emptied one removes its key, a missing key
  // is added after the last; an entry in flow style cannot be edited in place.
  const std::string plan = std::string(k_plan) +
                           "activities:\n"
                           "  - date: 2020-03-13\n"
                           "    title: 开展宣传。\n"
                           "    place: 操场  # 室外\n"
                           "    summary: |\n"
                           "      第一段，\n"
                           "      接着写。\n"
                           "\n"
                           "  - {date: 2020-03-20, title: 总结会, count: 5}\n";
  const std::string rows =
      "<row r=\"1\">" + inline_cell("A1", "日期") + inline_cell("B1", "活动名称") +
      inline_cell("C1", "人数") + inline_cell("D1", "地点") + inline_cell("E1", "内容摘要") +
      "</row><row r=\"2\">" + inline_cell("A2", "2020-03-13") + inline_cell("B2", "开展宣传") +
      inline_cell("C2", "40") + inline_cell("E2", "第一段，接着写。") + "</row><row r=\"3\">" +
      inline_cell("A3", "2020-03-20") + inline_cell("B3", "总结会") + inline_cell("C3", "6") +
      "</row>";
  const import::LedgerImport result = import::import_ledger(
      import::read_xlsx(workbook("活动台账", rows)), "", plan, "p.yaml", "b.xlsx");
  CHECK(result.rows == 2);
  CHECK(result.added == 0);
  CHECK(result.already == 0);
  CHECK(result.unusable == 1);
  REQUIRE(result.updates.size() == 1);
  CHECK(result.updates[0].row == 2);
  CHECK(result.updates[0].line == 26);
  CHECK(result.updates[0].keys == std::vector<std::string>{"count", "place"});
  CHECK(findings_of(result) ==
        "C3 error: the row changes the activity at p.yaml:33, which is not written as a block "
        "entry (`- date: …` with a key a line); change it in the plan file by hand\n");
  CHECK(result.yaml == std::string(k_plan) + "activities:\n"
                                             "  - date: 2020-03-13\n"
                                             "    title: 开展宣传。\n"
                                             "    summary: |\n"
                                             "      第一段，\n"
                                             "      接着写。\n"
                                             "    count: 40\n"
                                             "\n"
                                             "  - {date: 2020-03-20, title: 总结会, count: 5}\n");
}

TEST_CASE("ledger: an empty activities key, a flow list, a plan file with errors, no ledger") {
  const std::string rows = "<row r=\"1\">" + inline_cell("A1", "日期") +
                           inline_cell("B1", "活动名称") + "</row><row r=\"2\">" +
                           "<c r=\"A2\"><v>43910</v></c>" + inline_cell("B2", "活动") + "</row>";
  const import::Workbook book = import::read_xlsx(workbook("活动台账", rows));
  CHECK(import::import_ledger(book, "", std::string(k_plan) + "activities: []\n", "p.yaml", "b")
            .yaml == std::string(k_plan) + "activities:\n"
                                           "  # 由 planctl import 从 b 的“活动台账”导入\n"
                                           "  - date: 2020-03-20\n"
                                           "    title: 活动\n");
  auto error_of = [&](const std::string& plan, std::string_view sheet = "") {
    try {
      import::import_ledger(book, sheet, plan, "p.yaml", "b");
    } catch (const import::ImportError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of(std::string(k_plan) + "activities: [{date: 2020-03-02, title: 甲}]\n") ==
        "activities in p.yaml (line 25) is written on one line; write it as a block list (one "
        "`- date: …` entry a line) so that planctl can add to it");
  CHECK(error_of("version: 1\nplan: {title: 甲\n") ==
        "p.yaml has errors (p.yaml:2:7: a mapping opened with \"{\" is not closed with \"}\"); fix "
        "them first "
        "(planctl validate p.yaml) and import the ledger again");
  CHECK(error_of(k_plan, "说明") ==
        "the sheet \"说明\" has no header row with 日期 and 活动名称 in its first 20 rows");
  CHECK(error_of(k_plan, "无此表") == "the workbook has no sheet \"无此表\"");
}

TEST_CASE("ledger: an item named by title without an id gets one, and is a task then") {
  const std::string plan = "version: 1\n"
                           "school: {name: 第二中学}\n"
                           "plan:\n"
                           "  title: 2020年工作计划\n"
                           "  year: 2020\n"
                           "  issuer: 第二中学\n"
                           "  date: 2020-03-01\n"
                           "  sections:\n"
                           "    - title: 总体要求\n"
                           "      text: 深入学习。\n"
                           "    - title: 工作任务\n"
                           "      items:\n"
                           "        - title: 营造氛围。\n"
                           "        - title: 另一项\n"
                           "          lead: 德育处\n"
                           "          id: t2-1\n";
  const std::string rows = "<row r=\"1\">" + inline_cell("A1", "日期") +
                           inline_cell("B1", "活动名称") + inline_cell("C1", "关联任务") +
                           "</row><row r=\"2\">" + inline_cell("A2", "2020-03-20") +
                           inline_cell("B2", "动员") + inline_cell("C2", "营造氛围、总体要求") +
                           "</row><row r=\"3\">" + inline_cell("A3", "2020-03-21") +
                           inline_cell("B3", "分组") + inline_cell("C3", "工作任务") + "</row>";
  const import::LedgerImport result = import::import_ledger(
      import::read_xlsx(workbook("活动台账", rows)), "", plan, "p.yaml", "b.xlsx");
  // 工作任务 has items, so it is no task to name; the id 营造氛围's place gives, t2-1, is
  // another task's, so it gets t2-1.2.
  CHECK(findings_of(result) == "C3 error: \"工作任务\" is neither the id nor the title of a task "
                               "in p.yaml; write a task's id or its title as the plan file has "
                               "it\n");
  CHECK(result.added == 1);
  CHECK(result.new_ids == std::vector<std::pair<int, std::string>>{{10, "t1"}, {15, "t2-1.2"}});
  CHECK(result.yaml == "version: 1\n"
                       "school: {name: 第二中学}\n"
                       "plan:\n"
                       "  title: 2020年工作计划\n"
                       "  year: 2020\n"
                       "  issuer: 第二中学\n"
                       "  date: 2020-03-01\n"
                       "  sections:\n"
                       "    - title: 总体要求\n"
                       "      id: t1\n"
                       "      text: 深入学习。\n"
                       "    - title: 工作任务\n"
                       "      items:\n"
                       "        - title: 营造氛围。\n"
                       "          id: t2-1.2\n"
                       "        - title: 另一项\n"
                       "          lead: 德育处\n"
                       "          id: t2-1\n"
                       "\n"
                       "activities:\n"
                       "  # 由 planctl import 从 b.xlsx 的“活动台账”导入\n"
                       "  - date: 2020-03-20\n"
                       "    title: 动员\n"
                       "    task: [t2-1.2, t1]\n");
}
