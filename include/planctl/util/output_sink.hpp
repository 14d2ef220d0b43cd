// Where rendered files go: an interface so that renderers are tested in memory, and one real
// implementation that writes every file atomically inside one output folder.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planctl::util {

// Thrown when an output cannot be written; `what()` is a plain sentence naming the path.
class OutputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Receives named output files. Names are plain file names (no folders); a name that is
// empty, contains `/`, `\`, NUL or a control character, or is `.`/`..` is rejected with
// OutputError. Nothing is visible at its final name until commit() succeeds.
class OutputSink {
public:
  virtual ~OutputSink() = default;

  // Stages file `name` with the bytes `data`.
  virtual void write(const std::string& name, std::string_view data) = 0;

  // Stages file `name` produced by `produce`, which must write the whole file at the path it
  // is given (for libraries such as libxlsxwriter and minizip that write to a path).
  virtual void write_with(const std::string& name,
                          const std::function<void(const std::filesystem::path&)>& produce) = 0;

  // Makes every staged file visible under its final name; returns the final paths in the
  // order they were staged.
  virtual std::vector<std::filesystem::path> commit() = 0;

  // Drops every staged file; final names keep whatever they held before.
  virtual void discard() = 0;

  // A new, empty sink staging where this one does. A sink is not thread-safe: a second thread
  // stages into a fork, and adopt() brings its files back when that thread is done.
  virtual std::unique_ptr<OutputSink> fork() const = 0;

  // Takes over every file `other` (a fork of this sink) staged, after this sink's own, and
  // leaves `other` empty. A name staged in both is an OutputError, and both are discarded.
  virtual void adopt(OutputSink& other) = 0;
};

// Throws OutputError unless `name` is a safe plain file name (see OutputSink).
void check_output_name(const std::string& name);

// How old a temporary file left by a killed run must be before a later run removes it: far
// longer than any run stages its files, so a run never removes another live run's files.
inline constexpr std::chrono::hours k_stale_temp_age{24};

// Removes from `dir` the temporary files a killed run left behind: plain files of this user
// named as DirectorySink names them (`.planctl-` + 16 hex digits + `.tmp`) and last written
// more than `min_age` ago. Returns how many were removed; errors are ignored.
std::size_t remove_stale_temps(const std::filesystem::path& dir, std::chrono::seconds min_age);

// Writes into one existing folder: each file first goes to a hidden temporary file created
// exclusively in that folder, is flushed and fsynced, and commit() renames it into place.
// Staged files never follow a symlink planted at the final name: rename replaces the link.
// Destruction without commit() discards.
class DirectorySink final : public OutputSink {
public:
  // Opens `dir`; throws OutputError when it is missing, not a folder or not writable. Removes
  // the temporary files of runs killed more than k_stale_temp_age ago (remove_stale_temps).
  explicit DirectorySink(std::filesystem::path dir);
  ~DirectorySink() override;

  void write(const std::string& name, std::string_view data) override;
  void write_with(const std::string& name,
                  const std::function<void(const std::filesystem::path&)>& produce) override;
  std::vector<std::filesystem::path> commit() override;
  void discard() override;
  std::unique_ptr<OutputSink> fork() const override;
  void adopt(OutputSink& other) override;

  // A fork() as a DirectorySink, for a caller that needs staged_files().
  std::unique_ptr<DirectorySink> fork_directory() const;

  // Each staged file's final name and the temporary file that holds its bytes until commit(),
  // in staging order (to fingerprint outputs before they are renamed into place).
  std::vector<std::pair<std::string, std::filesystem::path>> staged_files() const;

  // Makes every file staged so far durable now (fsync) instead of in commit(), which then only
  // renames: a caller that stages many sinks and commits them later syncs each on the thread
  // that wrote it, while the disk can overlap with other work. Throws OutputError (and
  // discards) like commit().
  void sync();

  // Tells the sink that every file staged so far was made durable by the caller at once
  // (sync_file_system() after all of a batch's schools were staged): commit() then only
  // renames.
  void mark_durable();

  // Leaves the folder's own fsync after commit() (which makes the renames durable) to the
  // caller's sync_folder(): one for a batch's thousands of commits into one folder. Forks made
  // afterwards inherit it.
  void defer_folder_sync() { m_defer_folder_sync = true; }

private:
  // A fork: `dir` was checked by the sink it forks, and its stale files were removed then.
  struct Forked {};
  DirectorySink(std::filesystem::path dir, Forked) : m_dir(std::move(dir)) {}

  struct Staged {
    std::string name;
    std::filesystem::path temp;
    bool synced = false; // by sync(), before commit()
  };
  // Checks `name`, creates its temporary file and records it; returns the open file (a
  // descriptor on POSIX, a HANDLE on Windows).
  std::intptr_t stage(const std::string& name);

  std::filesystem::path m_dir;
  std::vector<Staged> m_staged;
  bool m_defer_folder_sync = false;
};

// Makes the renames and removals done in `dir` durable (fsync of the folder); errors are ignored,
// as DirectorySink::commit() ignores them.
void sync_folder(const std::filesystem::path& dir);

// Makes everything written so far to the file system that holds `dir` durable in one call
// (Linux: syncfs); false when that is not possible here, and each file must be synced.
bool sync_file_system(const std::filesystem::path& dir);

// Keeps files in memory (tests; import compares a document with the one planctl would write);
// write_with() goes through a temporary file.
class MemorySink final : public OutputSink {
public:
  void write(const std::string& name, std::string_view data) override;
  void write_with(const std::string& name,
                  const std::function<void(const std::filesystem::path&)>& produce) override;
  std::vector<std::filesystem::path> commit() override;
  void discard() override;
  std::unique_ptr<OutputSink> fork() const override;
  void adopt(OutputSink& other) override;

  // The committed files by name.
  const std::map<std::string, std::string>& files() const { return m_files; }

private:
  std::vector<std::pair<std::string, std::string>> m_staged;
  std::map<std::string, std::string> m_files;
};

} // namespace planctl::util
