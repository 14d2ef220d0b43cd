#include <planctl/workbook/xlsx_io.hpp>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <ctime>
#include <sys/mman.h>

// libxlsxwriter writes every XML part of a workbook to a temporary file and zips it from
// there. Its own lxw_tmpfile() creates a named file in the temporary folder (planctl gives it
// the output folder) and unlinks it at once: on ext4, creating and deleting some twenty files
// per workbook made the kernel's inode search the largest single cost of a district's batch
// (a third of its CPU time, measured with perf). An anonymous memory file costs nothing of
// the kind, is never visible anywhere, and disappears when libxlsxwriter closes it.
extern "C" FILE* lxw_tmpfile(char* tmpdir) {
  int fd = ::memfd_create("planctl-xlsx-part", MFD_CLOEXEC);
  if (fd < 0 && tmpdir != nullptr) {
    // No memfd (an old kernel, a seccomp filter): an unnamed file in the given folder.
    fd = ::open(tmpdir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  }
  if (fd < 0) {
    return nullptr; // libxlsxwriter reports LXW_ERROR_CREATING_TMPFILE
  }
  FILE* file = ::fdopen(fd, "w+b");
  if (file == nullptr) {
    ::close(fd);
  }
  return file;
}

// libxlsxwriter formats the document's dates with gmtime(), whose one static buffer two
// threads closing workbooks at once would share.
extern "C" struct tm* gmtime(const time_t* timer) noexcept {
  thread_local struct tm result;
  return ::gmtime_r(timer, &result);
}

namespace planctl::workbook {

bool xlsx_io_replaced() {
  // libxlsxwriter finds these functions the way RTLD_DEFAULT does, unless it was linked to bind
  // its own symbols first; then its calls do not come here and closes stay serialised.
  static const bool replaced =
      ::dlsym(RTLD_DEFAULT, "lxw_tmpfile") == reinterpret_cast<void*>(&lxw_tmpfile) &&
      ::dlsym(RTLD_DEFAULT, "gmtime") == reinterpret_cast<void*>(&gmtime);
  return replaced;
}

} // namespace planctl::workbook
