#ifdef _WIN32
#include <planctl/util/platform.hpp>

#include <windows.h>

#include "file_ops.hpp"

namespace planctl::util::file_ops {

namespace {

// The system's message for `code`, in English whatever the user's language (a message the
// user may search for), without the trailing line break.
std::string system_text(DWORD code) {
  wchar_t* buffer = nullptr;
  const DWORD n = ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                       FORMAT_MESSAGE_IGNORE_INSERTS,
                                   nullptr, code, MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
                                   reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
  std::wstring text;
  if (n == 0 || buffer == nullptr) {
    text = L"Windows error " + std::to_wstring(code);
  } else {
    text.assign(buffer, n);
    ::LocalFree(buffer);
  }
  while (!text.empty() && (text.back() == L'\n' || text.back() == L'\r' || text.back() == L'.')) {
    text.pop_back();
  }
  return path_utf8(std::filesystem::path(text));
}

bool fail(Error& error, DWORD code = ::GetLastError()) {
  error.text = system_text(code);
  error.exists = code == ERROR_FILE_EXISTS || code == ERROR_ALREADY_EXISTS;
  error.missing = code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND ||
                  code == ERROR_INVALID_NAME || code == ERROR_DIRECTORY;
  error.in_use = code == ERROR_SHARING_VIOLATION || code == ERROR_LOCK_VIOLATION ||
                 code == ERROR_ACCESS_DENIED || code == ERROR_USER_MAPPED_FILE;
  return false;
}

HANDLE h(Handle file) {
  return reinterpret_cast<HANDLE>(file);
}

Handle handle_of(HANDLE file) {
  return file == INVALID_HANDLE_VALUE ? k_no_handle : reinterpret_cast<Handle>(file);
}

} // namespace

Handle create_new(const std::filesystem::path& path, Error& error) {
  // CREATE_NEW never opens an existing entry; FILE_SHARE_DELETE lets a reader's handle (the
  // sync pass, sha256_file) coexist with the rename into place.
  const HANDLE file = ::CreateFileW(path.c_str(), GENERIC_WRITE,
                                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                    CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    fail(error);
  }
  return handle_of(file);
}

Handle open_regular(const std::filesystem::path& path, Error& error) {
  // FILE_FLAG_OPEN_REPARSE_POINT: a symbolic link or junction is opened itself, not followed.
  const auto open = [&](DWORD access) {
    return ::CreateFileW(
        path.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
        OPEN_EXISTING,
        FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  };
  HANDLE file = open(GENERIC_READ | GENERIC_WRITE);
  if (file == INVALID_HANDLE_VALUE) {
    // Read-only access suffices for hashing a file we may not write.
    file = open(GENERIC_READ);
    if (file == INVALID_HANDLE_VALUE) {
      fail(error);
      return k_no_handle;
    }
  }
  BY_HANDLE_FILE_INFORMATION info{};
  if (!::GetFileInformationByHandle(file, &info) ||
      (info.dwFileAttributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT)) != 0) {
    ::CloseHandle(file);
    error.text = "not a plain file";
    return k_no_handle;
  }
  return handle_of(file);
}

bool write_all(Handle file, std::string_view data, Error& error) {
  while (!data.empty()) {
    const DWORD chunk = data.size() > (1u << 30) ? (1u << 30) : static_cast<DWORD>(data.size());
    DWORD written = 0;
    if (!::WriteFile(h(file), data.data(), chunk, &written, nullptr)) {
      return fail(error);
    }
    data.remove_prefix(written);
  }
  return true;
}

std::int64_t read_some(Handle file, char* buffer, std::size_t size, Error& error) {
  DWORD got = 0;
  const DWORD want = size > (1u << 30) ? (1u << 30) : static_cast<DWORD>(size);
  if (!::ReadFile(h(file), buffer, want, &got, nullptr)) {
    fail(error);
    return -1;
  }
  return got;
}

void start_writeback(Handle) {}

bool sync(Handle file, Error& error) {
  return ::FlushFileBuffers(h(file)) != 0 || fail(error);
}

bool close(Handle file, Error& error) {
  return ::CloseHandle(h(file)) != 0 || fail(error);
}

void close_quietly(Handle file) {
  ::CloseHandle(h(file));
}

bool replace(const std::filesystem::path& from, const std::filesystem::path& to, Error& error) {
  // MOVEFILE_WRITE_THROUGH returns only once the move is on the disk (the folder's fsync of
  // the POSIX version).
  return ::MoveFileExW(from.c_str(), to.c_str(),
                       MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0 ||
         fail(error);
}

bool held_open(const std::filesystem::path& path) {
  // Word and WPS open a document without FILE_SHARE_DELETE: asking for DELETE access, as the
  // replacing rename will, fails with a sharing violation while they have it.
  const HANDLE file = ::CreateFileW(
      path.c_str(), DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
      OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    const DWORD code = ::GetLastError();
    return code == ERROR_SHARING_VIOLATION || code == ERROR_LOCK_VIOLATION;
  }
  ::CloseHandle(file);
  return false;
}

void remove_quietly(const std::filesystem::path& path) {
  ::DeleteFileW(path.c_str());
}

void sync_folder(const std::filesystem::path&) {}

bool sync_file_system(const std::filesystem::path&) {
  return false; // each file is flushed (FlushFileBuffers) instead
}

Kind kind_nofollow(const std::filesystem::path& path) {
  const DWORD attributes = ::GetFileAttributesW(path.c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) {
    return Kind::missing;
  }
  if ((attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
    return Kind::other;
  }
  return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ? Kind::directory : Kind::regular;
}

Folder folder_state(const std::filesystem::path& dir, Error& error) {
  const DWORD attributes = ::GetFileAttributesW(dir.c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) {
    fail(error);
    return error.missing ? Folder::missing : Folder::unreadable;
  }
  if ((attributes & FILE_ATTRIBUTE_DIRECTORY) == 0) {
    return Folder::not_folder;
  }
  // Windows has no access() for folders that tells the truth about ACLs: the first temporary
  // file tells instead, with the system's own reason.
  return Folder::writable;
}

bool own_file_older_than(const std::filesystem::path& path, std::chrono::seconds min_age) {
  WIN32_FILE_ATTRIBUTE_DATA data{};
  if (!::GetFileAttributesExW(path.c_str(), GetFileExInfoStandard, &data) ||
      (data.dwFileAttributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT)) != 0) {
    return false;
  }
  FILETIME now{};
  ::GetSystemTimeAsFileTime(&now);
  const auto ticks = [](const FILETIME& t) {
    return (static_cast<std::uint64_t>(t.dwHighDateTime) << 32) | t.dwLowDateTime;
  };
  const std::uint64_t written = ticks(data.ftLastWriteTime);
  const std::uint64_t current = ticks(now);
  // FILETIME counts 100 ns.
  return current > written &&
         (current - written) / 10'000'000u > static_cast<std::uint64_t>(min_age.count());
}

std::uint64_t process_id() {
  return ::GetCurrentProcessId();
}

} // namespace planctl::util::file_ops
#endif
