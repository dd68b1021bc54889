# The run driver: lock, settings fingerprints, make chain, atomic publish.
PROGRAMS += csc-run
csc-run_OBJS := run/run_main.o run/run_ctx.o run/run_make.o run/run_period.o \
	run/run_publish.o run/run_manifest.o run/run_verify.o run/run_coverage.o \
	run/run_outdir.o run/run_outuse.o run/run_inputs.o run/run_counts.o
UNIT_TESTS += test_run_period
test_run_period_OBJS := tests/unit/test_run_period.o run/run_period.o
UNIT_TESTS += test_run_outdir
test_run_outdir_OBJS := tests/unit/test_run_outdir.o run/run_outdir.o run/run_outuse.o run/run_period.o
UNIT_TESTS += test_run_counts
test_run_counts_OBJS := tests/unit/test_run_counts.o run/run_counts.o run/run_outdir.o run/run_period.o
PROGRAMS += csc-stage
csc-stage_OBJS := run/stage_main.o
E2E_TESTS += tests/e2e/coverage.sh tests/e2e/run_annexa.sh
UNIT_TESTS += test_run_make
test_run_make_OBJS := tests/unit/test_run_make.o run/run_make.o
# fork is wrapped so that the test can make it fail
test_run_make_LDFLAGS := -Wl,--wrap=fork
