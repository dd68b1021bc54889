/*
 * aa_lists.h - the eleven Annex A lists as one table (aa_lists.c): number,
 * sheet, title, window, Ofsted's headers in order, the columns no input
 * holds (left blank, named on the Notes sheet), the inputs a list is built
 * from and the function that writes its rows (NULL: no input holds the
 * list, List 11; the sheet has its headers only and the Notes sheet says
 * so). The columns no input holds are filled from the supplementary list
 * when it has them (aa_supp.h).
 */
#ifndef AA_LISTS_H
#define AA_LISTS_H

#include "aa_data.h"
#include "aa_sheet.h"

#define AA_NLISTS 11

typedef struct aa_list {
	int num;
	const char *sheet;               /* "List 1" */
	const char *title;               /* "Contacts" */
	int months;                      /* window: I - months .. I */
	const char *holds;               /* which records, for the cover */
	const char *const *headers;      /* NULL-terminated, in Ofsted's order */
	const char *const *ni;           /* headers left blank: no input holds them */
	const char *source;              /* the staging tables it reads */
	/* Write the rows from staging_dir and d; 0, or -1 (reported). Lists
	 * are built in table order: List 1 keeps in d the contacts' person
	 * details List 2 reads. */
	int (*rows)(aa_sheet *s, aa_data *d, const char *staging_dir);
} aa_list;

extern const aa_list aa_lists[AA_NLISTS];

/* The row builders of Lists 9 and 10 (aa_list910.c). */
int aa_l9_rows(aa_sheet *s, aa_data *d, const char *staging_dir);
int aa_l10_rows(aa_sheet *s, aa_data *d, const char *staging_dir);

/* Number of headers of l. */
int aa_list_ncols(const aa_list *l);

#endif
