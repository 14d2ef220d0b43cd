#include <planctl/app/commands.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace planctl::app;

TEST_CASE("app::all_commands") {
  std::set<std::string> names;
  for (const Command& c : all_commands()) {
    CAPTURE(c.name);
    CHECK(names.insert(std::string(c.name)).second);
    CHECK_FALSE(c.summary.empty());
    CHECK_FALSE(c.summary.ends_with("."));
    CHECK_FALSE(c.description.empty());
    CHECK(c.example.starts_with("planctl " + std::string(c.name)));
    CHECK(static_cast<bool>(c.setup));
    // Help text must fit an 80-column terminal.
    std::size_t begin = 0;
    const std::string d(c.description);
    while (begin < d.size()) {
      std::size_t end = d.find('\n', begin);
      if (end == std::string::npos) {
        end = d.size();
      }
      CHECK(end - begin <= 80);
      begin = end + 1;
    }
  }
  CHECK(names == std::set<std::string>{"validate", "render", "batch", "status", "init", "schema",
                                       "rules", "help"});
}
