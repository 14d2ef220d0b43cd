#include <planctl/workbook/xlsx_book.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <stdexcept>

#include "workbook_fixture.hpp"

using namespace planctl::workbook;

// libxlsxwriter 1.1.4 loses one copy of the formula of each list validation that refers to
// cells (LXW_VALIDATION_TYPE_LIST_FORMULA, the hidden-sheet path tested below): a few bytes
// inside the library, reported by LeakSanitizer in the sanitizer build. Nothing else here
// leaks through lxw_strdup.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:lxw_strdup\n";
}

TEST_CASE("workbook::column_name") {
  CHECK(column_name(0) == "A");
  CHECK(column_name(25) == "Z");
  CHECK(column_name(26) == "AA");
  CHECK(column_name(701) == "ZZ");
  CHECK(column_name(702) == "AAA");
  CHECK(column_name(16383) == "XFD");
}

TEST_CASE("workbook::cell_name") {
  CHECK(cell_name(0, 0) == "A1");
  CHECK(cell_name(4, 3) == "D5");
}

TEST_CASE("workbook::fits_inline_list") {
  SUBCASE("the five states") {
    CHECK(fits_inline_list({"已完成", "进行中", "逾期", "未开始", "长期"}));
  }
  SUBCASE("255 characters with the commas fit, 256 do not") {
    CHECK(fits_inline_list({std::string(127, 'a'), std::string(127, 'b')}));
    CHECK_FALSE(fits_inline_list({std::string(128, 'a'), std::string(127, 'b')}));
  }
  SUBCASE("characters, not bytes, count") {
    std::string chinese;
    for (int i = 0; i < 255; ++i) {
      chinese += "德";
    }
    CHECK(fits_inline_list({chinese}));
  }
  SUBCASE("a comma or a quote cannot go inline") {
    CHECK_FALSE(fits_inline_list({"a,b"}));
    CHECK_FALSE(fits_inline_list({"say \"hi\""}));
  }
}

TEST_CASE("workbook::check_lxw") {
  CHECK_NOTHROW(check_lxw(LXW_NO_ERROR, "cell A1"));
  CHECK_THROWS_WITH_AS(check_lxw(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, "cell A1"),
                       "cannot write the workbook (cell A1): String exceeds Excel's limit of "
                       "32,767 characters.",
                       std::runtime_error);
}

TEST_CASE("workbook::XlsxBook") {
  const auto dir = test::scratch_dir("book");
  const auto path = dir / "book.xlsx";
  SUBCASE("temporary files go to the output folder, not TMPDIR") {
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", "/nonexistent-planctl-tmp", 1);
    {
      XlsxBook book(path);
      worksheet_write_string(book.add_sheet("任务分工"), 0, 0, "甲", nullptr);
      CHECK_NOTHROW(book.close());
    }
    old ? ::setenv("TMPDIR", saved.c_str(), 1) : ::unsetenv("TMPDIR");
    CHECK(std::filesystem::exists(path));
    // Nothing but the output is left in the folder.
    CHECK(std::distance(std::filesystem::directory_iterator(dir),
                        std::filesystem::directory_iterator()) == 1);
  }
  SUBCASE("a book never closed writes nothing") {
    {
      XlsxBook book(path);
      book.add_sheet("任务分工");
    }
    CHECK_FALSE(std::filesystem::exists(path));
  }
  SUBCASE("a bad sheet name is an error") {
    XlsxBook book(path);
    CHECK_THROWS_AS(book.add_sheet("a/b"), std::runtime_error);
  }
  SUBCASE("the default format takes the Chinese face") {
    XlsxBook book(path);
    book.add_sheet("任务分工");
    format_set_font_name(book.default_format(), "宋体");
    book.close();
    const auto parts = test::read_package(path);
    CHECK(parts.at("xl/styles.xml")
              .find("<fonts count=\"1\"><font><sz val=\"11\"/><color "
                    "theme=\"1\"/><name val=\"宋体\"/>") != std::string::npos);
  }
  SUBCASE("a short list is written inline") {
    XlsxBook book(path);
    lxw_worksheet* sheet = book.add_sheet("任务分工");
    book.add_list_validation(sheet, 3, 9, 9, {"已完成", "进行中", "逾期"}, "请选择");
    book.close();
    const auto parts = test::read_package(path);
    const std::string& xml = parts.at("xl/worksheets/sheet1.xml");
    CHECK(xml.find("sqref=\"J4:J10\"><formula1>\"已完成,进行中,逾期\"</formula1>") !=
          std::string::npos);
    CHECK(xml.find("error=\"请选择\"") != std::string::npos);
    CHECK(parts.count("xl/worksheets/sheet2.xml") == 0);
  }
  SUBCASE("a long list goes through a hidden sheet") {
    std::vector<std::string> values;
    for (int i = 1; i <= 60; ++i) {
      values.push_back("部门" + std::to_string(i));
    }
    values.push_back("a,b");
    XlsxBook book(path);
    lxw_worksheet* sheet = book.add_sheet("任务分工");
    book.add_list_validation(sheet, 3, 5, 4, {"x", "y,z"}, "");
    book.add_list_validation(sheet, 3, 5, 5, values, "");
    book.close();
    const auto parts = test::read_package(path);
    const std::string& xml = parts.at("xl/worksheets/sheet1.xml");
    CHECK(xml.find("sqref=\"E4:E6\"><formula1>'下拉列表'!$A$1:$A$2</formula1>") !=
          std::string::npos);
    CHECK(xml.find("sqref=\"F4:F6\"><formula1>'下拉列表'!$B$1:$B$61</formula1>") !=
          std::string::npos);
    CHECK(parts.at("xl/workbook.xml")
              .find("<sheet name=\"下拉列表\" sheetId=\"2\" state=\"hidden\"") !=
          std::string::npos);
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    CHECK(strings.find("<t>y,z</t>") != std::string::npos);
    CHECK(strings.find("<t>部门60</t>") != std::string::npos);
    CHECK(strings.find("<t>a,b</t>") != std::string::npos);
  }
  std::filesystem::remove_all(dir);
}
