// A test helper of the import readers' tests: the bytes of a zip holding given parts.
#pragma once

#include <planctl/util/date.hpp>
#include <planctl/write/docx/zip_writer.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace planctl::test {

// The bytes of a zip holding `parts`, written by the .docx writer's own zip writer (through a
// temporary file named for `what` and this process).
inline std::string zip_package(const std::map<std::string, std::string>& parts,
                               const std::string& what) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("planctl-" + what + "-" + std::to_string(::getpid()) + ".zip");
  {
    write::docx::ZipWriter zip(path, util::Date{2020, 1, 1});
    for (const auto& [name, data] : parts) {
      zip.add(name, data);
    }
    zip.finish();
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

} // namespace planctl::test
