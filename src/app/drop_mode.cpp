#include <planctl/app/commands.hpp>
#include <planctl/app/drop_mode.hpp>
#include <planctl/app/plan_files.hpp>
#include <planctl/util/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

namespace planctl::app {

namespace fs = std::filesystem;

namespace {

// The lines of `text`, without empty ones.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

constexpr const char* k_press_key = "按任意键关闭此窗口……";

} // namespace

bool is_drop(const std::vector<std::string>& args) {
  if (args.empty()) {
    return false;
  }
  for (const std::string& arg : args) {
    if (arg.empty() || arg[0] == '-') {
      return false;
    }
    std::error_code ec;
    const fs::path path = util::utf8_path(arg);
    const fs::file_status st = fs::status(path, ec);
    if (ec || !(fs::is_directory(st) || (fs::is_regular_file(st) && is_plan_file_name(path)))) {
      return false;
    }
  }
  return true;
}

int run_drop(const std::vector<std::string>& args, Console& console) {
  // Every plan file, grouped by the folder it is in: one render per folder writes next to
  // the files and keeps render's all-or-nothing rule for the files of one folder.
  std::map<std::string, std::vector<std::string>> by_folder;
  std::ostringstream listing_err;
  Console quiet{console.in, listing_err, listing_err};
  const std::optional<std::vector<std::string>> files =
      plan_inputs(args, {}, quiet, diag::Lang::zh);
  if (files) {
    for (const std::string& file : *files) {
      const fs::path parent = util::utf8_path(file).parent_path();
      by_folder[util::generic_utf8(parent.empty() ? fs::path(".") : parent)].push_back(file);
    }
  }
  int worst = k_exit_ok;
  std::size_t written = 0;
  std::size_t failed = 0;
  console.out << "planctl：生成文档\n\n";
  for (const std::string& line : lines_of(listing_err.str())) {
    console.out << line << "\n";
  }
  for (const auto& [folder, plans] : by_folder) {
    std::ostringstream out;
    std::ostringstream err;
    Console captured{console.in, out, err};
    std::vector<std::string> render_args = {"render", "--lang", "zh",  "--color",
                                            "never",  "-o",     folder};
    render_args.insert(render_args.end(), plans.begin(), plans.end());
    const int code = run(render_args, captured);
    worst = std::max(worst, code);
    const std::vector<std::string> made = lines_of(out.str());
    if (code == k_exit_ok) {
      console.out << fmt::format("已生成（{} 个计划文件，写在“{}”）：\n", plans.size(), folder);
      for (const std::string& line : made) {
        console.out << "  " << line << "\n";
      }
      written += plans.size();
    } else {
      console.out << fmt::format("未生成（“{}”中的 {} 个计划文件有问题，没有写入任何文件）：\n",
                                 folder, plans.size());
      failed += plans.size();
    }
    for (const std::string& line : lines_of(err.str())) {
      console.out << "  " << line << "\n";
    }
    console.out << "\n";
  }
  if (!files || by_folder.empty()) {
    console.out << "没有找到计划文件（.yaml 或 .yml）。\n";
    worst = std::max(worst, static_cast<int>(k_exit_usage));
  } else if (failed == 0) {
    console.out << fmt::format("完成：{} 个计划文件都已生成文档。\n", written);
  } else {
    console.out << fmt::format(
        "{} 个计划文件已生成，{} 个有问题未生成；请按上面的提示修改后再拖放一次。\n", written,
        failed);
  }
  console.out << "\n" << k_press_key << std::flush;
  util::wait_for_key();
  console.out << "\n";
  return worst;
}

int run_double_click(Console& console) {
  console.out << "planctl：用一个 YAML "
                 "计划文件生成学校工作计划、总结（Word、文本、Markdown）和任务分解表（Excel）。\n"
                 "\n"
                 "用法：\n"
                 "  1. 把计划文件（.yaml）或装有计划文件的文件夹拖到 planctl.exe 上，\n"
                 "     生成的文档会放在计划文件旁边。\n"
                 "  2. 还没有计划文件？在命令提示符中运行：planctl init 计划.yaml\n"
                 "     会写出一个带说明的起始文件，照着填写即可。\n"
                 "  3. 在命令提示符中运行 planctl --help 查看全部命令。\n"
                 "\n"
              << k_press_key << std::flush;
  util::wait_for_key();
  console.out << "\n";
  return k_exit_ok;
}

} // namespace planctl::app
