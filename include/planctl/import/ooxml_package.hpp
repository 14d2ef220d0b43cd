// What the .docx and .xlsx readers share: the zip package read from memory with a cap on what
// each part inflates to, and its XML parts read by expat with namespaces and no DOCTYPE.
#pragma once

#include <planctl/import/source_document.hpp>

#include <expat.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::import::ooxml {

// How the errors of one kind of package are worded.
struct PackageKind {
  std::string_view ext;       // ".docx"
  std::string_view app;       // "Word"
  std::string_view not_zip;   // the whole sentence for bytes that are not a zip package
  std::string_view too_large; // what follows "inflates to more than 32 MiB; "
};

inline constexpr PackageKind k_docx{
    ".docx", "Word",
    "the file is not a .docx (not a zip package); open it in Word or WPS and save it as .docx "
    "(Word 文档)",
    "a plan's text is far smaller, so this is not a document planctl can import"};

inline constexpr PackageKind k_xlsx{
    ".xlsx", "Excel",
    "the file is not a .xlsx (not a zip package); open it in Excel or WPS and save it as .xlsx "
    "(Excel 工作簿)",
    "a ledger is far smaller, so this is not a workbook planctl can import"};

// A zip package in memory (the bytes must outlive it). Each part read may inflate to at most
// `max_part` bytes, counted on the bytes actually inflated, not the size the zip states.
class ZipPackage {
public:
  ZipPackage(std::string_view bytes, const PackageKind& kind, std::uint64_t max_part);
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;
  ~ZipPackage();

  // The names of the entries, in the zip's order (at most `max`).
  std::vector<std::string> names(std::size_t max);

  // The inflated bytes of the entry `name`, std::nullopt when there is none. Throws
  // ImportError when it cannot be inflated, fails its checksum or passes the cap.
  std::optional<std::string> read(const std::string& name);

  // The bytes and the read position minizip's callbacks work on.
  struct MemoryFile {
    std::string_view bytes;
    std::uint64_t pos = 0;
  };

private:
  MemoryFile m_file;
  const PackageKind& m_kind;
  std::uint64_t m_max_part;
  void* m_zip = nullptr;
};

// An element or attribute name as expat gives it with namespaces on: "URI|local".
struct Name {
  std::string_view ns;
  std::string_view local;
};

Name split_name(const XML_Char* name);

// The value of the attribute `local` in namespace `ns` (any namespace when `ns` is empty and
// the attribute has none), empty when absent.
std::string_view attr(const XML_Char** atts, std::string_view ns, std::string_view local);

// A whole non-negative number of at most six digits.
std::optional<int> to_int(std::string_view s);

// What a part's handler sees: start and end of elements, and text.
class XmlHandler {
public:
  virtual ~XmlHandler() = default;
  virtual void start(const Name& name, const XML_Char** atts) = 0;
  virtual void end(const Name& name) = 0;
  virtual void text(std::string_view) {}
};

// Parses the part `part` of a package of `kind`. A DOCTYPE is refused before anything in it is
// read (Office never writes one; it is where entities would be declared); XML that is not
// well-formed is an ImportError naming the part and the line.
void parse_xml(const std::string& xml, const std::string& part, XmlHandler& handler,
               const PackageKind& kind);

} // namespace planctl::import::ooxml
