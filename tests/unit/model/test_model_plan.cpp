#include <planctl/model/plan.hpp>

#include <doctest/doctest.h>

using namespace planctl::model;

namespace {

Text text(std::string value) {
  return Text{std::move(value), {}, {}};
}

// Two lists as a plan file gives them: departments and people with ids and names.
PlanFile with_lists() {
  PlanFile file;
  file.has_departments = true;
  file.departments.push_back({text("moral"), text("德育处"), std::nullopt, {}});
  file.departments.push_back({text("union"), text("工会"), std::nullopt, {}});
  file.has_people = true;
  file.people.push_back({text("wang"), text("王子涛"), text("校长"), std::nullopt, {}});
  file.people.push_back({text("zhang"), text("张慧君"), std::nullopt, std::nullopt, {}});
  return file;
}

} // namespace

TEST_CASE("model::NameIndex::department") {
  PlanFile file = with_lists();
  CHECK(NameIndex(file).department("moral") == &file.departments[0]);
  CHECK(NameIndex(file).department("工会") == &file.departments[1]);
  CHECK(NameIndex(file).department("教务处") == nullptr);
  file.has_departments = false;
  CHECK(NameIndex(file).department("moral") == nullptr);
}

TEST_CASE("model::NameIndex::person") {
  PlanFile file = with_lists();
  CHECK(NameIndex(file).person("zhang") == &file.people[1]);
  CHECK(NameIndex(file).person("王子涛") == &file.people[0]);
  CHECK(NameIndex(file).person("li") == nullptr);
  file.has_people = false;
  CHECK(NameIndex(file).person("zhang") == nullptr);
}

TEST_CASE("model::NameIndex::department_name") {
  PlanFile file = with_lists();
  SUBCASE("by id") {
    CHECK(NameIndex(file).department_name("moral") == "德育处");
  }
  SUBCASE("by name") {
    CHECK(NameIndex(file).department_name("工会") == "工会");
  }
  SUBCASE("unresolved is shown as written") {
    CHECK(NameIndex(file).department_name("教务处") == "教务处");
  }
  SUBCASE("an id wins over another entry's name") {
    file.departments.push_back({text("德育处"), text("团委"), std::nullopt, {}});
    CHECK(NameIndex(file).department_name("德育处") == "团委");
    CHECK(NameIndex(file).department("德育处") == &file.departments.back());
  }
  SUBCASE("a repeated id resolves to its first entry") {
    file.departments.push_back({text("moral"), text("团委"), std::nullopt, {}});
    CHECK(NameIndex(file).department_name("moral") == "德育处");
  }
  SUBCASE("without a list references are free text") {
    file.has_departments = false;
    CHECK(NameIndex(file).department_name("moral") == "moral");
  }
}

TEST_CASE("model::NameIndex::person_name") {
  PlanFile file = with_lists();
  CHECK(NameIndex(file).person_name("wang") == "王子涛");
  CHECK(NameIndex(file).person_name("张慧君") == "张慧君");
  CHECK(NameIndex(file).person_name("li") == "li");
  file.has_people = false;
  CHECK(NameIndex(file).person_name("wang") == "wang");
}
