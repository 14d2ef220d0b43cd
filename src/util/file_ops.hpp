// The file-system calls behind DirectorySink and sha256_file, one implementation per system
// (file_ops_posix.cpp, file_ops_windows.cpp). Internal to util: nothing outside src/util/
// includes it. Paths are std::filesystem paths (wide on Windows); errors come back as values
// so that the callers word the messages the same way on every system.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace planctl::util::file_ops {

// An open file: a descriptor on POSIX, a HANDLE on Windows.
using Handle = std::intptr_t;
inline constexpr Handle k_no_handle = -1;

struct Error {
  std::string text;     // the system's own wording ("No space left on device")
  bool exists = false;  // the name is taken (create_new)
  bool missing = false; // the path or a folder on it does not exist
  bool in_use = false;  // Windows: another program holds the file open (Word, WPS)
};

// Creates `path` exclusively (never reusing or following an existing entry), for writing.
Handle create_new(const std::filesystem::path& path, Error& error);
// Opens an existing plain file for reading without following a link at its last component;
// fails (error.text says why) when it is anything but a plain file.
Handle open_regular(const std::filesystem::path& path, Error& error);
bool write_all(Handle file, std::string_view data, Error& error);
// Reads up to `size` bytes; returns the count (0 at the end) or -1 with `error` set.
std::int64_t read_some(Handle file, char* buffer, std::size_t size, Error& error);
// Starts writing the file's data to the disk without waiting (a hint; may do nothing).
void start_writeback(Handle file);
bool sync(Handle file, Error& error);
bool close(Handle file, Error& error);
void close_quietly(Handle file);

// Replaces `to` with `from` atomically; a link at `to` is replaced, never written through.
// Windows: MoveFileExW with MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH.
bool replace(const std::filesystem::path& from, const std::filesystem::path& to, Error& error);
// Whether another program holds `path` open so that replace() would fail (Windows: a document
// open in Word or WPS); false on POSIX, where a rename never waits for readers.
bool held_open(const std::filesystem::path& path);
void remove_quietly(const std::filesystem::path& path);
// Makes renames in `dir` durable (POSIX: fsync of the folder; Windows: MOVEFILE_WRITE_THROUGH
// already did); errors are ignored.
void sync_folder(const std::filesystem::path& dir);
// Makes everything written to the file system that holds `dir` durable, in one call (Linux:
// syncfs); false when the system has no such call or it failed, and the caller must sync
// each file itself.
bool sync_file_system(const std::filesystem::path& dir);

enum class Kind { missing, regular, directory, other };
// What is at `path`, a link at the last component not followed.
Kind kind_nofollow(const std::filesystem::path& path);
enum class Folder { writable, missing, unreadable, not_folder, not_writable };
// Whether `dir` can take new files; `error.text` says why not.
Folder folder_state(const std::filesystem::path& dir, Error& error);
// A plain file of this user (POSIX: owner; Windows: any plain file) last written more than
// `min_age` ago.
bool own_file_older_than(const std::filesystem::path& path, std::chrono::seconds min_age);
std::uint64_t process_id();

} // namespace planctl::util::file_ops
