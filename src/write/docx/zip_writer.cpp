#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/write/docx/zip_writer.hpp>

#include <minizip/ioapi.h>
#include <minizip/zip.h>

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace planctl::write::docx {

struct ZipMemory {
  std::string bytes;
  std::size_t at = 0;
};

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw util::OutputError("cannot write \"" + util::path_utf8(path) + "\": " + what);
}

// minizip's ZIP_ERRNO means the file system failed (a full disk, a file-size limit): the
// system's reason says what to do; minizip's own words do not.
[[noreturn]] void fail_io(const std::filesystem::path& path, int rc, int err,
                          const std::string& what) {
  if (rc == ZIP_ERRNO && err != 0) {
    fail(path, std::strerror(err));
  }
  fail(path, what);
}

// The package is assembled in memory and written to the file in one piece when it is finished:
// minizip writes every entry's header, its data, then seeks back to patch the header's CRC and
// sizes, so a package written to the file directly cost some seventy write and lseek calls
// (measured with strace -c on a batch; docs/performance.md). These are minizip's file
// functions over a growing buffer.
voidpf memory_open(voidpf opaque, const void* /*name*/, int /*mode*/) {
  return opaque; // the ZipWriter's buffer, emptied by the constructor
}

uLong memory_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* file = static_cast<ZipMemory*>(stream);
  const std::size_t n =
      std::min<std::size_t>(size, file->bytes.size() - std::min(file->at, file->bytes.size()));
  if (n > 0) {
    std::memcpy(buf, file->bytes.data() + file->at, n);
    file->at += n;
  }
  return static_cast<uLong>(n);
}

uLong memory_write(voidpf, voidpf stream, const void* buf, uLong size) {
  auto* file = static_cast<ZipMemory*>(stream);
  const auto* bytes = static_cast<const char*>(buf);
  if (file->at == file->bytes.size()) {
    file->bytes.append(bytes, size);
  } else {
    if (file->at + size > file->bytes.size()) {
      file->bytes.resize(file->at + size);
    }
    std::memcpy(file->bytes.data() + file->at, bytes, size);
  }
  file->at += size;
  return size;
}

ZPOS64_T memory_tell(voidpf, voidpf stream) {
  return static_cast<ZipMemory*>(stream)->at;
}

long memory_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* file = static_cast<ZipMemory*>(stream);
  std::uint64_t base = 0;
  switch (origin) {
  case ZLIB_FILEFUNC_SEEK_SET:
    break;
  case ZLIB_FILEFUNC_SEEK_CUR:
    base = file->at;
    break;
  case ZLIB_FILEFUNC_SEEK_END:
    base = file->bytes.size();
    break;
  default:
    return -1;
  }
  file->at = static_cast<std::size_t>(base + offset);
  return 0;
}

int memory_close(voidpf, voidpf) {
  return 0;
}

int memory_error(voidpf, voidpf) {
  return 0;
}

} // namespace

// One raw-deflate stream reset between entries: letting minizip set up a stream per entry
// allocates and faults in about 270 KB eleven times per package, which took more time than
// the compression itself (docs/docx.md). The bytes are the same either way. One stream serves
// every package a thread writes.
//
// It also keeps the entries it deflated last, with their CRC: a school's two documents carry
// the same plan file (customXml/item1.xml, two thirds of each package's bytes) and every
// package the same styles, settings and fonts, so most of a batch's deflating was done twice
// or more. Deflate is deterministic for the same input and settings, so a kept entry gives the
// same bytes as deflating again (docs/performance.md).
struct ZipWriter::Deflater {
  struct Kept {
    std::string data;
    std::string packed;
    uLong crc = 0;
    std::uint64_t used = 0;
  };
  // What is kept: enough for a package's small parts and one school's plan file.
  static constexpr std::size_t k_kept_entries = 24;
  static constexpr std::size_t k_kept_bytes = 2u << 20;
  // zlib's level 3, not its default 6: levels 1–3 use zlib's fast matcher, which takes half
  // the time of the default's lazy matching on a school's parts (the plan file as customXml
  // and the two document.xml, about 190 KB a school), for parts some 18% larger (40 KB
  // instead of 34 KB); level 3 gives 8% smaller parts than level 1 at the same speed. The
  // bytes stay deterministic (docs/docx.md, docs/performance.md).
  static constexpr int k_level = 3;

  z_stream stream{};
  bool ready = false;
  std::vector<Kept> kept;
  std::size_t kept_bytes = 0;
  std::uint64_t clock = 0;

  Deflater() {
    ready = deflateInit2(&stream, k_level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ready) {
      deflateEnd(&stream);
    }
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // The thread's deflater.
  static Deflater& of_thread() {
    thread_local Deflater deflater;
    return deflater;
  }

  // `data` deflated, and its CRC-32; nullptr when zlib fails.
  const Kept* compress(std::string_view data) {
    ++clock;
    for (Kept& k : kept) {
      if (k.data.size() == data.size() && k.data == data) {
        k.used = clock;
        return &k;
      }
    }
    if (!ready || deflateReset(&stream) != Z_OK) {
      return nullptr;
    }
    std::string out;
    out.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END) {
      return nullptr;
    }
    out.resize(stream.total_out);
    const uLong crc =
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    return keep(data, std::move(out), crc);
  }

private:
  // Keeps an entry, dropping the least recently used ones to stay within the bounds.
  const Kept* keep(std::string_view data, std::string packed, uLong crc) {
    const std::size_t bytes = data.size() + packed.size();
    while (!kept.empty() && (kept.size() >= k_kept_entries || kept_bytes + bytes > k_kept_bytes)) {
      const auto oldest = std::min_element(
          kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.used < b.used; });
      kept_bytes -= oldest->data.size() + oldest->packed.size();
      kept.erase(oldest);
    }
    if (bytes > k_kept_bytes) {
      scratch = Kept{std::string(data), std::move(packed), crc, clock};
      return &scratch;
    }
    kept_bytes += bytes;
    kept.push_back(Kept{std::string(data), std::move(packed), crc, clock});
    return &kept.back();
  }

  Kept scratch; // an entry too large to keep
};

ZipWriter::ZipWriter(const std::filesystem::path& path, const util::Date& date)
    : m_path(path), m_date(date) {
  // A zip (DOS) date holds 1980–2107 only; anything else gets the format's own epoch.
  if (!util::is_valid(m_date) || m_date.year < 1980 || m_date.year > 2107) {
    m_date = util::Date{1980, 1, 1};
  }
  // The file is created now, so that a path that cannot be written fails before any work.
  m_file = std::fopen(util::library_path(m_path).c_str(), "wb");
  if (m_file == nullptr) {
    fail(m_path, "the file cannot be created");
  }
  m_memory = std::make_unique<ZipMemory>();
  zlib_filefunc64_def io{};
  io.zopen64_file = memory_open;
  io.zread_file = memory_read;
  io.zwrite_file = memory_write;
  io.ztell64_file = memory_tell;
  io.zseek64_file = memory_seek;
  io.zclose_file = memory_close;
  io.zerror_file = memory_error;
  io.opaque = m_memory.get();
  m_zip = zipOpen2_64(util::library_path(m_path).c_str(), APPEND_STATUS_CREATE, nullptr, &io);
  if (m_zip == nullptr) {
    std::fclose(static_cast<std::FILE*>(m_file));
    m_file = nullptr;
    fail(m_path, "the archive cannot be started");
  }
}

ZipWriter::~ZipWriter() {
  if (m_zip != nullptr) {
    zipClose(static_cast<zipFile>(m_zip), nullptr);
  }
  if (m_file != nullptr) {
    std::fclose(static_cast<std::FILE*>(m_file));
  }
}

void ZipWriter::add(std::string_view name, std::string_view data) {
  if (m_zip == nullptr) {
    fail(m_path, "the archive is already closed");
  }
  if (data.size() >= std::numeric_limits<std::uint32_t>::max()) {
    fail(m_path, "entry \"" + std::string(name) + "\" is too large");
  }
  auto* zf = static_cast<zipFile>(m_zip);
  // dosDate must stay 0 or it overrides tmz_date; tm_mon counts from 0 (research/cli-ci-libs §6).
  zip_fileinfo info{};
  info.tmz_date.tm_year = static_cast<uInt>(m_date.year);
  info.tmz_date.tm_mon = static_cast<uInt>(m_date.month - 1);
  info.tmz_date.tm_mday = static_cast<uInt>(m_date.day);
  const std::string entry(name);
  const Deflater::Kept* packed = Deflater::of_thread().compress(data);
  if (packed == nullptr) {
    fail(m_path, "cannot compress entry \"" + entry + "\"");
  }
  // raw = 1: the data is already deflated; minizip writes the headers, and the CRC and size
  // are given when the entry is closed. zip64 = 0: the zip64 extra field would make small
  // packages differ from what Word writes and is never needed for a document part.
  errno = 0;
  int rc = zipOpenNewFileInZip4_64(zf, entry.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                   Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1, -MAX_WBITS, 8,
                                   Z_DEFAULT_STRATEGY, nullptr, 0, 0, 0, 0);
  if (rc != ZIP_OK) {
    fail_io(m_path, rc, errno, "cannot add entry \"" + entry + "\"");
  }
  rc = zipWriteInFileInZip(zf, packed->packed.data(), static_cast<unsigned>(packed->packed.size()));
  if (rc != ZIP_OK) {
    const int err = errno;
    zipCloseFileInZip(zf);
    fail_io(m_path, rc, err, "cannot write entry \"" + entry + "\"");
  }
  rc = zipCloseFileInZipRaw64(zf, data.size(), packed->crc);
  if (rc != ZIP_OK) {
    fail_io(m_path, rc, errno, "cannot finish entry \"" + entry + "\"");
  }
}

void ZipWriter::finish() {
  if (m_zip == nullptr) {
    return;
  }
  errno = 0;
  const int rc = zipClose(static_cast<zipFile>(m_zip), nullptr);
  const int err = errno;
  m_zip = nullptr;
  if (rc != ZIP_OK) {
    fail_io(m_path, rc, err, "cannot finish the archive (disk full?)");
  }
  // The whole package in one write.
  auto* file = static_cast<std::FILE*>(m_file);
  m_file = nullptr;
  const std::string& bytes = m_memory->bytes;
  errno = 0;
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  const int write_err = errno;
  const bool closed = std::fclose(file) == 0;
  const int close_err = errno;
  if (!written || !closed) {
    const int e = !written ? write_err : close_err;
    fail(m_path, e != 0 ? std::strerror(e) : "cannot finish the archive (disk full?)");
  }
}

} // namespace planctl::write::docx
