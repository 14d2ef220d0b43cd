# planctl render --bulletin (docs/bulletin.md): the photos are made here (tests/tools/
# make_photo.cpp): a landscape JPEG, a portrait one stored sideways with EXIF orientation 6 and
# a PNG with alpha. The .docx is read back with python-docx (the inline pictures' extents and
# order, each picture stored once) and the hostile photos each fail at their line and column
# with nothing written.
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
: "${PLANCTL_MAKE_PHOTO:?}"

mkdir -p plan/photos out
"$PLANCTL_MAKE_PHOTO" jpeg 640 480 1 plan/photos/land.jpg
"$PLANCTL_MAKE_PHOTO" jpeg 480 640 6 plan/photos/portrait.jpg
"$PLANCTL_MAKE_PHOTO" png 300 200 plan/photos/alpha.png
cp plan/photos/land.jpg plan/photos/same-as-land.jpg

# write_plan PHOTOS_OF_THE_FIRST_ACTIVITY: a plan whose June has three activities.
write_plan() {
  cat >plan/plan.yaml <<YAML
version: 1
school: {name: 海东市平安区第二中学, short_name: 平安二中}
plan:
  title: 2020年工作计划
  year: 2020
  issuer: 平安二中
  date: 2020-02-20
  sections: [{title: 总则, text: 做好各项工作。}]
activities:
  - date: 2020-06-03
    title: 召开创建民族团结进步动员大会
    host: 工会主席张慧君主持，校长王子涛作动员讲话
    participants: 全体教职工
    count: 89
    place: 学校报告厅
    summary: 会议对创建工作进行动员部署。
    reporter: 蔡晓铭
    photos:
$1
  - date: 2020-06-10
    title: 开展消防疏散演练
    summary: 全校师生有序疏散。
    photos: [photos/portrait.jpg, {file: photos/alpha.png, caption: 演练现场}]
  - date: 2020-06-20
    title: 举办读书分享会
    headline: 书香润校园 阅读伴成长
    host: 德育处
    count: 120
    photos: {file: photos/same-as-land.jpg, caption: 分享会}
  - date: 2020-07-01
    title: 七月的活动
bulletin:
  number: 5
  copy_to: {报: 平安区教育局, 发: 本校各处室}
YAML
}

write_plan "      - {file: photos/land.jpg, caption: 动员大会现场}"
run render plan/plan.yaml --bulletin 2020-06 -o out
expect_code 0
# The default set: md, txt, docx and pdf (the bulletin has no workbook).
for f in md txt docx pdf; do [[ -f out/plan.bulletin-2020-06.$f ]] || fail "no plan.bulletin-2020-06.$f"; done
# Three distinct contents beside the Markdown (land.jpg and same-as-land.jpg are one).
[[ $(ls out | grep -c '^plan\.photo-[0-9a-f]\{16\}\.\(jpg\|png\)$') == 3 ]] || fail "expected 3 photo copies: $(ls out)"
[[ $(ls out | wc -l) == 7 ]] || fail "unexpected files: $(ls out)"

txt=out/plan.bulletin-2020-06.txt
grep -qxF '平安二中工作简报' "$txt" || fail "no masthead name"
grep -qxF '第5期' "$txt" || fail "June, the first month with activities, has number 5: 第5期"
grep -qF '编印：海东市平安区第二中学' "$txt" || fail "no editor line"
grep -qF '2020年6月20日' "$txt" || fail "no date of the last activity"
grep -qxF '■ 通讯员 蔡晓铭' "$txt" || fail "no byline"
grep -qxF '　　本报讯 6月3日，平安二中在学校报告厅召开创建民族团结进步动员大会。工会主席张慧君主持，校长王子涛作动员讲话，全体教职工89人参加。会议对创建工作进行动员部署。' "$txt" || fail "the first story is not the news register"
# No place, no host, no participants: no words for them and no dangling punctuation.
grep -qxF '　　本报讯 6月10日，平安二中开展消防疏散演练。全校师生有序疏散。' "$txt" || fail "the bare story is wrong"
grep -qxF '　　本报讯 6月20日，平安二中德育处举办读书分享会。共120人参加。' "$txt" || fail "an organiser is the subject"
grep -qxF '书香润校园 阅读伴成长' "$txt" || fail "the headline replaces the title"
grep -qxF '【图：动员大会现场】' "$txt" || fail "no photo line"
grep -qxF '　报：平安区教育局' "$txt" || fail "no 报 line"
grep -qF '七月的活动' "$txt" && fail "an activity of July is in June's bulletin"
grep -qE '，。|。。|，，|在。' "$txt" && fail "dangling punctuation"
grep -qF '![动员大会现场](<plan.photo-' out/plan.bulletin-2020-06.md || fail "no Markdown image"

$PY - out/plan.bulletin-2020-06.docx <<'PY' || fail "the .docx pictures are wrong"
import sys, zipfile, docx
path = sys.argv[1]
d = docx.Document(path)
emu_per_twip = 635
max_w, max_h = 8844 * emu_per_twip, 12755 // 3 * emu_per_twip
shapes = [(s.width, s.height) for s in d.inline_shapes]
assert len(shapes) == 4, shapes
for w, h in shapes:
    assert w <= max_w and h <= max_h, (w, h)
land, portrait, alpha, again = shapes
# Aspect kept: 640x480 landscape, the portrait upright (480x640), the PNG 300x200.
assert land[1] == max_h and abs(land[0] / land[1] - 4 / 3) < 0.001, land
assert portrait[1] == max_h and abs(portrait[0] / portrait[1] - 3 / 4) < 0.001, portrait
assert alpha[1] == max_h and abs(alpha[0] / alpha[1] - 3 / 2) < 0.001, alpha
assert again == land
# Each content once in word/media, every picture pointing into it.
z = zipfile.ZipFile(path)
media = [n for n in z.namelist() if n.startswith("word/media/")]
assert len(media) == 3, media
xml = z.read("word/document.xml").decode()
assert xml.count("<a:blip ") == 4
# The portrait is stored upright: its JPEG says 480 wide, 640 high, and has no EXIF left.
import struct
for n in media:
    data = z.read(n)
    if data[:2] == b"\xff\xd8" and b"Exif" not in data[:4096]:
        i = 2
        while i < len(data):
            marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xC2:
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                break
            i += 2 + length
        sizes = (w, h)
        if sizes != (640, 480):
            assert sizes == (480, 640), sizes
# Captions in 楷体 under their pictures, in order.
texts = [p.text for p in d.paragraphs]
assert texts.index("动员大会现场") < texts.index("演练现场") < texts.index("分享会")
from docx.oxml.ns import qn
def east_asia(p):
    return p.runs[0].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
for caption in ("动员大会现场", "演练现场", "分享会"):
    p = d.paragraphs[texts.index(caption)]
    assert east_asia(p) == "楷体_GB2312", east_asia(p)
    assert p.alignment == 1  # centred
    # The picture is in the paragraph right above its caption.
    assert d.paragraphs[texts.index(caption) - 1]._p.xpath(".//pic:pic")
# The masthead: the name in red 小标宋, the red rule under the 编印 line.
name = d.paragraphs[0]
assert name.text == "平安二中工作简报" and east_asia(name) == "方正小标宋简体"
assert name.runs[0].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
assert d.paragraphs[2].text.startswith("编印：") and d.paragraphs[2]._p.xpath('.//w:pBdr/w:bottom[@w:color="FF0000"]')
PY

# The same input gives the same bytes.
mkdir out2
run render plan/plan.yaml --bulletin 2020-06 -o out2
expect_code 0
cmp out/plan.bulletin-2020-06.docx out2/plan.bulletin-2020-06.docx || fail "not deterministic"

# all: one bulletin per month with activities; a span: one; a month without activities: exit 2.
mkdir out3
run render plan/plan.yaml --bulletin all -o out3 --format txt
expect_code 0
[[ -f out3/plan.bulletin-2020-06.txt && -f out3/plan.bulletin-2020-07.txt ]] || fail "all: $(ls out3)"
grep -qxF '第6期' out3/plan.bulletin-2020-07.txt || fail "July is 第6期"
run render plan/plan.yaml --bulletin 2020-06..2020-07 -o out3 --format txt
expect_code 0
[[ -f out3/plan.bulletin-2020-06--2020-07.txt ]] || fail "span: $(ls out3)"
grep -qxF '第5期' out3/plan.bulletin-2020-06--2020-07.txt || fail "a span takes its first month's number"
run render plan/plan.yaml --bulletin 2020-05 -o out3
expect_code 2
err_has "has no activities in 2020-05; nothing was written"
run render plan/plan.yaml --bulletin 2020-13 -o out3
expect_code 2
err_has 'is not a month'

# Hostile photos: each an error at the photo's line and column, nothing written.
printf 'root:x:0:0\n' >plan/photos/passwd.jpg                       # not an image, whatever its name
head -c 1500 plan/photos/land.jpg >plan/photos/cut.jpg              # truncated JPEG
$PY - plan/photos/bomb.png <<'PY'                                   # a 30000 x 30000 PNG header
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 6, 0, 0, 0)
body = zlib.compress(b"\0" * 100000)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
PY
$PY - plan/photos/turned.jpg <<'PY'                                 # 6000 x 5000 stored turned: headers only
import struct, sys
exif = b"Exif\0\0MM\0*" + struct.pack(">IHHHIHHI", 8, 1, 0x0112, 3, 1, 6, 0, 0)
app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 5000, 6000, 1) + b"\x01\x11\x00"
sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
open(sys.argv[1], "wb").write(b"\xff\xd8" + app1 + sof + sos + b"\x00" * 64 + b"\xff\xd9")
PY
$PY - plan/photos/big.png <<'PY'                                    # 6000 x 5000 PNG: 30 megapixels
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
ihdr = struct.pack(">IIBBBBB", 6000, 5000, 8, 2, 0, 0, 0)
body = zlib.compress(b"\0" * 1000)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
PY
mkdir -p elsewhere && cp plan/photos/land.jpg elsewhere/outside.jpg
ln -s ../../elsewhere/outside.jpg plan/photos/link.jpg             # a symlink that leads out
check_hostile() { # PHOTO_LINE RULE_TEXT
  write_plan "$1"
  rm -rf out && mkdir out
  run render plan/plan.yaml --bulletin 2020-06 -o out
  expect_code 1
  err_has "plan/plan.yaml:19:$3: error: $2"
  [[ -z $(ls -A out) ]] || fail "something was written: $(ls -A out)"
}
check_hostile "      - photos/missing.jpg" 'photo "photos/missing.jpg" does not exist' 9
check_hostile "      - photos/passwd.jpg" 'photo "photos/passwd.jpg" is not a JPEG or PNG image' 9
check_hostile "      - photos/cut.jpg" 'photo "photos/cut.jpg" is cut short' 9
check_hostile "      - photos/bomb.png" 'photo "photos/bomb.png" is 30000 × 30000 pixels' 9
check_hostile "      - photos/turned.jpg" 'photo "photos/turned.jpg" is 6000 × 5000 pixels stored turned (EXIF orientation 6)' 9
check_hostile "      - photos/big.png" 'photo "photos/big.png" is a PNG of 6000 × 5000 pixels; a PNG is decoded in full for the PDF' 9
check_hostile "      - ../../etc/passwd" 'photo "../../etc/passwd" is outside the plan file' 9
check_hostile "      - /etc/passwd" 'photo "/etc/passwd" is an absolute path' 9
check_hostile "      - photos/link.jpg" 'photo "photos/link.jpg" is outside the plan file' 9
check_hostile "      - {file: photos/photos, caption: x}" 'photo "photos/photos" does not exist' 16
mkdir plan/photos/dir.jpg
check_hostile "      - photos/dir.jpg" 'photo "photos/dir.jpg" is not a file' 9
# validate reports them too.
run validate plan/plan.yaml
expect_code 1
out_has '[photo]'

# One photo listed 1,000 times: the repeats are errors naming the first line, the file is read
# once and the memory stays small.
lines=$(for i in $(seq 1 1000); do echo "      - photos/land.jpg"; done)
write_plan "$lines"
rm -rf out && mkdir out
set +e
/usr/bin/time -f '%M' -o rss "$PLANCTL" render plan/plan.yaml --bulletin 2020-06 -o out >"$T/stdout" 2>"$T/stderr"
CODE=$?
set -e
expect_code 1
err_has 'plan/plan.yaml:20:9: error: photo "photos/land.jpg" is listed again for this activity (first on line 19)'
[[ -z $(ls -A out) ]] || fail "something was written"
rss=$(tail -n 1 rss)
limit=60000
planctl_is_sanitized && limit=400000
(( rss < limit )) || fail "peak memory ${rss} KiB for 1,000 listings"

# The PDF: each JPEG embedded as it is (pdfimages shows `jpeg`, and its bytes are the file's),
# the PNG drawn by cairo with its alpha as a soft mask, each picture once however often shown,
# in order, scaled as in the .docx (75 mm high here: 640 px over 100 mm is 163 ppi).
write_plan "      - {file: photos/land.jpg, caption: 动员大会现场}"
rm -rf out && mkdir out
run render plan/plan.yaml --bulletin 2020-06 -o out --format txt,pdf
expect_code 0
[[ $(ls out | tr '\n' ' ') == "plan.bulletin-2020-06.pdf plan.bulletin-2020-06.txt " ]] || fail "txt,pdf wrote: $(ls out)"
pdfimages -list out/plan.bulletin-2020-06.pdf >list || fail "pdfimages cannot read the PDF"
$PY - list <<'PY' || fail "the PDF's images are wrong: $(cat list)"
import sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[2:]]
got = [(r[2], int(r[3]), int(r[4]), r[8], int(r[10]), int(r[12]), int(r[13])) for r in rows]
land, portrait, alpha, mask, again = got
assert land[:4] == ("image", 640, 480, "jpeg") and land[5:] == (163, 163), land
assert portrait[:4] == ("image", 480, 640, "jpeg") and portrait[5:] == (217, 217), portrait
assert alpha[:4] == ("image", 300, 200, "image") and alpha[5:] == (68, 68), alpha
assert mask[:4] == ("smask", 300, 200, "image"), mask
assert again == land, (again, land)  # the same object: stored once
PY
mkdir jpg && pdfimages -j -f 1 -l 1 out/plan.bulletin-2020-06.pdf jpg/p
cmp jpg/p-000.jpg plan/photos/land.jpg || fail "the JPEG is not embedded as it is"
pdftotext out/plan.bulletin-2020-06.pdf - | grep -qF '动员大会现场' || fail "no caption in the PDF"
pdffonts out/plan.bulletin-2020-06.pdf | grep -qi 'kai' || fail "no 楷体 face for the captions"

# The portrait, stored sideways with EXIF orientation 6, stands upright on the page: in the
# page rendered by poppler the photo's box is taller than wide and its sun is at the top left.
cat >plan/upright.yaml <<'YAML'
version: 1
school: {name: 海东市平安区第二中学, short_name: 平安二中}
plan: {title: 2020年工作计划, year: 2020, issuer: 平安二中, date: 2020-02-20, sections: [{title: 总则, text: 做好各项工作。}]}
activities:
  - {date: 2020-06-10, title: 开展消防疏散演练, photos: [photos/portrait.jpg]}
YAML
run render plan/upright.yaml --bulletin 2020-06 -o out --format pdf
expect_code 0
pdftoppm -r 40 -f 1 -l 1 out/upright.bulletin-2020-06.pdf page
$PY - page-1.ppm <<'PY' || fail "the portrait is not upright in the PDF"
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
def at(x, y):
    i = 3 * (y * w + x)
    return px[i], px[i + 1], px[i + 2]
def near(c, ref, tol=60):
    return all(abs(a - b) <= tol for a, b in zip(c, ref))
photo, sun = [], []
for y in range(h):
    for x in range(w):
        c = at(x, y)
        if near(c, (90, 160, 230)) or near(c, (60, 150, 60)):
            photo.append((x, y))
        elif near(c, (250, 210, 40), 50):
            sun.append((x, y))
xs, ys = [p[0] for p in photo], [p[1] for p in photo]
x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
assert (y1 - y0) > 1.2 * (x1 - x0), ("not a portrait box", x0, x1, y0, y1)
sx = sum(p[0] for p in sun) / len(sun)
sy = sum(p[1] for p in sun) / len(sun)
assert sx < (x0 + x1) / 2 and sy < (y0 + y1) / 2, ("the sun is not at the top left", sx, sy, x0, x1, y0, y1)
PY

# Two landscape photos of one item stand side by side (outputs.md): in the .docx a borderless
# table of two cells, each the photo and its caption, both 2841 twips high (half the width,
# 4262 twips, for the 300 × 200 PNG; the 640 × 480 JPEG as high, 3788 wide); in the PDF the
# same sizes (640 px over 3788 twips is 243 ppi, 300 px over 4262 twips 101 ppi).
cat >plan/pair.yaml <<'YAML'
version: 1
school: {name: 海东市平安区第二中学, short_name: 平安二中}
plan: {title: 2020年工作计划, year: 2020, issuer: 平安二中, date: 2020-02-20, sections: [{title: 总则, text: 做好各项工作。}]}
activities:
  - date: 2020-06-10
    title: 开展消防疏散演练
    photos: [{file: photos/land.jpg, caption: 疏散现场}, {file: photos/alpha.png, caption: 集合点名}, photos/portrait.jpg]
YAML
run render plan/pair.yaml --bulletin 2020-06 -o out --format docx,pdf
expect_code 0
$PY - out/pair.bulletin-2020-06.docx <<'PY' || fail "the .docx pair is wrong"
import sys, docx
d = docx.Document(sys.argv[1])
emu = 635
assert len(d.tables) == 1, len(d.tables)
row = d.tables[0].rows[0]
assert len(row.cells) == 2
def shapes(cell):
    return [(int(e.get("cx")), int(e.get("cy"))) for e in cell._tc.xpath(".//wp:extent")]
assert shapes(row.cells[0]) == [(3788 * emu, 2841 * emu)], shapes(row.cells[0])
assert shapes(row.cells[1]) == [(4262 * emu, 2841 * emu)], shapes(row.cells[1])
assert [p.text for p in row.cells[0].paragraphs if p.text] == ["疏散现场"]
assert [p.text for p in row.cells[1].paragraphs if p.text] == ["集合点名"]
# The portrait after them stands alone, full size, under the table.
body = d.element.body
tbl = body.index(d.tables[0]._tbl)
after = [e for e in body[tbl + 1:] if e.xpath(".//wp:extent")]
assert len(after) == 1 and int(after[0].xpath(".//wp:extent")[0].get("cy")) == 4251 * emu
# No borders: the pair is two photos, not a table to the reader.
assert all(b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "nil"
           for b in d.tables[0]._tbl.xpath("./w:tblPr/w:tblBorders/*"))
PY
pdfimages -list out/pair.bulletin-2020-06.pdf | tail -n +3 | awk '{print $3, $4, $5, $9, $13}' >list
printf '%s\n' "image 640 480 jpeg 243" "image 300 200 image 101" "smask 300 200 image 101" \
  "image 480 640 jpeg 217" >want
diff want list || fail "the PDF pair's images"
pdftotext -layout out/pair.bulletin-2020-06.pdf - | grep -qE '疏散现场 +集合点名' || fail "the captions are not side by side"
