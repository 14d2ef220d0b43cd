// Finding the faces: fontconfig by family name (the GB/T 9704 names first, then Debian faces
// that cover GB 2312 in full), each face checked for its embedding permission (OS/2 fsType) and
// for Chinese glyphs before it is used.
#include <planctl/util/utf8.hpp>
#include <planctl/write/pdf/font_set.hpp>

#include <algorithm>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <cstring>
#include <filesystem>
#include <hb-ft.h>
#include <hb-subset.h>
#include <memory>
#include <mutex>

namespace planctl::write::pdf {

namespace {

// Where Debian's texlive-lang-chinese keeps the Fandol faces, which fontconfig does not list.
constexpr const char* k_fandol_dir = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";

struct Candidate {
  const char* family;
  bool bold;
};

struct Role {
  const char* name;                 // the GB/T 9704 face, for the notes
  std::vector<Candidate> standard;  // the names GB/T 9704 documents use
  std::vector<Candidate> stand_ins; // Debian faces covering GB 2312
};

// Indexed by typeset::Face.
const std::vector<Role>& roles() {
  static const std::vector<Role> table = {
      {"仿宋_GB2312",
       {{"仿宋_GB2312", false},
        {"仿宋", false},
        {"FangSong", false},
        {"FangSong_GB2312", false},
        {"华文仿宋", false},
        {"STFangsong", false}},
       {{"FandolFang", false}, {"Noto Serif CJK SC", false}}},
      {"方正小标宋简体",
       {{"方正小标宋简体", false},
        {"方正小标宋_GBK", false},
        {"FZXiaoBiaoSong-B05S", false},
        {"华文中宋", false},
        {"STZhongsong", false}},
       {{"Noto Serif CJK SC", true}, {"FandolSong", true}}},
      {"黑体",
       {{"黑体", false}, {"SimHei", false}, {"STHeiti", false}},
       {{"Noto Sans CJK SC", false}, {"FandolHei", false}}},
      {"楷体_GB2312",
       {{"楷体_GB2312", false},
        {"楷体", false},
        {"KaiTi", false},
        {"KaiTi_GB2312", false},
        {"华文楷体", false},
        {"STKaiti", false}},
       {{"FandolKai", false}, {"AR PL KaitiM GB", false}}},
      {"宋体",
       {{"宋体", false}, {"SimSun", false}, {"Songti SC", false}},
       {{"Noto Serif CJK SC", false}, {"AR PL SungtiL GB", false}, {"FandolSong", false}}},
  };
  return table;
}

// FreeType's library is shared by the threads' faces: creating and freeing a face changes it,
// so those calls take turns (FreeType's documentation of FT_Library); a face's own calls (cairo
// loading glyphs) need no lock, each thread having its own faces.
std::mutex& ft_mutex() {
  static std::mutex m;
  return m;
}

// The libraries' process-wide state, released at exit (after every thread's FontSet, which
// C++ destroys before static objects) so that leak checkers see nothing left: fontconfig's
// configuration, cairo's font caches, the FreeType library.
struct Libraries {
  FT_Library ft = nullptr;
  FcConfig* fc = nullptr;
  Libraries() {
    FT_Init_FreeType(&ft);
    fc = FcInitLoadConfigAndFonts();
    std::error_code ec;
    if (fc != nullptr && std::filesystem::is_directory(k_fandol_dir, ec)) {
      FcConfigAppFontAddDir(fc, reinterpret_cast<const FcChar8*>(k_fandol_dir));
    }
  }
  ~Libraries() {
    cairo_debug_reset_static_data();
    if (fc != nullptr) {
      FcConfigDestroy(fc);
    }
    FcFini();
    FT_Done_FreeType(ft);
  }
  Libraries(const Libraries&) = delete;
  Libraries& operator=(const Libraries&) = delete;
};

Libraries& libraries() {
  ft_mutex(); // constructed first, so destroyed after the libraries (whose end frees faces)
  static Libraries libs;
  return libs;
}

FT_Library ft_library() {
  return libraries().ft;
}

FT_Error new_face(const std::string& file, int index, FT_Face* face) {
  const std::lock_guard<std::mutex> lock(ft_mutex());
  return FT_New_Face(ft_library(), file.c_str(), index, face);
}

FT_Error new_memory_face(const char* data, unsigned length, FT_Face* face) {
  const std::lock_guard<std::mutex> lock(ft_mutex());
  return FT_New_Memory_Face(ft_library(), reinterpret_cast<const FT_Byte*>(data),
                            static_cast<FT_Long>(length), 0, face);
}

void done_face(FT_Face face) {
  const std::lock_guard<std::mutex> lock(ft_mutex());
  FT_Done_Face(face);
}

std::mutex& fc_mutex() {
  static std::mutex m;
  return m;
}

FcConfig* fc_config() {
  return libraries().fc;
}

bool same_name(const char* a, const char* b) {
  return FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(a),
                            reinterpret_cast<const FcChar8*>(b)) == 0;
}

// Whether any installed face has `family` among its family names: one listing of the
// families, made once, spares a match (about 1.8 M instructions each, sorting every installed
// face) for each of the GB/T 9704 names, which are seldom installed. A family no face has
// cannot be matched (find_face keeps only a match of the family itself).
bool installed(const char* family) {
  static const std::vector<std::string> families = [] {
    std::vector<std::string> names;
    FcPattern* pattern = FcPatternCreate();
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    if (FcFontSet* set = FcFontList(fc_config(), pattern, objects)) {
      for (int i = 0; i < set->nfont; ++i) {
        FcChar8* name = nullptr;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &name) == FcResultMatch;
             ++k) {
          names.emplace_back(reinterpret_cast<const char*>(name));
        }
      }
      FcFontSetDestroy(set);
    }
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    return names;
  }();
  return std::any_of(families.begin(), families.end(),
                     [&](const std::string& name) { return same_name(name.c_str(), family); });
}

// The file and face index fontconfig has for `family` itself (not a substitute it would offer).
bool find_face(const Candidate& c, std::string& file, int& index, std::string& family) {
  const std::lock_guard<std::mutex> lock(fc_mutex());
  if (!installed(c.family)) {
    return false;
  }
  FcConfig* config = fc_config();
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(c.family));
  FcPatternAddInteger(pattern, FC_WEIGHT, c.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  FcPatternDestroy(pattern);
  bool found = false;
  if (match != nullptr) {
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
      if (same_name(reinterpret_cast<const char*>(name), c.family)) {
        found = true;
        break;
      }
    }
    int weight = 0;
    if (found && c.bold && FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
        weight < FC_WEIGHT_BOLD) {
      found = false;
    }
    FcChar8* path = nullptr;
    if (found && FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch) {
      file = reinterpret_cast<const char*>(path);
      index = 0;
      FcPatternGetInteger(match, FC_INDEX, 0, &index);
      family = c.family;
    } else {
      found = false;
    }
    FcPatternDestroy(match);
  }
  return found;
}

void destroy_ft_face(void* face) {
  done_face(static_cast<FT_Face>(face));
}

const cairo_user_data_key_t k_ft_key{};

// Loads `file` face `index`; empty with `why` set when it may not be embedded or has no
// Chinese glyphs.
LoadedFace* load_face(const std::string& file, int index, std::string& why) {
  FT_Face ft = nullptr;
  if (new_face(file, index, &ft) != 0) {
    why = "cannot be read";
    return nullptr;
  }
  // OS/2 fsType: 0x0002 restricted licence embedding, 0x0200 bitmap embedding only.
  const FT_UShort fs_type = FT_Get_FSType_Flags(ft);
  if ((fs_type & FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING) != 0 ||
      (fs_type & FT_FSTYPE_BITMAP_EMBEDDING_ONLY) != 0) {
    done_face(ft);
    why = "its licence does not allow embedding";
    return nullptr;
  }
  for (const char32_t cp : std::u32string_view(U"的一是中，。")) {
    if (FT_Get_Char_Index(ft, cp) == 0) {
      done_face(ft);
      why = "has no simplified Chinese glyphs";
      return nullptr;
    }
  }
  auto* face = new LoadedFace;
  face->file = file;
  face->upem = ft->units_per_EM > 0 ? ft->units_per_EM : 1000;
  hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
  hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(index));
  hb_blob_destroy(blob);
  face->hb = hb_font_create(hb_face);
  hb_face_destroy(hb_face);
  hb_font_set_scale(face->hb, static_cast<int>(face->upem), static_cast<int>(face->upem));
  face->cairo = cairo_ft_font_face_create_for_ft_face(ft, 0);
  cairo_font_face_set_user_data(face->cairo, &k_ft_key, ft, destroy_ft_face);
  // The emboldened face on a FreeType face of its own: cairo keys its glyph cache by FT_Face,
  // and a shared one would make every run of the face a synthesised subset.
  FT_Face bold = nullptr;
  if (new_face(file, index, &bold) == 0) {
    face->cairo_bold = cairo_ft_font_face_create_for_ft_face(bold, 0);
    cairo_font_face_set_user_data(face->cairo_bold, &k_ft_key, bold, destroy_ft_face);
    cairo_ft_font_face_set_synthesize(face->cairo_bold, CAIRO_FT_SYNTHESIZE_BOLD);
  } else {
    face->cairo_bold = cairo_font_face_reference(face->cairo);
  }
  return face;
}

// A FreeType face over a subset font's bytes, with the bytes kept alive as long as it.
struct MemoryFace {
  FT_Face ft = nullptr;
  hb_blob_t* blob = nullptr;
};

void destroy_memory_face(void* data) {
  auto* m = static_cast<MemoryFace*>(data);
  done_face(m->ft);
  hb_blob_destroy(m->blob);
  delete m;
}

cairo_font_face_t* memory_cairo_face(hb_blob_t* blob, bool bold) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  auto* m = new MemoryFace;
  if (new_memory_face(data, length, &m->ft) != 0) {
    delete m;
    return nullptr;
  }
  m->blob = hb_blob_reference(blob);
  cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(m->ft, 0);
  cairo_font_face_set_user_data(face, &k_ft_key, m, destroy_memory_face);
  if (bold) {
    cairo_ft_font_face_set_synthesize(face, CAIRO_FT_SYNTHESIZE_BOLD);
  }
  return face;
}

} // namespace

DocumentFaces::~DocumentFaces() {
  for (Entry& e : entries_) {
    hb_set_destroy(e.glyphs);
    hb_set_destroy(e.unicodes);
  }
}

DocumentFaces::Entry& DocumentFaces::entry(LoadedFace& face) {
  for (Entry& e : entries_) {
    if (e.face == &face) {
      return e;
    }
  }
  Entry e;
  e.face = &face;
  e.glyphs = hb_set_create();
  e.unicodes = hb_set_create();
  entries_.push_back(e);
  return entries_.back();
}

void DocumentFaces::use(const ShapedRun& run, std::string_view text) {
  Entry& e = entry(*run.face);
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const unsigned g = run.glyphs[i];
    hb_set_add(e.glyphs, g);
    if (e.unicodes == nullptr) {
      continue;
    }
    // The glyph must be the nominal glyph of its cluster's one character (runs are shaped left
    // to right: clusters do not decrease), or the document's glyphs are cut by glyph id.
    const std::size_t n = run.glyphs.size();
    const bool alone = (i == 0 || run.clusters[i - 1] != run.clusters[i]) &&
                       (i + 1 == n || run.clusters[i + 1] > run.clusters[i]);
    std::size_t pos = run.clusters[i];
    const std::size_t end = i + 1 < n ? run.clusters[i + 1] : text.size();
    const char32_t cp = alone && pos < end ? util::next_code_point(text, pos) : 0;
    hb_codepoint_t nominal = 0;
    if (cp != 0 && pos == end && hb_font_get_nominal_glyph(run.face->hb, cp, &nominal) != 0 &&
        nominal == g) {
      hb_set_add(e.unicodes, cp);
    } else {
      hb_set_destroy(e.unicodes);
      e.unicodes = nullptr;
    }
  }
}

namespace {

// `face` cut down to `glyphs` (glyph ids kept), or null when hb-subset fails. When `unicodes`
// is given (characters whose nominal glyphs are `glyphs`), the cut is asked for by character:
// given glyph ids, hb-subset reads the face's whole cmap (some 45,000 characters in a Noto
// CJK face) to find which characters to keep, about half of a small cut's work.
hb_blob_t* cut_face(const LoadedFace& face, const hb_set_t* glyphs, const hb_set_t* unicodes) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) {
    return nullptr;
  }
  if (unicodes != nullptr) {
    hb_set_union(hb_subset_input_unicode_set(input), unicodes);
  } else {
    hb_set_union(hb_subset_input_glyph_set(input), glyphs);
  }
  // Glyph ids kept: the runs were shaped with the whole face. Desubroutinised: each glyph's
  // charstring stands alone, the same whatever else the cut holds (cairo copies it as it is).
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING |
                                       HB_SUBSET_FLAGS_DESUBROUTINIZE);
  // Only what a PDF reader draws with: no layout tables (shaping is done), no vertical
  // metrics, no colour or bitmaps; their closure over a CJK face is most of the work.
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag :
       {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "COLR", "CPAL",
        "SVG ", "CBDT", "CBLC", "sbix", "EBDT", "EBLC", "DSIG", "meta", "morx", "kerx", "kern"}) {
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  }
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(hb_font_get_face(face.hb), input);
  hb_subset_input_destroy(input);
  if (plan == nullptr) {
    return nullptr;
  }
  // Every glyph wanted is in the plan (by character, each is a nominal glyph: checked here).
  const hb_map_t* kept = hb_subset_plan_old_to_new_glyph_mapping(plan);
  hb_codepoint_t g = HB_SET_VALUE_INVALID;
  while (hb_set_next(glyphs, &g) != 0) {
    if (hb_map_has(kept, g) == 0) {
      hb_subset_plan_destroy(plan);
      return nullptr;
    }
  }
  hb_face_t* subset = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (subset == nullptr) {
    return nullptr;
  }
  hb_blob_t* blob = hb_face_reference_blob(subset);
  hb_face_destroy(subset);
  return blob;
}

} // namespace

cairo_font_face_t* DocumentFaces::cairo_face(LoadedFace& face, bool bold) {
  Entry& e = entry(face);
  if (!e.made) {
    e.made = true;
    if (face.cut_glyphs == nullptr || !hb_set_is_subset(e.glyphs, face.cut_glyphs)) {
      hb_set_t* wanted = hb_set_create();
      if (face.cut_glyphs != nullptr) {
        hb_set_union(wanted, face.cut_glyphs);
      }
      hb_set_union(wanted, e.glyphs);
      hb_set_t* characters = nullptr; // by character when all glyphs so far are nominal
      if (e.unicodes != nullptr && (face.cut_glyphs == nullptr || face.cut_unicodes != nullptr)) {
        characters = hb_set_create();
        if (face.cut_unicodes != nullptr) {
          hb_set_union(characters, face.cut_unicodes);
        }
        hb_set_union(characters, e.unicodes);
      }
      hb_blob_t* blob = cut_face(face, wanted, characters);
      if (blob == nullptr && characters != nullptr) {
        hb_set_destroy(characters);
        characters = nullptr;
        blob = cut_face(face, wanted, nullptr);
      }
      if (blob != nullptr) {
        cairo_font_face_t* regular = memory_cairo_face(blob, false);
        cairo_font_face_t* emboldened = memory_cairo_face(blob, true);
        hb_blob_destroy(blob);
        if (regular != nullptr && emboldened != nullptr) {
          face.drop_cut();
          face.cut_glyphs = wanted;
          face.cut_unicodes = characters;
          characters = nullptr;
          face.cut_regular = regular;
          face.cut_bold = emboldened;
          wanted = nullptr;
        } else {
          for (cairo_font_face_t* f : {regular, emboldened}) {
            if (f != nullptr) {
              cairo_font_face_destroy(f);
            }
          }
        }
      }
      hb_set_destroy(wanted);
      hb_set_destroy(characters);
    }
    e.whole = face.cut_glyphs == nullptr || !hb_set_is_subset(e.glyphs, face.cut_glyphs);
  }
  if (e.whole) {
    return bold ? face.cairo_bold : face.cairo; // the cut could not be made
  }
  return bold ? face.cut_bold : face.cut_regular;
}

void LoadedFace::drop_cut() {
  hb_set_destroy(cut_glyphs);
  cut_glyphs = nullptr;
  hb_set_destroy(cut_unicodes);
  cut_unicodes = nullptr;
  for (cairo_font_face_t** f : {&cut_regular, &cut_bold}) {
    if (*f != nullptr) {
      cairo_font_face_destroy(*f);
      *f = nullptr;
    }
  }
}

FontSet& FontSet::for_thread() {
  thread_local FontSet set;
  return set;
}

FontSet::FontSet() {
  libraries(); // constructed before this thread's set, so destroyed after it
  const std::vector<Role>& table = roles();
  std::vector<std::pair<std::string, LoadedFace*>> loaded; // by file and index, shared
  const auto load = [&](const Candidate& c, bool substitute) -> LoadedFace* {
    std::string file;
    std::string family;
    int index = 0;
    if (!find_face(c, file, index, family)) {
      return nullptr;
    }
    const std::string key = file + "#" + std::to_string(index);
    for (auto& [k, f] : loaded) {
      if (k == key) {
        return f;
      }
    }
    std::string why;
    LoadedFace* face = load_face(file, index, why);
    if (face == nullptr) {
      notes_.push_back(std::string("the font \"") + c.family + "\" (" + file +
                       ") is not used: " + why);
      return nullptr;
    }
    face->family = family;
    face->substitute = substitute;
    owned_.push_back(face);
    loaded.emplace_back(key, face);
    return face;
  };
  std::string substitutes;
  for (const Role& role : table) {
    LoadedFace* chosen = nullptr;
    for (const Candidate& c : role.standard) {
      if ((chosen = load(c, false)) != nullptr) {
        break;
      }
    }
    if (chosen == nullptr) {
      for (const Candidate& c : role.stand_ins) {
        if ((chosen = load(c, true)) != nullptr) {
          substitutes += std::string(substitutes.empty() ? "" : ", ") + c.family +
                         (c.bold ? " Bold" : "") + " for " + role.name;
          break;
        }
      }
    }
    faces_.push_back(chosen);
  }
  if (!substitutes.empty()) {
    notes_.push_back("the GB/T 9704 fonts are not all installed; the PDF uses " + substitutes);
  }
  // Glyphs a face lacks (a traditional character in a GB 2312 face) come from a face that
  // covers all of CJK.
  for (const Candidate& c :
       {Candidate{"Noto Serif CJK SC", false}, Candidate{"Noto Sans CJK SC", false},
        Candidate{"FandolSong", false}}) {
    if (LoadedFace* f = load(c, true)) {
      fallbacks_.push_back(f);
    }
  }
  for (LoadedFace*& f : faces_) {
    if (f == nullptr) {
      if (fallbacks_.empty()) {
        throw std::runtime_error(
            "no Chinese font found for the PDF: install fonts-noto-cjk (scripts/install-deps.sh)");
      }
      f = fallbacks_.front();
    }
  }
}

FontSet::~FontSet() {
  for (LoadedFace* f : owned_) {
    f->drop_cut();
    hb_font_destroy(f->hb);
    cairo_font_face_destroy(f->cairo_bold);
    cairo_font_face_destroy(f->cairo);
    delete f;
  }
}

LoadedFace& FontSet::face(typeset::Face role) const {
  return *faces_[static_cast<std::size_t>(role)];
}

ShapedRun FontSet::shape(std::string_view text, const typeset::Style& style) {
  const auto run_in = [&](LoadedFace& face) {
    ShapedRun run;
    run.face = &face;
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_HAN);
    hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
    hb_shape(face.hb, buf, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    const double scale = style.size / face.upem;
    bool complete = true;
    for (unsigned i = 0; i < n; ++i) {
      complete = complete && info[i].codepoint != 0;
      run.glyphs.push_back(info[i].codepoint);
      run.clusters.push_back(info[i].cluster);
      run.advances.push_back(pos[i].x_advance * scale);
      run.width += pos[i].x_advance * scale;
    }
    hb_buffer_destroy(buf);
    return std::make_pair(run, complete);
  };
  auto [run, complete] = run_in(face(style.face));
  if (!complete) {
    for (LoadedFace* f : fallbacks_) {
      auto [other, ok] = run_in(*f);
      if (ok) {
        return other;
      }
    }
  }
  return run;
}

} // namespace planctl::write::pdf
