# Unit tests of the shared library.
UNIT_TESTS += test_date test_workday test_conf test_csv
test_date_OBJS := tests/unit/test_date.o
test_workday_OBJS := tests/unit/test_workday.o
test_conf_OBJS := tests/unit/test_conf.o
test_csv_OBJS := tests/unit/test_csv.o
# the header-mapped reader (lib/csc_csvcols.c)
UNIT_TESTS += test_csvcols
test_csvcols_OBJS := tests/unit/test_csvcols.o
UNIT_TESTS += test_rmtree
test_rmtree_OBJS := tests/unit/test_rmtree.o
UNIT_TESTS += test_sha256 test_input
test_sha256_OBJS := tests/unit/test_sha256.o
test_input_OBJS := tests/unit/test_input.o
UNIT_TESTS += test_stage
test_stage_OBJS := tests/unit/test_stage.o
# End to end: the tiny hand-made authority through csc-run, and the nightly
# behaviour (determinism, lock, SIGKILL, incremental make, verify).
E2E_TESTS += tests/e2e/tiny_frontdoor.sh tests/e2e/run_nightly.sh
E2E_TESTS += tests/e2e/build_deps.sh
# ref/ bank holidays: the shared years and 2000-2014, against their rules
E2E_TESTS += tests/e2e/bank_holidays.sh
# The Annex A value table (issue 16).
UNIT_TESTS += test_annexa_codes
test_annexa_codes_OBJS := tests/unit/test_annexa_codes.o
# The output folder is cscpipe's alone (issue 16): planted links, system and
# foreign folders, leftovers of killed runs, full disk, --conf DIR, --verify.
E2E_TESTS += tests/e2e/outdir_safety.sh
# ... and csc-annexa and csc-returns in their default folders: links, the
# run lock, an unmarked folder, -o as given.
E2E_TESTS += tests/e2e/outdir_readers.sh
# Issue 16: rebuild from content, pipes read once; loud on bad data.
E2E_TESTS += tests/e2e/run_change.sh tests/e2e/run_loud.sh
