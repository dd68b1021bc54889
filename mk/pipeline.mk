# mk/pipeline.mk - the stage chain for one run, driven by csc-run.
#
# csc-run passes every path as a variable (BIN, CONF, OUT, STG, P, SET, INS,
# LABEL, PERIOD, FAILED), and ANNEXA (yes or no, pipeline.conf annexa).
# Each stage depends on exactly what it reads: the content stamp of its
# input in $(INS) and of the reference data or templates it uses, its
# settings fingerprint in $(SET), and its own program. A stamp is rewritten
# only when the content it describes changes (csc-run, run/run_inputs.c),
# so a replaced input is re-read whatever its mtime, and touching a file
# changes nothing. Every stage writes its outputs atomically and its last
# output is its target, so a killed stage is simply re-run next time.
#
# Every stage runs under csc-stage, which logs its start, end and elapsed
# time and records a failing stage's exit code in $(FAILED) for csc-run.

stage = $(BIN)/csc-stage --name $(1) --failed $(FAILED) -- $(2)

STAGING := $(STG)/recon_cin.csv $(STG)/recon_ssda903.csv \
	$(STG)/recon_contacts.csv $(STG)/recon_early_help.csv

# A stage that fails after writing its target (an extract whose rejects
# pass max_reject_percent commits its staging and rejects, then exits 2)
# must not leave it to count as up to date: the next run would publish it.
.DELETE_ON_ERROR:

.PHONY: all staging annexa-off
all: $(P)/load.done
staging: $(STAGING)

# Annex A in the period's set only when asked for; switched off, what an
# earlier run built there goes, or it would be published again.
ifeq ($(ANNEXA),yes)
all: $(P)/annexa.done
else
all: annexa-off
endif
annexa-off:
	rm -f $(P)/annexa.done $(P)/annex-a-*

$(STG)/recon_cin.csv: $(SET)/extract-cin.txt $(INS)/cin_census.txt $(INS)/reference_dir.txt \
		$(BIN)/csc-extract-cin
	$(call stage,extract-cin,$(BIN)/csc-extract-cin --conf $(CONF))

# The 903 folder's stamp names every file in it: one added, removed or
# edited changes it.
$(STG)/recon_ssda903.csv: $(SET)/extract-903.txt $(INS)/ssda903_dir.txt $(INS)/reference_dir.txt \
		$(BIN)/csc-extract-903
	$(call stage,extract-903,$(BIN)/csc-extract-903 --conf $(CONF))

$(STG)/recon_contacts.csv: $(SET)/extract-contacts.txt $(INS)/contacts.txt \
		$(INS)/reference_dir.txt $(BIN)/csc-extract-contacts
	$(call stage,extract-contacts,$(BIN)/csc-extract-contacts --conf $(CONF))

$(STG)/recon_early_help.csv: $(SET)/extract-earlyhelp.txt $(INS)/early_help.txt \
		$(BIN)/csc-extract-earlyhelp
	$(call stage,extract-earlyhelp,$(BIN)/csc-extract-earlyhelp --conf $(CONF))

$(P)/transform.done: $(STAGING) $(SET)/transform.txt $(INS)/templates_dir.txt \
		$(INS)/reference_dir.txt $(BIN)/csc-transform
	$(call stage,transform,$(BIN)/csc-transform --conf $(CONF) --period $(PERIOD) --out $(P))
	touch $@

# The commentary file (pipeline.conf commentary) is read by the load alone:
# editing it re-runs only that.
$(P)/load.done: $(P)/transform.done $(STAGING) $(SET)/load.txt $(INS)/templates_dir.txt \
		$(INS)/commentary.txt $(BIN)/csc-load-report
	$(call stage,load,$(BIN)/csc-load-report --conf $(CONF) --period $(PERIOD) --label $(LABEL) --out $(P))
	touch $@

# Annex A for the day after the data's end (csc-annexa's default), written
# into the period's folder so it is published and listed with the rest. It
# reads only staging; after the load (order only: a new commentary does not
# rebuild it) so a failed load stops the run first. The workbook of an
# earlier date goes first: the data's end moved. csc-annexa -o takes no
# lock: csc-run holds it.
$(P)/annexa.done: $(STAGING) $(SET)/annexa.txt $(INS)/annexa_supplementary.txt \
		$(BIN)/csc-annexa | $(P)/load.done
	rm -f $(P)/annex-a-*
	$(call stage,annexa,$(BIN)/csc-annexa --conf $(CONF) -o $(P))
	touch $@
