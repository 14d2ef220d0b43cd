#include <planctl/app/commands.hpp>
#include <planctl/generated/plan_schema_json.hpp>

#include <CLI/CLI.hpp>

#include <ostream>

namespace planctl::app {

Handler setup_schema(CLI::App&) {
  return [](Console& console) {
    console.out << generated::plan_schema_json;
    if (!generated::plan_schema_json.ends_with('\n')) {
      console.out << '\n';
    }
    return static_cast<int>(k_exit_ok);
  };
}

} // namespace planctl::app
