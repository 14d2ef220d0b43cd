#include <planctl/util/output_sink.hpp>
#include <planctl/write/docx/zip_writer.hpp>

#include <minizip/zip.h>

#include <zlib.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

namespace planctl::write::docx {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw util::OutputError("cannot write \"" + path.string() + "\": " + what);
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

} // namespace

// One raw-deflate stream reset between entries: letting minizip set up a stream per entry
// allocates and faults in about 270 KB eleven times per package, which took more time than
// the compression itself (docs/docx.md). The bytes are the same either way.
struct ZipWriter::Deflater {
  z_stream stream{};
  bool ready = false;
  std::string out;

  Deflater() {
    ready = deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ready) {
      deflateEnd(&stream);
    }
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // Compresses `data` into `out`; false when zlib fails.
  bool compress(std::string_view data) {
    if (!ready || deflateReset(&stream) != Z_OK) {
      return false;
    }
    out.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END) {
      return false;
    }
    out.resize(stream.total_out);
    return true;
  }
};

ZipWriter::ZipWriter(const std::filesystem::path& path, const util::Date& date)
    : m_path(path), m_date(date), m_deflater(std::make_unique<Deflater>()) {
  // A zip (DOS) date holds 1980–2107 only; anything else gets the format's own epoch.
  if (!util::is_valid(m_date) || m_date.year < 1980 || m_date.year > 2107) {
    m_date = util::Date{1980, 1, 1};
  }
  m_zip = zipOpen64(m_path.c_str(), APPEND_STATUS_CREATE);
  if (m_zip == nullptr) {
    fail(m_path, "the file cannot be created");
  }
}

ZipWriter::~ZipWriter() {
  if (m_zip != nullptr) {
    zipClose(static_cast<zipFile>(m_zip), nullptr);
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
  if (!m_deflater->compress(data)) {
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
  const std::string& packed = m_deflater->out;
  rc = zipWriteInFileInZip(zf, packed.data(), static_cast<unsigned>(packed.size()));
  if (rc != ZIP_OK) {
    const int err = errno;
    zipCloseFileInZip(zf);
    fail_io(m_path, rc, err, "cannot write entry \"" + entry + "\"");
  }
  const uLong crc =
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  rc = zipCloseFileInZipRaw64(zf, data.size(), crc);
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
}

} // namespace planctl::write::docx
