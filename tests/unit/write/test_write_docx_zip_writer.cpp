#include <planctl/util/output_sink.hpp>
#include <planctl/write/docx/zip_writer.hpp>

#include <doctest/doctest.h>
#include <minizip/unzip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace planctl;
using namespace planctl::write::docx;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("planctl-zip-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_zip(const fs::path& path, const util::Date& date) {
  ZipWriter zip(path, date);
  zip.add("[Content_Types].xml", "<Types/>");
  zip.add("word/document.xml", std::string(5000, 'x') + "平安二中");
  zip.add("empty.xml", "");
  zip.finish();
}

struct Entry {
  std::string name;
  std::string data;
  unsigned year, month, day, hour;
  unsigned long extra;
};

std::vector<Entry> read_zip(const fs::path& path) {
  std::vector<Entry> entries;
  unzFile uf = unzOpen64(path.c_str());
  REQUIRE(uf != nullptr);
  for (int rc = unzGoToFirstFile(uf); rc == UNZ_OK; rc = unzGoToNextFile(uf)) {
    unz_file_info64 info{};
    char name[256];
    REQUIRE(unzGetCurrentFileInfo64(uf, &info, name, sizeof name, nullptr, 0, nullptr, 0) ==
            UNZ_OK);
    std::string data(static_cast<std::size_t>(info.uncompressed_size), '\0');
    REQUIRE(unzOpenCurrentFile(uf) == UNZ_OK);
    if (!data.empty()) {
      REQUIRE(unzReadCurrentFile(uf, data.data(), static_cast<unsigned>(data.size())) ==
              static_cast<int>(data.size()));
    }
    REQUIRE(unzCloseCurrentFile(uf) == UNZ_OK); // checks the CRC
    entries.push_back({name, data, info.tmu_date.tm_year, info.tmu_date.tm_mon + 1,
                       info.tmu_date.tm_mday, info.tmu_date.tm_hour, info.size_file_extra});
  }
  unzClose(uf);
  return entries;
}

} // namespace

TEST_CASE("docx::ZipWriter") {
  TempDir dir;
  SUBCASE("entries keep their order, data, date and carry no extra fields") {
    write_zip(dir.path / "a.zip", {2020, 4, 9});
    const auto entries = read_zip(dir.path / "a.zip");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].name == "[Content_Types].xml");
    CHECK(entries[0].data == "<Types/>");
    CHECK(entries[1].name == "word/document.xml");
    CHECK(entries[1].data == std::string(5000, 'x') + "平安二中");
    CHECK(entries[2].name == "empty.xml");
    CHECK(entries[2].data.empty());
    for (const Entry& e : entries) {
      CHECK(e.year == 2020);
      CHECK(e.month == 4);
      CHECK(e.day == 9);
      CHECK(e.hour == 0);
      CHECK(e.extra == 0); // no zip64 field
    }
  }
  SUBCASE("the same entries give the same bytes") {
    write_zip(dir.path / "a.zip", {2020, 4, 9});
    write_zip(dir.path / "b.zip", {2020, 4, 9});
    CHECK(slurp(dir.path / "a.zip") == slurp(dir.path / "b.zip"));
    write_zip(dir.path / "c.zip", {2020, 4, 10});
    CHECK(slurp(dir.path / "a.zip") != slurp(dir.path / "c.zip"));
  }
  SUBCASE("a date a zip cannot hold becomes 1980-01-01") {
    for (const util::Date date : {util::Date{}, util::Date{1979, 12, 31}, util::Date{2108, 1, 1},
                                  util::Date{2021, 2, 29}}) {
      write_zip(dir.path / "d.zip", date);
      const auto entries = read_zip(dir.path / "d.zip");
      CHECK(entries[0].year == 1980);
      CHECK(entries[0].month == 1);
      CHECK(entries[0].day == 1);
    }
  }
  SUBCASE("an unwritable path throws OutputError naming it") {
    const fs::path bad = dir.path / "missing" / "x.docx";
    try {
      ZipWriter zip(bad, {2020, 4, 9});
      FAIL("no exception");
    } catch (const util::OutputError& e) {
      CHECK(std::string(e.what()) ==
            "cannot write \"" + bad.string() + "\": the file cannot be created");
    }
  }
}
