// A position in a source file.
#pragma once

namespace planctl::util {

// A 1-based position in the source file; columns count characters (code points), not bytes.
// line 0 means "no position" (a value that was defaulted rather than read).
struct Mark {
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
  bool operator==(const Mark&) const = default;
};

} // namespace planctl::util
