#!/usr/bin/env bash
# Faults (issue 10): the output disk full, an unreadable input, a read-only
# output folder, a missing template or comparators file. Each must give a
# clear error naming the file, a non-zero exit (the README's codes), and
# leave the previously published set byte for byte as it was (hash of the
# link target and every file before and after); the staging of a stage run
# on its own must be left as it was too. After each fault is removed the
# run succeeds again.
#
# Root is needed for a real full disk (a small tmpfs) and, since root reads
# any file, to run the unreadable and read-only cases as `nobody`. Without
# root the disk is "full" through `ulimit -f` (writes fail with EFBIG) and
# the permission cases run as the current user.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
chmod 755 "$T"
MOUNTS=()
cleanup() {
	for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
	chmod -R u+w "$T" 2>/dev/null
	rm -rf "${E2E_TMPS[@]}"
}
trap cleanup EXIT

ROOTUSER=0
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && ROOTUSER=1
# as_user CMD...: run as nobody when we are root (root ignores permissions)
as_user() {
	if [ $ROOTUSER -eq 1 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
	else
		"$@"
	fi
}

# published_hash DIR: the link target and every file under it
published_hash() {
	[ -e "$1" ] || { echo none; return; }
	(readlink "$1"; cd "$1" && find . -type f -exec sha256sum {} + | sort) | sha256sum
}
tree_hash() { (cd "$1" && find . -type f ! -name '.lock' -exec sha256sum {} + | sort) | sha256sum; }

# fresh NAME: the tiny authority with its own templates, published once
fresh() {
	A=$T/$1
	tiny_copy "$A"
	[ $ROOTUSER -eq 1 ] && chown -R nobody:nogroup "$A"
	as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >/dev/null 2>&1 ||
		not_ok "$1: first run publishes"
	PUB=$A/out/2024-02
	BEFORE=$(published_hash "$PUB")
}

# a new contact, so that a re-run has something new to publish
new_input() { add_contact "$A"; }

# fault NAME WANT_EXIT TEXT CMD...: exit, message, published set untouched
fault() {
	exit_says "$@"
	check_eq "$1: published set untouched" "$BEFORE" "$(published_hash "$PUB")"
}

# recovered NAME: once the fault is gone the run succeeds and publishes
recovered() {
	if as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >"$T/stdout" 2>&1 &&
		[ "$(published_hash "$PUB")" != "$BEFORE" ]; then
		ok "$1: runs and publishes once the fault is removed"
	else
		not_ok "$1: runs and publishes once the fault is removed"; sed 's/^/#   /' "$T/stdout" | tail -5
	fi
}

# ---- 1. output disk full ----------------------------------------------------
fresh disk
if [ $ROOTUSER -eq 1 ] && mkdir -p "$T/disk-mnt" &&
	mount -t tmpfs -o size=2m,uid=65534,gid=65534 tmpfs "$T/disk-mnt" 2>/dev/null; then
	MOUNTS+=("$T/disk-mnt")
	# the output folder on a 2 MB tmpfs: publish, then fill it leaving a
	# little room, so that different stages meet the full disk
	sed -i "s|^output_dir = out$|output_dir = $T/disk-mnt/out|" "$A/pipeline.conf"
	PUB=$T/disk-mnt/out/2024-02
	as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet >/dev/null 2>&1
	check "disk: first run on the tmpfs publishes" test -e "$PUB"
	BEFORE=$(published_hash "$PUB")
	new_input
	for room in 4 24 64; do
		avail=$(df -k --output=avail "$T/disk-mnt" | tail -1)
		as_user head -c $(((avail - room) * 1024)) /dev/zero >"$T/disk-mnt/filler" 2>/dev/null
		fault "disk full (${room} KB left): csc-run" 6 "No space left on device" \
			as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
		rm -f "$T/disk-mnt/filler"
		# the new contact must not stay staged as if the run had worked
		touch "$A/contacts.csv"
	done
	STG=$T/disk-mnt/out/staging
	sb=$(tree_hash "$STG")
	avail=$(df -k --output=avail "$T/disk-mnt" | tail -1)
	as_user head -c $(((avail - 2) * 1024)) /dev/zero >"$T/disk-mnt/filler" 2>/dev/null
	fault "disk full: csc-extract-contacts alone" 6 "No space left on device" \
		as_user "$BIN/csc-extract-contacts" --conf "$A/pipeline.conf" --quiet
	check_eq "disk full: csc-extract-contacts leaves staging as it was" "$sb" "$(tree_hash "$STG")"
	rm -f "$T/disk-mnt/filler"
	recovered "disk full"
else
	# no tmpfs: a file size limit makes every write past 16 KB fail (EFBIG)
	new_input
	fault "file size limit (ulimit -f 16): csc-run" 6 "File too large" \
		bash -c 'trap "" XFSZ; ulimit -f 16; exec "$@"' - "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	recovered "file size limit"
fi

# ---- 2. an unreadable input -------------------------------------------------
fresh unreadable
new_input
chmod 000 "$A/contacts.csv"
fault "unreadable contacts: csc-run" 3 "contacts.csv: contacts: cannot read: Permission denied" \
	as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
STG=$A/out/staging
sb=$(tree_hash "$STG")
fault "unreadable contacts: csc-extract-contacts alone" 3 "contacts.csv: cannot open: Permission denied" \
	as_user "$BIN/csc-extract-contacts" --conf "$A/pipeline.conf" --quiet
check_eq "unreadable contacts: staging as it was" "$sb" "$(tree_hash "$STG")"
chmod 644 "$A/contacts.csv"
chmod 000 "$A/cin.xml"
fault "unreadable CIN census: csc-extract-cin alone" 3 "cin.xml: cannot open: Permission denied" \
	as_user "$BIN/csc-extract-cin" --conf "$A/pipeline.conf" --quiet
check_eq "unreadable CIN census: staging as it was" "$sb" "$(tree_hash "$STG")"
chmod 644 "$A/cin.xml"
recovered "unreadable input"

# ---- 3. the output folder read-only -------------------------------------------
fresh readonly
new_input
chmod -R a-w "$A/out"
fault "read-only output folder: csc-run" 6 "cannot write the output folder" \
	as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
# the folder itself writable, what is inside it not
chmod u+w "$A/out" "$A/out/.lock"
fault "read-only staging, work and publication folders: csc-run" 6 "Permission denied" \
	as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
chmod -R u+w "$A/out"
STG=$A/out/staging
sb=$(tree_hash "$STG")
chmod a-w "$STG"
fault "read-only staging: csc-extract-contacts alone" 6 "Permission denied" \
	as_user "$BIN/csc-extract-contacts" --conf "$A/pipeline.conf" --quiet
check_eq "read-only staging: staging as it was" "$sb" "$(tree_hash "$STG")"
chmod u+w "$STG"
if [ $ROOTUSER -eq 1 ] && mount --bind "$A/out" "$A/out" 2>/dev/null; then
	MOUNTS+=("$A/out")
	if mount -o remount,bind,ro "$A/out" 2>/dev/null; then
		fault "read-only mount: csc-run (as root)" 6 "Read-only file system" \
			"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	fi
	umount "$A/out"
fi
mkdir -p "$A/locked"
chmod 555 "$A/locked"
sed "s|^output_dir = out$|output_dir = locked/out|" "$A/pipeline.conf" >"$A/locked.conf"
fault "output folder under a read-only folder: csc-run" 6 "cannot create output folder" \
	as_user "$BIN/csc-run" --conf "$A/locked.conf" --quiet
recovered "read-only output"

# ---- 4. a template or the comparators missing ---------------------------------
fresh missing
new_input
for f in highlight.tpl quarterly.tpl comparators.csv; do
	mv "$A/tpl/$f" "$T/$f.away"
	fault "missing $f: csc-run" 3 "tpl/$f: templates_dir: cannot read: No such file or directory" \
		as_user "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
	mv "$T/$f.away" "$A/tpl/$f"
done
# the stages on their own say the same
W=$A/out/.work/2024-02
mv "$A/tpl/highlight.tpl" "$T/h.away"
fault "missing highlight.tpl: csc-load-report alone" 4 "highlight.tpl" \
	as_user "$BIN/csc-load-report" --conf "$A/pipeline.conf" --period 2024-02 --label 2024-02 --out "$W"
mv "$T/h.away" "$A/tpl/highlight.tpl"
mv "$A/tpl/comparators.csv" "$T/c.away"
fault "missing comparators.csv: csc-transform alone" 3 "comparators.csv: cannot read the comparators and targets" \
	as_user "$BIN/csc-transform" --conf "$A/pipeline.conf" --period 2024-02 --out "$W"
mv "$T/c.away" "$A/tpl/comparators.csv"
recovered "missing template"
finish
