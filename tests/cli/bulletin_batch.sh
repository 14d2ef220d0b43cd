# planctl batch --bulletin and --bulletin-combined (docs/bulletin.md, "In batch"): every school's
# bulletin beside its documents, kept in its re-run record, removed with the school's documents
# when the school fails; the district's combined bulletin with one masthead and each school's
# items under its name in the summary's order, read back with python-docx.
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
: "${PLANCTL_MAKE_PHOTO:?}"

mkdir -p plans/photos
"$PLANCTL_MAKE_PHOTO" jpeg 640 480 1 plans/photos/land.jpg
"$PLANCTL_MAKE_PHOTO" jpeg 480 640 6 plans/photos/portrait.jpg

# school FILE CODE NAME SHORT ACTIVITIES: a plan file with those activities.
school() {
  cat >"plans/$1" <<YAML
version: 1
school: {name: $3, short_name: $4, code: $2}
plan:
  title: 2020年工作计划
  year: 2020
  issuer: $4
  date: 2020-02-20
  sections: [{title: 总则, text: 做好各项工作。}]
activities:
$5
YAML
}
school 1-yi.yaml pa-yz 海东市平安区第一中学 平安一中 "\
  - {date: 2020-06-05, title: 召开期末工作会议, place: 学校会议室, participants: 全体教师, count: 60}
  - {date: 2020-06-12, title: 开展防溺水安全教育, host: 政教处, photos: [{file: photos/land.jpg, caption: 安全教育课堂}]}"
school 2-er.yaml pa-ez 海东市平安区第二中学 平安二中 "\
  - {date: 2020-06-20, title: 举办读书分享会, count: 120, reporter: 马文静, photos: [{file: photos/portrait.jpg, caption: 分享会}, photos/land.jpg]}
  - {date: 2020-07-02, title: 召开暑期安全工作会议, place: 学校报告厅}"
school 3-san.yaml pa-sz 海东市平安区第三中学 平安三中 "\
  - {date: 2020-05-08, title: 召开家长会}"

# 1. Each school's bulletin beside its documents; a school without June activities has none.
run batch plans --bulletin 2020-06 --format md,txt,docx -o out
expect_code 0
err_has "plans/3-san.yaml: note: no activities in 2020-06, so no bulletin"
for f in pa-yz.bulletin-2020-06.{md,txt,docx} pa-ez.bulletin-2020-06.{md,txt,docx}; do
  [[ -f out/$f ]] || fail "no $f"
done
ls out | grep -q '^pa-sz\.bulletin' && fail "a school without June activities has a bulletin"
[[ $(ls out | grep -c '^pa-yz\.photo-[0-9a-f]\{16\}\.jpg$') == 1 ]] || fail "pa-yz: one photo: $(ls out)"
[[ $(ls out | grep -c '^pa-ez\.photo-[0-9a-f]\{16\}\.jpg$') == 2 ]] || fail "pa-ez: two photos: $(ls out)"
ls out | grep -q '^district-bulletin' && fail "a combined bulletin was not asked for"
grep -qxF '　　本报讯 6月20日，平安二中举办读书分享会。共120人参加。' out/pa-ez.bulletin-2020-06.txt ||
  fail "pa-ez's story is wrong"
grep -qF '"bulletin": "2020-06"' out/.pa-ez.planctl.json || fail "the record lacks the request"
grep -qF 'pa-ez.bulletin-2020-06.docx' out/.pa-ez.planctl.json || fail "the record lacks the bulletin"

# 2. The same run again: nothing changed.
run batch plans --bulletin 2020-06 --format md,txt,docx -o out
expect_code 0
err_has "unchanged plans/2-er.yaml → pa-ez.*"
# 3. July: June's bulletins stay (published), July's is added, and the record keeps both.
june=$(sha256sum out/pa-ez.bulletin-2020-06.docx)
run batch plans --bulletin 2020-07 --format md,txt,docx -o out
expect_code 0
err_has "rendered plans/2-er.yaml → pa-ez.*"
[[ -f out/pa-ez.bulletin-2020-07.txt ]] || fail "no July bulletin"
[[ "$(sha256sum out/pa-ez.bulletin-2020-06.docx)" == "$june" ]] || fail "June's bulletin changed"
grep -qF 'pa-ez.bulletin-2020-06.docx' out/.pa-ez.planctl.json || fail "the record lost June's"
# 4. Without --bulletin the published bulletins stay too.
run batch plans --format md,txt,docx -o out
expect_code 0
[[ -f out/pa-yz.bulletin-2020-06.md && -f out/pa-ez.bulletin-2020-07.docx ]] || fail "bulletins removed"
# 5. A school that now fails loses every output, its bulletins and photos included.
sed -i 's/^version: 1/version: 1\nbogus: 1/' plans/2-er.yaml
run batch plans --format md,txt,docx -o out
expect_code 1
err_has "failed   plans/2-er.yaml (1 error, 1 warning, 14 old outputs removed)"
ls out | grep -q '^pa-ez\.' && fail "the failed school keeps outputs: $(ls out | grep '^pa-ez')"
[[ -f out/pa-yz.bulletin-2020-06.md ]] || fail "the other school lost its bulletin"
sed -i '/^bogus: 1$/d' plans/2-er.yaml

# 6. The combined bulletin: one masthead, each school's items under its name, in order.
rm -rf out
run batch plans --bulletin 2020-06 --bulletin-combined --issuer 平安区教育局 --bulletin-number 7 \
  --format md,txt,docx -o out
expect_code 0
err_has "combined bulletin: out/district-bulletin-2020-06.docx"
cat >expected.txt <<'TXT'
平安区教育局工作简报
第7期
　编印：平安区教育局　　　　　　　　　　2020年6月20日　

海东市平安区第一中学

召开期末工作会议
　　本报讯 6月5日，平安一中在学校会议室召开期末工作会议。全体教师60人参加。

开展防溺水安全教育
　　本报讯 6月12日，平安一中政教处开展防溺水安全教育。
【图：安全教育课堂】

海东市平安区第二中学

举办读书分享会
■ 通讯员 马文静
　　本报讯 6月20日，平安二中举办读书分享会。共120人参加。
【图：分享会】
【图：举办读书分享会】
TXT
diff expected.txt out/district-bulletin-2020-06.txt || fail "the combined bulletin's text is not as expected"
# Each picture once beside the Markdown, under the district's names.
[[ $(ls out | grep -c '^district-bulletin-photo-[0-9a-f]\{16\}\.jpg$') == 2 ]] || fail "photos: $(ls out)"
grep -qxF '## 海东市平安区第二中学' out/district-bulletin-2020-06.md || fail "no school heading in the Markdown"
grep -qF '](<district-bulletin-photo-' out/district-bulletin-2020-06.md || fail "the Markdown's photos"

$PY - out/district-bulletin-2020-06.docx <<'PY' || fail "the combined .docx is wrong"
import sys, zipfile, docx
path = sys.argv[1]
d = docx.Document(path)
texts = [p.text for p in d.paragraphs if p.text]
assert texts[0] == "平安区教育局工作简报", texts[0]
assert texts[1] == "第7期", texts[1]
assert texts[2].startswith("编印：平安区教育局") and texts[2].endswith("2020年6月20日"), texts[2]
assert texts.count("平安区教育局工作简报") == 1  # one masthead
yi, er = texts.index("【海东市平安区第一中学】"), texts.index("【海东市平安区第二中学】")
assert yi < texts.index("召开期末工作会议") < texts.index("开展防溺水安全教育") < er
assert er < texts.index("举办读书分享会")
# The pictures in order: the landscape under 平安一中, then the upright portrait and the
# landscape under 平安二中; the landscape stored once.
emu = 635
max_w, max_h = 8844 * emu, 12755 // 3 * emu
shapes = [(s.width, s.height) for s in d.inline_shapes]
assert len(shapes) == 3, shapes
land, portrait, again = shapes
assert land == again and land[1] == max_h and abs(land[0] / land[1] - 4 / 3) < 0.001, land
assert portrait[1] == max_h and abs(portrait[0] / portrait[1] - 3 / 4) < 0.001, portrait
media = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/media/")]
assert len(media) == 2, media
PY

# The combined PDF: the three photos in order, the landscape one image object shown twice.
run batch plans --bulletin 2020-06 --bulletin-combined --issuer 平安区教育局 --format pdf -o outpdf
expect_code 0
pdfimages -list outpdf/district-bulletin-2020-06.pdf | tail -n +3 | awk '{print $3, $4, $5, $9, $11}' >list
printf '%s\n' "image 640 480 jpeg A" "image 480 640 jpeg B" "image 640 480 jpeg A" >want
sed -i "s/ $(awk 'NR==1{print $5}' list)\$/ A/; s/ $(awk 'NR==2{print $5}' list)\$/ B/" list
diff want list || fail "the combined PDF's images"
pdftotext outpdf/district-bulletin-2020-06.pdf - | grep -qF '【海东市平安区第二中学】' || fail "no school in the PDF"

# 7. A school that fails is left out of the combined bulletin; the summary says it failed.
rm -rf out
sed -i 's/^version: 1/version: 1\nbogus: 1/' plans/1-yi.yaml
run batch plans --bulletin 2020-06 --bulletin-combined --issuer 平安区教育局 --format txt -o out
expect_code 1
grep -qF '平安区第一中学' out/district-bulletin-2020-06.txt && fail "the failed school is in it"
grep -qxF '海东市平安区第二中学' out/district-bulletin-2020-06.txt || fail "the passed school is not"
sed -i '/^bogus: 1$/d' plans/1-yi.yaml

# 8. A month no school has: the schools' documents are written, the combined one is refused.
rm -rf out
run batch plans --bulletin 2020-09 --bulletin-combined --issuer 平安区教育局 --format txt -o out
expect_code 2
err_has "no school rendered has activities in 2020-09; the combined bulletin was not written"
[[ -f out/pa-yz.plan.txt ]] || fail "the documents were not written"
ls out | grep -q 'bulletin' && fail "a bulletin was written: $(ls out)"

# A missing photo fails its school in batch, at the photo's line and column; the others render.
rm -rf out
sed -i 's#photos/portrait.jpg#photos/gone.jpg#' plans/2-er.yaml
run batch plans --bulletin 2020-06 --format txt -o out
expect_code 1
err_has 'plans/2-er.yaml:10:83: error: photo "photos/gone.jpg" does not exist'
ls out | grep -q '^pa-ez\.' && fail "the school with a missing photo has outputs"
[[ -f out/pa-yz.bulletin-2020-06.txt ]] || fail "the other school has no bulletin"
# Without --bulletin its photos are not read: it renders.
rm -rf out
run batch plans --format txt -o out
expect_code 0
sed -i 's#photos/gone.jpg#photos/portrait.jpg#' plans/2-er.yaml

# 9. Usage errors, nothing written.
rm -rf out
for args in "--bulletin-combined --issuer X" "--bulletin all --bulletin-combined --issuer X" \
  "--bulletin 2020-06 --bulletin-combined" "--bulletin 2020-06 --issuer X" \
  "--bulletin 2020-13" "--bulletin 2020-06 --bulletin-combined --issuer X --bulletin-number 0"; do
  # shellcheck disable=SC2086
  run batch plans $args -o out
  expect_code 2
  [[ ! -e out ]] || fail "$args: wrote $(ls out)"
done
