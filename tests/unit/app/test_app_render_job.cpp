#include <planctl/app/render_job.hpp>
#include <planctl/load/plan_loader.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace planctl::app;
using namespace planctl;

namespace {

model::PlanFile load_example(const std::string& name) {
  const std::string path = std::string(PLANCTL_SOURCE_DIR) + "/examples/" + name;
  load::LoadResult r = load::load_plan_file(path, path);
  REQUIRE(r.plan.has_value());
  REQUIRE_FALSE(r.diagnostics.has_errors());
  return std::move(*r.plan);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("app::format_name") {
  CHECK(std::string(format_name(OutputFormat::md)) == "md");
  CHECK(std::string(format_name(OutputFormat::txt)) == "txt");
  CHECK(std::string(format_name(OutputFormat::docx)) == "docx");
  CHECK(std::string(format_name(OutputFormat::xlsx)) == "xlsx");
}

TEST_CASE("app::output_stem") {
  model::PlanFile plan;
  SUBCASE("school.code wins") {
    plan.school.code = model::Text{"pingan-no2", {}, {}};
    CHECK(output_stem(plan, "plans/a.yaml") == "pingan-no2");
  }
  SUBCASE("an empty code falls back to the file name") {
    plan.school.code = model::Text{"", {}, {}};
    CHECK(output_stem(plan, "plans/a.yaml") == "a");
  }
  SUBCASE("the file name without its last extension, folders dropped") {
    CHECK(output_stem(plan, "plans/平安二中.yaml") == "平安二中");
    CHECK(output_stem(plan, "x/2020.v2.yml") == "2020.v2");
    CHECK(output_stem(plan, "noext") == "noext");
  }
  SUBCASE("standard input") {
    CHECK(output_stem(plan, "-") == "stdin");
  }
}

TEST_CASE("app::output_names") {
  model::PlanFile plan;
  const std::vector<OutputFormat> all{OutputFormat::md, OutputFormat::txt, OutputFormat::docx,
                                      OutputFormat::xlsx};
  SUBCASE("no report: plan documents and the workbook") {
    CHECK(output_names(plan, "s", all) ==
          std::vector<std::string>{"s.plan.md", "s.plan.txt", "s.plan.docx", "s.tasks.xlsx"});
  }
  SUBCASE("a report section or activities add the report documents") {
    plan.report = model::Report{};
    CHECK(output_names(plan, "s", all) ==
          std::vector<std::string>{"s.plan.md", "s.plan.txt", "s.plan.docx", "s.report.md",
                                   "s.report.txt", "s.report.docx", "s.tasks.xlsx"});
  }
  SUBCASE("a subset of formats") {
    plan.activities.push_back(model::Activity{});
    CHECK(output_names(plan, "s", {OutputFormat::txt, OutputFormat::xlsx}) ==
          std::vector<std::string>{"s.plan.txt", "s.report.txt", "s.tasks.xlsx"});
    CHECK(output_names(plan, "s", {OutputFormat::xlsx}) ==
          std::vector<std::string>{"s.tasks.xlsx"});
  }
}

TEST_CASE("app::render_plan_file") {
  RenderOptions options;
  options.as_of = util::Date{2020, 12, 31};
  SUBCASE("a file with a report writes seven outputs, named as output_names says") {
    const model::PlanFile plan = load_example("pingan-no2-2020.yaml");
    util::MemorySink sink;
    const auto warnings = render_plan_file(plan, {}, "pingan-no2", options, sink);
    CHECK(warnings.empty());
    std::vector<std::string> names;
    for (const auto& p : sink.commit()) {
      names.push_back(p.string());
    }
    CHECK(names == output_names(plan, "pingan-no2", options.formats));
    CHECK(names.size() == 7);
    const auto& files = sink.files();
    CHECK(contains(files.at("pingan-no2.plan.md"), "2020年创建民族团结进步先进区工作安排"));
    CHECK(contains(files.at("pingan-no2.plan.txt"), "一、总体要求"));
    CHECK(contains(files.at("pingan-no2.report.txt"), "2020年创建民族团结进步先进区工作总结"));
    // Word and Excel files are zip packages.
    CHECK(files.at("pingan-no2.plan.docx").starts_with("PK"));
    CHECK(files.at("pingan-no2.report.docx").starts_with("PK"));
    CHECK(files.at("pingan-no2.tasks.xlsx").starts_with("PK"));
  }
  SUBCASE("the workbook on a second thread gives the same files in the same order") {
    const model::PlanFile plan = load_example("pingan-no2-2020.yaml");
    util::MemorySink serial;
    render_plan_file(plan, {}, "p", options, serial);
    options.parallel = true;
    util::MemorySink parallel;
    render_plan_file(plan, {}, "p", options, parallel);
    CHECK(parallel.commit() == serial.commit());
    CHECK(parallel.files() == serial.files());
  }
  SUBCASE("a file without a report writes no report; formats pick a subset") {
    const model::PlanFile plan = load_example("minimal.yaml");
    options.formats = {OutputFormat::md};
    util::MemorySink sink;
    render_plan_file(plan, {}, "minimal", options, sink);
    sink.commit();
    REQUIRE(sink.files().size() == 1);
    CHECK(contains(sink.files().at("minimal.plan.md"), "2020年工作计划"));
  }
  SUBCASE("keep_punctuation keeps ASCII punctuation next to Chinese text") {
    model::PlanFile plan = load_example("minimal.yaml");
    plan.plan.sections.front().text = model::Text{"坚持育人为本,全面发展", {}, {}};
    options.formats = {OutputFormat::txt};
    util::MemorySink normal;
    render_plan_file(plan, {}, "m", options, normal);
    normal.commit();
    CHECK(contains(normal.files().at("m.plan.txt"), "坚持育人为本，全面发展"));
    options.keep_punctuation = true;
    util::MemorySink kept;
    render_plan_file(plan, {}, "m", options, kept);
    kept.commit();
    CHECK(contains(kept.files().at("m.plan.txt"), "坚持育人为本,全面发展"));
  }
}
