#include <planctl/workbook/xlsx_io.hpp>

#include <minizip/zip.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zlib.h>

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

// libxlsxwriter deflates every part at zlib's default level, which made compression the
// largest single cost of a workbook (a sixth of a district batch's instructions, measured with
// callgrind in bench/). Level 1 takes half the instructions for files some 17% larger (a
// generated school of 60 tasks: 39 KiB instead of 34 KiB); the bytes stay deterministic.
// Entries written raw (the .docx writer compresses its own) and other levels pass through.
extern "C" int zipOpenNewFileInZip4_64(zipFile file, const char* filename,
                                       const zip_fileinfo* zipfi, const void* extrafield_local,
                                       uInt size_extrafield_local, const void* extrafield_global,
                                       uInt size_extrafield_global, const char* comment, int method,
                                       int level, int raw, int windowBits, int memLevel,
                                       int strategy, const char* password, uLong crcForCrypting,
                                       uLong versionMadeBy, uLong flagBase, int zip64) {
  using Open =
      int (*)(zipFile, const char*, const zip_fileinfo*, const void*, uInt, const void*, uInt,
              const char*, int, int, int, int, int, int, const char*, uLong, uLong, uLong, int);
  static const auto real = reinterpret_cast<Open>(::dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
  if (real == nullptr) {
    return ZIP_INTERNALERROR;
  }
  if (raw == 0 && method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION) {
    level = Z_BEST_SPEED;
  }
  return real(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
              size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy,
              password, crcForCrypting, versionMadeBy, flagBase, zip64);
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
