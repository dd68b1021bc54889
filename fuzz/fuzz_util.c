/* fuzz_util.c - scratch folder, /dev/null staging and the recon invariant
 * for the harnesses (fuzz_util.h). */
#include "fuzz_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_diag.h"

static char scratch[] = "/tmp/csc-fuzz.XXXXXX";
static FILE *devnull;

static void remove_scratch(void)
{
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		return;
}

const char *fuzz_setup(const char *prog)
{
	csc_diag_init(prog);
	csc_diag_quiet(1);
	if (!mkdtemp(scratch))
		csc_die(CSC_EXIT_INTERNAL, "fuzz: cannot make a scratch folder");
	atexit(remove_scratch);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		csc_die(CSC_EXIT_INTERNAL, "fuzz: cannot open /dev/null");
	return scratch;
}

void fuzz_stage_open(csc_stage *s, const char *input)
{
	char *dir = csc_path_join(scratch, "staging");
	if (csc_stage_open(s, dir, input) != 0)
		csc_die(CSC_EXIT_INTERNAL, "fuzz: cannot open staging");
	free(dir);
}

void fuzz_stage_reset(csc_stage *s)
{
	csc_csvw_init(&s->rej, devnull);
	csc_csvw_init(&s->find, devnull);
	for (int i = 0; i < s->ntables; i++) {
		csc_csvw_init(&s->tables[i].w, devnull);
		s->tables[i].read = s->tables[i].staged = s->tables[i].rejected = 0;
	}
	s->failed = 0;
}

void fuzz_stage_check(const csc_stage *s)
{
	for (int i = 0; i < s->ntables; i++) {
		const csc_table *t = &s->tables[i];
		if (t->read != t->staged + t->rejected || t->read < 0 || t->staged < 0) {
			fprintf(stderr, "fuzz: table %s: read %ld != staged %ld + rejected %ld\n",
				t->name, t->read, t->staged, t->rejected);
			abort();
		}
	}
}

char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
