# bench/ - `make bench` (bench/bench.sh) and its two helpers, built into
# $(BUILD)/bench (never installed): csc-bench-time (wall, CPU, peak RSS of a
# command) and csc-bench-parse (the bare libxml2/libcsv parse baseline).
BENCH_PROGRAMS += csc-bench-time
csc-bench-time_OBJS := bench/bench_time.o
BENCH_PROGRAMS += csc-bench-parse
csc-bench-parse_OBJS := bench/baseline_parse.o
E2E_TESTS += tests/e2e/bench_smoke.sh
