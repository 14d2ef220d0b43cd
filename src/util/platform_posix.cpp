#ifndef _WIN32
#include <planctl/util/platform.hpp>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>

namespace planctl::util {

std::filesystem::path utf8_path(std::string_view utf8) {
  return std::filesystem::path(std::string(utf8));
}

std::string path_utf8(const std::filesystem::path& path) {
  return path.string();
}

std::string generic_utf8(const std::filesystem::path& path) {
  return path.generic_string();
}

std::string library_path(const std::filesystem::path& path) {
  return path.string();
}

std::optional<FileIdentity> folder_identity(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return std::nullopt;
  }
  return FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

bool is_terminal(StdStream stream) {
  const int fd = stream == StdStream::in    ? STDIN_FILENO
                 : stream == StdStream::out ? STDOUT_FILENO
                                            : STDERR_FILENO;
  return ::isatty(fd) == 1;
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    args.emplace_back(argv[i]);
  }
  return args;
}

void setup_standard_streams() {}

bool started_from_explorer() {
  return false;
}

void wait_for_key() {
  char c = 0;
  while (::read(STDIN_FILENO, &c, 1) < 0 && errno == EINTR) {
  }
}

#ifdef __GLIBC__
namespace {

// A temporary file held in this process's memory, through glibc's fopencookie(): no system
// call at all. libxlsxwriter writes every part of a workbook to such a file and reads it back
// to zip it; with a memory file (memfd) each part still cost a memfd_create, an fstat, the
// writes, an lseek, the reads and a close, some 17 files and a hundred system calls a
// workbook (strace -c of a batch; docs/performance.md).
struct MemoryFile {
  std::string bytes;
  std::size_t at = 0;
};

ssize_t memory_read(void* cookie, char* buf, size_t size) {
  auto* file = static_cast<MemoryFile*>(cookie);
  if (file->at >= file->bytes.size()) {
    return 0;
  }
  const std::size_t n = std::min(size, file->bytes.size() - file->at);
  std::memcpy(buf, file->bytes.data() + file->at, n);
  file->at += n;
  return static_cast<ssize_t>(n);
}

ssize_t memory_write(void* cookie, const char* buf, size_t size) {
  auto* file = static_cast<MemoryFile*>(cookie);
  try {
    if (file->at > file->bytes.size()) {
      file->bytes.resize(file->at); // written past the end after a seek: a hole of zeros
    }
    const std::size_t over = std::min(size, file->bytes.size() - file->at);
    file->bytes.replace(file->at, over, buf, size);
  } catch (const std::bad_alloc&) {
    errno = ENOMEM;
    return -1;
  }
  file->at += size;
  return static_cast<ssize_t>(size);
}

int memory_seek(void* cookie, off64_t* offset, int whence) {
  auto* file = static_cast<MemoryFile*>(cookie);
  off64_t base = 0;
  switch (whence) {
  case SEEK_SET:
    break;
  case SEEK_CUR:
    base = static_cast<off64_t>(file->at);
    break;
  case SEEK_END:
    base = static_cast<off64_t>(file->bytes.size());
    break;
  default:
    errno = EINVAL;
    return -1;
  }
  if (*offset < -base) {
    errno = EINVAL;
    return -1;
  }
  *offset += base;
  file->at = static_cast<std::size_t>(*offset);
  return 0;
}

int memory_close(void* cookie) {
  delete static_cast<MemoryFile*>(cookie);
  return 0;
}

} // namespace
#endif

std::FILE* anonymous_temp_file(const char* dir) {
#ifdef __GLIBC__
  auto* memory = new (std::nothrow) MemoryFile;
  if (memory != nullptr) {
    std::FILE* file =
        ::fopencookie(memory, "w+b", {memory_read, memory_write, memory_seek, memory_close});
    if (file != nullptr) {
      return file;
    }
    delete memory;
  }
#endif
  int fd = -1;
#ifdef MFD_CLOEXEC
  fd = ::memfd_create("planctl-temp", MFD_CLOEXEC);
#endif
#ifdef O_TMPFILE
  if (fd < 0 && dir != nullptr) {
    // No memfd (an old kernel, a seccomp filter): an unnamed file in the given folder.
    fd = ::open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  }
#else
  (void)dir;
#endif
  if (fd < 0) {
    return nullptr;
  }
  std::FILE* file = ::fdopen(fd, "w+b");
  if (file == nullptr) {
    ::close(fd);
  }
  return file;
}

void* next_symbol(const char* name) {
  return ::dlsym(RTLD_NEXT, name);
}

bool symbol_is(const char* name, const void* address) {
  return ::dlsym(RTLD_DEFAULT, name) == address;
}

} // namespace planctl::util
#endif
