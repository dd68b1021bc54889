#!/usr/bin/env bash
# csc-returns: which children get an OC2 and an OC3 row in each year, and
# which of their undated dump rows is written (tests/data/returns-oc,
# hand-worked in its README.md).
source "$(dirname "$0")/lib.sh"
unset CSC_OUTPUT_DIR
T=$(tmpdir)
cp -r "$ROOT/tests/data/returns-oc" "$T/la"
for y in 2022 2023 2024 2025 2026; do
	check_exit "returns $y written" 0 "$BIN/csc-returns" --conf "$T/la/pipeline.conf" --year "$y" -o "$T/r$y" --quiet
done
# "child=value ..." for a table's rows, in file order
rows() { "$PY" - "$T/r$1/ssda903-$1/$2.csv" "$3" <<'PY'
import csv, sys
print(" ".join("%s=%s" % (r["CHILD"], "/".join(r[c] for c in sys.argv[2].split(",")))
               for r in csv.DictReader(open(sys.argv[1], newline=""))))
PY
}
check_eq "OC2 2023" "K1=12 K2=23 K3=33" "$(rows 2023 OC2 SDQ_SCORE)"
check_eq "OC2 2024: K3 back in care from 01/09/2023 is out" "K1=13 K2=24" "$(rows 2024 OC2 SDQ_SCORE)"
check_eq "OC2 2025: the latest rows" "K1=14 K2=25 K3=35" "$(rows 2025 OC2 SDQ_SCORE)"
check_eq "OC2 2022: K1's first row, K3's second" "K1=11 K3=32" \
	"$(rows 2022 OC2 SDQ_SCORE | sed 's/ K2=[0-9]*//')"
check_eq "OC2 2025 row whole" "K3,10/10/2010,35,,1,,1,1,1,0,," "$(grep '^K3,' "$T/r2025/ssda903-2025/OC2.csv")"

check_eq "OC3 2022: Q2 in care on the 17th birthday" "" "$(rows 2022 OC3 IN_TOUCH,ACCOM)"
check_eq "OC3 2023: Q3 not yet a care leaver on the 17th birthday" "Q1=YES/D1 Q2=YES/U1" "$(rows 2023 OC3 IN_TOUCH,ACCOM)"
check_eq "OC3 2024: Q3 left care on the 18th birthday" "Q1=YES/B1 Q2=DIED/0 Q3=YES/E1" "$(rows 2024 OC3 IN_TOUCH,ACCOM)"
check_eq "OC3 2025: no row after a death" "Q1=YES/U1 Q3=YES/S2" "$(rows 2025 OC3 IN_TOUCH,ACCOM)"
check_eq "OC3 2026: Q3's 20th birthday row is not in the dump" "Q1=YES/Z1" "$(rows 2026 OC3 IN_TOUCH,ACCOM)"
check_eq "OC3 2024 row whole" "Q3,20/08/2005,YES,F5,E1" "$(grep '^Q3,' "$T/r2024/ssda903-2024/OC3.csv")"
# Header: children with episodes in the year, and Q1 for its OC3 row alone
check_eq "Header 2023" "K1 K2 K3 Q1 Q2 Q3" \
	"$(tail -n +2 "$T/r2023/ssda903-2023/Header.csv" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
finish
