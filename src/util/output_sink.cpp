#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>

#include <fmt/format.h>

#include <fstream>
#include <random>
#include <sstream>

#include "file_ops.hpp"

namespace planctl::util {

namespace fs = std::filesystem;

namespace {

// File names longer than this are refused on every common Linux file system.
constexpr std::size_t k_max_name_bytes = 255;

using file_ops::Handle;

// `name` quoted for a message, its control characters shown as escapes.
std::string quote_name(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) {
      out += fmt::format("\\x{:02X}", b);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

constexpr std::string_view k_temp_prefix = ".planctl-";
constexpr std::string_view k_temp_suffix = ".tmp";
constexpr std::size_t k_temp_hex_digits = 16;

// Whether `name` is a temporary name made by temp_name().
bool is_temp_name(std::string_view name) {
  if (name.size() != k_temp_prefix.size() + k_temp_hex_digits + k_temp_suffix.size() ||
      !name.starts_with(k_temp_prefix) || !name.ends_with(k_temp_suffix)) {
    return false;
  }
  const std::string_view hex = name.substr(k_temp_prefix.size(), k_temp_hex_digits);
  return hex.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// A fresh random suffix for temporary names: hidden, short (so a 255-byte final name still
// fits) and recognisable as planctl's if a crash ever leaves one behind.
std::string temp_name() {
  static thread_local std::mt19937_64 rng{std::random_device{}() ^ (file_ops::process_id() << 32)};
  return fmt::format(".planctl-{:016x}.tmp", rng());
}

// Messages name paths in UTF-8 whatever the system's own form.
std::string shown(const fs::path& path) {
  return quote_name(path_utf8(path));
}

// Creates a new, empty temporary file in `dir` exclusively (never reusing or following an
// existing entry) and returns its handle and path.
std::pair<Handle, fs::path> create_temp(const fs::path& dir) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path path = dir / temp_name();
    file_ops::Error error;
    const Handle file = file_ops::create_new(path, error);
    if (file != file_ops::k_no_handle) {
      return {file, std::move(path)};
    }
    if (!error.exists) {
      throw OutputError(fmt::format("cannot create a file in {}: {}", shown(dir), error.text));
    }
  }
  throw OutputError(
      fmt::format("cannot create a temporary file in {}: too many name clashes", shown(dir)));
}

void write_all(Handle file, std::string_view data, const fs::path& path) {
  file_ops::Error error;
  if (!file_ops::write_all(file, data, error)) {
    throw OutputError(fmt::format("cannot write {}: {}", shown(path), error.text));
  }
}

// Flushes `file` to the disk and closes it; the data must be durable before the rename makes
// it visible, or a power cut could leave an empty file under the final name.
void sync_and_close(Handle file, const fs::path& path) {
  file_ops::Error error;
  if (!file_ops::sync(file, error)) {
    file_ops::close_quietly(file);
    throw OutputError(fmt::format("cannot write {}: {}", shown(path), error.text));
  }
  if (!file_ops::close(file, error)) {
    throw OutputError(fmt::format("cannot write {}: {}", shown(path), error.text));
  }
}

// The message for a final name that another program holds open (Windows: Word or WPS keeps
// the documents it shows locked).
std::string held_open_message(const fs::path& path) {
  const std::string name = path_utf8(path.filename());
  return fmt::format("cannot write {}: another program has it open; close {} in Word or WPS "
                     "and run again",
                     shown(path), name);
}

// `text` with every `from` replaced by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); !from.empty() && at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

void remove_quietly(const fs::path& path) {
  file_ops::remove_quietly(path);
}

} // namespace

void check_output_name(const std::string& name) {
  if (name.empty()) {
    throw OutputError("an output file name is empty");
  }
  if (name == "." || name == "..") {
    throw OutputError(fmt::format("{} is not a file name", quote_name(name)));
  }
  if (name.size() > k_max_name_bytes) {
    throw OutputError(fmt::format("the output file name {}… is longer than {} bytes",
                                  quote_name(name.substr(0, 40)), k_max_name_bytes));
  }
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\') {
      throw OutputError(
          fmt::format("the output file name {} contains a folder separator", quote_name(name)));
    }
    if (b < 0x20 || b == 0x7F) {
      throw OutputError(
          fmt::format("the output file name {} contains a control character", quote_name(name)));
    }
  }
}

std::size_t remove_stale_temps(const fs::path& dir, std::chrono::seconds min_age) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    return 0;
  }
  std::size_t removed = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = path_utf8(it->path().filename());
    if (!is_temp_name(name)) {
      continue;
    }
    if (file_ops::own_file_older_than(it->path(), min_age)) {
      remove_quietly(it->path());
      ++removed;
    }
  }
  return removed;
}

DirectorySink::DirectorySink(fs::path dir) : m_dir(std::move(dir)) {
  if (m_dir.empty()) {
    m_dir = ".";
  }
  file_ops::Error error;
  switch (file_ops::folder_state(m_dir, error)) {
  case file_ops::Folder::writable:
    break;
  case file_ops::Folder::missing:
    throw OutputError(fmt::format("the output folder {} does not exist", shown(m_dir)));
  case file_ops::Folder::unreadable:
    throw OutputError(
        fmt::format("cannot open the output folder {}: {}", shown(m_dir), error.text));
  case file_ops::Folder::not_folder:
    throw OutputError(fmt::format("the output folder {} is not a folder", shown(m_dir)));
  case file_ops::Folder::not_writable:
    throw OutputError(
        fmt::format("the output folder {} is not writable: {}", shown(m_dir), error.text));
  }
  // A run killed midway (kill -9, a power cut) leaves its hidden temporary files; a later run
  // removes them once no run can still be using them.
  remove_stale_temps(m_dir, k_stale_temp_age);
}

DirectorySink::~DirectorySink() {
  discard();
}

std::intptr_t DirectorySink::stage(const std::string& name) {
  check_output_name(name);
  for (const Staged& s : m_staged) {
    if (s.name == name) {
      throw OutputError(fmt::format("two outputs are named {}", quote_name(name)));
    }
  }
  auto [file, temp] = create_temp(m_dir);
  m_staged.push_back(Staged{name, std::move(temp)});
  return file;
}

void DirectorySink::write(const std::string& name, std::string_view data) {
  // Any failure discards everything staged so far: a run is all or nothing.
  try {
    const Handle file = stage(name);
    // Messages name the output the user asked for, not the hidden temporary file.
    const fs::path final_path = m_dir / utf8_path(name);
    try {
      write_all(file, data, final_path);
    } catch (...) {
      file_ops::close_quietly(file);
      throw;
    }
    // Start the writeback now without waiting, so that commit()'s sync finds it done.
    file_ops::start_writeback(file);
    file_ops::Error error;
    if (!file_ops::close(file, error)) {
      throw OutputError(fmt::format("cannot write {}: {}", shown(final_path), error.text));
    }
  } catch (...) {
    discard();
    throw;
  }
}

void DirectorySink::write_with(const std::string& name,
                               const std::function<void(const fs::path&)>& produce) {
  try {
    file_ops::close_quietly(stage(name));
    const fs::path temp = m_staged.back().temp;
    const fs::path final_path = m_dir / utf8_path(name);
    try {
      produce(temp);
    } catch (const OutputError& e) {
      // A library writing by path names the hidden temporary file (a full disk, say); the
      // user needs the output's own name.
      throw OutputError(replace_all(e.what(), path_utf8(temp), path_utf8(final_path)));
    }
    // The producer is a library writing by path; make sure what is there now is still a plain
    // file of ours before it is synced and renamed into place.
    file_ops::Error error;
    const Handle file = file_ops::open_regular(temp, error);
    if (file == file_ops::k_no_handle) {
      if (error.text == "not a plain file") {
        throw OutputError(
            fmt::format("cannot write {}: the output is not a file", shown(final_path)));
      }
      throw OutputError(fmt::format("cannot write {}: the file was not produced ({})",
                                    shown(final_path), error.text));
    }
    file_ops::start_writeback(file);
    file_ops::close_quietly(file);
  } catch (...) {
    discard();
    throw;
  }
}

std::vector<fs::path> DirectorySink::commit() {
  // The data must be durable before a rename makes it visible, or a power cut could leave an
  // empty file under a final name. Syncing here, after every file's writeback was started,
  // lets the writes overlap: an fsync right after writing each file costs about 6 ms per file
  // on ext4 (measured), which a district's batch of thousands of files would feel. syncfs()
  // is not used: it also waits for every other program's writes to the same disk.
  sync();
  // Check every final name first: a folder in the way would make a rename fail half-way
  // through, leaving some outputs new and some old.
  for (const Staged& s : m_staged) {
    const fs::path final_path = m_dir / utf8_path(s.name);
    if (file_ops::kind_nofollow(final_path) == file_ops::Kind::directory) {
      const std::string path_text = shown(final_path);
      discard();
      throw OutputError(fmt::format("cannot write {}: a folder has that name", path_text));
    }
    // Windows: a document open in Word or WPS cannot be replaced. Refuse before any rename so
    // that the outputs stay all old rather than half new.
    if (file_ops::held_open(final_path)) {
      const std::string message = held_open_message(final_path);
      discard();
      throw OutputError(message);
    }
  }
  std::vector<fs::path> written;
  written.reserve(m_staged.size());
  for (std::size_t i = 0; i < m_staged.size(); ++i) {
    const fs::path final_path = m_dir / utf8_path(m_staged[i].name);
    // rename() replaces a symlink at the final name with our file; it never writes through it.
    file_ops::Error error;
    if (!file_ops::replace(m_staged[i].temp, final_path, error)) {
      const std::string message =
          error.in_use ? held_open_message(final_path)
                       : fmt::format("cannot write {}: {}", shown(final_path), error.text);
      m_staged.erase(m_staged.begin(), m_staged.begin() + static_cast<std::ptrdiff_t>(i));
      discard();
      throw OutputError(message);
    }
    written.push_back(final_path);
  }
  m_staged.clear();
  if (!m_defer_folder_sync) {
    sync_folder(m_dir); // the renames themselves
  }
  return written;
}

void DirectorySink::sync() {
  for (Staged& s : m_staged) {
    if (s.synced) {
      continue;
    }
    const fs::path final_path = m_dir / utf8_path(s.name);
    file_ops::Error error;
    const Handle file = file_ops::open_regular(s.temp, error);
    try {
      if (file == file_ops::k_no_handle) {
        throw OutputError(fmt::format("cannot write {}: {}", shown(final_path), error.text));
      }
      sync_and_close(file, final_path);
    } catch (...) {
      discard();
      throw;
    }
    s.synced = true;
  }
}

void DirectorySink::mark_durable() {
  for (Staged& s : m_staged) {
    s.synced = true;
  }
}

void sync_folder(const fs::path& dir) {
  file_ops::sync_folder(dir);
}

bool sync_file_system(const fs::path& dir) {
  return file_ops::sync_file_system(dir);
}

std::unique_ptr<OutputSink> DirectorySink::fork() const {
  return std::unique_ptr<OutputSink>(new DirectorySink(m_dir, Forked{}));
}

std::unique_ptr<DirectorySink> DirectorySink::fork_directory() const {
  std::unique_ptr<DirectorySink> fork(new DirectorySink(m_dir, Forked{}));
  fork->m_defer_folder_sync = m_defer_folder_sync;
  return fork;
}

std::vector<std::pair<std::string, fs::path>> DirectorySink::staged_files() const {
  std::vector<std::pair<std::string, fs::path>> files;
  files.reserve(m_staged.size());
  for (const Staged& s : m_staged) {
    files.emplace_back(s.name, s.temp);
  }
  return files;
}

void DirectorySink::adopt(OutputSink& other) {
  auto& from = dynamic_cast<DirectorySink&>(other); // std::bad_cast: not a fork of this sink
  for (const Staged& theirs : from.m_staged) {
    for (const Staged& ours : m_staged) {
      if (ours.name == theirs.name) {
        const std::string name = ours.name;
        from.discard();
        discard();
        throw OutputError(fmt::format("two outputs are named {}", quote_name(name)));
      }
    }
  }
  m_staged.insert(m_staged.end(), from.m_staged.begin(), from.m_staged.end());
  from.m_staged.clear();
}

void DirectorySink::discard() {
  for (const Staged& s : m_staged) {
    remove_quietly(s.temp);
  }
  m_staged.clear();
}

void MemorySink::write(const std::string& name, std::string_view data) {
  check_output_name(name);
  for (const auto& [staged, bytes] : m_staged) {
    if (staged == name) {
      throw OutputError(fmt::format("two outputs are named {}", quote_name(name)));
    }
  }
  m_staged.emplace_back(name, std::string(data));
}

void MemorySink::write_with(const std::string& name,
                            const std::function<void(const fs::path&)>& produce) {
  check_output_name(name);
  auto [file, temp] = create_temp(fs::temp_directory_path());
  file_ops::close_quietly(file);
  try {
    produce(temp);
    std::ifstream in(temp, std::ios::binary);
    if (!in) {
      throw OutputError(fmt::format("cannot read back {}", shown(temp)));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    remove_quietly(temp);
    write(name, bytes.str());
  } catch (...) {
    remove_quietly(temp);
    throw;
  }
}

std::vector<fs::path> MemorySink::commit() {
  std::vector<fs::path> names;
  for (auto& [name, bytes] : m_staged) {
    names.emplace_back(name);
    m_files[name] = std::move(bytes);
  }
  m_staged.clear();
  return names;
}

void MemorySink::discard() {
  m_staged.clear();
}

std::unique_ptr<OutputSink> MemorySink::fork() const {
  return std::make_unique<MemorySink>();
}

void MemorySink::adopt(OutputSink& other) {
  auto& from = dynamic_cast<MemorySink&>(other);
  for (const auto& [theirs, bytes] : from.m_staged) {
    for (const auto& [ours, our_bytes] : m_staged) {
      if (ours == theirs) {
        const std::string name = ours;
        from.discard();
        discard();
        throw OutputError(fmt::format("two outputs are named {}", quote_name(name)));
      }
    }
  }
  for (auto& staged : from.m_staged) {
    m_staged.push_back(std::move(staged));
  }
  from.m_staged.clear();
}

} // namespace planctl::util
