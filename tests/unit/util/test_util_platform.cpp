#include <planctl/util/platform.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace planctl::util;
namespace fs = std::filesystem;

TEST_CASE("paths: UTF-8 strings and paths convert both ways, Chinese names included") {
  const std::string name = "2021年材料/德育处/某某.plan.docx";
  const fs::path path = utf8_path(name);
  CHECK(path_utf8(path) == name);
  CHECK(path_utf8(path.filename()) == "某某.plan.docx");
  CHECK(path_utf8(path.stem()) == "某某.plan");
  CHECK(path_utf8(path.parent_path().filename()) == "德育处");
  CHECK(generic_utf8(utf8_path("德育处") / utf8_path("计划.yaml")) == "德育处/计划.yaml");
  CHECK(utf8_path("").empty());
  CHECK(path_utf8(fs::path()).empty());
}

TEST_CASE("paths: a file written through a UTF-8 path is found under its name") {
  const fs::path dir = fs::temp_directory_path() / utf8_path("planctl-平台测试");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / utf8_path("计划.yaml")) << "x";
  bool found = false;
  for (const auto& entry : fs::directory_iterator(dir)) {
    found = found || path_utf8(entry.path().filename()) == "计划.yaml";
  }
  CHECK(found);
  CHECK(library_path(dir / utf8_path("计划.yaml")) == path_utf8(dir / utf8_path("计划.yaml")));
  fs::remove_all(dir);
}

TEST_CASE("folder_identity: one folder by two paths, and nothing for a file") {
  const fs::path dir = fs::temp_directory_path() / "planctl-identity-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  const auto a = folder_identity(dir);
  const auto b = folder_identity(dir / "sub" / "..");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  CHECK(folder_identity(dir / "sub") != a);
  std::ofstream(dir / "file") << "x";
  CHECK_FALSE(folder_identity(dir / "file"));
  CHECK_FALSE(folder_identity(dir / "missing"));
  fs::remove_all(dir);
}

TEST_CASE("anonymous_temp_file: readable and writable, no name left behind") {
  const fs::path dir = fs::temp_directory_path() / "planctl-anon-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::FILE* file = anonymous_temp_file(dir.c_str());
  if (k_windows) {
    CHECK(file == nullptr);
    return;
  }
  REQUIRE(file != nullptr);
  CHECK(std::fputs("planctl", file) >= 0);
  std::rewind(file);
  char buffer[16] = {};
  CHECK(std::fgets(buffer, sizeof buffer, file) != nullptr);
  CHECK(std::string(buffer) == "planctl");
  // What libxlsxwriter does with it: write more than a stdio buffer holds, seek back and
  // overwrite, ask the size, read it all back.
  std::string big;
  for (int i = 0; i < 5000; ++i) {
    big += "row " + std::to_string(i) + "\n";
  }
  REQUIRE(std::fwrite(big.data(), 1, big.size(), file) == big.size());
  REQUIRE(std::fseek(file, 0, SEEK_SET) == 0);
  CHECK(std::fputs("PLANCTL", file) >= 0);
  REQUIRE(std::fseek(file, 0, SEEK_END) == 0);
  CHECK(std::ftell(file) == static_cast<long>(7 + big.size()));
  std::rewind(file);
  std::string back(7 + big.size() + 10, '\0');
  CHECK(std::fread(back.data(), 1, back.size(), file) == 7 + big.size());
  back.resize(7 + big.size());
  CHECK(back == "PLANCTL" + big);
  CHECK(std::fseek(file, -1, SEEK_SET) != 0);
  std::fclose(file);
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST_CASE("the command line: arguments after the program name, as given") {
  char program[] = "planctl";
  char first[] = "render";
  char second[] = "德育处/计划.yaml";
  char* argv[] = {program, first, second, nullptr};
  if (!k_windows) { // Windows reads the process's own command line instead
    CHECK(utf8_arguments(3, argv) == std::vector<std::string>{"render", "德育处/计划.yaml"});
  }
}
