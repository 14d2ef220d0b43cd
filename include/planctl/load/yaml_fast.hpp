// The fast path of the YAML front end: libyaml's event parser (about seven times as fast as
// yaml-cpp's) builds the tree for the files that need no finding at all, which is nearly every
// file a district checks. Anything unusual sends the file back to yaml-cpp, whose diagnostics
// the rest of the loader and its tests are written against.
#pragma once

#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>

#include <optional>
#include <string_view>

namespace planctl::load {

// The document parse_yaml() would build from `text` (indexed by `lines`), when parsing it
// reports nothing; std::nullopt as soon as anything would need a finding or might be read
// differently by yaml-cpp: a syntax error, an anchor, an alias, a tag, a directive, a second
// document, a duplicate or merge key, a key that is not a text, a text past the length limit
// or holding a control character, nesting past the limit, an empty document, or a line break
// other than LF and CRLF (NEL, LS, PS and a lone CR, which YAML 1.1 and 1.2 read differently).
std::optional<YamlDocument> parse_yaml_fast(std::string_view text, const LineIndex& lines,
                                            const YamlLimits& limits = {});

} // namespace planctl::load
