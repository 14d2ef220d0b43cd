// End to end through the loader: every tests/invalid/check/NAME.yaml gives exactly the
// findings in NAME.expected, and the bundled examples give none.
#include <planctl/check/plan_checker.hpp>
#include <planctl/load/plan_loader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace planctl;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

// Loads and checks `path` as `planctl validate` does, one finding per line.
std::vector<std::string> validate(const fs::path& path) {
  load::LoadResult loaded = load::load_plan_text(read_file(path), path.filename().string());
  diag::DiagnosticList findings = loaded.diagnostics;
  if (loaded.plan) {
    check::check_plan(*loaded.plan, findings);
  }
  findings.sort();
  std::vector<std::string> lines;
  for (const diag::Diagnostic& d : findings.items()) {
    lines.push_back(d.file + ":" + std::to_string(d.mark.line) + ":" +
                    std::to_string(d.mark.column) + ": " +
                    (d.severity == diag::Severity::error ? "error" : "warning") + ": " + d.text() +
                    " [" + d.rule() + "]");
  }
  return lines;
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    out += line + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("check::check_plan on tests/invalid/check") {
  const std::vector<fs::path> files = yaml_files(fs::path(PLANCTL_TEST_DATA_DIR) / "invalid/check");
  REQUIRE(files.size() >= 19);
  for (const fs::path& file : files) {
    CAPTURE(file.filename().string());
    fs::path expected = file;
    expected.replace_extension(".expected");
    REQUIRE(fs::exists(expected));
    const std::vector<std::string> want = read_lines(expected);
    // Each file shows its own rule: NAME.yaml gives NAME findings only.
    for (const std::string& line : want) {
      CHECK(line.ends_with("[" + file.stem().string() + "]"));
    }
    CHECK(joined(validate(file)) == joined(want));
  }
}

TEST_CASE("check::check_plan on examples") {
  for (const fs::path& file : yaml_files(fs::path(PLANCTL_SOURCE_DIR) / "examples")) {
    CAPTURE(file.filename().string());
    CHECK(joined(validate(file)) == "");
  }
}
