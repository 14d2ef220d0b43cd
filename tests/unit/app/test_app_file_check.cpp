#include <planctl/app/file_check.hpp>

#include <doctest/doctest.h>

#include <span>
#include <sstream>
#include <string>

using namespace planctl::app;
using namespace planctl;

namespace {

const std::string k_examples = std::string(PLANCTL_SOURCE_DIR) + "/examples/";

struct MemoryConsole {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Console console{in, out, err};
  explicit MemoryConsole(std::string input = {}) : in(std::move(input)) {}
};

diag::FileResult with(bool unreadable, bool internal, const char* message_id) {
  diag::FileResult r;
  r.file = "f.yaml";
  r.unreadable = unreadable;
  r.internal_error = internal;
  if (message_id) {
    r.diagnostics.add("f.yaml", util::Mark{1, 1}, message_id);
  }
  return r;
}

} // namespace

TEST_CASE("app::check_file") {
  SUBCASE("a valid example has a model and no findings") {
    MemoryConsole io;
    const CheckedFile f = check_file(k_examples + "minimal.yaml", io.console);
    CHECK(f.plan.has_value());
    CHECK(f.result.diagnostics.empty());
    CHECK(f.result.file == k_examples + "minimal.yaml");
    CHECK_FALSE(f.result.source.empty());
    CHECK_FALSE(f.result.unreadable);
  }
  SUBCASE("a missing file is unreadable and says so") {
    MemoryConsole io;
    const CheckedFile f = check_file("no/such/file.yaml", io.console);
    CHECK(f.result.unreadable);
    CHECK(f.result.diagnostics.has_errors());
    CHECK(f.result.diagnostics.items().front().file == "no/such/file.yaml");
  }
  SUBCASE("- reads standard input, named <stdin>") {
    MemoryConsole io("version: 1\nschool: {name: 一中}\nplan:\n  title: 计划\n  year: 2020\n"
                     "  issuer: 一中\n  date: 2020-01-01\n  sections: [{title: 总则}]\n");
    const CheckedFile f = check_file("-", io.console);
    CHECK(f.result.file == "<stdin>");
    CHECK(f.result.diagnostics.empty());
    REQUIRE(f.plan.has_value());
    CHECK(f.plan->school.name.value == "一中");
  }
  SUBCASE("findings come sorted by line and column") {
    MemoryConsole io("version: 2\nschool: {name: 一中}\nplan:\n  title: 计划\n  year: 2020\n"
                     "  issuer: 一中\n  date: 2020-02-30\n  sections: [{title: 总则}]\n");
    const CheckedFile f = check_file("-", io.console);
    REQUIRE(f.result.diagnostics.items().size() >= 2);
    const auto& items = f.result.diagnostics.items();
    for (std::size_t i = 1; i < items.size(); ++i) {
      CHECK(items[i - 1].mark.line <= items[i].mark.line);
    }
  }
}

TEST_CASE("app::check_files") {
  MemoryConsole io;
  const auto files = check_files({k_examples + "minimal.yaml", "b-missing.yaml",
                                  k_examples + "minimal.yaml", "a-missing.yaml"},
                                 io.console);
  REQUIRE(files.size() == 3); // the repeated argument is checked once
  CHECK(files[0].result.file == k_examples + "minimal.yaml");
  CHECK(files[1].result.file == "a-missing.yaml");
  CHECK(files[2].result.file == "b-missing.yaml");
  CHECK(files[0].plan.has_value());

  SUBCASE("on several threads: the same files, findings and order") {
    const std::vector<std::string> args{k_examples + "pingan-no2-2020.yaml", "b-missing.yaml",
                                        k_examples + "minimal.yaml", "a-missing.yaml",
                                        k_examples + "guangongwei-2020.yaml"};
    const auto one = check_files(args, io.console, 1);
    const auto four = check_files(args, io.console, 4);
    REQUIRE(one.size() == four.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      CHECK(one[i].result.file == four[i].result.file);
      CHECK(diag::format_text(std::span(&one[i].result, 1), {}) ==
            diag::format_text(std::span(&four[i].result, 1), {}));
      CHECK(one[i].plan.has_value() == four[i].plan.has_value());
    }
  }

  SUBCASE("findings only: no models, sources only where there are findings") {
    const auto lean =
        check_files({k_examples + "minimal.yaml", "a-missing.yaml"}, io.console, 2, true);
    REQUIRE(lean.size() == 2);
    CHECK_FALSE(lean[0].plan.has_value());
    CHECK(lean[0].result.source.empty());
    CHECK(lean[0].result.diagnostics.empty());
    CHECK(lean[1].result.unreadable);
    CHECK(lean[1].result.diagnostics.items().size() == 1);
  }
}

TEST_CASE("app::exit_code_for") {
  SUBCASE("the worst outcome wins: internal 3 > unreadable 2 > findings 1 > 0") {
    std::vector<diag::FileResult> rs;
    CHECK(exit_code_for(rs, false) == 0);
    rs.push_back(with(false, false, nullptr));
    CHECK(exit_code_for(rs, false) == 0);
    rs.push_back(with(false, false, "internal-error"));
    CHECK(exit_code_for(rs, false) == 1);
    rs.push_back(with(true, false, "internal-error"));
    CHECK(exit_code_for(rs, false) == 2);
    rs.push_back(with(false, true, "internal-error"));
    CHECK(exit_code_for(rs, false) == 3);
  }
  SUBCASE("warnings fail only under strict") {
    diag::FileResult r = with(false, false, nullptr);
    r.diagnostics.add("f.yaml", util::Mark{1, 1}, "internal-error").severity =
        diag::Severity::warning;
    std::vector<diag::FileResult> rs{r};
    CHECK(exit_code_for(rs, false) == 0);
    CHECK(exit_code_for(rs, true) == 1);
  }
}
