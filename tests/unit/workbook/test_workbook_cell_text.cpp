#include <planctl/workbook/cell_text.hpp>

#include <doctest/doctest.h>

using namespace planctl::workbook;

TEST_CASE("workbook::display_width") {
  SUBCASE("ASCII counts one per character") {
    CHECK(display_width("abc 12") == 6);
  }
  SUBCASE("Chinese characters and full-width punctuation count two") {
    CHECK(display_width("德育处") == 6);
    CHECK(display_width("进度（一）") == 10);
    CHECK(display_width("2020年9月30日") == 13);
  }
  SUBCASE("quotes, ellipsis and the tick are wide in a Chinese font") {
    CHECK(display_width("“四爱三有”") == 12);
    CHECK(display_width("…") == 2);
    CHECK(display_width("✓") == 2);
  }
  SUBCASE("ill-formed bytes count one each") {
    CHECK(display_width("a\xff\xfe") == 3);
  }
}

TEST_CASE("workbook::widest_line") {
  CHECK(widest_line("") == 0);
  CHECK(widest_line("ab\n德育处\nabcd") == 6);
  CHECK(widest_line("abcdefgh\n") == 8);
}

TEST_CASE("workbook::column_width") {
  SUBCASE("content plus two units of padding") {
    CHECK(column_width(10, 6, 40) == 12.0);
  }
  SUBCASE("never below the minimum") {
    CHECK(column_width(1, 8, 40) == 8.0);
  }
  SUBCASE("never above the maximum") {
    CHECK(column_width(200, 8, 60) == 60.0);
  }
}

TEST_CASE("workbook::fit_cell_text") {
  SUBCASE("a short text is kept as it is") {
    const CellText cell = fit_cell_text("=cmd|' /C calc'!A0");
    CHECK(cell.text == "=cmd|' /C calc'!A0");
    CHECK_FALSE(cell.cut);
    CHECK(cell.original == 18);
  }
  SUBCASE("characters XML forbids become U+FFFD; tab, LF, CR and U+FFFD stay") {
    // U+FFFE, U+FFFF and C0 controls would make sharedStrings.xml ill-formed.
    const CellText cell = fit_cell_text("a\xEF\xBF\xBE"
                                        "b\xEF\xBF\xBF"
                                        "c\x01"
                                        "d\t\n\r\xEF\xBF\xBD");
    CHECK(cell.text == "a\xEF\xBF\xBD"
                       "b\xEF\xBF\xBD"
                       "c\xEF\xBF\xBD"
                       "d\t\n\r\xEF\xBF\xBD");
    CHECK(cell.original == 11);
  }
  SUBCASE("a text at the limit is kept") {
    const CellText cell = fit_cell_text(std::string(20, 'a'), 20);
    CHECK(cell.text == std::string(20, 'a'));
    CHECK_FALSE(cell.cut);
  }
  SUBCASE("a longer text is cut and marked within the limit") {
    const CellText cell = fit_cell_text(std::string(21, 'a'), 20);
    CHECK(cell.text == std::string(14, 'a') + "…（已截断）");
    CHECK(cell.cut);
    CHECK(cell.original == 21);
  }
  SUBCASE("the cut falls on a character boundary") {
    std::string chinese;
    for (int i = 0; i < 30; ++i) {
      chinese += "德";
    }
    const CellText cell = fit_cell_text(chinese, 20);
    std::string expected;
    for (int i = 0; i < 14; ++i) {
      expected += "德";
    }
    CHECK(cell.text == expected + "…（已截断）");
  }
  SUBCASE("a character beyond the BMP counts two and is never split") {
    // 13 ASCII letters then U+20000 (two UTF-16 units): 15 units do not fit in 14.
    const CellText cell = fit_cell_text(std::string(13, 'a') + "\xF0\xA0\x80\x80" + "bbbbbbbb", 20);
    CHECK(cell.text == std::string(13, 'a') + "…（已截断）");
    CHECK(cell.original == 23);
  }
  SUBCASE("Excel's limit is 32,767") {
    const CellText cell = fit_cell_text(std::string(40000, 'x'));
    CHECK(cell.cut);
    CHECK(cell.text.size() == 32761 + std::string(k_cut_mark).size());
    CHECK(cell.text.substr(32761) == "…（已截断）");
  }
  SUBCASE("ill-formed UTF-8 becomes U+FFFD") {
    CHECK(fit_cell_text("a\xff"
                        "b")
              .text == "a\xEF\xBF\xBD"
                       "b");
  }
}

TEST_CASE("workbook::join_nonempty") {
  CHECK(join_nonempty({"会议记录", "", "照片"}, "、") == "会议记录、照片");
  CHECK(join_nonempty({}, "、") == "");
}

TEST_CASE("workbook::protect_escapes") {
  SUBCASE("a typed escape sequence is escaped") {
    CHECK(protect_escapes("_x0041_") == "_x005F_x0041_");
    CHECK(protect_escapes("a_x00e9_b_X00FF_") == "a_x005F_x00e9_b_x005F_X00FF_");
  }
  SUBCASE("anything else is left alone") {
    CHECK(protect_escapes("_x004_ _xGGGG_ x0041_ _x0041") == "_x004_ _xGGGG_ x0041_ _x0041");
    CHECK(protect_escapes("德育处") == "德育处");
  }
}

TEST_CASE("workbook::stored_cell_text") {
  SUBCASE("a long text without escapes is cut as by fit_cell_text") {
    CHECK(stored_cell_text(std::string(40000, 'x')).text ==
          fit_cell_text(std::string(40000, 'x')).text);
  }
  SUBCASE("escaped within the limit") {
    const CellText cell = stored_cell_text("_x0041_");
    CHECK(cell.text == "_x005F_x0041_");
    CHECK_FALSE(cell.cut);
  }
  SUBCASE("escapes that would pass the limit make the cut shorter") {
    // 3 escapes (7 characters each) fit the limit of 21 as written but not escaped (39); the
    // longest prefix that fits escaped with the mark is `_x0041__x` (15 + 6).
    const CellText cell = stored_cell_text("_x0041__x0042__x0043_", 21);
    CHECK(cell.cut);
    CHECK(cell.original == 21);
    CHECK(cell.text == "_x005F_x0041__x…（已截断）");
  }
  SUBCASE("a text kept as it is counts its characters as fit_cell_text does") {
    const std::vector<std::string> texts{"", "德育处 plan", "emoji 👩‍👩‍👧 𠀀",
                                         "tab\tand\nlines", std::string(32767, 'x')};
    for (const std::string& text : texts) {
      CAPTURE(text.substr(0, 20));
      const CellText cell = stored_cell_text(text);
      CHECK(cell.text == text);
      CHECK_FALSE(cell.cut);
      CHECK(cell.original == fit_cell_text(text).original);
    }
  }
  SUBCASE("what the quick path must not keep goes the long way") {
    const std::string replaced = "a\uFFFDb";
    CHECK(stored_cell_text(std::string("a\x01") + "b").text == replaced);         // C0 control
    CHECK(stored_cell_text(std::string("a\xEF\xBF\xBE") + "b").text == replaced); // U+FFFE
    CHECK(stored_cell_text(std::string("a\xFF") + "b").text == replaced);         // ill-formed
    CHECK(stored_cell_text("￥5").text == "￥5");                                 // U+FFE5 is kept
    CHECK(stored_cell_text("_X0041_").text == "_x005F_X0041_");
    CHECK(stored_cell_text(std::string(32768, 'x')).cut);
  }
}

TEST_CASE("workbook::append_part") {
  std::string out;
  append_part(out, "会议记录", "、");
  append_part(out, "", "、");
  append_part(out, "照片", "、");
  CHECK(out == "会议记录、照片");
  SUBCASE("past the limit nothing more is copied") {
    std::string full(k_join_limit_bytes + 1, 'x');
    append_part(full, "照片", "、");
    CHECK(full.size() == k_join_limit_bytes + 1);
  }
}
