# csc-load-report: the highlight and quarterly workbooks (report_*, xl_*).
PROGRAMS += csc-load-report
csc-load-report_OBJS := load/report_main.o load/report_tpl.o load/report_data.o load/report_coverage.o \
	load/report_period.o load/report_cell.o load/report_strand.o load/report_sheets.o \
	load/xl_book.o load/report_publish.o load/pub_suppress.o \
	load/report_comm.o load/report_comm_sheet.o load/report_sources.o

E2E_TESTS += tests/e2e/load_report.sh
UNIT_TESTS += test_load_tpl test_load_cell
test_load_tpl_OBJS := tests/unit/test_load_tpl.o load/report_tpl.o
test_load_cell_OBJS := tests/unit/test_load_cell.o load/report_cell.o load/report_period.o \
	load/report_data.o load/report_coverage.o load/xl_book.o
UNIT_TESTS += test_pub_suppress
test_pub_suppress_OBJS := tests/unit/test_pub_suppress.o load/pub_suppress.o
E2E_TESTS += tests/e2e/publish.sh
UNIT_TESTS += test_load_comm
test_load_comm_OBJS := tests/unit/test_load_comm.o load/report_comm.o load/report_tpl.o load/xl_book.o
E2E_TESTS += tests/e2e/load_commentary.sh tests/e2e/print_pack.sh
UNIT_TESTS += test_load_sources
test_load_sources_OBJS := tests/unit/test_load_sources.o load/report_sources.o load/report_tpl.o
