#ifndef _WIN32
#include <planctl/util/platform.hpp>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
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

std::FILE* anonymous_temp_file(const char* dir) {
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
