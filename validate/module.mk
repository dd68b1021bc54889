# csc-validate: the DfE rule engine with the CIN census rules (cin_*) and
# the SSDA903 rules (v903_*, built by their own engineer in this folder).
VALIDATE_ENGINE := validate/v_engine.o validate/v_year.o validate/v_upn.o validate/v_report_csv.o \
	validate/v_report_xlsx.o
VALIDATE_CIN := validate/cin_model.o validate/cin_codes.o extract/cin_xsd.o validate/cin_checks.o validate/cin_rules_table.o \
	validate/cin_rules_child.o validate/cin_rules_episode.o validate/cin_rules_return.o \
	validate/cin_upn.o validate/cin_run.o

PROGRAMS += csc-validate
csc-validate_OBJS := validate/validate_main.o $(VALIDATE_ENGINE) $(VALIDATE_CIN)

UNIT_TESTS += test_validate_cin_rules test_validate_cin_engine
test_validate_cin_rules_OBJS := tests/unit/test_validate_cin_rules.o $(VALIDATE_ENGINE) $(VALIDATE_CIN)
test_validate_cin_engine_OBJS := tests/unit/test_validate_cin_engine.o $(VALIDATE_ENGINE)

E2E_TESTS += tests/e2e/validate_cin.sh

# SSDA903 rules (v903_*: loader, shared checks, rule table by theme), linked
# into csc-validate; validate_main.c calls v903_run.
V903_OBJS := validate/v903_load.o validate/v903_util.o validate/v903_checks.o \
	validate/v903_rules.o validate/v903_rules_episodes.o validate/v903_rules_header.o \
	validate/v903_rules_oc.o validate/v903_rules_adoption.o validate/v903_rules_sw.o \
	validate/v903_rules_prev.o validate/v903_rules_dolo.o
csc-validate_OBJS += $(V903_OBJS)
UNIT_TESTS += test_v903_rules
# the year data and UPN shape the 903 rules share with the engine and CIN
V903_SHARED := validate/v_year.o validate/v_upn.o
test_v903_rules_OBJS := tests/unit/test_v903_rules.o tests/unit/test_v903_harness.o $(V903_OBJS) \
	$(V903_SHARED)
# the collection-year mechanism (v_year, v_engine) CIN and SSDA903 share
UNIT_TESTS += test_v903_year
test_v903_year_OBJS := tests/unit/test_v903_year.o $(VALIDATE_ENGINE)
UNIT_TESTS += test_v903_load
test_v903_load_OBJS := tests/unit/test_v903_load.o tests/unit/test_v903_harness.o $(V903_OBJS) \
	$(V903_SHARED)
# Issues 6 and 7 acceptance: the CIN and SSDA903 returns csc-returns writes
# for the generated sample authority (20000 children, every whole year)
# validate with no error.
E2E_TESTS += tests/e2e/returns_validate.sh
