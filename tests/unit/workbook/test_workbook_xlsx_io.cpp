#include <planctl/workbook/xlsx_io.hpp>

#include <doctest/doctest.h>

#include <xlsxwriter.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>

#include "workbook_fixture.hpp"

using namespace planctl;

TEST_CASE("workbook::xlsx_io_replaced") {
  SUBCASE("libxlsxwriter's calls reach the replacements in this program") {
    CHECK(workbook::xlsx_io_replaced());
  }

  SUBCASE("a temporary file is in memory: readable after writing, nothing in the folder") {
    const auto dir = workbook::test::scratch_dir("xlsx-io");
    std::string folder = dir.string();
    FILE* file = lxw_tmpfile(folder.data());
    REQUIRE(file != nullptr);
    CHECK(std::fputs("<worksheet>表</worksheet>", file) >= 0);
    std::rewind(file);
    char buffer[64] = {};
    CHECK(std::fread(buffer, 1, sizeof buffer - 1, file) ==
          std::strlen("<worksheet>表</worksheet>"));
    CHECK(std::string(buffer) == "<worksheet>表</worksheet>");
    CHECK(std::filesystem::is_empty(dir));
    std::fclose(file);
    std::filesystem::remove_all(dir);
  }

  SUBCASE("gmtime keeps one buffer per thread") {
    const std::time_t day = 1609372800; // 2020-12-31T00:00:00Z
    const std::tm* here = std::gmtime(&day);
    const std::tm* there = nullptr;
    int there_year = 0;
    std::thread other([&] {
      const std::time_t later = day + 86400;
      there = std::gmtime(&later);
      there_year = there->tm_year;
    });
    other.join();
    CHECK(here != there);
    CHECK(here->tm_year == 120);
    CHECK(here->tm_mon == 11);
    CHECK(here->tm_mday == 31);
    CHECK(there_year == 121);
  }
}
