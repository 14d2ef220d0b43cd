// Windows, as a clerk meets planctl.exe in Explorer (docs/windows.md): plan files or folders
// dropped on the program are rendered next to each file, with a short Chinese summary, and
// the window stays open until a key is pressed; the program double-clicked alone explains
// itself instead of flashing a window that closes at once.
#pragma once

#include <planctl/app/cli.hpp>

#include <string>
#include <vector>

namespace planctl::app {

// Whether `args` (no subcommand, no option) are one or more existing plan files (.yaml,
// .yml) or folders: what Explorer passes when they are dropped on planctl.exe.
bool is_drop(const std::vector<std::string>& args);

// Renders every dropped plan next to its file (a folder: every plan file in it, each next to
// itself), prints what was written or the findings in Chinese, then waits for a key. Returns
// the worst exit status of the renders.
int run_drop(const std::vector<std::string>& args, Console& console);

// The Chinese help shown when planctl.exe is started from Explorer with nothing dropped on
// it; waits for a key.
int run_double_click(Console& console);

} // namespace planctl::app
