#include <planctl/diag/format.hpp>

namespace planctl::diag {

bool file_fails(const FileResult& result, bool strict) {
  if (result.unreadable || result.internal_error || result.diagnostics.has_errors()) {
    return true;
  }
  return strict && result.diagnostics.warning_count() > 0;
}

Counts count_results(std::span<const FileResult> results, bool strict) {
  Counts c;
  for (const FileResult& r : results) {
    ++c.files;
    c.errors += r.diagnostics.error_count();
    c.warnings += r.diagnostics.warning_count();
    c.failed_files += file_fails(r, strict) ? 1 : 0;
    c.unreadable += r.unreadable ? 1 : 0;
    c.internal_errors += r.internal_error ? 1 : 0;
  }
  return c;
}

} // namespace planctl::diag
