#!/usr/bin/env bash
# Issue 16, "the output folder is ours alone": csc-run never follows a link
# where it writes, reads its state or deletes (a link there is exit 6 naming
# it, and what it points to is left byte for byte as it was); the published
# <period> link must name a direct child of .pub; a system folder or a
# non-empty folder cscpipe did not make is refused (exit 4) with nothing
# written into it; what killed runs left is removed by the next run; a full
# disk (no inodes) is exit 6; --conf DIR and a failed --verify say the right
# thing.
#
# The planted links are checked as root and, when we are root, as `nobody`
# on a copy owned by nobody, with the link targets writable by nobody (so a
# link followed would do damage either way).
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
chmod 755 "$T"

ROOTUSER=0
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && ROOTUSER=1
ROLES=(self)
[ $ROOTUSER -eq 1 ] && ROLES=(root nobody)
# as ROLE CMD...: run CMD as ROLE (self/root: as we are; nobody: via setpriv)
as() {
	local role=$1; shift
	if [ "$role" = nobody ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
	else
		"$@"
	fi
}

# tree_state DIR: every entry (type, link target) and file content under DIR
tree_state() {
	(cd "$1" 2>/dev/null && find . -printf '%y %p %l\n' | sort &&
		find . -type f -exec sha256sum {} + | sort) | sha256sum
}

# fresh NAME ROLE: the tiny authority with its own templates, owned by ROLE
# and published once; A is its folder, O its output folder, V a folder of
# victims (a file and a folder with a file) that a followed link would harm.
fresh() {
	A=$T/$1
	tiny_copy "$A"
	V=$A/victims
	mkdir -p "$V/dir" "$A/x"
	echo precious >"$V/file"
	echo precious >"$V/dir/keep"
	echo precious >"$A/x/keep"
	[ "$2" = nobody ] && chown -R nobody:nogroup "$A"
	as "$2" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >/dev/null 2>&1 ||
		not_ok "$1: first run publishes"
	O=$A/out
	VBEFORE=$(tree_state "$V")
	XBEFORE=$(tree_state "$A/x")
}
new_input() { add_contact "$A"; }
refused() { exit_says "$@"; }

# ---- 1. links planted where the run writes, reads state or deletes ----------
# place (relative to out) and what it points to; rejects_cin.csv is an output
# the run publishes without re-running its stage (only contacts changed)
PLANTS=(
	".lock|victims/file"
	"logs|victims/dir"
	"logs/run-2024-02.log|victims/file"
	".work|victims/dir"
	".work/2024-02|victims/dir"
	".work/settings|victims/dir"
	"staging|victims/dir"
	".pub|victims/dir"
	"staging/rejects_cin.csv|victims/file"
)
for role in "${ROLES[@]}"; do
	for p in "${PLANTS[@]}"; do
		place=${p%%|*} target=${p#*|}
		fresh "link-$role-${place//\//_}" "$role"
		new_input
		rm -rf "${O:?}/$place"
		ln -s "$A/$target" "$O/$place"
		[ "$role" = nobody ] && chown -h nobody:nogroup "$O/$place"
		refused "$role: link at out/$place" 6 "$O/$place: is a symbolic link" \
			as "$role" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
		check_eq "$role: link at out/$place: what it points to is untouched" "$VBEFORE" "$(tree_state "$V")"
		check "$role: link at out/$place: left where it was" test -L "$O/$place"
	done

	# with no period given the data fixes it after the extracts: the work
	# folder of that period is checked then
	fresh "late-$role" "$role"
	sed -i '/^period_end/d' "$A/pipeline.conf"
	as "$role" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	new_input
	ln -s "$V/file" "$O/.work/2024-02/stray.csv"
	[ "$role" = nobody ] && chown -h nobody:nogroup "$O/.work/2024-02/stray.csv"
	refused "$role: link in the work folder of a period the data fixes" 6 \
		"$O/.work/2024-02/stray.csv: is a symbolic link" \
		as "$role" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	check_eq "$role: link in the late period's work folder: what it points to is untouched" \
		"$VBEFORE" "$(tree_state "$V")"

	# with no period given the run logs to logs/run-default.log until the
	# data fixes the period, then moves those lines into that period's log
	# (run_coverage.c, move_log): a link put at the pending log while the
	# extracts run (csc-run checked it at the start) is refused, never read
	# into the period's log. The programs are copies beside csc-run, with a
	# contacts extractor that plants the link first.
	fresh "pending-$role" "$role"
	sed -i '/^period_end/d' "$A/pipeline.conf"
	as "$role" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	new_input
	PB=$A/bin
	mkdir -p "$PB" && cp "$BIN"/csc-* "$PB"/
	# (a rename, not rm + ln: the other stages log there meanwhile)
	printf '#!/bin/bash\nln -s "%s" "%s.$$" && mv -Tf "%s.$$" "%s"\nexec "%s" "$@"\n' \
		"$V/file" "$O/logs/run-default.log" "$O/logs/run-default.log" "$O/logs/run-default.log" \
		"$BIN/csc-extract-contacts" >"$PB/csc-extract-contacts"
	chmod 755 "$PB" "$PB"/*
	refused "$role: link at the pending run log" 6 "$O/logs/run-default.log: is a symbolic link" \
		as "$role" "$PB/csc-run" --conf "$A/pipeline.conf" --quiet
	check_eq "$role: link at the pending run log: what it points to is untouched" "$VBEFORE" "$(tree_state "$V")"
	check "$role: link at the pending run log: not read into the period's log" \
		bash -c "! grep -q precious '$O/logs/run-2024-02.log'"
	check "$role: link at the pending run log: left where it was" test -L "$O/logs/run-default.log"

	# the published link pointing out of the folder through .pub/..: the
	# folder it names must survive the next successful run
	for i in 1 2 3; do
		fresh "period-$role-$i" "$role"
		bad=$(case $i in 1) echo ".pub/../../x" ;; 2) echo "$A/x" ;; 3) echo ".pub/../.pub/../../x" ;; esac)
		new_input
		ln -sfn "$bad" "$O/2024-02"
		refused "$role: period link to $bad" 6 "$O/2024-02: is a link to '$bad'" \
			as "$role" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
		check_eq "$role: period link to $bad: the folder it names survives" "$XBEFORE" "$(tree_state "$A/x")"
		check_eq "$role: period link to $bad: left as it was" "$bad" "$(readlink "$O/2024-02")"
		refused "$role: --verify with the period link to $bad" 6 "$O/2024-02: is a link to '$bad'" \
			as "$role" "$BIN/csc-run" --conf "$A/pipeline.conf" --verify
	done

	# a link at a temporary name: a stage run on its own refuses it (exit 6);
	# csc-run removes one of its own pid as a leftover, never following it
	fresh "tmp-$role" "$role"
	new_input
	refused "$role: link at a stage's temporary (staging/rejects_contacts.csv.tmp.PID)" 6 \
		"rejects_contacts.csv.tmp." \
		as "$role" bash -c 'ln -s "$1" "$2/staging/rejects_contacts.csv.tmp.$$"; exec "${@:3}"' - \
		"$V/file" "$O" "$BIN/csc-extract-contacts" --conf "$A/pipeline.conf" --quiet
	check_eq "$role: link at a stage's temporary: the file it names is untouched" "$VBEFORE" "$(tree_state "$V")"
	W=$O/.work/2024-02
	refused "$role: link at a workbook's temporary (highlight-2024-02.xlsx.tmp.PID)" 6 \
		"highlight-2024-02.xlsx.tmp." \
		as "$role" bash -c 'ln -s "$1" "$2/highlight-2024-02.xlsx.tmp.$$"; exec "${@:3}"' - \
		"$V/file" "$W" "$BIN/csc-load-report" --conf "$A/pipeline.conf" --period 2024-02 \
		--label 2024-02 --out "$W" --quiet
	check_eq "$role: link at a workbook's temporary: the file it names is untouched" "$VBEFORE" "$(tree_state "$V")"
	echo "rereferral_basis = closure" >>"$A/pipeline.conf"
	as "$role" bash -c 'ln -s "$1" "$2/.work/settings/transform.txt.tmp.$$"; ln -s "$1" "$2/2024-02.tmp.$$"; exec "${@:3}"' - \
		"$V/file" "$O" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >"$T/stdout" 2>&1
	check_eq "$role: links at csc-run's own temporaries: the run succeeds" 0 $?
	check_eq "$role: links at csc-run's own temporaries: the file they name is untouched" "$VBEFORE" "$(tree_state "$V")"
	check_eq "$role: links at csc-run's own temporaries: removed" "" \
		"$(find "$O" -name '*.tmp.*' -printf '%p\n')"
done

# ---- 2. folders that are not an output folder ---------------------------------
fresh system root
sysconf() { sed "s|^output_dir = .*|output_dir = $1|" "$A/pipeline.conf" >"$A/sys.conf"; }
ln -s / "$T/rootlink"
ROOTBEFORE=$(ls -a /)
for dir in / /etc/.. "$T/rootlink" "$T/rootlink/." /tmp /etc /usr /var/lib /proc/self; do
	sysconf "$dir"
	refused "output_dir = $dir refused" 4 "a system folder" \
		"$BIN/csc-run" --conf "$A/sys.conf" --quiet
done
sysconf /
refused "output_dir = / refused by --verify" 4 "a system folder" "$BIN/csc-run" --conf "$A/sys.conf" --verify
check_eq "output_dir = /: nothing created in /" "$ROOTBEFORE" "$(ls -a /)"
for n in .cscpipe .lock .work .pub logs staging 2024-02; do
	check "output_dir = /: no /$n" test ! -e "/$n" -a ! -L "/$n"
done

# a folder that is not empty and that cscpipe did not make
F=$T/foreign
mkdir -p "$F/sub"
echo "someone's notes" >"$F/notes.txt"
sysconf "$F"
FBEFORE=$(tree_state "$F")
refused "non-empty foreign folder refused" 4 "$F: output_dir: refusing a folder that is not empty and was not made by cscpipe (it holds 'notes.txt'" \
	"$BIN/csc-run" --conf "$A/sys.conf" --quiet
check_eq "non-empty foreign folder: nothing written into it" "$FBEFORE" "$(tree_state "$F")"
# ... even when it holds only a folder named like one of ours, but a file
echo x >"$F/.work"; rm -r "$F/sub" "$F/notes.txt"
refused "a file named .work is not ours" 4 "it holds '.work'" "$BIN/csc-run" --conf "$A/sys.conf" --quiet
# an empty folder is taken, and marked
mkdir -p "$T/empty"
sysconf "$T/empty"
check_exit "an empty existing folder is used" 0 "$BIN/csc-run" --conf "$A/sys.conf" --quiet
check "... and marked as cscpipe's" test -f "$T/empty/.cscpipe"
check "a new folder is marked as cscpipe's" test -f "$O/.cscpipe"
# an output folder of an earlier cscpipe (no marker) is adopted
rm "$O/.cscpipe"
check_exit "a folder an earlier cscpipe made (no marker) is adopted" 0 \
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check "... and marked" test -f "$O/.cscpipe"
rm "$O/.cscpipe"
# ... with the returns an earlier csc-returns wrote there
mkdir -p "$O/returns/2025"
check_exit "an earlier cscpipe's folder holding returns/ is adopted" 0 \
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check "... and marked" test -f "$O/.cscpipe"
rm -r "$O/.cscpipe" "$O/returns"
echo x >"$O/mine.txt"
refused "an earlier cscpipe's folder holding something else is refused" 4 "it holds 'mine.txt'" \
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check "... and not marked" test ! -e "$O/.cscpipe"
rm "$O/mine.txt"

# ---- 3. what killed runs left behind ------------------------------------------
fresh leftovers root
dead=$(sh -c 'echo $$')   # a process that has ended
sleep 60 &
alive=$!
mk_tmp() { echo partial >"$1"; }
mk_tmp "$O/staging/recon_contacts.csv.tmp.$dead"
mk_tmp "$O/.work/2024-02/measures.csv.tmp.$dead"
mk_tmp "$O/.work/settings/load.txt.tmp.$dead"
ln -s "$V/file" "$O/staging/contacts.csv.tmp.$dead"
ln -s ".pub/2024-02.$dead" "$O/2024-02.tmp.$dead"
for c in "2024-02.$dead" "2024-01.$dead"; do
	mkdir "$O/.pub/$c"; echo partial >"$O/.pub/$c/measures.csv"
done
# not the project's leftovers: a live process's temporary, other names
mk_tmp "$O/staging/recon_cin.csv.tmp.$alive"
mkdir "$O/.pub/keep.me"
mk_tmp "$O/staging/notes.tmp.12x"
published=$(readlink "$O/2024-02")
"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check_eq "killed-run leftovers: the run succeeds" 0 $?
check_eq "killed-run leftovers: temporaries of dead runs removed" "" \
	"$(find "$O" -name "*.tmp.$dead" -printf '%p\n')"
check_eq "killed-run leftovers: unpublished copies removed" "" \
	"$(find "$O/.pub" -maxdepth 1 -name "*.$dead" -printf '%p\n')"
check "killed-run leftovers: the published copy kept" test -f "$O/2024-02/manifest.csv"
check_eq "killed-run leftovers: a link among them not followed" "$VBEFORE" "$(tree_state "$V")"
check "killed-run leftovers: a running process's temporary kept" test -f "$O/staging/recon_cin.csv.tmp.$alive"
check "killed-run leftovers: names not the project's kept" test -d "$O/.pub/keep.me" -a -f "$O/staging/notes.tmp.12x"
kill "$alive" 2>/dev/null; wait "$alive" 2>/dev/null
check "killed-run leftovers: the log says what was removed" grep -q "recon_contacts.csv.tmp.$dead, left by a run that was killed" "$O/logs/run-2024-02.log"
[ -n "$published" ] || not_ok "leftovers: published before"

# ---- 4. exit codes and messages ---------------------------------------------
# --conf given a folder
refused "--conf DIR" 4 "$A: is a folder, not a configuration file" "$BIN/csc-run" --conf "$A" --quiet
check "--conf DIR: no 'missing required key'" bash -c "! grep -q 'missing required key' '$E2E_STDERR'"

# a failed --verify keeps the log it names (the rebuild fails in the chain:
# a contacts list without its columns)
fresh verify root
cp "$A/contacts.csv" "$A/contacts.away"
echo "nonsense,header" >"$A/contacts.csv"
refused "--verify whose rebuild fails" 3 "its log is kept: $O/logs/verify-2024-02.log" \
	"$BIN/csc-run" --conf "$A/pipeline.conf" --verify
check "--verify: the rebuild's messages name the kept log" grep -qF "log: $O/logs/verify-2024-02.log" "$E2E_STDERR"
check "--verify: the log it names exists after it ends" test -f "$O/logs/verify-2024-02.log"
check "--verify: the log holds the rebuild's messages" grep -q "extract-contacts: end, exit 3" "$O/logs/verify-2024-02.log"
mv "$A/contacts.away" "$A/contacts.csv"
check_exit "--verify passes again" 0 "$BIN/csc-run" --conf "$A/pipeline.conf" --verify
check "--verify: its log now holds only that verify" bash -c "! grep -q 'exit 3' '$O/logs/verify-2024-02.log'"

# disk full with no inodes left: exit 6, not 7
fresh inodes root
if [ $ROOTUSER -eq 1 ] && mkdir -p "$T/inode-mnt" &&
	mount -t tmpfs -o size=8m,nr_inodes=200 tmpfs "$T/inode-mnt" 2>/dev/null; then
	E2E_MOUNTS+=("$T/inode-mnt")
	sed -i "s|^output_dir = out$|output_dir = $T/inode-mnt/out|" "$A/pipeline.conf"
	"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	check "no inodes: first run on the tmpfs publishes" test -f "$T/inode-mnt/out/2024-02/manifest.csv"
	new_input
	n=0
	while touch "$T/inode-mnt/f$n" 2>/dev/null; do n=$((n + 1)); done
	check "no inodes: the file system is out of inodes" test "$(df --output=iavail "$T/inode-mnt" | tail -1)" -eq 0
	refused "no inodes: csc-run" 6 "No space left on device" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	rm -f "$T/inode-mnt"/f*
	check_exit "no inodes: runs once inodes are free" 0 "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
else
	ok "no inodes: skipped: cannot mount a tmpfs here (needs root and mount)"
fi
finish
