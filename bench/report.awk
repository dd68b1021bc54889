# bench/report.awk - print the `make bench` tables from bench.sh's results.
#
# Input lines: scale name bytes records wall_s cpu_s maxrss_kb sumrss_kb
# Variables: fraction (BENCH_FRACTION), scales (BENCH_SCALES, in run order).
# Prints the per-stage table, the scaling ratios and the issue-9 targets.

function mb(b) { return b / 1048576 }
function rate(x, t) { return t > 0 ? x / t : 0 }
function pct(a, b) { return b > 0 ? sprintf("%.0f%%", 100 * a / b) : "-" }
function verdict(ok, got, limit, unit, lower_is_better,    d) {
	if (ok)
		return sprintf("MET (%s%s; limit %s%s)", got, unit, limit, unit)
	d = lower_is_better ? got - limit : limit - got
	return sprintf("MISSED by %.1f%s (%s%s; limit %s%s)", d, unit, got, unit, limit, unit)
}

# the validators: "val validate-KIND bytes children wall cpu rss findings"
$1 == "val" {
	vn[++nv] = $2; vbytes[$2] = $3; vchild[$2] = $4; vwall[$2] = $5; vcpu[$2] = $6
	vrss[$2] = $7; vfind[$2] = $8
	next
}

{
	key = $1 SUBSEP $2
	bytes[key] = $3; recs[key] = $4; wall[key] = $5; cpu[key] = $6; rss[key] = $7; sum[key] = $8
	if (!($2 in seen_name)) { seen_name[$2] = 1; names[++nn] = $2 }
}

END {
	ns = split(scales, sc, " ")
	base["extract-cin"] = "cin"; base["extract-903"] = "903"
	base["extract-contacts"] = "contacts"; base["extract-earlyhelp"] = "earlyhelp"
	base["chain"] = "all"
	# the public validators on 10,000-child files (issue 20; not installed here)
	public["validate-cin"] = 253; public["validate-903"] = 54
	printf "\n%-6s %-18s %9s %10s %8s %8s %8s %10s %9s %9s %9s %9s\n", "scale", "stage", "in_MB",
		"records", "wall_s", "cpu_s", "MB/s", "rec/s", "rss_MB", "sum_MB", "vs_parse", "vs_cat"
	for (i = 1; i <= ns; i++) {
		s = sc[i]
		for (j = 1; j <= nn; j++) {
			k = s SUBSEP names[j]
			if (!(k in wall))
				continue
			n = names[j]; w = wall[k]
			vp = "-"; vc = "-"
			if (n in base) {
				pk = s SUBSEP "parse-" base[n]; ck = s SUBSEP "cat-" base[n]
				if (pk in wall) vp = pct(wall[pk], w)
				if (ck in wall) vc = pct(wall[ck], w)
			}
			printf "%-6s %-18s %9.1f %10d %8.2f %8.2f %8.1f %10.0f %9.1f %9.1f %9s %9s\n", s "x", n,
				mb(bytes[k]), recs[k], w, cpu[k], rate(mb(bytes[k]), w),
				rate(recs[k], w), rss[k] / 1024, sum[k] / 1024, vp, vc
		}
	}
	print ""
	print "rss_MB: the largest single process; sum_MB: the largest sum of all its processes' resident"
	print "sets at one moment (sampled every 0.1 s; pages shared after a fork counted in each)."
	print "vs_parse, vs_cat: the stage's MB/s as a share of csc-bench-parse (bare libxml2/libcsv"
	print "parse of the same files) and of cat of the same bytes to /dev/null; chain vs cat-all."

	if (ns > 1) {
		printf "\nwall-time ratios %s (each stage's time / its time at %sx)\n", scales, sc[1]
		for (j = 1; j <= nn; j++) {
			n = names[j]; line = sprintf("%-18s", n); okrow = 1
			for (i = 1; i <= ns; i++) {
				k = sc[i] SUBSEP n; k1 = sc[1] SUBSEP n
				if (!(k in wall) || !(k1 in wall) || wall[k1] <= 0) { okrow = 0; break }
				line = line sprintf(" %s%.2f", i > 1 ? ": " : "", wall[k] / wall[k1])
			}
			if (okrow)
				print line
		}
	}

	if (nv) {
		printf "\n%-14s %9s %9s %8s %8s %8s %9s %10s %10s %10s\n", "validator", "children",
			"findings", "in_MB", "wall_s", "cpu_s", "rss_MB", "public_s", "x_by_wall", "x_by_cpu"
		for (i = 1; i <= nv; i++) {
			n = vn[i]; pub = public[n] * vchild[n] / 10000
			printf "%-14s %9d %9d %8.1f %8.2f %8.2f %9.1f %10.1f %10.0f %10.0f\n", n, vchild[n],
				vfind[n], mb(vbytes[n]), vwall[n], vcpu[n], vrss[n] / 1024, pub,
				rate(pub, vwall[n]), rate(pub, vcpu[n])
		}
		print ""
		print "public_s: the public validator's time on a 10,000-child file (CIN 253 s, SSDA903 54 s;"
		print "fixed reference numbers, the tools are not installed here), scaled to the return's"
		print "children; x_by_wall, x_by_cpu: public_s / this run's wall and CPU seconds."
	}

	# Targets (issue 9), judged at the 1x scale when it ran, else the first.
	t = sc[1]
	for (i = 1; i <= ns; i++) if (sc[i] == 1) t = 1
	print ""
	if (fraction != 1)
		printf "targets (BENCH_FRACTION=%s: NOT national scale, figures for the record only)\n", fraction
	else
		print "targets"
	k = t SUBSEP "chain"
	if (k in wall)
		printf "  national year end-to-end <= 60 s wall (%sx chain): %s\n", t,
			verdict(wall[k] <= 60, sprintf("%.1f", wall[k]), 60, " s", 1)
	else
		printf "  national year end-to-end <= 60 s wall: not run\n"
	maxr = 0; maxn = "-"
	for (k in rss) {
		split(k, kk, SUBSEP)
		if (kk[2] ~ /^(cat|parse)-/) continue
		if (rss[k] > maxr) { maxr = rss[k]; maxn = kk[2] " at " kk[1] "x" }
	}
	printf "  peak RSS <= 2048 MB (largest: %s): %s\n", maxn,
		verdict(maxr / 1024 <= 2048, sprintf("%.0f", maxr / 1024), 2048, " MB", 1)
	# issue 20: all the chain's processes together, judged at 1x, stated at every scale
	for (i = 1; i <= ns; i++) {
		k = sc[i] SUBSEP "chain"
		if (!(k in sum))
			continue
		if (sc[i] == t)
			printf "  all processes together <= 2048 MB (%sx chain): %s\n", sc[i],
				verdict(sum[k] / 1024 <= 2048, sprintf("%.0f", sum[k] / 1024), 2048, " MB", 1)
		else
			printf "  all processes together at %sx (chain): %.0f MB\n", sc[i], sum[k] / 1024
	}
	for (e = 1; e <= 4; e++) {
		n = e == 1 ? "extract-cin" : e == 2 ? "extract-903" : e == 3 ? "extract-contacts" : "extract-earlyhelp"
		k = t SUBSEP n; pk = t SUBSEP "parse-" base[n]
		if (!(k in wall) || !(pk in wall) || wall[k] <= 0) continue
		share = 100 * wall[pk] / wall[k]
		printf "  %s >= 70%% of bare-parse throughput (%sx): %s; by CPU time %s\n", n, t,
			verdict(share >= 70, sprintf("%.0f", share), 70, "%", 0), pct(cpu[pk], cpu[k])
	}
	for (i = 1; i <= nv; i++) {
		n = vn[i]; pub = public[n] * vchild[n] / 10000
		x = rate(pub, vwall[n])
		printf "  %s >= 1000x the public validator (%d children): %s; by CPU time %.0fx; peak RSS %.0f MB%s\n",
			n, vchild[n], verdict(x >= 1000, sprintf("%.0f", x), 1000, "x", 0),
			rate(pub, vcpu[n]), vrss[n] / 1024,
			(vchild[n] < 9500 || vchild[n] > 10500) ? " (NOT the 10,000 children of the reference: for the record only)" : ""
	}
	k1 = sc[1] SUBSEP "chain"; lo = ""; hi = ""
	for (i = 1; i <= ns; i++) { if (sc[i] == 1) lo = 1; if (sc[i] == 4) hi = 4 }
	if (lo != "" && hi != "" && ((1 SUBSEP "chain") in wall) && ((4 SUBSEP "chain") in wall)) {
		r = wall[4 SUBSEP "chain"] / wall[1 SUBSEP "chain"]
		printf "  chain wall 1x -> 4x <= 4.4x: %s\n", verdict(r <= 4.4, sprintf("%.2f", r), 4.4, "x", 1)
	} else {
		printf "  chain wall 1x -> 4x <= 4.4x: not run (BENCH_SCALES has no 1 and 4)\n"
	}
}
