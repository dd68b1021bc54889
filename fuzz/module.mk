# fuzz/ - libFuzzer harnesses, one per parser (fuzz_<parser>.c), built and
# run by `make fuzz` (clang, -fsanitize=fuzzer,address,undefined) with their
# seed corpora in fuzz/corpus/<harness>/. Crashes found become files in
# tests/data/fuzz-regressions/<harness>/, replayed by the smoke test.
FUZZ_UTIL := fuzz/fuzz_util.o
FUZZ_CSV_LIST = $(CSV_EXTRACT_OBJS)

FUZZERS += fuzz_cin
fuzz_cin_OBJS = fuzz/fuzz_cin.o $(FUZZ_UTIL) extract/cin_schema.o extract/cin_xsd.o \
	extract/cin_value.o extract/cin_reader.o extract/cin_emit.o
FUZZERS += fuzz_903
fuzz_903_OBJS = fuzz/fuzz_903.o $(FUZZ_UTIL) extract/ssda903_schema.o $(FUZZ_CSV_LIST)
FUZZERS += fuzz_contacts
fuzz_contacts_OBJS = fuzz/fuzz_contacts.o $(FUZZ_UTIL) $(FUZZ_CSV_LIST)
FUZZERS += fuzz_earlyhelp
fuzz_earlyhelp_OBJS = fuzz/fuzz_earlyhelp.o $(FUZZ_UTIL) $(FUZZ_CSV_LIST)
FUZZERS += fuzz_conf
fuzz_conf_OBJS = fuzz/fuzz_conf.o $(FUZZ_UTIL)
FUZZERS += fuzz_tpl
fuzz_tpl_OBJS = fuzz/fuzz_tpl.o $(FUZZ_UTIL) load/report_tpl.o
FUZZERS += fuzz_validate_cin
fuzz_validate_cin_OBJS = fuzz/fuzz_validate_cin.o $(FUZZ_UTIL) validate/cin_model.o
FUZZERS += fuzz_validate_903
fuzz_validate_903_OBJS = fuzz/fuzz_validate_903.o $(FUZZ_UTIL) $(V903_OBJS) \
	$(VALIDATE_ENGINE)
FUZZERS += fuzz_yaml
fuzz_yaml_OBJS = fuzz/fuzz_yaml.o $(FUZZ_UTIL) extract/ssda903_schema.o $(FUZZ_CSV_LIST)
FUZZERS += fuzz_workday
fuzz_workday_OBJS = fuzz/fuzz_workday.o $(FUZZ_UTIL)

E2E_TESTS += tests/e2e/fuzz_smoke.sh

# The rest of the hardening suite (issue 10): valgrind over the chain, the
# bad-input corpus of the formats without their own extract test, faults.
E2E_TESTS += tests/e2e/valgrind_e2e.sh
E2E_TESTS += tests/e2e/bad_inputs.sh
E2E_TESTS += tests/e2e/faults.sh
