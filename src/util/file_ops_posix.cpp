#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "file_ops.hpp"

namespace planctl::util::file_ops {

namespace {

bool fail(Error& error, int err) {
  error.text = std::strerror(err);
  error.exists = err == EEXIST;
  error.missing = err == ENOENT || err == ENOTDIR;
  return false;
}

int fd_of(Handle file) {
  return static_cast<int>(file);
}

} // namespace

Handle create_new(const std::filesystem::path& path, Error& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    fail(error, errno);
    return k_no_handle;
  }
  return fd;
}

Handle open_regular(const std::filesystem::path& path, Error& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    fail(error, errno);
    return k_no_handle;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    error.text = "not a plain file";
    return k_no_handle;
  }
  return fd;
}

bool write_all(Handle file, std::string_view data, Error& error) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd_of(file), data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return fail(error, errno);
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::int64_t read_some(Handle file, char* buffer, std::size_t size, Error& error) {
  for (;;) {
    const ssize_t n = ::read(fd_of(file), buffer, size);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      fail(error, errno);
      return -1;
    }
    return n;
  }
}

void start_writeback(Handle file) {
#ifdef SYNC_FILE_RANGE_WRITE
  ::sync_file_range(fd_of(file), 0, 0, SYNC_FILE_RANGE_WRITE);
#else
  (void)file;
#endif
}

bool sync(Handle file, Error& error) {
  return ::fsync(fd_of(file)) == 0 || fail(error, errno);
}

bool close(Handle file, Error& error) {
  return ::close(fd_of(file)) == 0 || fail(error, errno);
}

void close_quietly(Handle file) {
  ::close(fd_of(file));
}

bool replace(const std::filesystem::path& from, const std::filesystem::path& to, Error& error) {
  return ::rename(from.c_str(), to.c_str()) == 0 || fail(error, errno);
}

bool held_open(const std::filesystem::path&) {
  return false;
}

void remove_quietly(const std::filesystem::path& path) {
  ::unlink(path.c_str());
}

void sync_folder(const std::filesystem::path& dir) {
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

bool sync_file_system(const std::filesystem::path& dir) {
#ifdef __linux__
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    return false;
  }
  // Since Linux 5.8 syncfs() also reports a write that failed since the folder was opened
  // before; an older kernel's silence is why DirectorySink keeps per-file fsync elsewhere.
  const bool done = ::syncfs(dfd) == 0;
  ::close(dfd);
  return done;
#else
  (void)dir;
  return false;
#endif
}

Kind kind_nofollow(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    return Kind::missing;
  }
  if (S_ISREG(st.st_mode)) {
    return Kind::regular;
  }
  return S_ISDIR(st.st_mode) ? Kind::directory : Kind::other;
}

Folder folder_state(const std::filesystem::path& dir, Error& error) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    fail(error, errno);
    return error.missing ? Folder::missing : Folder::unreadable;
  }
  if (!S_ISDIR(st.st_mode)) {
    return Folder::not_folder;
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    fail(error, errno);
    return Folder::not_writable;
  }
  return Folder::writable;
}

bool own_file_older_than(const std::filesystem::path& path, std::chrono::seconds min_age) {
  // lstat: a symlink or anything else with our name is not ours to remove.
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
    return false;
  }
  const auto written = std::chrono::system_clock::from_time_t(st.st_mtime);
  return std::chrono::system_clock::now() - written > min_age;
}

std::uint64_t process_id() {
  return static_cast<std::uint64_t>(::getpid());
}

} // namespace planctl::util::file_ops
#endif
