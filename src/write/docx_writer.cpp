// The .docx entry point: the parts of a GB/T 9704 package (docx/*.cpp), zipped in a fixed
// order with fixed dates so that the same document always gives the same bytes.
#include <planctl/write/docx/parts.hpp>
#include <planctl/write/docx/zip_writer.hpp>
#include <planctl/write/writers.hpp>

namespace planctl::write {

void write_docx(const layout::Document& doc, const std::filesystem::path& path,
                std::string_view source) {
  const docx::Timestamp time = docx::package_timestamp(doc.metadata, util::source_date_epoch());
  docx::ZipWriter zip(path, time.date);
  for (const docx::Part& part : docx::package(doc, time, source)) {
    zip.add(part.name, part.data);
  }
  zip.finish();
}

} // namespace planctl::write
