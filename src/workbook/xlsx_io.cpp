#include <planctl/util/platform.hpp>
#include <planctl/workbook/xlsx_io.hpp>

#include <minizip/zip.h>
#include <xlsxwriter/xmlwriter.h>

#include <xlsxwriter.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

// Windows: planctl.exe links libxlsxwriter statically, where a second definition of its
// functions is a link error, not an interposition: the linker's --wrap replaces
// zipOpenNewFileInZip4_64 instead (CMakeLists.txt), so that workbooks are deflated at the
// same level and are byte-identical on every system; libxlsxwriter's own temporary files and
// the C library's gmtime (per thread there) serve, and closes are serialised.
#ifndef _WIN32

// libxlsxwriter writes every XML part of a workbook to a temporary file and zips it from
// there. Its own lxw_tmpfile() creates a named file in the temporary folder (planctl gives it
// the output folder) and unlinks it at once: on ext4, creating and deleting some twenty files
// per workbook made the kernel's inode search the largest single cost of a district's batch
// (a third of its CPU time, measured with perf). An anonymous file in the process's memory
// (util::anonymous_temp_file) costs nothing of the kind, not even a system call, is never
// visible anywhere, and disappears when libxlsxwriter closes it.
extern "C" FILE* lxw_tmpfile(char* tmpdir) {
  // Null: libxlsxwriter reports LXW_ERROR_CREATING_TMPFILE.
  return planctl::util::anonymous_temp_file(tmpdir);
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
  static const auto real =
      reinterpret_cast<Open>(planctl::util::next_symbol("zipOpenNewFileInZip4_64"));
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

// libxlsxwriter writes every tag through fprintf() and builds every attribute in a 4 KB
// struct with strncpy(), which pads each of its two 2,080-byte fields with zeros; with
// lxw_rowcol_to_cell()'s snprintf() per cell, that was a tenth of a batch's instructions. Its
// own calls come here (as lxw_tmpfile's do), and these versions write the same bytes as
// libxlsxwriter 1.1.4's (src/xmlwriter.c, src/utility.c), with fputs and fwrite: the golden
// workbooks are compared byte for byte, so a library whose XML differs is caught there.
namespace {

void put(FILE* file, const char* text) {
  ::fputs_unlocked(text, file);
}

void put(FILE* file, const char* text, std::size_t size) {
  ::fwrite_unlocked(text, 1, size, file);
}

// Text with `&`, `<`, `>` escaped, and in an attribute `"` and LF too.
void put_escaped(FILE* file, const char* text, bool attribute) {
  const char* run = text;
  for (const char* p = text;; ++p) {
    const char* entity = nullptr;
    switch (*p) {
    case '\0':
      put(file, run, static_cast<std::size_t>(p - run));
      return;
    case '&':
      entity = "&amp;";
      break;
    case '<':
      entity = "&lt;";
      break;
    case '>':
      entity = "&gt;";
      break;
    case '"':
      entity = attribute ? "&quot;" : nullptr;
      break;
    case '\n':
      entity = attribute ? "&#xA;" : nullptr;
      break;
    default:
      break;
    }
    if (entity != nullptr) {
      put(file, run, static_cast<std::size_t>(p - run));
      put(file, entity);
      run = p + 1;
    }
  }
}

void put_attributes(FILE* file, struct xml_attribute_list* attributes, bool escaped) {
  if (attributes == nullptr) {
    return;
  }
  struct xml_attribute* attribute = nullptr;
  STAILQ_FOREACH(attribute, attributes, list_entries) {
    ::fputc_unlocked(' ', file);
    put(file, attribute->key);
    put(file, "=\"");
    if (escaped) {
      put_escaped(file, attribute->value, true);
    } else {
      put(file, attribute->value);
    }
    ::fputc_unlocked('"', file);
  }
}

void put_tag(FILE* file, const char* tag, struct xml_attribute_list* attributes, bool escaped,
             const char* end) {
  ::fputc_unlocked('<', file);
  put(file, tag);
  put_attributes(file, attributes, escaped);
  put(file, end);
}

// libxlsxwriter's LXW_ATTRIBUTE_COPY without strncpy's padding.
void copy_attribute(char* to, const char* from) {
  const std::size_t size = ::strnlen(from, LXW_MAX_ATTRIBUTE_LENGTH - 1);
  std::memcpy(to, from, size);
  to[size] = '\0';
}

// `value` in decimal, as printf's %d gives it.
void put_int(char* to, long long value) {
  char digits[24];
  std::size_t n = 0;
  const bool negative = value < 0;
  unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(value)
                                  : static_cast<unsigned long long>(value);
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (negative) {
    *to++ = '-';
  }
  while (n > 0) {
    *to++ = digits[--n];
  }
  *to = '\0';
}

} // namespace

extern "C" void lxw_xml_declaration(FILE* xmlfile) {
  put(xmlfile, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
}

extern "C" void lxw_xml_start_tag(FILE* xmlfile, const char* tag,
                                  struct xml_attribute_list* attributes) {
  put_tag(xmlfile, tag, attributes, true, ">");
}

extern "C" void lxw_xml_start_tag_unencoded(FILE* xmlfile, const char* tag,
                                            struct xml_attribute_list* attributes) {
  put_tag(xmlfile, tag, attributes, false, ">");
}

extern "C" void lxw_xml_end_tag(FILE* xmlfile, const char* tag) {
  put(xmlfile, "</");
  put(xmlfile, tag);
  ::fputc_unlocked('>', xmlfile);
}

extern "C" void lxw_xml_empty_tag(FILE* xmlfile, const char* tag,
                                  struct xml_attribute_list* attributes) {
  put_tag(xmlfile, tag, attributes, true, "/>");
}

extern "C" void lxw_xml_empty_tag_unencoded(FILE* xmlfile, const char* tag,
                                            struct xml_attribute_list* attributes) {
  put_tag(xmlfile, tag, attributes, false, "/>");
}

extern "C" void lxw_xml_data_element(FILE* xmlfile, const char* tag, const char* data,
                                     struct xml_attribute_list* attributes) {
  put_tag(xmlfile, tag, attributes, true, ">");
  put_escaped(xmlfile, data, false);
  lxw_xml_end_tag(xmlfile, tag);
}

extern "C" struct xml_attribute* lxw_new_attribute_str(const char* key, const char* value) {
  auto* attribute = static_cast<struct xml_attribute*>(std::malloc(sizeof(struct xml_attribute)));
  if (attribute != nullptr) { // libxlsxwriter does not check; a crash here is no worse
    copy_attribute(attribute->key, key);
    copy_attribute(attribute->value, value);
  }
  return attribute;
}

extern "C" struct xml_attribute* lxw_new_attribute_int(const char* key, uint32_t value) {
  auto* attribute = static_cast<struct xml_attribute*>(std::malloc(sizeof(struct xml_attribute)));
  if (attribute != nullptr) {
    copy_attribute(attribute->key, key);
    put_int(attribute->value, static_cast<std::int32_t>(value)); // printed with %d
  }
  return attribute;
}

// libxlsxwriter 1.1.4's own test never ends before the string's terminating zero, which it
// counts as a control character: every shared string was copied through
// lxw_escape_control_characters() (a calloc of seven times its length). Escaping changes
// only the bytes 0x01–0x08 and 0x0B–0x1F, so saying "no" when there are none gives the same
// XML.
extern "C" uint8_t lxw_has_control_characters(const char* string) {
  for (const char* p = string; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 && c != '\t' && c != '\n') {
      return LXW_TRUE;
    }
  }
  return LXW_FALSE;
}

extern "C" void lxw_rowcol_to_cell(char* cell_name, lxw_row_t row, lxw_col_t col) {
  // The column in letters (A, …, Z, AA, …), then the row counted from 1, printed with %d.
  char letters[8];
  std::size_t n = 0;
  for (unsigned long c = static_cast<unsigned long>(col) + 1; c != 0; c = (c - 1) / 26) {
    const unsigned long remainder = c % 26 == 0 ? 26 : c % 26;
    letters[n++] = static_cast<char>('A' + remainder - 1);
  }
  while (n > 0) {
    *cell_name++ = letters[--n];
  }
  put_int(cell_name, static_cast<std::int32_t>(row + 1));
}

namespace planctl::workbook {

bool xlsx_io_replaced() {
  // libxlsxwriter finds these functions the way RTLD_DEFAULT does, unless it was linked to bind
  // its own symbols first; then its calls do not come here and closes stay serialised.
  static const bool replaced =
      util::symbol_is("lxw_tmpfile", reinterpret_cast<const void*>(&lxw_tmpfile)) &&
      util::symbol_is("gmtime", reinterpret_cast<const void*>(&gmtime));
  return replaced;
}

} // namespace planctl::workbook

#else

extern "C" int __real_zipOpenNewFileInZip4_64(zipFile, const char*, const zip_fileinfo*,
                                              const void*, uInt, const void*, uInt, const char*,
                                              int, int, int, int, int, int, const char*, uLong,
                                              uLong, uLong, int);

// As on Linux above: level 1 for what libxlsxwriter deflates at the default level.
extern "C" int __wrap_zipOpenNewFileInZip4_64(
    zipFile file, const char* filename, const zip_fileinfo* zipfi, const void* extrafield_local,
    uInt size_extrafield_local, const void* extrafield_global, uInt size_extrafield_global,
    const char* comment, int method, int level, int raw, int windowBits, int memLevel, int strategy,
    const char* password, uLong crcForCrypting, uLong versionMadeBy, uLong flagBase, int zip64) {
  if (raw == 0 && method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION) {
    level = Z_BEST_SPEED;
  }
  return __real_zipOpenNewFileInZip4_64(
      file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
      size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy, password,
      crcForCrypting, versionMadeBy, flagBase, zip64);
}

namespace planctl::workbook {

bool xlsx_io_replaced() {
  return false;
}

} // namespace planctl::workbook

#endif
