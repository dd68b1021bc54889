# csc-annexa: Ofsted's Annex A lists from the staging tables (aa_*). It
# reads staging with transform's reader and writes with load's workbook.
ANNEXA_OBJS := annexa/aa_data.o annexa/aa_derive.o annexa/aa_values.o annexa/aa_sheet.o \
	annexa/aa_lists.o annexa/aa_list910.o annexa/aa_checks.o annexa/aa_supp.o transform/staging_read.o load/xl_book.o
PROGRAMS += csc-annexa
csc-annexa_OBJS := annexa/aa_main.o $(ANNEXA_OBJS) run/run_outuse.o run/run_outdir.o run/run_period.o

UNIT_TESTS += test_annexa_derive
test_annexa_derive_OBJS := tests/unit/test_annexa_derive.o annexa/aa_derive.o
E2E_TESTS += tests/e2e/annexa_lists.sh tests/e2e/annexa_rows.sh tests/e2e/annexa_checks.sh tests/e2e/annexa_supp.sh
UNIT_TESTS += test_annexa_supp
test_annexa_supp_OBJS := tests/unit/test_annexa_supp.o $(ANNEXA_OBJS)
UNIT_TESTS += test_annexa_checks
test_annexa_checks_OBJS := tests/unit/test_annexa_checks.o $(ANNEXA_OBJS)
