/* test_spec_measures.c - the measure table (transform/measures.c), the
 * definitions in the repository (docs/spec/MEASURES.md) and the two report
 * templates name the same measures: a measure added to one and forgotten
 * in another fails here, naming the ID and the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "transform/tx.h"

#define MAXIDS 256
#define IDLEN 16

typedef struct idset {
	char id[MAXIDS][IDLEN];
	int n;
} idset;

static int has(const idset *s, const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->id[i], id))
			return 1;
	return 0;
}

/* The measure ID at p when it ends at a space or '|': upper-case letters
 * and digits (templates/README.md), a letter first and a digit somewhere,
 * so a table's "| ID |" heading is not one. 0 otherwise. */
static int take_id(const char *p, char *out)
{
	size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	if (n == 0 || n >= IDLEN || (p[n] != ' ' && p[n] != '|') || p[0] < 'A' || p[0] > 'Z' ||
	    strcspn(p, "0123456789") >= n)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

/* The IDs of a file's lines that start with `prefix`: "| " for the rows of
 * the tables of MEASURES.md (| ID | title | ...), "row" for a template's
 * "row = ID | breakdown | text". Header and rule rows are not IDs. */
static void read_ids(const char *rel, const char *prefix, idset *s)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", CSC_DATADIR, rel);
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot read %s", path);
	char line[4096];
	s->n = 0;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, prefix, strlen(prefix)))
			continue;
		const char *p = line + strlen(prefix);
		if (!strcmp(prefix, "row")) {
			p += strspn(p, " \t");
			if (*p++ != '=')
				continue;
			p += strspn(p, " \t");
		}
		char id[IDLEN];
		if (!take_id(p, id))
			continue;
		if (!has(s, id)) {
			assert_true(s->n < MAXIDS);
			strcpy(s->id[s->n++], id);
		}
	}
	fclose(f);
}

static int table_has(const char *id)
{
	for (int i = 0; i < tx_nmeasures; i++)
		if (!strcmp(tx_measures[i].id, id))
			return 1;
	return 0;
}

/* Every measure of the table in `rel`, and every ID of `rel` in the table. */
static void same_measures(const char *rel, const char *prefix)
{
	idset s;
	read_ids(rel, prefix, &s);
	int missing = 0;
	for (int i = 0; i < tx_nmeasures; i++)
		if (!has(&s, tx_measures[i].id)) {
			print_message("%s: no %s (transform/measures.c has it)\n", rel, tx_measures[i].id);
			missing++;
		}
	for (int i = 0; i < s.n; i++)
		if (!table_has(s.id[i])) {
			print_message("transform/measures.c: no %s (%s has it)\n", s.id[i], rel);
			missing++;
		}
	assert_int_equal(missing, 0);
}

static void spec_measures(void **state)
{
	(void)state;
	same_measures("docs/spec/MEASURES.md", "| ");
}

static void highlight_template(void **state)
{
	(void)state;
	same_measures("templates/highlight.tpl", "row");
}

static void quarterly_template(void **state)
{
	(void)state;
	same_measures("templates/quarterly.tpl", "row");
}

/* A window breakdown (tx_windows) windows the headline only, so a measure
 * naming one has the headline and that label and nothing else (a window
 * call does not count other breakdowns: they would have no figure); and a
 * window label is a breakdown no measure uses for anything else. */
static void window_breakdowns(void **state)
{
	(void)state;
	int windowed = 0;
	for (int m = 0; m < tx_nmeasures; m++) {
		const tx_measure *t = &tx_measures[m];
		int win = 0, other = 0, head = 0;
		for (int b = 0; b < TX_MAXBD && t->bd[b]; b++) {
			int is_win = 0;
			for (int w = 0; w < tx_nwindows; w++)
				is_win |= !strcmp(t->bd[b], tx_windows[w].bd);
			win += is_win;
			head += !*t->bd[b];
			other += !is_win && *t->bd[b];
		}
		if (win) {
			if (win != 1 || other || !head)
				print_message("%s: a window breakdown needs the headline and no other breakdown\n",
					      t->id);
			assert_true(win == 1 && !other && head);
			windowed++;
		}
	}
	/* LA06 and HP07 (transform/NOTES.md) */
	assert_int_equal(windowed, 2);
	for (int w = 0; w < tx_nwindows; w++)
		assert_true(tx_windows[w].months > 0 && *tx_windows[w].bd);
}

/* The readers themselves, on lines worked by hand. */
static void id_reader(void **state)
{
	(void)state;
	char id[IDLEN];
	assert_true(take_id("FD01 | Contacts", id));
	assert_string_equal(id, "FD01");
	assert_true(take_id("LA08|", id));
	assert_string_equal(id, "LA08");
	assert_false(take_id("fd01 | x", id));    /* lower case is not an ID */
	assert_false(take_id("FD01x | x", id));   /* ends at a space or | only */
	assert_false(take_id("", id));
	assert_false(take_id("ABCDEFGHIJKLMNOPQRSTUVWXYZ1 |", id)); /* too long */
	assert_false(take_id("ID | Measure", id));  /* a heading: no digit */
	assert_false(take_id("2024 | x", id));      /* a number: no letter first */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(id_reader),
		cmocka_unit_test(spec_measures),
		cmocka_unit_test(highlight_template),
		cmocka_unit_test(quarterly_template),
		cmocka_unit_test(window_breakdowns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
