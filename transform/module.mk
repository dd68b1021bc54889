# csc-transform: staging CSVs -> measures, drill-down, data quality, RAG.
TX_OBJS := transform/engine.o transform/periods.o transform/staging_read.o \
	transform/staging_lists.o transform/staging_cin.o transform/staging_903.o \
	transform/measures.o transform/cin_common.o transform/recfmt.o transform/m_frontdoor.o transform/m_earlyhelp.o \
	transform/m_protection.o transform/m_care.o transform/m_leavers.o transform/rag.o transform/coverage.o \
	transform/jobs.o

PROGRAMS += csc-transform
csc-transform_OBJS := transform/main.o $(TX_OBJS)

UNIT_TESTS += test_transform_frontdoor
test_transform_frontdoor_OBJS := tests/unit/test_transform_frontdoor.o tests/unit/test_transform_util.o $(TX_OBJS)

UNIT_TESTS += test_transform_protection
test_transform_protection_OBJS := tests/unit/test_transform_protection.o tests/unit/test_transform_util.o $(TX_OBJS)

UNIT_TESTS += test_transform_care
test_transform_care_OBJS := tests/unit/test_transform_care.o tests/unit/test_transform_util.o $(TX_OBJS)

UNIT_TESTS += test_transform_rag
test_transform_rag_OBJS := tests/unit/test_transform_rag.o tests/unit/test_transform_util.o $(TX_OBJS)
E2E_TESTS += tests/e2e/transform_cli.sh tests/e2e/transform_errors.sh tests/e2e/transform_jobs.sh \
	tests/e2e/transform_drill.sh

UNIT_TESTS += test_transform_coverage
test_transform_coverage_OBJS := tests/unit/test_transform_coverage.o transform/periods.o transform/coverage.o

UNIT_TESTS += test_transform_recfmt
test_transform_recfmt_OBJS := tests/unit/test_transform_recfmt.o transform/recfmt.o transform/cin_common.o
