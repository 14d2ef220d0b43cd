# planctl import of a PDF (docs/import.md): a PDF that planctl wrote gives back the plan file it
# carries, byte for byte, for the plan and the report alike, also after a tool appended to it
# (then with a warning that it differs); a PDF that carries no plan file, or a file that is not
# a PDF, gets the sentence that says what to do, and nothing is written.
source "$(dirname "$0")/lib/common.bash"
cd "$T"
mkdir out
# The bulletin's photos stay behind: render of the plan and the report does not read them.
cp "$SRC/examples/pingan-no2-2020.yaml" source.yaml
run render source.yaml -o out --format pdf --as-of 2020-12-31
expect_code 0

for doc in plan report; do
  run import "out/pingan-no2.$doc.pdf" -o "$doc.yaml"
  expect_code 0
  expect_out "wrote $doc.yaml: the plan file out/pingan-no2.$doc.pdf was made from (planctl wrote the PDF, and writes it from that file byte for byte)"
  expect_err ""
  cmp -s "$doc.yaml" source.yaml || fail "$doc.yaml is not the plan file byte for byte"
done
run import out/pingan-no2.plan.pdf -o -
expect_code 0
cmp -s "$T/stdout" source.yaml || fail "-o - does not print the plan file"

# A tool that appends to the PDF (an annotation, a signature) leaves the plan file readable.
cp out/pingan-no2.plan.pdf signed.pdf
printf '%% appended by another program\n' >>signed.pdf
run import signed.pdf -o signed.yaml
expect_code 0
expect_out "wrote signed.yaml: the plan file signed.pdf was made from (the file the PDF carries)"
expect_err "signed.pdf: warning: the PDF is not byte for byte what this planctl writes from the plan file it carries (another planctl version, other fonts, another as-of date, or changed since); the plan file it carries is written as it is: check it against the PDF"
cmp -s signed.yaml source.yaml || fail "signed.yaml is not the plan file byte for byte"

# No plan file in it: a PDF another program wrote, and one whose stream was cut short.
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%%%EOF\n' >other.pdf
head -c 20000 out/pingan-no2.plan.pdf >cut.pdf
python3 - <<'PY'
data = open("out/pingan-no2.plan.pdf", "rb").read()
marker = b"/Subtype /text#2Fyaml /Length "
at = data.rfind(marker) + len(marker)
end = data.index(b" ", at)
# A length past the end of the file must not be read.
open("long.pdf", "wb").write(data[:at] + b"99999999999999999999" + data[end:])
open("huge.pdf", "wb").write(data[:at] + b"18446744073709551615" + data[end:])
PY
for bad in other cut long huge; do
  run import "$bad.pdf" -o "$bad.yaml"
  expect_code 2
  expect_err "planctl: error: this PDF carries no plan file (only a PDF that planctl wrote does), and planctl does not read a PDF's text; open the document it was made from in Word or WPS, save it as .docx (Word 文档), and import the .docx"
  [[ ! -e "$bad.yaml" ]] || fail "$bad.yaml was written"
done
echo "not a pdf" >text.pdf
run import text.pdf -o text.yaml
expect_code 2
expect_err "planctl: error: the file is not a PDF (it does not start with %PDF-)"
[[ ! -e text.yaml ]] || fail "text.yaml was written"
echo ok
