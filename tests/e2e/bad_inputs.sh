#!/usr/bin/env bash
# The bad-input corpus of the formats the extract tests do not cover
# (issue 10): pipeline.conf (tests/data/bad/conf), report templates
# (tests/data/bad/tpl), comparators.csv (tests/data/bad/comparators) and the
# bank-holiday file (tests/data/bad/bank_holidays), each through csc-run on
# the tiny authority; then command-line cases of every program. The CIN,
# SSDA903, contacts and early-help cases are run by extract_*_bad.sh.
#
# NAME.expect beside each case, one assertion a line:
#   exit N      csc-run's exit status
#   err TEXT    stderr holds TEXT; a TEXT starting with ":" must follow the
#               case's file name as configured ("pipeline.conf:5: ...")
# Every case must leave the published set exactly as it was (a conf case:
# nothing published at all), and stderr must name the file.
. "$(dirname "$0")/lib.sh"
D=$ROOT/tests/data/bad
T=$(tmpdir)

# expect_case LABEL EXPECT_FILE FILE_NAME RC STDERR_FILE
expect_case() {
	local label=$1 exp=$2 fname=$3 rc=$4 err=$5 key val
	while read -r key val; do
		case $key in
		exit) check_eq "$label: exit $val" "$val" "$rc" ;;
		err)
			[ "${val:0:1}" = ":" ] && val="$fname$val"
			if grep -qF -- "$val" "$err"; then ok "$label: says '$val'"; else
				not_ok "$label: says '$val'"; sed 's/^/#   stderr: /' "$err" | head -5; fi ;;
		'' | '#'*) ;;
		*) not_ok "$label: unknown assertion '$key'" ;;
		esac
	done <"$exp"
}

# published_hash DIR: what the published set holds (link target and files)
published_hash() {
	[ -e "$1" ] || { echo none; return; }
	(readlink "$1"; cd "$1" && find . -type f -exec sha256sum {} + | sort) | sha256sum
}

# ---- pipeline.conf ----------------------------------------------------------
n=0
for c in "$D"/conf/*.conf; do
	name=conf/$(basename "$c" .conf)
	A=$T/$name
	mkdir -p "$A"
	cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv} "$A"/
	cp "$c" "$A/pipeline.conf"
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >"$A/stdout" 2>"$A/stderr"
	expect_case "$name" "${c%.conf}.expect" pipeline.conf $? "$A/stderr"
	check "$name: nothing published" test ! -e "$A/out/2024-02"
	n=$((n + 1))
done

# ---- templates, comparators, bank holidays: one authority, published once --
A=$T/tiny
mkdir -p "$A"
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$A"/
cp -r "$ROOT/templates" "$A/tpl"
cp -r "$ROOT/ref" "$A/ref"
printf 'templates_dir = tpl\nreference_dir = ref\n' >>"$A/pipeline.conf"
check "tiny authority published before the cases" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
before=$(published_hash "$A/out/2024-02")

# run_set KIND EXT TARGET_FILE: each case replaces TARGET_FILE, then is undone
run_set() {
	local kind=$1 ext=$2 target=$3 c name
	for c in "$D/$kind"/*."$ext"; do
		name=$kind/$(basename "$c" ".$ext")
		cp "$target" "$T/saved"
		cp "$c" "$target"
		"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >"$T/stdout" 2>"$T/stderr"
		local rc=$?
		expect_case "$name" "${c%.$ext}.expect" "${target##*/}" $rc "$T/stderr"
		check_eq "$name: published set untouched" "$before" "$(published_hash "$A/out/2024-02")"
		cp "$T/saved" "$target"
		n=$((n + 1))
	done
}
run_set tpl tpl "$A/tpl/highlight.tpl"
run_set comparators csv "$A/tpl/comparators.csv"
run_set bank_holidays csv "$A/ref/bank-holidays-england-wales.csv"
check "tiny authority runs again once the files are restored" \
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet

# ---- command line ----------------------------------------------------------
C=$T/cli
mkdir -p "$C/folder" "$C/st"
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$C"/
# cli NAME EXIT TEXT PROGRAM ARGS...: exit status and stderr text
cli() {
	local name=$1 want=$2 text=$3; shift 3
	(cd "$C" && "$BIN/$@" >"$T/stdout" 2>"$T/stderr")
	local rc=$?
	check_eq "cli/$name: exit $want" "$want" "$rc"
	if grep -qF -- "$text" "$T/stderr"; then ok "cli/$name: says '$text'"; else
		not_ok "cli/$name: says '$text'"; sed 's/^/#   stderr: /' "$T/stderr" | head -5; fi
	n=$((n + 1))
}
cli extract_no_args 4 "usage: csc-extract-contacts" csc-extract-contacts
cli extract_unknown_option 4 "unknown option --bogus" csc-extract-contacts --bogus x
cli contacts_missing_file 3 "nope.csv: cannot open: No such file or directory" \
	csc-extract-contacts -o st nope.csv
cli contacts_folder 3 "folder: cannot read: is a folder, not a file" csc-extract-contacts -o st folder
cli earlyhelp_missing_file 3 "nope.csv: cannot open" csc-extract-earlyhelp -o st nope.csv
cli cin_folder 3 "folder: cannot read: is a folder, not a file" csc-extract-cin -o st folder
cli cin_given_csv 3 "contacts.csv:1: not well-formed XML" csc-extract-cin -o st contacts.csv
cli 903_given_file 3 "contacts.csv: cannot open SSDA903 folder: Not a directory" \
	csc-extract-903 -o st contacts.csv
cli 903_empty_folder 3 "folder: no .csv files in the SSDA903 folder" csc-extract-903 -o st folder
cli run_no_args 4 "usage: csc-run" csc-run
cli run_missing_conf 4 "nope.conf: cannot open configuration" csc-run --conf nope.conf
cli run_bad_month 4 "--period: '2024-13' is not YYYY-MM or YYYY-Qn" \
	csc-run --conf pipeline.conf --period 2024-13
cli run_bad_quarter 4 "--period: '2024-Q5' is not YYYY-MM or YYYY-Qn" \
	csc-run --conf pipeline.conf --period 2024-Q5
cli transform_bad_period 4 "--period: 'banana' is not a month YYYY-MM" \
	csc-transform --conf pipeline.conf --period banana --out x
cli load_no_measures 3 "folder/measures.csv: cannot open" \
	csc-load-report --conf pipeline.conf --period 2024-02 --label 2024-02 --out folder
cli validate_nothing 4 "nothing to validate" csc-validate
cli validate_missing_cin 3 "nope.xml: cannot open" csc-validate --cin nope.xml
cli validate_903_no_tables 3 "no SSDA903 table found" csc-validate --903 folder
cli returns_bad_year 4 "--year abc: expected the 4-digit year" \
	csc-returns --conf pipeline.conf --year abc
cli gen_negative_children 4 "bad value for --children: -1" csc-gen-sample --out g --children -1
check "cli: nothing was staged by the failing extracts" test -z "$(ls "$C/st")"

# ---- limits (README "Limits"): each maximum accepted, one more refused -----
L=$T/limits
mkdir -p "$L"
"$PY" - "$L" <<'PY'
import sys
d = sys.argv[1]
MiB = 1 << 20
hdr = ("Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,"
       "Contact Source,Contact ID,Contact Outcome,Date Contact Completed,Notes\n")
row = "C1,F,WBRI,01/01/2015,9,20/02/2024,6,K1,NFA,20/02/2024,"
for name, n in (("field_max", MiB), ("field_over", MiB + 1)):
    open(f"{d}/{name}.csv", "w").write(hdr + row + "x" * n + "\n")
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails>'
        '<Collection>CIN</Collection><Year>2024</Year><ReferenceDate>2024-03-31</ReferenceDate>'
        '</CollectionDetails></Header><Children><Child><ChildIdentifiers><LAchildID>')
def cin(name, text, below_child):
    nest = "".join(f"<U{i}>" for i in range(below_child)) + \
        "".join(f"</U{i}>" for i in reversed(range(below_child)))
    open(f"{d}/{name}.xml", "w").write(head + "x" * text + "</LAchildID></ChildIdentifiers>" +
                                       nest + "</Child></Children></Message>\n")
cin("text_max", MiB, 0)
cin("text_over", MiB + 1, 0)
# Message is level 0, Children 1, Child 2: 62 more reach level 64
cin("depth_max", 5, 62)
cin("depth_over", 5, 63)
conf = "la_name = L\nla_number = 999\noutput_dir = out\n"
open(f"{d}/conf_over.conf", "w").write(conf + "#" * MiB + "\n")
open(f"{d}/highlight.tpl", "w").write(("#" + "y" * 1000 + "\n") * 1100)
PY
lim() {
	local name=$1 want=$2 text=$3; shift 3
	"$@" >"$T/stdout" 2>"$T/stderr"
	local rc=$?
	check_eq "limits/$name: exit $want" "$want" "$rc"
	if [ -n "$text" ]; then
		if grep -qF -- "$text" "$T/stderr"; then ok "limits/$name: says '$text'"; else
			not_ok "limits/$name: says '$text'"; sed 's/^/#   stderr: /' "$T/stderr" | head -3; fi
	fi
	n=$((n + 1))
}
lim csv_field_1MiB 0 "read 1 = staged 1 + rejected 0" \
	"$BIN/csc-extract-contacts" -o "$L/st1" "$L/field_max.csv"
lim csv_field_1MiB_plus_1 3 "field_over.csv:2: field longer than 1048576 bytes" \
	"$BIN/csc-extract-contacts" -o "$L/st2" "$L/field_over.csv"
lim xml_text_1MiB 0 "" "$BIN/csc-extract-cin" -o "$L/st3" --quiet "$L/text_max.xml"
check_eq "limits/xml_text_1MiB: the child is read (and rejected for its ID)" \
	"1 0 1" "$(awk -F, '$2 == "Child" {print $3, $4, $5}' "$L/st3/recon_cin.csv")"
lim xml_text_1MiB_plus_1 3 "text_over.xml:2: element text longer than 1 MiB" \
	"$BIN/csc-extract-cin" -o "$L/st4" --quiet "$L/text_over.xml"
lim xml_depth_64 0 "" "$BIN/csc-extract-cin" -o "$L/st5" --quiet "$L/depth_max.xml"
lim xml_depth_65 3 "depth_over.xml:2: elements nested deeper than 64 levels" \
	"$BIN/csc-extract-cin" -o "$L/st6" --quiet "$L/depth_over.xml"
lim validate_xml_text_1MiB_plus_1 3 "text_over.xml:2: element text longer than 1 MiB" \
	"$BIN/csc-validate" --cin "$L/text_over.xml" -o "$L/v1" --quiet
lim validate_xml_depth_65 3 "depth_over.xml:2: elements nested deeper than 64 levels" \
	"$BIN/csc-validate" --cin "$L/depth_over.xml" -o "$L/v2" --quiet
lim conf_over_1MiB 4 "conf_over.conf: configuration is larger than 1 MiB" \
	"$BIN/csc-run" --conf "$L/conf_over.conf"
cp "$A/tpl/highlight.tpl" "$T/saved"
cp "$L/highlight.tpl" "$A/tpl/highlight.tpl"
lim template_over_1MiB 4 "highlight.tpl: template is larger than 1 MiB" \
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
cp "$T/saved" "$A/tpl/highlight.tpl"
# One input file: 64 GiB. Sparse files of 64 GiB + 1 byte take no disk and
# are refused before a byte is read, by every reader (CSV, XML, validator).
truncate -s $((64 * 1024 * 1024 * 1024 + 1)) "$L/huge.csv" && cp --sparse=always "$L/huge.csv" "$L/huge.xml"
lim input_64GiB_plus_1_csv 3 "huge.csv: larger than 68719476736 bytes, the limit on one input file" \
	"$BIN/csc-extract-contacts" -o "$L/st7" "$L/huge.csv"
lim input_64GiB_plus_1_xml 3 "huge.xml: larger than 68719476736 bytes, the limit on one input file" \
	"$BIN/csc-extract-cin" -o "$L/st8" "$L/huge.xml"
lim input_64GiB_plus_1_validate 3 "huge.xml: larger than 68719476736 bytes, the limit on one input file" \
	"$BIN/csc-validate" --cin "$L/huge.xml" -o "$L/v3" --quiet
rm -f "$L/huge.csv" "$L/huge.xml"

echo "# $n cases"
finish
