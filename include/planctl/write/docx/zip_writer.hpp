// A deterministic zip writer over minizip for OOXML packages: entries keep the order they are
// added in, all carry one fixed timestamp, and no zip64 fields or comments are written, so the
// same entries give the same bytes.
#pragma once

#include <planctl/util/date.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace planctl::write::docx {

struct ZipMemory; // the archive's bytes while it is assembled

// Writes one zip archive at a path, assembled in memory and written in one piece by finish();
// every failure throws util::OutputError naming the path.
class ZipWriter {
public:
  // Creates (or truncates) the archive at `path`; every entry will be dated `date` at 00:00,
  // or 1980-01-01 when `date` is invalid or outside the 1980–2107 range a zip date can hold.
  ZipWriter(const std::filesystem::path& path, const util::Date& date);

  // Closes the archive if finish() was not called (errors are swallowed: the caller is
  // already failing and the file is a temporary one).
  ~ZipWriter();

  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds entry `name` holding `data`, deflated; `data` must be smaller than 4 GiB.
  void add(std::string_view name, std::string_view data);

  // Writes the central directory, then the whole archive to the file, and closes it.
  void finish();

private:
  struct Deflater;

  std::filesystem::path m_path;
  util::Date m_date;
  void* m_zip = nullptr;  // zipFile, kept opaque so that minizip's macros stay out of headers
  void* m_file = nullptr; // std::FILE* of the archive, written at finish()
  std::unique_ptr<ZipMemory> m_memory; // the archive's bytes until then
};

} // namespace planctl::write::docx
