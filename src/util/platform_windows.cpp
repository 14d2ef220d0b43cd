#ifdef _WIN32
#include <planctl/util/platform.hpp>

// windows.h first: the other Windows headers need its definitions.
// clang-format off
#include <windows.h>
#include <shellapi.h>
// clang-format on

#include <fcntl.h>
#include <io.h>

#include <cstring>
#include <iostream>
#include <memory>
#include <streambuf>

namespace planctl::util {

namespace {

std::wstring widen(std::string_view utf8) {
  if (utf8.empty()) {
    return {};
  }
  const int n =
      ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(n), L'\0');
  ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), wide.data(), n);
  return wide;
}

std::string narrow(std::wstring_view wide, UINT code_page = CP_UTF8) {
  if (wide.empty()) {
    return {};
  }
  const int n = ::WideCharToMultiByte(code_page, 0, wide.data(), static_cast<int>(wide.size()),
                                      nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(n), '\0');
  ::WideCharToMultiByte(code_page, 0, wide.data(), static_cast<int>(wide.size()), out.data(), n,
                        nullptr, nullptr);
  return out;
}

HANDLE std_handle(StdStream stream) {
  return ::GetStdHandle(stream == StdStream::in    ? STD_INPUT_HANDLE
                        : stream == StdStream::out ? STD_OUTPUT_HANDLE
                                                   : STD_ERROR_HANDLE);
}

// A stream buffer that writes UTF-8 text to a console as UTF-16 (WriteConsoleW): correct on
// any console code page. A UTF-8 sequence split between two flushes waits for its end.
class ConsoleBuffer final : public std::streambuf {
public:
  explicit ConsoleBuffer(HANDLE console) : m_console(console) {
    setp(m_buffer, m_buffer + sizeof m_buffer);
  }
  ~ConsoleBuffer() override { sync(); }

protected:
  int_type overflow(int_type c) override {
    flush_complete();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    flush_complete();
    return 0;
  }

private:
  // Writes every complete UTF-8 sequence in the buffer and keeps an incomplete tail.
  void flush_complete() {
    const std::size_t used = static_cast<std::size_t>(pptr() - pbase());
    std::size_t end = used;
    // Back off over a trailing incomplete sequence (at most 3 bytes).
    for (std::size_t back = 1; back <= 3 && back <= used; ++back) {
      const auto b = static_cast<unsigned char>(m_buffer[used - back]);
      if ((b & 0xC0) == 0x80) {
        continue; // a continuation byte: look further back
      }
      if (b >= 0xC0) {
        const std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (need > back) {
          end = used - back;
        }
      }
      break;
    }
    const std::wstring wide = widen(std::string_view(m_buffer, end));
    DWORD written = 0;
    if (!wide.empty()) {
      ::WriteConsoleW(m_console, wide.data(), static_cast<DWORD>(wide.size()), &written, nullptr);
    }
    const std::size_t rest = used - end;
    std::memmove(m_buffer, m_buffer + end, rest);
    setp(m_buffer, m_buffer + sizeof m_buffer);
    pbump(static_cast<int>(rest));
  }

  HANDLE m_console;
  char m_buffer[4096];
};

bool is_console(HANDLE handle) {
  DWORD mode = 0;
  return handle != INVALID_HANDLE_VALUE && handle != nullptr && ::GetConsoleMode(handle, &mode);
}

} // namespace

std::filesystem::path utf8_path(std::string_view utf8) {
  return std::filesystem::path(widen(utf8));
}

std::string path_utf8(const std::filesystem::path& path) {
  return narrow(path.native());
}

std::string generic_utf8(const std::filesystem::path& path) {
  return narrow(path.generic_wstring());
}

std::string library_path(const std::filesystem::path& path) {
  const UINT acp = ::GetACP();
  if (acp == CP_UTF8) {
    return narrow(path.native());
  }
  const std::wstring& wide = path.native();
  BOOL lossy = FALSE;
  const int n = ::WideCharToMultiByte(acp, WC_NO_BEST_FIT_CHARS, wide.data(),
                                      static_cast<int>(wide.size()), nullptr, 0, nullptr, &lossy);
  if (!lossy && n > 0) {
    return narrow(wide, acp);
  }
  // The short form of the folder (which exists) and the file name as it is (ASCII for the
  // files planctl hands to libraries: its temporary names).
  const std::wstring folder = path.parent_path().native();
  const DWORD size = ::GetShortPathNameW(folder.c_str(), nullptr, 0);
  if (size == 0) {
    return narrow(wide, acp);
  }
  std::wstring short_folder(size, L'\0');
  const DWORD got = ::GetShortPathNameW(folder.c_str(), short_folder.data(), size);
  short_folder.resize(got);
  return narrow(short_folder, acp) + "\\" + narrow(path.filename().native(), acp);
}

std::optional<FileIdentity> folder_identity(const std::filesystem::path& path) {
  const HANDLE folder =
      ::CreateFileW(path.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (folder == INVALID_HANDLE_VALUE) {
    return std::nullopt;
  }
  BY_HANDLE_FILE_INFORMATION info{};
  const bool ok = ::GetFileInformationByHandle(folder, &info) != 0 &&
                  (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  ::CloseHandle(folder);
  if (!ok) {
    return std::nullopt;
  }
  return FileIdentity{info.dwVolumeSerialNumber,
                      (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow};
}

bool is_terminal(StdStream stream) {
  return is_console(std_handle(stream));
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  int count = 0;
  LPWSTR* wide = ::CommandLineToArgvW(::GetCommandLineW(), &count);
  std::vector<std::string> args;
  if (wide == nullptr) {
    for (int i = 1; i < argc; ++i) {
      args.emplace_back(argv[i]);
    }
    return args;
  }
  for (int i = 1; i < count; ++i) {
    args.push_back(narrow(wide[i]));
  }
  ::LocalFree(wide);
  return args;
}

void setup_standard_streams() {
  // Bytes as they are: no CRLF for LF, no end of file at Ctrl-Z.
  ::_setmode(::_fileno(stdin), _O_BINARY);
  ::_setmode(::_fileno(stdout), _O_BINARY);
  ::_setmode(::_fileno(stderr), _O_BINARY);
  static std::unique_ptr<ConsoleBuffer> out, err;
  const HANDLE out_handle = std_handle(StdStream::out);
  const HANDLE err_handle = std_handle(StdStream::err);
  if (is_console(out_handle)) {
    out = std::make_unique<ConsoleBuffer>(out_handle);
    std::cout.rdbuf(out.get());
  }
  if (is_console(err_handle)) {
    err = std::make_unique<ConsoleBuffer>(err_handle);
    std::cerr.rdbuf(err.get());
  }
  // Colours as escape sequences (Windows 10 and later; older consoles ignore the request).
  for (HANDLE handle : {out_handle, err_handle}) {
    DWORD mode = 0;
    if (is_console(handle) && ::GetConsoleMode(handle, &mode)) {
      ::SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
    }
  }
}

bool started_from_explorer() {
  // A console created for planctl.exe alone (Explorer starts it so) lists one process; a
  // console shared with cmd.exe or PowerShell lists at least two.
  DWORD processes[2] = {};
  return ::GetConsoleProcessList(processes, 2) == 1;
}

void wait_for_key() {
  const HANDLE in = std_handle(StdStream::in);
  if (is_console(in)) {
    DWORD mode = 0;
    ::GetConsoleMode(in, &mode);
    ::SetConsoleMode(in, 0); // one key, no Enter needed
    ::FlushConsoleInputBuffer(in);
    for (;;) {
      INPUT_RECORD record{};
      DWORD got = 0;
      if (!::ReadConsoleInputW(in, &record, 1, &got) || got == 0) {
        break;
      }
      if (record.EventType == KEY_EVENT && record.Event.KeyEvent.bKeyDown) {
        break;
      }
    }
    ::SetConsoleMode(in, mode);
    return;
  }
  char c = 0;
  DWORD got = 0;
  ::ReadFile(in, &c, 1, &got, nullptr);
}

std::FILE* anonymous_temp_file(const char*) {
  return nullptr;
}

void* next_symbol(const char*) {
  return nullptr;
}

bool symbol_is(const char*, const void*) {
  return false;
}

} // namespace planctl::util
#endif
