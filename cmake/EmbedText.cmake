# Writes OUT: a header holding the bytes of IN as a string_view named NAME. Hex escapes keep
# any byte (UTF-8 Chinese text included) exact whatever the compiler's source charset.
file(READ ${IN} _hex HEX)
string(LENGTH "${_hex}" _len)
math(EXPR _bytes "${_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" _esc "${_hex}")
# Break the literal every 64 bytes to keep lines short.
string(REGEX REPLACE "((\\\\x[0-9a-f][0-9a-f]){64})" "\\1\"\n\"" _esc "${_esc}")
set(_text "// Generated from ${IN}; do not edit.\n#pragma once\n#include <string_view>\nnamespace planctl::generated {\ninline constexpr std::string_view ${NAME}{\n\"${_esc}\", ${_bytes}};\n}\n")
if(EXISTS ${OUT})
  file(READ ${OUT} _old)
  if(_old STREQUAL _text)
    return()
  endif()
endif()
file(WRITE ${OUT} "${_text}")
