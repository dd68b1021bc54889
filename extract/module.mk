# extract/ - the extractors (CIN XML, SSDA903 CSVs, contacts and early-help lists).

# CSV extractors (SSDA903, contacts, early help): one column-spec engine
# (list_engine) shared by all three, code lists read at run time.
CSV_EXTRACT_OBJS := extract/list_engine.o extract/list_cli.o extract/list_dups.o \
	extract/codes_list.o extract/codes_yaml.o extract/codes_xsd.o extract/cin_xsd.o \
	extract/codes_builtin.o
PROGRAMS += csc-extract-contacts
csc-extract-contacts_OBJS := extract/contacts_main.o $(CSV_EXTRACT_OBJS)
PROGRAMS += csc-extract-earlyhelp
csc-extract-earlyhelp_OBJS := extract/earlyhelp_main.o $(CSV_EXTRACT_OBJS)
PROGRAMS += csc-extract-903
csc-extract-903_OBJS := extract/ssda903_main.o extract/ssda903_schema.o $(CSV_EXTRACT_OBJS)

# CIN census XML -> staging/cin_*.csv (streaming xmlTextReader, one child held)
PROGRAMS += csc-extract-cin
CIN_EXTRACT_OBJS := extract/cin_schema.o extract/cin_xsd.o extract/cin_value.o \
	extract/cin_reader.o extract/cin_emit.o
csc-extract-cin_OBJS := extract/cin_main.o $(CIN_EXTRACT_OBJS)
E2E_TESTS += tests/e2e/extract_csv_bad.sh
E2E_TESTS += tests/e2e/extract_csv.sh
UNIT_TESTS += test_yaml_reader
test_yaml_reader_OBJS := tests/unit/test_yaml_reader.o extract/codes_yaml.o extract/codes_list.o
UNIT_TESTS += test_contacts_values
test_contacts_values_OBJS := tests/unit/test_contacts_values.o $(CSV_EXTRACT_OBJS)
UNIT_TESTS += test_ssda903_schema
test_ssda903_schema_OBJS := tests/unit/test_ssda903_schema.o extract/ssda903_schema.o $(CSV_EXTRACT_OBJS)
E2E_TESTS += tests/e2e/extract_cin.sh tests/e2e/extract_cin_bad.sh
UNIT_TESTS += test_cin_value
test_cin_value_OBJS := tests/unit/test_cin_value.o $(CIN_EXTRACT_OBJS)
UNIT_TESTS += test_ssda903_csvr
test_ssda903_csvr_OBJS := tests/unit/test_ssda903_csvr.o
E2E_TESTS += tests/e2e/extract_csv_dirty.sh
E2E_TESTS += tests/e2e/annexa_sample.sh
E2E_TESTS += tests/e2e/extract_dups.sh
