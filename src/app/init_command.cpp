#include <planctl/app/commands.hpp>
#include <planctl/generated/starter_yaml.hpp>
#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <ostream>

namespace planctl::app {

namespace {

struct InitOptions {
  std::string file = "plan.yaml";
  bool force = false;
};

int fail(Console& console, const std::string& message) {
  console.err << "planctl: error: " << message << "\n";
  return k_exit_usage;
}

int run_init(const InitOptions& o, Console& console) {
  const std::filesystem::path path = util::utf8_path(o.file);
  const std::string name = util::path_utf8(path.filename());
  // symlink_status: a symlink (even a dangling one) at the name is an existing file the user
  // may want.
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::symlink_status(path, ec);
  const bool exists = !ec && std::filesystem::exists(st);
  if (name.empty() || name == "." || name == ".." ||
      (exists && std::filesystem::is_directory(st))) {
    return fail(console, "\"" + o.file + "\" is a folder; give a file name such as " +
                             util::generic_utf8(path / "plan.yaml"));
  }
  if (exists && !o.force) {
    return fail(console, "\"" + o.file +
                             "\" already exists; use --force to overwrite it, or give another "
                             "file name");
  }
  try {
    util::DirectorySink sink(path.parent_path().empty() ? std::filesystem::path(".")
                                                        : path.parent_path());
    sink.write(name, generated::starter_yaml);
    sink.commit();
  } catch (const util::OutputError& e) {
    return fail(console, e.what());
  }
  console.out << "wrote " << o.file << "; edit it, then run: planctl render " << o.file << "\n";
  return k_exit_ok;
}

} // namespace

Handler setup_init(CLI::App& cmd) {
  auto o = std::make_shared<InitOptions>();
  cmd.add_option("FILE", o->file, "The plan file to write")->type_name("")->capture_default_str();
  cmd.add_flag("--force", o->force, "Overwrite FILE if it exists");
  return [o](Console& console) { return run_init(*o, console); };
}

} // namespace planctl::app
