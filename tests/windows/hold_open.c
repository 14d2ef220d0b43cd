/* Holds a file open the way Word and WPS do (no FILE_SHARE_DELETE, no FILE_SHARE_WRITE) until
   the file named by the second argument appears; writes the third argument once it holds.
   Built by tests/windows/locked.sh with mingw-w64. */
#include <windows.h>

int wmain(int argc, wchar_t** argv) {
  if (argc != 4) {
    return 2;
  }
  HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) {
    return 1;
  }
  HANDLE ready = CreateFileW(argv[3], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  CloseHandle(ready);
  for (int i = 0; i < 600 && GetFileAttributesW(argv[2]) == INVALID_FILE_ATTRIBUTES; ++i) {
    Sleep(100);
  }
  CloseHandle(h);
  return 0;
}
