#include <planctl/app/commands.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/util/utf8.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

using namespace planctl::app;

namespace {

// The widest line of `text` in terminal cells (Chinese characters take two).
int widest_line(std::string_view text) {
  int widest = 0;
  int width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = planctl::util::next_code_point(text, pos);
    width = cp == '\n' ? 0 : width + planctl::diag::display_width(cp);
    widest = std::max(widest, width);
  }
  return widest;
}

} // namespace

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
    CHECK(widest_line(c.description) <= 80);
    CHECK(widest_line(c.summary) <= 80 - 32); // after the 32-column name field of --help
  }
  CHECK(names == std::set<std::string>{"validate", "render", "batch", "status", "init", "import",
                                       "schema", "rules", "help"});
}
