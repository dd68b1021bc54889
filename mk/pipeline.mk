# mk/pipeline.mk - the stage chain for one run, driven by csc-run.
#
# csc-run passes every path as a variable (BIN, CONF, OUT, STG, P, SET,
# LABEL, PERIOD, CIN, SSDA903_DIR, CONTACTS, EARLY_HELP, TPL, REF, FAILED).
# Each stage depends on exactly what it reads: its input file(s), its
# settings fingerprint in $(SET) (rewritten only when those settings change),
# the templates or reference data it uses, and its own program. So touching
# the contacts list re-runs the contacts extract and what follows it, and
# nothing else. Every stage writes its outputs atomically and its last
# output is its target, so a killed stage is simply re-run next time.
#
# Every stage runs under csc-stage, which logs its start, end and elapsed
# time and records a failing stage's exit code in $(FAILED) for csc-run.

stage = $(BIN)/csc-stage --name $(1) --failed $(FAILED) -- $(2)

STAGING := $(STG)/recon_cin.csv $(STG)/recon_ssda903.csv \
	$(STG)/recon_contacts.csv $(STG)/recon_early_help.csv

.PHONY: all staging
all: $(P)/load.done
staging: $(STAGING)

$(STG)/recon_cin.csv: $(SET)/extract-cin.txt $(CIN) $(BIN)/csc-extract-cin
	$(call stage,extract-cin,$(BIN)/csc-extract-cin --conf $(CONF))

# A 903 folder changes when a file is added or removed (the folder) or edited.
$(STG)/recon_ssda903.csv: $(SET)/extract-903.txt $(SSDA903_DIR) \
		$(if $(SSDA903_DIR),$(wildcard $(SSDA903_DIR)/*)) $(BIN)/csc-extract-903
	$(call stage,extract-903,$(BIN)/csc-extract-903 --conf $(CONF))

$(STG)/recon_contacts.csv: $(SET)/extract-contacts.txt $(CONTACTS) $(BIN)/csc-extract-contacts
	$(call stage,extract-contacts,$(BIN)/csc-extract-contacts --conf $(CONF))

$(STG)/recon_early_help.csv: $(SET)/extract-earlyhelp.txt $(EARLY_HELP) $(BIN)/csc-extract-earlyhelp
	$(call stage,extract-earlyhelp,$(BIN)/csc-extract-earlyhelp --conf $(CONF))

$(P)/transform.done: $(STAGING) $(SET)/transform.txt $(TPL)/comparators.csv \
		$(REF)/bank-holidays-england-wales.csv $(BIN)/csc-transform
	$(call stage,transform,$(BIN)/csc-transform --conf $(CONF) --period $(PERIOD) --out $(P))
	touch $@

$(P)/load.done: $(P)/transform.done $(STAGING) $(SET)/load.txt $(wildcard $(TPL)/*.tpl) \
		$(BIN)/csc-load-report
	$(call stage,load,$(BIN)/csc-load-report --conf $(CONF) --period $(PERIOD) --label $(LABEL) --out $(P))
	touch $@
