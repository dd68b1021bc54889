# perturb_903.awk - corrupt an SSDA903 CSV deterministically, for timing
# and comparing csc-validate on a return with tens of thousands of findings
# (BENCHMARKS.md, "SSDA903 validator, second pass"):
#   for f in RET/*.csv; do awk -f bench/perturb_903.awk "$f" >OUT/"${f##*/}"; done
# About one value in sixteen (after CHILD) is blanked, set to "ZZ", to an
# impossible or a future date, to 1990 (dates only) or lower-cased, chosen
# by its line, column and the length of the file's name (without its
# folder); one CHILD in 211 is blanked. Quoted fields are not handled:
# csc-returns writes none.
BEGIN { FS = OFS = "," }
FNR == 1 {
	base = FILENAME
	sub(/.*\//, "", base)
	print
	next
}
{
	for (i = 2; i <= NF; i++) {
		h = (FNR * 131 + i * 17 + length(base) * 7) % 97
		if (h == 3) $i = ""
		else if (h == 11) $i = "ZZ"
		else if (h == 19) $i = "31/02/2025"
		else if (h == 29) $i = "01/01/2030"
		else if (h == 37 && $i ~ /^[0-9][0-9]\//) $i = "01/04/1990"
		else if (h == 43) $i = tolower($i)
	}
	if (FNR % 211 == 5) $1 = ""
	print
}
