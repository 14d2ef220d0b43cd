#include <planctl/app/plan_files.hpp>
#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>

#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <set>
#include <utility>

namespace planctl::app {

namespace fs = std::filesystem;

namespace {

// A folder's identity, so that the output folder is recognised whatever path reaches it.
std::optional<util::FileIdentity> identity(const fs::path& path) {
  if (path.empty()) {
    return std::nullopt;
  }
  return util::folder_identity(path);
}

} // namespace

bool is_plan_file_name(const fs::path& path) {
  const std::string ext = util::path_utf8(path.extension());
  return ext == ".yaml" || ext == ".yml";
}

std::vector<std::string> list_plan_files(const std::vector<std::string>& args, const fs::path& skip,
                                         Console& console, diag::Lang lang) {
  const auto skipped = identity(skip);
  std::set<std::string> files;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(util::utf8_path(arg), ec)) {
      files.insert(arg);
      continue;
    }
    std::size_t found = 0;
    try {
      fs::recursive_directory_iterator it(util::utf8_path(arg),
                                          fs::directory_options::skip_permission_denied);
      for (; it != fs::recursive_directory_iterator(); ++it) {
        const fs::path& path = it->path();
        const bool folder = it->is_directory(ec);
        if (util::path_utf8(path.filename()).starts_with(".") ||
            (folder && skipped && identity(path) == skipped)) {
          if (folder) {
            it.disable_recursion_pending();
          }
          continue;
        }
        if (!folder && is_plan_file_name(path) && it->is_regular_file(ec)) {
          files.insert(util::generic_utf8(path));
          ++found;
        }
      }
    } catch (const fs::filesystem_error& e) {
      throw util::OutputError(
          fmt::format("cannot read the folder \"{}\": {}", arg, e.code().message()));
    }
    if (found == 0) {
      console.err << (lang == diag::Lang::zh
                          ? fmt::format("planctl: 警告：文件夹“{}”中没有 .yaml 或 .yml 文件\n", arg)
                          : fmt::format("planctl: warning: no .yaml or .yml files in \"{}\"\n",
                                        arg));
    }
  }
  return {files.begin(), files.end()};
}

std::optional<std::vector<std::string>> plan_inputs(const std::vector<std::string>& args,
                                                    const fs::path& skip, Console& console,
                                                    diag::Lang lang) {
  std::vector<std::string> files;
  try {
    files = list_plan_files(args, skip, console, lang);
  } catch (const util::OutputError& e) {
    console.err << "planctl: error: " << e.what() << "\n";
    return std::nullopt;
  }
  if (files.empty()) {
    console.err << (lang == diag::Lang::zh ? "planctl: 错误：没有要处理的计划文件\n"
                                           : "planctl: error: no plan files to work on\n");
    return std::nullopt;
  }
  return files;
}

} // namespace planctl::app
