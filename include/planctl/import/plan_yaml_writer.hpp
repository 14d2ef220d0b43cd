// The plan file `import` writes: version 1, block style, keys in the order docs/format.md
// shows, long paragraphs as `|` blocks, unplaced lines as comments beside the nearest item.
#pragma once

#include <planctl/import/imported_plan.hpp>

#include <string>
#include <string_view>

namespace planctl::import {

// `plan` as a plan file; `source_name` is named in the file's opening comment.
std::string write_plan_yaml(const ImportedPlan& plan, std::string_view source_name);

// `text` as a YAML scalar on one line: plain when that reads back as the same text, otherwise
// double-quoted with escapes.
std::string yaml_inline_scalar(std::string_view text);

} // namespace planctl::import
