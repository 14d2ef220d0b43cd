// The faces of a PDF: found through fontconfig by the names GB/T 9704 documents use, with
// Debian-packaged stand-ins that cover GB 2312 (docs/pdf.md), loaded once per thread.
#pragma once

#include <planctl/typeset/grid.hpp>

#include <cairo.h>
#include <hb.h>

#include <string>
#include <string_view>
#include <vector>

namespace planctl::write::pdf {

// One loaded face: its HarfBuzz font (unscaled: advances in font units) and its cairo face.
struct LoadedFace {
  std::string family;
  std::string file;
  hb_font_t* hb = nullptr;
  cairo_font_face_t* cairo = nullptr;
  cairo_font_face_t* cairo_bold = nullptr; // emboldened by FreeType: no 仿宋 has a bold face
  unsigned upem = 1000;
  bool substitute = false; // a stand-in for the GB/T 9704 face
};

// A glyph run ready for cairo: glyph ids and advances in points, in the face that has them.
struct ShapedRun {
  const LoadedFace* face = nullptr;
  std::vector<unsigned> glyphs;
  std::vector<double> advances;
  std::vector<unsigned> clusters; // byte offset of each glyph's cluster in the text
  double width = 0;
};

class FontSet {
public:
  // The font set of the calling thread (faces are not shared between threads).
  static FontSet& for_thread();

  // `text` shaped in the face of `style`, or in the fallback face when that face lacks a glyph.
  ShapedRun shape(std::string_view text, const typeset::Style& style);

  // One sentence per face that stands in for a GB/T 9704 face, or that was refused (embedding
  // not permitted); empty when every face is the real one.
  const std::vector<std::string>& notes() const { return notes_; }

  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

private:
  const LoadedFace& face(typeset::Face role) const;
  std::vector<LoadedFace*> faces_; // indexed by typeset::Face
  std::vector<LoadedFace*> fallbacks_;
  std::vector<LoadedFace*> owned_;
  std::vector<std::string> notes_;
};

} // namespace planctl::write::pdf
