/* csc_cin_children.c - see csc_cin_children.h. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "csc_cin_children.h"
#include "csc_diag.h"

void csc_cin_children_start(csc_cin_children *k)
{
	memset(k, 0, sizeof *k);
}

int csc_cin_children_element(csc_cin_children *k, int is_child, const char *name, long line)
{
	if (is_child) {
		k->child++;
		return 0;
	}
	if (k->child)
		return 0;
	if (!k->other++) {
		snprintf(k->other_name, sizeof k->other_name, "%.80s", name);
		k->other_line = line;
	}
	return 1;
}

int csc_cin_children_end(const csc_cin_children *k, const char *file)
{
	if (k->child || !k->other)
		return 0;
	if (!strcasecmp(k->other_name, "Child"))
		csc_error_at(file, k->other_line,
			     "<Children> holds %ld <%s> elements and no <Child>: element names "
			     "are case-sensitive and a CIN census file has <Child>",
			     k->other, k->other_name);
	else
		csc_error_at(file, k->other_line,
			     "<Children> holds %ld elements and no <Child> (the first is <%s>): "
			     "not CIN census content",
			     k->other, k->other_name);
	return -1;
}
