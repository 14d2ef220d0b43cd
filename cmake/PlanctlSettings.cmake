# Warnings and sanitizer flags carried by every planctl target through one INTERFACE target.
add_library(planctl_settings INTERFACE)
target_compile_options(planctl_settings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(PLANCTL_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(planctl_settings INTERFACE ${_san})
  target_link_options(planctl_settings INTERFACE ${_san})
endif()
if(PLANCTL_FUZZ)
  # Instrument the library code for coverage-guided fuzzing; the fuzz targets add the driver.
  target_compile_options(planctl_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(planctl_settings INTERFACE -fsanitize=address,undefined)
endif()
