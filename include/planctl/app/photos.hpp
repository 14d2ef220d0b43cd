// The photos of a plan file's activities (plan-format.md, `activities`; docs/bulletin.md):
// checked by `validate`, `render` and `batch` with the other findings, read for a bulletin.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/layout/bulletin.hpp>
#include <planctl/model/plan.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace planctl::app {

// The folder photos are read from: the plan file's own (the current folder for standard input).
std::filesystem::path photo_folder(const std::string& plan_path);

// Adds a `photo` finding to `out` (file `file_name`) at each photo of `plan` that is not a
// JPEG or PNG inside `folder`, within the limits, listed once per activity. Each distinct file
// is read once, one at a time; only its headers are looked at.
void check_photos(const model::PlanFile& plan, const std::string& file_name,
                  const std::filesystem::path& folder, diag::DiagnosticList& out);

// The photos of `activities` read for a bulletin: each file once, turned upright, each content
// once, named `STEM.photo-<the first 16 hex digits of its SHA-256>.jpg` (or `.png`). Throws
// std::runtime_error when a photo can no longer be read as the checks found it.
layout::BulletinPhotos read_bulletin_photos(const std::vector<const model::Activity*>& activities,
                                            const std::filesystem::path& folder,
                                            const std::string& stem);

} // namespace planctl::app
