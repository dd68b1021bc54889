# cscpipe - top-level Makefile.
#
# Each area (lib, extract, transform, load, returns, validate, tools, tests) has a
# module.mk that only declares what it builds:
#   PROGRAMS += name            name_OBJS := area/x.o area/y.o
#   UNIT_TESTS += test_name     test_name_OBJS := tests/unit/test_name.o area/x.o
#   E2E_TESTS += tests/e2e/name.sh
# and this file turns the declarations into rules. Objects go under $(BUILD),
# so several builds (e.g. SANITIZE=1) can live side by side.

BUILD ?= build
# A build folder under this one is named relative to it however it is given:
# each object's .d file names its target as the compiler was told it, so an
# object built once as build-fuzz/x.o and once as /abs/build-fuzz/x.o lost
# its header dependencies (the fuzz smoke linked a harness compiled against
# an older lib/csc_xml.h; tests/e2e/build_deps.sh).
override BUILD := $(patsubst $(CURDIR)/%,%,$(BUILD))
SANITIZE ?=
PREFIX ?= /usr/local
DATADIR ?= $(CURDIR)

CC ?= cc
# libcrypto: SHA-256 for the manifest (lib/csc_sha256.c); yaml-0.1: the
# SSDA903 code lists (extract/codes_yaml.c).
PKGS := libxml-2.0 xlsxwriter libcrypto yaml-0.1
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null || echo -I/usr/include/libxml2)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lxml2 -lxlsxwriter -lz -lcrypto -lyaml)

WARN := -Wall -Wextra -Wshadow -Wformat=2 -Wvla -Wstrict-prototypes -Wmissing-prototypes
OPT ?= -O2 -g
CFLAGS ?= $(OPT)
ifeq ($(SANITIZE),1)
override BUILD := $(BUILD)-san
CFLAGS += -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) -I. -Ilib -MMD -MP
LDLIBS := $(PKG_LIBS) -lcsv -lm -pthread

BIN := $(BUILD)/bin
LIBCSC := $(BUILD)/libcsc.a

PROGRAMS :=
UNIT_TESTS :=
E2E_TESTS :=
LIB_OBJS :=
FUZZERS :=

include lib/module.mk
include $(sort $(filter-out lib/module.mk,$(wildcard */module.mk)))

.PHONY: all test unit e2e clean run sample install bench fuzz fuzz-build valgrind help verify returns annexa \
	man FORCE
.DEFAULT_GOAL := all

all: $(addprefix $(BIN)/,$(PROGRAMS))

# ---- generated headers ----------------------------------------------------
# The release and git description (lib/csc_version.c) and the data folder
# (lib/csc_datadir.c) are each compiled into one object from a header under
# $(GEN) that scripts/gen-header.sh rewrites only when its text changes. So a
# build of an unchanged tree is byte-identical and relinks nothing, and a new
# DATADIR (make install with another PREFIX) recompiles that one object and
# relinks every program, which then looks in the new folder.
GEN := $(BUILD)/gen
FORCE:
$(GEN)/csc_version_gen.h: FORCE
	@scripts/gen-header.sh version $@
$(GEN)/csc_datadir_gen.h: FORCE
	@scripts/gen-header.sh datadir $@ '$(DATADIR)'
$(BUILD)/lib/csc_version.o: $(GEN)/csc_version_gen.h
$(BUILD)/lib/csc_datadir.o: $(GEN)/csc_datadir_gen.h
$(BUILD)/lib/csc_version.o $(BUILD)/lib/csc_datadir.o: ALL_CFLAGS += -I$(GEN)
# Tests and fuzz harnesses read the source tree's ref/ and tests/data/.
$(BUILD)/tests/%.o $(BUILD)/fuzz/%.o: ALL_CFLAGS += -DCSC_DATADIR='"$(CURDIR)"'

# ---- man pages ------------------------------------------------------------
# One page per program from its man-style --help (scripts/help2man.sh), so
# the page cannot drift from the program; `make install` installs them.
MAN := $(BUILD)/man
MAN_PAGES := $(addprefix $(MAN)/,$(addsuffix .1,$(PROGRAMS)))
$(MAN)/%.1: $(BIN)/% scripts/help2man.sh
	@mkdir -p $(MAN)
	scripts/help2man.sh $< $@
man: $(MAN_PAGES)
all: $(MAN_PAGES)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIBCSC): $(addprefix $(BUILD)/,$(LIB_OBJS))
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

define program_rule
$(BIN)/$(1): $(addprefix $(BUILD)/,$($(1)_OBJS)) $(LIBCSC)
	@mkdir -p $(BIN)
	$(CC) $(LDFLAGS) -o $$@ $$^ $(LDLIBS)
endef
$(foreach p,$(PROGRAMS),$(eval $(call program_rule,$(p))))

define test_rule
$(BUILD)/tests/$(1): $(addprefix $(BUILD)/,$($(1)_OBJS)) $(LIBCSC)
	@mkdir -p $(BUILD)/tests
	$(CC) $(LDFLAGS) $($(1)_LDFLAGS) -o $$@ $$^ $(LDLIBS) -lcmocka
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call test_rule,$(t))))

# `make test`: every cmocka suite and every end-to-end script under prove,
# TEST_JOBS at a time, each with its time, then one closing
# "N passed, M failed" line (tests/run-tests.sh; logs in $(BUILD)/test-logs).
TEST_JOBS ?= 2
test: all $(addprefix $(BUILD)/tests/,$(UNIT_TESTS))
	@BUILD=$(BUILD) BIN=$(abspath $(BIN)) TEST_JOBS=$(TEST_JOBS) tests/run-tests.sh \
		$(addprefix $(BUILD)/tests/,$(UNIT_TESTS)) -- $(E2E_TESTS)

unit: $(addprefix $(BUILD)/tests/,$(UNIT_TESTS))
	@BUILD=$(BUILD) BIN=$(abspath $(BIN)) TEST_JOBS=$(TEST_JOBS) tests/run-tests.sh $^ --

clean:
	rm -rf $(BUILD) $(BUILD)-san sample

# ---- fuzzing and valgrind (issue 10) ---------------------------------------
# `make fuzz`: build every harness of fuzz/module.mk with clang and
# -fsanitize=fuzzer,address,undefined in $(FUZZ_BUILD), then run each for
# FUZZ_SECONDS on a working copy of its seed corpus (fuzz/corpus/<h>) plus
# its regressions (tests/data/fuzz-regressions/<h>). New inputs go to
# $(FUZZ_BUILD)/corpus/<h>, crashes to $(FUZZ_BUILD)/crashes/<h>/; the first
# crash stops the run with non-zero status. FUZZ_ARGS adds libFuzzer flags
# (e.g. FUZZ_ARGS=-runs=10000000); FUZZERS=fuzz_cin picks harnesses.
FUZZ_CC ?= clang
FUZZ_BUILD ?= build-fuzz
override FUZZ_BUILD := $(patsubst $(CURDIR)/%,%,$(FUZZ_BUILD))
FUZZ_SECONDS ?= 60
FUZZ_ARGS ?=
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined

define fuzz_rule
$(BUILD)/fuzz/$(1): $(addprefix $(BUILD)/,$($(1)_OBJS)) $(LIBCSC)
	@mkdir -p $(BUILD)/fuzz
	$(CC) -fsanitize=fuzzer,address,undefined -o $$@ $$^ $(LDLIBS)
endef
$(foreach f,$(FUZZERS),$(eval $(call fuzz_rule,$(f))))

# The harnesses alone (used by `fuzz` and tests/e2e/fuzz_smoke.sh).
fuzz-build:
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) SANITIZE= CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" \
		$(addprefix $(FUZZ_BUILD)/fuzz/,$(FUZZERS))

fuzz: fuzz-build
	@for h in $(FUZZERS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$h $(FUZZ_BUILD)/crashes/$$h; \
		reg=tests/data/fuzz-regressions/$$h; [ -d $$reg ] || reg=; \
		echo "== $$h ($(FUZZ_SECONDS) s; log $(FUZZ_BUILD)/fuzz-$$h.log)"; \
		$(FUZZ_BUILD)/fuzz/$$h -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=3 \
			-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crashes/$$h/ $(FUZZ_ARGS) \
			$(FUZZ_BUILD)/corpus/$$h fuzz/corpus/$$h $$reg >$(FUZZ_BUILD)/fuzz-$$h.log 2>&1; \
		rc=$$?; \
		grep -E '^(stat::number_of_executed_units|Done |==[0-9]+==ERROR|SUMMARY|artifact_prefix)' \
			$(FUZZ_BUILD)/fuzz-$$h.log; \
		[ $$rc -eq 0 ] || { echo "$$h: exit $$rc (see $(FUZZ_BUILD)/fuzz-$$h.log)" >&2; exit 1; }; \
	done

# `make valgrind`: the chain under valgrind memcheck (tests/e2e/valgrind_e2e.sh)
# on the tiny authority and a generated one of VALGRIND_CHILDREN children.
VALGRIND_CHILDREN ?= 200
valgrind: all
	@BUILD=$(BUILD) BIN=$(abspath $(BIN)) VALGRIND_CHILDREN=$(VALGRIND_CHILDREN) \
		bash tests/e2e/valgrind_e2e.sh

# ---- running the pipeline -------------------------------------------------
# The bundled sample (seed 20240331, 70000 children: about 82,000 aged 0-17
# and 560 looked after, the size of England's average authority: 83,630
# children looked after in 153 authorities on 31 March 2024, DfE). Its
# board figures are one draw of the model, and a small authority's are
# mostly noise: at 20000 children (about 170 looked after, 5 exits a month)
# the same model showed children looked after growing 148 -> 181 in 18
# months and long-term stability 53.8 % in one quarter against the model's
# 69 % (tools/module.mk; gen_sample.sh checks the model over 50000
# children, tests/e2e/sample_care.sh this draw in every period the packs
# show). returns_validate.sh and the other tests use csc-gen-sample's
# default, 20000 children.
SAMPLE_CHILDREN ?= 70000
SAMPLE_SEED ?= 20240331

# The bundled sample authority: generate it (deterministic) and run it.
sample: all
	$(BIN)/csc-gen-sample --out sample --children $(SAMPLE_CHILDREN) --seed $(SAMPLE_SEED) --quiet
	$(BIN)/csc-run --conf sample/pipeline.conf $(if $(PERIOD),--period $(PERIOD))

# GNU make exits 2 whatever status a recipe failed with ("The exit status of
# make is always one of three values": 0, 1 for -q, 2), so make cannot hand
# a program's status (README, "Exit codes") to its caller. run_prog runs a
# program and, when it fails, names its status and what the README says it
# means on the last line, then fails with it (make's own "Error N" line says
# the same). It also writes the status to the file $CSC_MAKE_STATUS names,
# when set: scripts/mk runs make with it and exits with that status, for
# scripts and cron. usage(TEXT) refuses missing variables the same way (4).
define run_prog
	@printf '%s\n' "$(1)"
	@$(1); rc=$$?; [ $$rc -eq 0 ] || { \
		m="queries only|validation errors in the data|an input is missing, unreadable or cannot be parsed|bad configuration or usage|another run holds the output folder|an output could not be written|internal error"; \
		echo "make: $(notdir $(firstword $(1))) exited with status $$rc ($$(echo "$$m" | cut -d'|' -f$$rc)); make itself exits 2 (README, Exit codes)" >&2; \
		[ -z "$$CSC_MAKE_STATUS" ] || echo $$rc >"$$CSC_MAKE_STATUS"; \
		exit $$rc; }
endef
usage = { echo "usage: $(1)" >&2; [ -z "$$CSC_MAKE_STATUS" ] || echo 4 >"$$CSC_MAKE_STATUS"; exit 4; }

# make run CONF=path/to/pipeline.conf [PERIOD=2023-09|2023-Q3] [QUIET=1] [ACCEPT_DROP=1]
run: all
	@test -n "$(CONF)" || $(call usage,make run CONF=pipeline.conf [PERIOD=YYYY-MM|YYYY-Qn])
	$(call run_prog,$(BIN)/csc-run --conf $(CONF) $(if $(PERIOD),--period $(PERIOD)) $(if $(QUIET),--quiet) $(if $(ACCEPT_DROP),--accept-drop))

# make verify CONF=... PERIOD=...: rebuild from the same inputs and compare
# with the published manifest.
verify: all
	@test -n "$(CONF)" || $(call usage,make verify CONF=pipeline.conf [PERIOD=...])
	$(call run_prog,$(BIN)/csc-run --verify --conf $(CONF) $(if $(PERIOD),--period $(PERIOD)))

# make returns CONF=... YEAR=2025: the CIN census and SSDA903 return files
# for the collection year ending 31 March YEAR, then csc-validate on them
# (output in <returns folder>-validation): its counts per severity, and its
# exit status 2 when it found an error.
returns: all
	@test -n "$(CONF)" -a -n "$(YEAR)" || $(call usage,make returns CONF=pipeline.conf YEAR=YYYY)
	$(call run_prog,$(BIN)/csc-run --conf $(CONF) --target staging $(if $(ACCEPT_DROP),--accept-drop))
	$(call run_prog,$(BIN)/csc-returns --conf $(CONF) --year $(YEAR))
	$(call run_prog,scripts/returns-check.sh $(BIN) $(CONF) $(YEAR))

# make share CONF=... PROFILE=regional [PERIOD=2024-02|2024-Q3]: the
# pseudonymised extract of the run's staging tables (README "Sharing
# records").
.PHONY: share
share: all
	@test -n "$(CONF)" -a -n "$(PROFILE)" || $(call usage,make share CONF=pipeline.conf PROFILE=regional [PERIOD=YYYY-MM|YYYY-Qn])
	$(call run_prog,$(BIN)/csc-share --conf $(CONF) --profile $(PROFILE) $(if $(PERIOD),--period $(PERIOD)) $(if $(QUIET),--quiet))

# make annexa CONF=... [DATE=YYYY-MM-DD]: Ofsted's Annex A lists for the
# inspection date DATE (default: the day after the data's coverage), from
# freshly extracted staging, into <output_dir>/annex-a/. (annexa = yes in
# the conf has csc-run put the default date's in each published period.)
annexa: all
	@test -n "$(CONF)" || $(call usage,make annexa CONF=pipeline.conf [DATE=YYYY-MM-DD])
	$(call run_prog,$(BIN)/csc-run --conf $(CONF) --target staging)
	$(call run_prog,$(BIN)/csc-annexa --conf $(CONF) $(if $(DATE),--date $(DATE)))

# make bench [BENCH_SCALES="1 2 4"] [BENCH_FRACTION=1]: national-scale
# dumps (BENCH_FRACTION x one year of England, times each scale), cached in
# bench/cache; every stage and the whole chain timed against bare-parse and
# cat baselines (bench/bench.sh, BENCHMARKS.md). The helpers are built with
# `all` (never installed) so the e2e smoke test finds them.
BENCH_SCALES ?= 1 2 4
BENCH_FRACTION ?= 1
BENCH_BIN := $(BUILD)/bench
define bench_rule
$(BENCH_BIN)/$(1): $(addprefix $(BUILD)/,$($(1)_OBJS))
	@mkdir -p $(BENCH_BIN)
	$(CC) $(LDFLAGS) -o $$@ $$^ $(LDLIBS)
endef
$(foreach p,$(BENCH_PROGRAMS),$(eval $(call bench_rule,$(p))))
all: $(addprefix $(BENCH_BIN)/,$(BENCH_PROGRAMS))

bench: all
	BIN=$(abspath $(BIN)) BENCH_BIN=$(abspath $(BENCH_BIN)) BENCH_SCALES="$(BENCH_SCALES)" \
		BENCH_FRACTION=$(BENCH_FRACTION) bench/bench.sh

# make install PREFIX=/usr/local: programs in PREFIX/bin, their man pages in
# PREFIX/share/man/man1, reference data, templates, the make chain and the
# example pipeline.conf in PREFIX/share/cscpipe. The programs are built in
# INSTALL_BUILD with DATADIR=PREFIX/share/cscpipe; installing to another
# PREFIX rebuilds the one object that holds DATADIR (lib/csc_datadir.c) and
# relinks, so each PREFIX gets programs that look in their own share folder,
# in whatever order the PREFIXes come (tests/e2e/install.sh).
INSTALL_BUILD ?= build-install
SHARE := $(DESTDIR)$(PREFIX)/share/cscpipe
install:
	$(MAKE) BUILD=$(INSTALL_BUILD) DATADIR=$(PREFIX)/share/cscpipe all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(SHARE)/ref \
		$(SHARE)/templates $(SHARE)/mk $(SHARE)/examples
	install -m 755 $(addprefix $(INSTALL_BUILD)/bin/,$(PROGRAMS)) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(addprefix $(INSTALL_BUILD)/man/,$(addsuffix .1,$(PROGRAMS))) \
		$(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 ref/* $(SHARE)/ref/
	install -m 644 $(wildcard templates/*.tpl templates/*.csv templates/*.md) $(SHARE)/templates/
	install -m 644 mk/pipeline.mk $(SHARE)/mk/
	install -m 644 pipeline.conf $(SHARE)/examples/

help:
	@echo "make                 build every program into $(BUILD)/bin and its man page into $(BUILD)/man"
	@echo "make test            build and run every test (SANITIZE=1 for ASan/UBSan)"
	@echo "make sample          build, generate the bundled sample authority into sample/ and run it"
	@echo "                     (sh scripts/sample.sh first installs the Debian packages, then does this)"
	@echo "make run CONF=FILE   run extract -> transform -> load for a pipeline.conf [PERIOD=YYYY-MM|YYYY-Qn]"
	@echo "                     (make run CONF=pipeline.conf runs the sample with the repository's example)"
	@echo "make verify CONF=FILE [PERIOD=P]   rebuild a published period and compare it with its manifest"
	@echo "make returns CONF=FILE YEAR=YYYY   the CIN census and SSDA903 returns for a collection year"
	@echo "make annexa CONF=FILE [DATE=YYYY-MM-DD]   Ofsted Annex A lists for an inspection date"
	@echo "make share CONF=FILE PROFILE=regional [PERIOD=P]   a pseudonymised extract of the staging tables"
	@echo "make install [PREFIX=/usr/local]   programs, man pages, ref/, templates/, example conf"
	@echo "A failing program's own status (README, Exit codes) is printed; make itself exits 2."
	@echo "scripts/mk TARGET VAR=...          the same, exiting with that status (for scripts and cron)"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
