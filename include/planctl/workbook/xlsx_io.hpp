// How libxlsxwriter reaches the system, replaced in planctl for speed and for threads: its
// temporary files (one per XML part of every workbook) live in memory instead of the output
// folder, and its gmtime() gets a buffer per thread. libxlsxwriter calls both through its
// procedure linkage table, so definitions in the executable take their place.
#pragma once

namespace planctl::workbook {

// Whether libxlsxwriter's calls reach planctl's replacements in this process (checked once
// with the dynamic linker). Only then may workbooks be closed on several threads at once;
// XlsxBook calls this, which also keeps the replacements linked into every program using it.
bool xlsx_io_replaced();

} // namespace planctl::workbook
