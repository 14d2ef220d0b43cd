#include <planctl/util/output_sink.hpp>
#include <planctl/write/writers.hpp>

#include <doctest/doctest.h>
#include <minizip/unzip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace planctl;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

layout::Document sample() {
  layout::Document doc;
  doc.title = "平安二中2020年创建民族团结进步先进区工作安排";
  layout::Block h;
  h.kind = layout::BlockKind::heading;
  h.outline_level = 1;
  h.number = "一、";
  h.title = "总体要求";
  layout::Block p;
  p.text = "深入学习贯彻习近平总书记系列讲话。";
  doc.blocks = {h, p};
  doc.signature = {"平安区第二中学", "2020年4月9日"};
  doc.metadata = {doc.title, "平安区第二中学", {2020, 4, 9}};
  return doc;
}

std::string entry(const fs::path& path, const char* name) {
  unzFile uf = unzOpen64(path.c_str());
  REQUIRE(uf != nullptr);
  REQUIRE(unzLocateFile(uf, name, 1) == UNZ_OK);
  unz_file_info64 info{};
  REQUIRE(unzGetCurrentFileInfo64(uf, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK);
  std::string data(static_cast<std::size_t>(info.uncompressed_size), '\0');
  REQUIRE(unzOpenCurrentFile(uf) == UNZ_OK);
  REQUIRE(unzReadCurrentFile(uf, data.data(), static_cast<unsigned>(data.size())) ==
          static_cast<int>(data.size()));
  unzCloseCurrentFile(uf);
  unzClose(uf);
  return data;
}

} // namespace

TEST_CASE("write::write_docx") {
  const fs::path dir = fs::temp_directory_path() / "planctl-write-docx-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  SUBCASE("two writes are byte-identical, whatever SOURCE_DATE_EPOCH says") {
    ::setenv("SOURCE_DATE_EPOCH", "1609372800", 1);
    write::write_docx(sample(), dir / "a.docx");
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    write::write_docx(sample(), dir / "b.docx");
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(slurp(dir / "a.docx") == slurp(dir / "b.docx"));
    CHECK(slurp(dir / "a.docx").rfind("PK\x03\x04", 0) == 0);
  }
  SUBCASE("the package holds the document") {
    write::write_docx(sample(), dir / "a.docx");
    CHECK(entry(dir / "a.docx", "word/document.xml").find("<w:t>一、总体要求</w:t>") !=
          std::string::npos);
    CHECK(entry(dir / "a.docx", "docProps/core.xml").find("2020-04-09T00:00:00Z") !=
          std::string::npos);
  }
  SUBCASE("a folder that does not exist is an OutputError") {
    CHECK_THROWS_AS(write::write_docx(sample(), dir / "no" / "a.docx"), util::OutputError);
  }
  fs::remove_all(dir);
}
