# Tools: csc-gen-sample, the deterministic sample-authority generator.
PROGRAMS += csc-gen-sample
csc-gen-sample_OBJS := tools/gen_main.o tools/gen_sim.o tools/gen_censor.o tools/gen_codes.o \
	tools/gen_emit.o tools/gen_xml.o
E2E_TESTS += tests/e2e/gen_sample.sh
