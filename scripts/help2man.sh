#!/bin/sh
# Write the man page of one program from its --help text.
#   scripts/help2man.sh PROGRAM OUT.1
# Every program's --help is already laid out as a man page (NAME, SYNOPSIS,
# DESCRIPTION, OPTIONS, EXIT STATUS, ...: a capitalised heading at column 0,
# its text indented four spaces), so the page keeps that text as written:
# each heading becomes .SH and its text is set without refilling, so the
# option tables line up as in the terminal. GNU help2man expects the GNU
# --help layout and would nest these headings inside its own DESCRIPTION.
# The page carries the release (VERSION) and no date: the same tree writes
# the same bytes.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 PROGRAM OUT.1" >&2; exit 4; }
prog=$1 out=$2
name=$(basename "$prog")
help=$("$prog" --help) || { echo "$0: $prog --help failed" >&2; exit 1; }
release=$("$prog" --version | awk '{ print $2 }')
[ -n "$release" ] || { echo "$0: $prog --version printed no release" >&2; exit 1; }
printf '%s\n' "$help" | awk -v name="$name" -v release="$release" '
function esc(s) {
	gsub(/\\/, "\\e", s)
	gsub(/-/, "\\-", s)
	if (s ~ /^[.'\'']/)
		s = "\\&" s
	return s
}
BEGIN {
	up = toupper(name)
	printf ".\\\" generated from %s --help by scripts/help2man.sh; do not edit\n", name
	printf ".TH \"%s\" \"1\" \"\" \"cscpipe %s\" \"cscpipe manual\"\n", up, release
}
/^[A-Z][A-Z ]*[A-Z]$/ {
	if (nf) print ".fi"
	nf = 0
	section = $0
	printf ".SH \"%s\"\n", $0
	next
}
section == "" { next }	# text before the first heading (none today)
section == "NAME" {
	# "    prog - what it does": whatis and apropos read this line
	line = $0
	sub(/^ +/, "", line)
	if (line == "") next
	sep = index(line, " - ")
	if (sep) line = substr(line, 1, sep - 1) " \\- " esc(substr(line, sep + 3))
	else line = esc(line)
	print line
	next
}
{
	if (!nf) { print ".nf"; nf = 1; blank = 0 }
	line = $0
	sub(/^    /, "", line)
	if (line ~ /^ *$/) { blank++; next }
	# blank lines inside a section are kept; trailing ones are dropped
	for (; blank > 0; blank--) print ""
	print esc(line)
}
END { if (nf) print ".fi" }
' >"$out.tmp.$$"
mv "$out.tmp.$$" "$out"
