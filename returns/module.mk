# csc-returns: CIN census XML and SSDA903 CSVs for a collection year (returns_*),
# read from staging like a stage of its own (returns/RETURNS.md).
PROGRAMS += csc-returns
RETURNS_OBJS := returns/returns_scope.o returns/returns_rows.o returns/returns_cin.o \
	returns/returns_903.o returns/returns_cover.o returns/returns_dir.o validate/v_year.o
csc-returns_OBJS := returns/returns_main.o $(RETURNS_OBJS) run/run_outuse.o run/run_outdir.o \
	run/run_period.o
UNIT_TESTS += test_returns_scope test_returns_cin
test_returns_scope_OBJS := tests/unit/test_returns_scope.o returns/returns_scope.o
test_returns_cin_OBJS := tests/unit/test_returns_cin.o $(RETURNS_OBJS)
E2E_TESTS += tests/e2e/returns_cin.sh tests/e2e/returns_903.sh tests/e2e/returns_oc_rows.sh \
	tests/e2e/cin_preproc.sh
