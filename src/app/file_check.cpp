#include <planctl/app/file_check.hpp>
#include <planctl/app/parallel.hpp>
#include <planctl/app/photos.hpp>
#include <planctl/check/plan_checker.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/util/platform.hpp>

#include <algorithm>
#include <istream>
#include <set>

namespace planctl::app {

namespace {

// Standard input is read up to one byte past the loader's 16 MiB limit, so that an endless
// stream is refused by the size check instead of filling the memory.
constexpr std::size_t k_stdin_limit = 16u * 1024 * 1024 + 1;

std::string read_stdin(std::istream& in) {
  std::string bytes;
  char buffer[65536];
  while (bytes.size() < k_stdin_limit) {
    in.read(buffer, sizeof buffer);
    if (in.gcount() <= 0) {
      break;
    }
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (bytes.size() > k_stdin_limit) {
    bytes.resize(k_stdin_limit);
  }
  return bytes;
}

} // namespace

CheckedFile check_file(const std::string& arg, Console& console, bool photos) {
  CheckedFile out;
  const std::string name = arg == "-" ? "<stdin>" : arg;
  out.result.file = name;
  try {
    load::LoadResult loaded = arg == "-" ? load::load_plan_text(read_stdin(console.in), name)
                                         : load::load_plan_file(util::utf8_path(arg), name);
    out.result.source = std::move(loaded.source);
    out.result.unreadable = loaded.unreadable;
    out.result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.plan) {
      check::check_plan(*loaded.plan, out.result.diagnostics);
      if (photos) {
        check_photos(*loaded.plan, name, photo_folder(arg), out.result.diagnostics);
      }
      out.plan = std::move(loaded.plan);
    }
  } catch (const std::exception& e) {
    // One file that trips a bug must not hide the findings of the others.
    out.result.internal_error = true;
    out.result.diagnostics.add(name, {}, "internal-error", {{"what", e.what()}});
    out.plan.reset();
  }
  out.result.diagnostics.sort();
  out.result.diagnostics.limit(diag::k_listed_per_file);
  return out;
}

std::vector<CheckedFile> check_files(const std::vector<std::string>& args, Console& console,
                                     unsigned jobs, bool findings_only, bool photos) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& arg : args) {
    if (seen.insert(arg).second) {
      unique.push_back(arg);
    }
  }
  std::vector<CheckedFile> files(unique.size());
  parallel_for(unique.size(), jobs, [&](std::size_t i) {
    files[i] = check_file(unique[i], console, photos);
    if (findings_only) {
      files[i].plan.reset();
      if (files[i].result.diagnostics.empty()) {
        // Swapped out, not assigned: assigning an empty string keeps the old capacity
        // (libstdc++ copies a short string into the buffer it has), so every file's text stayed.
        std::string().swap(files[i].result.source);
      }
    }
  });
  std::stable_sort(files.begin(), files.end(), [](const CheckedFile& a, const CheckedFile& b) {
    return a.result.file < b.result.file;
  });
  return files;
}

int exit_code_for(std::span<const diag::FileResult> results, bool strict) {
  int code = k_exit_ok;
  for (const diag::FileResult& r : results) {
    if (r.internal_error) {
      code = std::max<int>(code, k_exit_internal);
    } else if (r.unreadable) {
      code = std::max<int>(code, k_exit_usage);
    } else if (diag::file_fails(r, strict)) {
      code = std::max<int>(code, k_exit_findings);
    }
  }
  return code;
}

} // namespace planctl::app
