set(PLANCTL_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)

# planctl_module(NAME DEPS ...): a static library `planctl_NAME` from src/NAME/**/*.cpp, with
# the public headers in include/planctl/NAME/. Sources are globbed so that adding a file needs
# no edit here.
# EXCLUDE REGEX leaves out the sources it matches (a part the build was configured without).
function(planctl_module name)
  cmake_parse_arguments(ARG "" "EXCLUDE" "DEPS" ${ARGN})
  file(GLOB_RECURSE _src CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  if(ARG_EXCLUDE)
    list(FILTER _src EXCLUDE REGEX "${ARG_EXCLUDE}")
  endif()
  if(_src)
    add_library(planctl_${name} STATIC ${_src})
    target_include_directories(planctl_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include ${PLANCTL_GENERATED_DIR})
    target_link_libraries(planctl_${name} PUBLIC planctl_settings ${ARG_DEPS})
    get_property(_embeds GLOBAL PROPERTY PLANCTL_EMBEDS)
    if(_embeds)
      add_dependencies(planctl_${name} ${_embeds})
    endif()
  else()
    add_library(planctl_${name} INTERFACE)
    target_include_directories(planctl_${name} INTERFACE ${PROJECT_SOURCE_DIR}/include ${PLANCTL_GENERATED_DIR})
    target_link_libraries(planctl_${name} INTERFACE planctl_settings ${ARG_DEPS})
  endif()
endfunction()

# planctl_embed_text(FILE NAME): generates <planctl/generated/NAME.hpp> declaring
# `inline constexpr std::string_view planctl::generated::NAME` with the file's bytes.
function(planctl_embed_text file name)
  set(_out ${PLANCTL_GENERATED_DIR}/planctl/generated/${name}.hpp)
  add_custom_command(
    OUTPUT ${_out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${_out} -DNAME=${name} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
    COMMENT "Embedding ${name}")
  add_custom_target(embed_${name} DEPENDS ${_out})
  set_property(GLOBAL APPEND PROPERTY PLANCTL_EMBEDS embed_${name})
  # Generate once at configure time too, so a fresh tree's headers exist before any build.
  execute_process(COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${_out} -DNAME=${name} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake)
endfunction()
