#include <planctl/load/plan_format.hpp>
#include <planctl/load/scalar_rules.hpp>
#include <planctl/load/structure_check.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "load_test_util.hpp"

using namespace planctl;
using namespace planctl::load;
using planctl::load::test::k_plan;
using planctl::load::test::render;

namespace {

struct Checked {
  ParsedYaml yaml;
  StructureResult result;
  std::string findings;
};

// Parses `text` and runs only the structure check on it.
Checked structure(std::string_view text) {
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  Checked out;
  out.yaml = parse_yaml(text, report);
  REQUIRE(out.yaml.document);
  out.result = check_structure(*out.yaml.document, report);
  report.finish();
  list.sort();
  out.findings = render(list);
  return out;
}

std::string plan_structure(std::string_view tail) {
  return structure(std::string(k_plan) + std::string(tail)).findings;
}

} // namespace

TEST_CASE("load::place_words") {
  CHECK(place_words(mapping(MapId::item), true).en == "a task");
  CHECK(place_words(mapping(MapId::item), true).zh == "任务");
  CHECK(place_words(mapping(MapId::item)).en == "an item");
  CHECK(place_words(mapping(MapId::top)).en == "the top level of the file");
  CHECK(place_words(mapping(MapId::school)).en == "\"school\"");
  CHECK(place_words(mapping(MapId::period)).en == "\"plan.period\"");
}

TEST_CASE("load::is_task_key") {
  for (const char* key :
       {"id", "lead", "owner", "support", "start", "due", "months", "deliverables", "status"}) {
    CHECK(is_task_key(key));
  }
  for (const char* key : {"title", "text", "points", "items", "x-id"}) {
    CHECK_FALSE(is_task_key(key));
  }
}

TEST_CASE("load::core_type") {
  CHECK(core_type("") == CoreType::null);
  CHECK(core_type("~") == CoreType::null);
  CHECK(core_type("true") == CoreType::boolean);
  CHECK(core_type("FALSE") == CoreType::boolean);
  CHECK(core_type("yes") == CoreType::string); // YAML 1.1 only
  CHECK(core_type("0123") == CoreType::integer);
  CHECK(core_type("-5") == CoreType::integer);
  CHECK(core_type("0x1F") == CoreType::integer);
  CHECK(core_type("0o17") == CoreType::integer);
  CHECK(core_type("3.10") == CoreType::floating);
  CHECK(core_type("1.") == CoreType::floating);
  CHECK(core_type(".5") == CoreType::floating);
  CHECK(core_type("1e3") == CoreType::floating);
  CHECK(core_type("-.inf") == CoreType::floating);
  CHECK(core_type(".nan") == CoreType::floating);
  CHECK(core_type("2020-09-01") == CoreType::string);
  CHECK(core_type("1.2.3") == CoreType::string);
  CHECK(core_type("e3") == CoreType::string);
  CHECK(core_type("0x") == CoreType::string);
}

TEST_CASE("load::check_structure") {
  SUBCASE("a valid plan has no findings") {
    CHECK(plan_structure("") == "");
  }
  SUBCASE("unknown-key with a suggestion, in a task") {
    CHECK(plan_structure("      lead: moral\n      deu: 2020-05\n      x-note: 1\n") ==
          "12:7: error: unknown key \"deu\" in a task (did you mean \"due\"?) [unknown-key]\n");
  }
  SUBCASE("unknown-key: every unknown key of a mapping, not only the first") {
    CHECK(plan_structure("      titel: y\n      zzz: 1\n") ==
          "11:7: error: unknown key \"titel\" in an item (did you mean \"title\"?) [unknown-key]\n"
          "12:7: error: unknown key \"zzz\" in an item; the keys here are title, text, points, "
          "items, id, lead, owner, support, start, due, months, deliverables, status (start your "
          "own keys with \"x-\") [unknown-key]\n");
  }
  SUBCASE("unknown-key at the top level, and in Chinese") {
    const Checked c = structure(std::string(k_plan) + "reprot: {}\n");
    CHECK(c.findings == "11:1: error: unknown key \"reprot\" in the top level of the file (did you "
                        "mean \"report\"?) [unknown-key]\n");
  }
  SUBCASE("missing-key at the mapping that lacks it") {
    CHECK(structure("version: 1\nschool:\n  short_name: 二中\nplan:\n  title: t\n").findings ==
          "3:3: error: missing key \"name\" in \"school\" [missing-key]\n"
          "5:3: error: missing key \"year\" in \"plan\" [missing-key]\n"
          "5:3: error: missing key \"issuer\" in \"plan\" [missing-key]\n"
          "5:3: error: missing key \"date\" in \"plan\" [missing-key]\n"
          "5:3: error: missing key \"sections\" in \"plan\" [missing-key]\n");
  }
  SUBCASE("missing-key.empty: a key with no value is at its key") {
    CHECK(plan_structure("activities:\n  - date: 2020-03-01\n    title:\n") ==
          "13:5: error: \"title\" has no value in an activity; write one [missing-key]\n");
  }
  SUBCASE("type: the expected and the actual kind in words") {
    CHECK(plan_structure("  period: 2020\ndepartments: {id: a}\npeople:\n  - [a]\n") ==
          "11:11: error: \"period\" must be a mapping of keys and values, not a whole number "
          "[type]\n"
          "12:14: error: \"departments\" must be a list of departments, not a mapping [type]\n"
          "14:5: error: entry 1 of \"people\" must be a person (a mapping with \"id\" and "
          "\"name\"), not a list [type]\n");
    CHECK(plan_structure("      points: {a: 1}\n      months: 3\n      items:\n        - 文本\n") ==
          "11:15: error: \"points\" must be a text or a list of texts, not a mapping [type]\n"
          "12:15: error: \"months\" must be a list of month numbers like [3, 9], not a whole "
          "number [type]\n"
          "14:11: error: entry 1 of \"items\" must be an item (a mapping with a \"title\"), not a "
          "text [type]\n");
  }
  SUBCASE("type: an empty list entry") {
    CHECK(plan_structure("      owner: [王, ~]\n") ==
          "11:18: error: entry 2 of \"owner\" must be a text, not empty [type]\n");
  }
  SUBCASE("type.quoted-number") {
    CHECK(plan_structure("activities:\n  - {date: 2020-03-01, title: t, count: \"89\"}\n") ==
          "12:41: error: \"count\" must be a whole number without quotes, not the text \"89\" "
          "[type]\n");
  }
  SUBCASE("type: a decimal where a whole number goes") {
    CHECK(plan_structure("activities:\n  - {date: 2020-03-01, title: t, count: 8.9}\n") ==
          "12:41: error: \"count\" must be a whole number, not a decimal number [type]\n");
  }
  SUBCASE("type: texts take numbers and true/false as written") {
    CHECK(plan_structure("      text: 2020\n      id: 3.10\n      lead: true\n") == "");
  }
  SUBCASE("empty-list") {
    CHECK(structure("version: 1\nschool: {name: x}\nplan: {title: t, year: 2020, issuer: i, "
                    "date: 2020-01-01, sections: []}\n")
              .findings == "3:69: error: \"sections\" must have at least one entry [empty-list]\n");
  }
  SUBCASE("too-many-entries") {
    CHECK(plan_structure("  numbering: [一、, （一）, 1., （1）, 1.]\n") ==
          "11:14: error: \"numbering\" can have at most 4 entries [too-many-entries]\n");
  }
  SUBCASE("a long list: a bad entry far down is found, with its own index and position") {
    std::string text(k_plan);
    for (int i = 2; i <= 300; ++i) {
      text += "    - title: t" + std::to_string(i) + "\n";
    }
    text += "    - titel: x\n"; // entry 301, line 310
    CHECK(structure(text).findings ==
          "310:7: error: unknown key \"titel\" in an item (did you mean \"title\"?) "
          "[unknown-key]\n"
          "310:7: error: missing key \"title\" in an item [missing-key]\n");
  }
  SUBCASE("a long list of bad entries: bounded, fast, first findings exact") {
    std::string text(k_plan);
    for (int i = 0; i < 200000; ++i) {
      text += "    - 1\n";
    }
    const double start = test::cpu_seconds();
    const Checked c = structure(text);
    CHECK(test::cpu_seconds() - start < test::time_limit(2.0));
    CHECK(c.findings.starts_with("11:7: error: entry 2 of \"sections\" must be an item (a mapping "
                                 "with a \"title\"), not a whole number [type]\n"
                                 "12:7: error: entry 3 of \"sections\""));
    CHECK(std::count(c.findings.begin(), c.findings.end(), '\n') == 100);
  }
  SUBCASE("values the builder words itself are left to it, not reported") {
    const Checked c = structure(std::string(k_plan) + "      status: 完成\n      due: 下周\n");
    CHECK(c.findings == "");
    CHECK(std::count(c.result.flagged.begin(), c.result.flagged.end(), true) == 0);
  }
  SUBCASE("flagged nodes: the offending values") {
    const Checked c = structure(std::string(k_plan) + "      deu: 1\n      points: {a: 1}\n");
    const YamlDocument& doc = *c.yaml.document;
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < doc.node_count(); ++i) {
      flagged += c.result.flagged[i] ? 1 : 0;
    }
    CHECK(flagged == 3); // the unknown key, its value, the mapping under points
  }
}
