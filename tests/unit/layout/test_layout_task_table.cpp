#include <planctl/layout/task_table.hpp>

#include <doctest/doctest.h>

#include <string>

#include "plan_builder.hpp"

using namespace planctl;
using namespace test_layout;

namespace {

const layout::TextRules k_rules{layout::LayoutOptions{}};

// `count` copies of `word`.
std::string repeat(std::string_view word, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += word;
  }
  return out;
}

model::PlanFile with_task(model::Item t) {
  model::PlanFile file = plan_file();
  file.has_departments = true;
  file.departments = {model::Department{.id = text("d"), .name = text("德育处")},
                      model::Department{.id = text("long"), .name = text(repeat("部", 10000))}};
  file.has_people = true;
  file.people = {model::Person{.id = text("p"), .name = text("张三")},
                 model::Person{.id = text("q"), .name = text(repeat("名", 60))},
                 model::Person{.id = text("r"), .name = text(repeat("人", 39))}};
  model::Item section = item("主要工作");
  section.items.push_back(std::move(t));
  file.plan.sections.push_back(std::move(section));
  return file;
}

std::vector<std::string> first_row(const model::PlanFile& file) {
  const model::TaskIndex index = model::index_tasks(file.plan);
  const auto rows = layout::task_table_rows(file, index, k_rules);
  REQUIRE(rows.size() == 1);
  return rows[0];
}

} // namespace

TEST_CASE("layout::task_table_rows") {
  SUBCASE("references become names, by id or by name; unknown ones stay as written") {
    model::Item t = task("t1", "培训");
    t.lead = text("d");
    t.owner = texts({"p", "李四"});
    t.support = texts({"德育处", "教务处"});
    const auto row = first_row(with_task(std::move(t)));
    CHECK(row[2] == "培训");
    CHECK(row[3] == "德育处");
    CHECK(row[4] == "张三、李四");
    CHECK(row[5] == "德育处、教务处");
  }
  SUBCASE("a cell of names is cut at 100 characters") {
    // One id brings 10,000 characters; every row naming it would repeat them all.
    model::Item t = task("t1", "培训");
    t.lead = text("long");
    t.owner = texts({"p", "q", "p"}); // 2 + 1 + 60 + 1 + 2 characters: not cut
    t.support = texts({"d", "long", "d"});
    const auto row = first_row(with_task(std::move(t)));
    CHECK(row[3] == repeat("部", 100) + "…");
    CHECK(row[4] == "张三、" + repeat("名", 60) + "、张三");
    CHECK(row[5] == "德育处、" + repeat("部", 96) + "…");
  }
  SUBCASE("a cell of exactly 100 characters is whole, one more is cut") {
    model::Item whole = task("t1", "培训");
    whole.owner = texts({"q", "r"}); // 60 + 1 + 39
    CHECK(first_row(with_task(std::move(whole)))[4] == repeat("名", 60) + "、" + repeat("人", 39));
    model::Item cut = task("t1", "培训");
    cut.owner = texts({"q", "q"}); // 60 + 1 + 60
    CHECK(first_row(with_task(std::move(cut)))[4] ==
          repeat("名", 60) + "、" + repeat("名", 39) + "…");
  }
}
