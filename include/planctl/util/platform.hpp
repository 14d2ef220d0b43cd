// What differs between POSIX and Windows, behind one interface (platform_posix.cpp,
// platform_windows.cpp): paths in UTF-8, the command line, the console, and the few system
// calls the rest of planctl needs. Nothing outside src/util/ calls the system directly
// (docs/ARCHITECTURE.md, docs/windows.md).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planctl::util {

// Whether this build runs on Windows (drag-and-drop mode, the console).
#ifdef _WIN32
inline constexpr bool k_windows = true;
#else
inline constexpr bool k_windows = false;
#endif

// planctl keeps every text, paths included, in UTF-8. These convert at the boundary: on
// Windows a path is UTF-16 and a narrow std::filesystem::path conversion would use the C
// library's code page, which mangles Chinese names; on POSIX both are the bytes as they are.
std::filesystem::path utf8_path(std::string_view utf8);
std::string path_utf8(const std::filesystem::path& path);
// `path` in UTF-8 with `/` between folders on every system: how planctl writes a path it
// built itself (a file found in a folder, an output next to its folder), so that messages,
// re-run records and the district summary read the same on Windows as on Linux.
std::string generic_utf8(const std::filesystem::path& path);

// `path` for a C library that opens files by `char*` (libxlsxwriter, minizip's fopen): UTF-8
// on POSIX; on Windows the process's ANSI code page, which planctl.exe's manifest sets to
// UTF-8 on Windows 10 1903 and later; on older versions the name in the code page when it
// fits (GBK covers Chinese folder names), else the path's short 8.3 form.
std::string library_path(const std::filesystem::path& path);

// A folder's identity (POSIX: device and inode; Windows: volume serial number and file index),
// so that one folder is recognised whatever path reaches it; std::nullopt when `path` is not
// a folder.
using FileIdentity = std::pair<std::uint64_t, std::uint64_t>;
std::optional<FileIdentity> folder_identity(const std::filesystem::path& path);

enum class StdStream { in, out, err };
// Whether the stream is a terminal (a console window on Windows).
bool is_terminal(StdStream stream);

// The command-line arguments after the program name, in UTF-8 (Windows: read as UTF-16 from
// the system, whatever the console's code page).
std::vector<std::string> utf8_arguments(int argc, char** argv);

// Prepares the standard streams: binary (no CRLF translation: outputs are byte-identical on
// every system), and on a Windows console, text written as UTF-16 so that Chinese reads right
// whatever the console's code page (936 on a Chinese Windows). Redirected output stays UTF-8.
void setup_standard_streams();

// Windows: whether planctl.exe has its console to itself, as when started from Explorer
// (double-click, a file dropped on it) rather than from a terminal. Always false on POSIX.
bool started_from_explorer();

// Waits for one key press (a console), or one byte of standard input (a pipe); returns at
// once at the end of input.
void wait_for_key();

// An anonymous temporary file for reading and writing, gone when closed: held in the process's
// memory (glibc), else a memory file where the system has one, else an unnamed file in `dir`
// (may be null). Null when none works. It may have no file descriptor (fileno() gives -1).
std::FILE* anonymous_temp_file(const char* dir);

// The next definition of the C function `name` after the calling program's own (dlsym
// RTLD_NEXT), or null; and whether the program's definition of `name` is `address`
// (dlsym RTLD_DEFAULT). Used to wrap a library's functions (workbook/xlsx_io.cpp); always
// null and false where a static executable cannot interpose (Windows).
void* next_symbol(const char* name);
bool symbol_is(const char* name, const void* address);

} // namespace planctl::util
