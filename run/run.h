/*
 * run.h - the pieces of csc-run: context, lock, settings fingerprints, the
 * make chain, and atomic publication with a manifest.
 */
#ifndef RUN_H
#define RUN_H

#include <stddef.h>

#include "csc_conf.h"
#include "csc_inputs.h"
#include "run_period.h"

typedef struct run_ctx {
	const csc_conf *conf;
	char *conf_path;     /* absolute */
	run_period period;
	char *bin;           /* folder holding the stage programs */
	char *out;           /* output_dir, resolved */
	int outfd;           /* out, opened once: see run_outdir.c */
	char *work;          /* <out>/.work: make's incremental state */
	char *pdir;          /* <work>/<label>: this period's outputs as built */
	char *settings;      /* <work>/settings: fingerprints */
	char *log_path;      /* <out>/logs/run-<label>.log */
	char *published;     /* <out>/<label> after publication */
} run_ctx;

/* Resolve folders (creating output, work and log folders). 0, or the exit
 * code after saying why: CSC_EXIT_CONFIG (a path make cannot take, an output
 * folder refused by run_out_open), CSC_EXIT_OUTPUT (a link in the output
 * folder, or it cannot be written). */
int run_ctx_init(run_ctx *c, const csc_conf *conf, const char *conf_path,
		 const run_period *p, const char *argv0);
void run_ctx_free(run_ctx *c);

/* The period's paths of c (pdir, published, log_path) for p; NULL p (the
 * period waits for the data, run_coverage) leaves pdir and published NULL
 * and logs to <out>/logs/run-default.log until then. */
void run_ctx_paths(run_ctx *c, const run_period *p);

/* Bring the staging tables up to date, read their coverage (csc_coverage.h)
 * and settle the period: the default one when c has none yet (the last
 * complete month the data covers; the pending log is moved into the
 * period's log), else refuse one that starts after the data (exit 4, naming
 * the input and its date); a period that ends after the data is partial,
 * and says so. 0 or an exit code. */
int run_coverage(run_ctx *c);

/* The default period from the coverage files already in <output_dir>/staging
 * (for --verify, which must not run the extracts in the live folder); the
 * clock's last complete month when there are none. */
void run_coverage_default(const csc_conf *conf, run_period *p);

/* Every configured input, template, comparators.csv and the bank-holiday
 * file exist and are readable: 0, or CSC_EXIT_INPUT after naming the one
 * that is not (before make, which would only say "no rule"). */
int run_check_inputs(run_ctx *c);

/* Write each stage's settings fingerprint, touching only the changed ones,
 * so make re-runs only the stages a changed setting affects. 0 or an exit
 * code. */
int run_settings(run_ctx *c);

/* Write text to dir/name only when it differs, so that make sees a new
 * timestamp exactly when the content changed. 0 or -1 (after saying why). */
int run_write_if_changed(const char *dir, const char *name, const char *text);

/* Write the content stamp of every input, reference and template folder
 * under <work>/inputs, touching only those whose content changed (a pipe's
 * on every run), so make re-reads exactly the changed inputs whatever
 * their mtimes. 0, CSC_EXIT_INPUT (unreadable) or CSC_EXIT_OUTPUT. */
int run_stamps(run_ctx *c);

/* Run mk/pipeline.mk for target ("all" or "staging"); 0, or the failing
 * stage's exit code. */
int run_make(run_ctx *c, int jobs, const char *target);

/* Rebuild into a temporary output folder and compare with the published
 * manifest; 0 when every input and output matches, CSC_EXIT_DATA otherwise. */
int run_verify(const csc_conf *conf, const char *conf_path, const run_period *p,
	       const char *argv0);

/* Publish <work>/<label> as <out>/<label> with manifest.csv. 0 or exit code. */
int run_publish(run_ctx *c);

/* Records per input (in csc_inputs order), summed over the files and
 * tables of recon_<input>.csv; have[i] when configured. */
typedef struct run_counts {
	long read[CSC_NINPUTS], staged[CSC_NINPUTS], rejected[CSC_NINPUTS];
	int have[CSC_NINPUTS];
	char period[16];     /* run_counts_published: the period published */
} run_counts;

/* This run's counts from <out>/staging/recon_<input>.csv of every
 * configured input, read through c->outfd, never through a link. 0, or -1
 * after saying why. */
int run_counts_staged(run_ctx *c, run_counts *k);

/* The last publication's counts from <out>/.pub/counts.csv, opened without
 * following a link (a link there is an error). 0, 1 when there is none
 * (never published here), -1 after saying why. */
int run_counts_published(run_ctx *c, run_counts *k);

/* Write k as <out>/.pub/counts.csv, with the period just published
 * (c->period). 0 or -1. */
int run_counts_write(run_ctx *c, const run_counts *k);

/* The share by which records read fell from before to now, in percent
 * (0 when they did not fall or before is 0). */
double run_drop_percent(long before, long now);

/* Every input configured in both whose records read fell by more than
 * max_drop percent: with accept, logged; else an error naming the input,
 * both counts and the override. 0, or CSC_EXIT_DATA. */
int run_check_drop(const run_counts *before, const run_counts *now, double max_drop, int accept);

/* One line on stderr per input with rejects: how many of how many, and
 * the rejects file in dir. Printed with --quiet too (cron mails it). */
void run_report_rejects(const run_counts *now, const char *dir);

/* The one-line summary on stdout (unless quiet). */
void run_summary(run_ctx *c, const run_counts *k, double secs);

/* Write manifest.csv for the outputs in dir: version, period, settings,
 * SHA-256 of every input and output. 0 or -1. */
int run_manifest(run_ctx *c, const char *dir);

/* The output folder (run_outdir.c; README, "The output folder"). */

/* Resolve output_dir and open it: refuses (CSC_EXIT_CONFIG, saying why) a
 * system folder, or a non-empty folder without the .cscpipe marker unless
 * it holds only what an earlier cscpipe left there. With create, makes the
 * folder if needed and writes the marker; without, a missing folder gives 0
 * with *fd -1. 0 (with *resolved allocated), or CSC_EXIT_CONFIG /
 * CSC_EXIT_OUTPUT after saying why; nothing is written when refused. */
int run_out_open(const char *output_dir, int create, char **resolved, int *fd);

/* Open the folder rel ("a/b") under outfd, making it with create, never
 * through a link: a descriptor, or -1 after naming the link or the error. */
int run_out_dir(int outfd, const char *out, const char *rel, int create);

/* -1 after naming dir/name when it is a symbolic link, else 0. */
int run_out_nolink(int dfd, const char *dir, const char *name);

/* A publication link's target ".pub/NAME" (NAME a single component, not
 * "." or ".."): 0 with NAME copied, or -1. */
int run_out_target(const char *target, char *name, size_t size);

/* The copy <out>/<label> is published as: 0 with name "" when there is none,
 * 0 with its name in .pub, or -1 after naming a <label> that is not such a
 * link (nothing is touched). */
int run_out_published(int outfd, const char *out, const char *label, char *name,
		      size_t size);

/* Remove the copy .pub/name (its files, then the folder), never following
 * a link. */
void run_out_rmcopy(int pubfd, const char *name);

/* Under the lock: remove the temporaries "*.tmp.<pid>" of runs no longer
 * running, and the copies in .pub that no period link names; then check
 * that staging, .work/settings and .work/<label> (when label is not "":
 * else run_out_period does once the period is known) hold no link, since
 * the stages reach them by path. 0, or -1 after naming what is wrong. */
int run_out_tidy(int outfd, const char *out, const char *label);

/* Once c's period is known: make .work/<label> (never through a link) and
 * check that neither it nor the run log is a link; with contents (under the
 * lock, after run_out_tidy), that nothing in .work/<label> is a link. 0 or
 * CSC_EXIT_OUTPUT after saying why. */
int run_out_period(run_ctx *c, int contents);

/* -1 after naming every link directly in <out>/<rel> (never through a
 * link itself; a missing folder has none), else 0. */
int run_out_nolinks_in(int outfd, const char *out, const char *rel);

/* s is a period label, "YYYY-MM" or "YYYY-Qn". */
int run_out_is_label(const char *s);

/* The run lock and the output folder of the programs that read a run's
 * staging and write beside it (run_outuse.c). */

/* Take the output folder's run lock (<out>/.lock, a regular file, never
 * through a link) without waiting, and record "<pid> <program>" in it: the
 * held descriptor (0 in *rc), or -1 with *rc CSC_EXIT_LOCKED after naming
 * the run that holds it, or CSC_EXIT_OUTPUT after saying why .lock cannot be
 * used (a link, not a regular file, the folder not writable). */
int run_out_lock(int outfd, const char *out, int *rc);

typedef struct run_out_use {
	char *out; /* output_dir, resolved */
	int fd;    /* out, opened once */
	int lock;  /* the run lock, held */
} run_out_use;

/* Open output_dir for a program that reads its staging and writes beside it
 * (never creating it), refuse it without the .cscpipe marker, take the
 * lock, and check that staging is there and neither it nor anything in it
 * is a link. `doing` ends the marker message ("... before <doing>"). 0, or
 * an exit code after saying why, with nothing left open: CSC_EXIT_INPUT (no
 * output folder or no staging), CSC_EXIT_CONFIG (refused by run_out_open,
 * or not marked), CSC_EXIT_LOCKED, CSC_EXIT_OUTPUT (a link, or .lock
 * unusable). */
int run_out_use_open(run_out_use *u, const char *output_dir, const char *doing);

/* Make <out>/<rel> ("a/b") where needed, never through a link, and check
 * that none of the NULL-ended names in it is a link: 0, or CSC_EXIT_OUTPUT
 * after naming the link or the error. */
int run_out_use_place(const run_out_use *u, const char *rel, const char *const *names);

/* Release the lock and the folder; u may be closed already. */
void run_out_use_close(run_out_use *u);

#endif
