#include <planctl/app/batch_progress.hpp>
#include <planctl/app/output_record.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace planctl::app;
using namespace planctl;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "planctl-record-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }

private:
  fs::path m_path;
};

OutputRecord sample(const std::string& input) {
  RenderOptions options;
  options.as_of = *util::parse_date("2020-12-31");
  OutputRecord r = record_for(input, std::string(64, 'a'), options);
  r.outputs = {{"s.plan.md", std::string(64, 'b')}};
  return r;
}

void save(const fs::path& dir, const std::string& stem, const OutputRecord& r) {
  util::DirectorySink sink(dir);
  stage_record(sink, stem, r);
  sink.commit();
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("app::stage_record and read_record keep the summary row") {
  TempDir dir;
  OutputRecord r = sample("plans/a.yaml");
  workbook::SummaryRow row;
  // Texts JSON must escape, and texts YAML would read as other types were they not quoted.
  row.school = "平安\"二中\"\n\\ yes";
  row.code = "007";
  row.district = "";
  row.title = "null";
  row.has_counts = true;
  row.tasks = 12;
  row.states = {1, 2, 3, 4, 2};
  row.activities = 20;
  row.last_activity = util::parse_date("2020-11-30");
  r.summary = row;
  save(dir.path(), "a", r);

  const std::optional<OutputRecord> back = read_record(dir.path(), "a");
  REQUIRE(back.has_value());
  REQUIRE(back->summary.has_value());
  const workbook::SummaryRow& s = *back->summary;
  CHECK(s.school == row.school);
  CHECK(s.code == "007");
  CHECK(s.district.empty());
  CHECK(s.title == "null");
  CHECK(s.has_counts);
  CHECK(s.tasks == 12);
  CHECK(s.states == row.states);
  CHECK(s.activities == 20);
  REQUIRE(s.last_activity.has_value());
  CHECK(util::to_iso(*s.last_activity) == "2020-11-30");
  CHECK(s.result == "通过");
  CHECK(back->outputs == r.outputs);

  SUBCASE("no activity yet: last_activity is null") {
    r.summary->last_activity.reset();
    save(dir.path(), "a", r);
    const auto again = read_record(dir.path(), "a");
    REQUIRE(again.has_value());
    REQUIRE(again->summary.has_value());
    CHECK_FALSE(again->summary->last_activity.has_value());
    CHECK(read(dir.path() / ".a.planctl.json").find("\"last_activity\": null") !=
          std::string::npos);
  }
  SUBCASE("a record without a summary (render's) has none") {
    r.summary.reset();
    save(dir.path(), "a", r);
    const auto again = read_record(dir.path(), "a");
    REQUIRE(again.has_value());
    CHECK_FALSE(again->summary.has_value());
  }
  SUBCASE("a damaged summary makes the whole record corrupt") {
    std::string text = read(dir.path() / ".a.planctl.json");
    const std::size_t at = text.find("\"tasks\": 12");
    REQUIRE(at != std::string::npos);
    text.replace(at, 11, "\"tasks\": \"x\"");
    std::ofstream(dir.path() / ".a.planctl.json", std::ios::binary) << text;
    CHECK_FALSE(read_record(dir.path(), "a").has_value());
  }
}

TEST_CASE("app::RecordFinder") {
  TempDir dir;
  save(dir.path(), "a", sample("plans/a.yaml"));
  save(dir.path(), "school-7", sample("plans/b.yaml")); // stem from school.code
  save(dir.path(), "c", sample("other/c.yaml"));

  RecordFinder finder(dir.path());
  SUBCASE("under the input's file name") {
    const auto found = finder.find("plans/a.yaml");
    REQUIRE(found.has_value());
    CHECK(found->first == "a");
    CHECK(found->second.input == "plans/a.yaml");
  }
  SUBCASE("under another stem, by the input it names") {
    const auto found = finder.find("plans/b.yaml");
    REQUIRE(found.has_value());
    CHECK(found->first == "school-7");
  }
  SUBCASE("a record of the same file name for another input is not this input's") {
    CHECK_FALSE(finder.find("plans/c.yaml").has_value());
    CHECK_FALSE(finder.find("plans/missing.yaml").has_value());
  }
  SUBCASE("a stem given first") {
    const auto found = finder.find("plans/b.yaml", "school-7");
    REQUIRE(found.has_value());
    CHECK(found->first == "school-7");
  }
}

TEST_CASE("app::InOrder") {
  InOrder lines(4);
  CHECK(lines.put(1, "b").empty());
  CHECK(lines.put(2, "c").empty());
  CHECK(lines.put(0, "a") == "abc");
  CHECK(lines.put(3, "") == "");
}
