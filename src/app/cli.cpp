#include <planctl/app/cli.hpp>
#include <planctl/generated/version.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

namespace planctl::app {

int run(int argc, char** argv) {
  CLI::App app{"planctl: school work plans, reports and allocation sheets from one YAML file"};
  app.set_version_flag("-V,--version", std::string("planctl ") + k_version);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) ? k_exit_usage : k_exit_ok;
  }
  return k_exit_ok;
}

} // namespace planctl::app
