# The spec in the repository (docs/spec, a copy of ../shared/spec): the
# measure table, MEASURES.md and both templates name the same measures, and
# the copy is kept in step with ../shared/spec where that folder exists.
# (= not :=: transform/module.mk, which sets TX_OBJS, is read after this file.)
UNIT_TESTS += test_spec_measures
test_spec_measures_OBJS = tests/unit/test_spec_measures.o $(TX_OBJS)
E2E_TESTS += tests/e2e/spec_sync.sh
