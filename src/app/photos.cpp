#include <planctl/app/photos.hpp>
#include <planctl/util/image.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/sha256.hpp>

#include <map>
#include <stdexcept>

namespace planctl::app {

namespace {

// What reading and probing one file found: the finding's message id and arguments, or none.
struct Verdict {
  std::string message; // empty: a usable image
  std::vector<std::pair<std::string, std::string>> args;
};

Verdict judge(const std::filesystem::path& folder, const std::string& written) {
  const util::PhotoFile file = util::read_photo_file(folder, written);
  switch (file.problem) {
  case util::PhotoFileProblem::none:
    break;
  case util::PhotoFileProblem::absolute:
    return {"photo.absolute", {}};
  case util::PhotoFileProblem::outside:
    return {"photo.outside", {}};
  case util::PhotoFileProblem::missing:
    return {"photo.missing", {}};
  case util::PhotoFileProblem::not_regular:
    return {"photo.not-regular", {}};
  case util::PhotoFileProblem::too_big:
    return {"photo.too-big", {}};
  case util::PhotoFileProblem::unreadable:
    return {"photo.unreadable", {{"reason", file.detail}}};
  }
  const util::ImageProbe probe = util::probe_image(file.bytes);
  switch (probe.problem) {
  case util::ImageProblem::none:
    if (probe.info->orientation != 1 &&
        1LL * probe.info->width * probe.info->height > util::k_max_turned_pixels) {
      return {"photo.too-large-to-turn",
              {{"width", std::to_string(probe.width)},
               {"height", std::to_string(probe.height)},
               {"orientation", std::to_string(probe.info->orientation)}}};
    }
    if (probe.info->format == util::ImageFormat::png &&
        1LL * probe.info->width * probe.info->height > util::k_max_png_pixels) {
      return {"photo.png-too-large",
              {{"width", std::to_string(probe.width)}, {"height", std::to_string(probe.height)}}};
    }
    return {};
  case util::ImageProblem::not_image:
    return {"photo.not-image", {}};
  case util::ImageProblem::truncated:
    return {"photo.truncated", {}};
  case util::ImageProblem::too_large:
    return {"photo.too-large",
            {{"width", std::to_string(probe.width)}, {"height", std::to_string(probe.height)}}};
  }
  return {};
}

} // namespace

std::filesystem::path photo_folder(const std::string& plan_path) {
  if (plan_path.empty() || plan_path == "-" || plan_path == "<stdin>") {
    return ".";
  }
  const std::filesystem::path parent = util::utf8_path(plan_path).parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

void check_photos(const model::PlanFile& plan, const std::string& file_name,
                  const std::filesystem::path& folder, diag::DiagnosticList& out) {
  std::map<std::string, Verdict> verdicts; // by the path as written, each file judged once
  for (const model::Activity& activity : plan.activities) {
    std::map<std::string, const model::Photo*> listed; // this activity's, by normalised path
    for (const model::Photo& photo : activity.photos) {
      const std::string& written = photo.file.value;
      const std::string key = util::generic_utf8(util::utf8_path(written).lexically_normal());
      const auto [first, inserted] = listed.emplace(key, &photo);
      if (!inserted) {
        out.add(file_name, photo.file.mark, "photo.repeated",
                {{"file", written}, {"line", std::to_string(first->second->file.mark.line)}});
        continue;
      }
      auto found = verdicts.find(written);
      if (found == verdicts.end()) {
        found = verdicts.emplace(written, judge(folder, written)).first;
      }
      if (!found->second.message.empty()) {
        auto args = found->second.args;
        args.insert(args.begin(), {"file", written});
        out.add(file_name, photo.file.mark, found->second.message, std::move(args));
      }
    }
  }
}

layout::BulletinPhotos read_bulletin_photos(const std::vector<const model::Activity*>& activities,
                                            const std::filesystem::path& folder,
                                            const std::string& stem) {
  layout::BulletinPhotos out;
  std::map<std::string, std::size_t> by_content; // SHA-256 of the upright data → picture
  for (const model::Activity* activity : activities) {
    for (const model::Photo& photo : activity->photos) {
      const std::string& written = photo.file.value;
      if (out.by_file.count(written) != 0) {
        continue;
      }
      const util::PhotoFile file = util::read_photo_file(folder, written);
      const util::ImageProbe probe = file.problem == util::PhotoFileProblem::none
                                         ? util::probe_image(file.bytes)
                                         : util::ImageProbe{};
      if (!probe.info) {
        throw std::runtime_error("photo \"" + written + "\" changed since it was checked");
      }
      std::string data = util::upright_jpeg(file.bytes, *probe.info);
      const std::string hash = util::sha256_hex(data);
      const auto [it, inserted] = by_content.emplace(hash, out.pictures.size());
      if (inserted) {
        layout::Picture picture;
        const bool png = probe.info->format == util::ImageFormat::png;
        picture.format = png ? "png" : "jpeg";
        picture.name = stem + ".photo-" + hash.substr(0, 16) + (png ? ".png" : ".jpg");
        if (probe.info->turned() || probe.info->orientation != 1) {
          // The transform trims partial edge blocks: the sizes are the new data's.
          const util::ImageProbe turned = util::probe_image(data);
          picture.width = turned.info ? turned.info->width : probe.info->shown_width();
          picture.height = turned.info ? turned.info->height : probe.info->shown_height();
        } else {
          picture.width = probe.info->width;
          picture.height = probe.info->height;
        }
        picture.bytes = std::make_shared<const std::string>(std::move(data));
        out.pictures.push_back(std::move(picture));
      }
      out.by_file.emplace(written, it->second);
    }
  }
  return out;
}

} // namespace planctl::app
