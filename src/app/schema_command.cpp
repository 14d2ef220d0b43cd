#include <planctl/app/commands.hpp>
#include <planctl/load/plan_format.hpp>

#include <CLI/CLI.hpp>

#include <ostream>

namespace planctl::app {

Handler setup_schema(CLI::App&) {
  return [](Console& console) {
    // Generated from the format's tables; schemas/plan.schema.json is its checked-in copy.
    console.out << load::plan_schema_text();
    return static_cast<int>(k_exit_ok);
  };
}

} // namespace planctl::app
