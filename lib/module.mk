# Shared code: dates, working days, configuration, diagnostics, CSV I/O,
# atomic outputs. Linked into every program as $(LIBCSC).
LIB_OBJS += lib/csc_date.o lib/csc_workday.o lib/csc_conf.o lib/csc_diag.o \
	lib/csc_csvw.o lib/csc_csvr.o lib/csc_csvcols.o lib/csc_out.o lib/csc_rmtree.o \
	lib/csc_stage.o lib/csc_xml.o lib/csc_903.o lib/csc_sha256.o lib/csc_progress.o \
	lib/csc_input.o lib/csc_coverage.o lib/csc_annexa_codes.o lib/csc_version.o lib/csc_datadir.o \
	lib/csc_cin_children.o lib/csc_cin_stage.o lib/csc_cin_elems.o lib/csc_inputs.o \
	lib/csc_drill.o lib/csc_siphash.o
UNIT_TESTS += test_coverage
test_coverage_OBJS := tests/unit/test_coverage.o
# past the table limit csc_stage reports and fails instead of exiting
UNIT_TESTS += test_stage_limit
test_stage_limit_OBJS := tests/unit/test_stage_limit.o
# the CIN staging contract: definitions, the extractor's header rows and
# rows, the transform's reader of them
UNIT_TESTS += test_cin_stage
test_cin_stage_OBJS := tests/unit/test_cin_stage.o extract/cin_schema.o extract/cin_xsd.o \
	extract/cin_value.o extract/cin_reader.o extract/cin_emit.o transform/staging_read.o
UNIT_TESTS += test_inputs
test_inputs_OBJS := tests/unit/test_inputs.o
# the compact drill-down: encoder, decoder, a seeded round trip
UNIT_TESTS += test_drill
test_drill_OBJS := tests/unit/test_drill.o
# the duplicate check's row hash against the published vectors
UNIT_TESTS += test_siphash
test_siphash_OBJS := tests/unit/test_siphash.o
