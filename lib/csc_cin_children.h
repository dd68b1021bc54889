/*
 * csc_cin_children.h - the one structural check both CIN readers (the
 * extractor's and the validator's) make on <Children>: elements under it
 * but not one <Child> (say <child>, or another format's records) is not
 * CIN census content, a fatal input error (exit 3), rather than an empty
 * census with a warning or a query per element.
 */
#ifndef CSC_CIN_CHILDREN_H
#define CSC_CIN_CHILDREN_H

typedef struct csc_cin_children {
	long child;          /* <Child> elements met */
	long other;          /* other elements met before the first Child */
	long other_line;     /* the first other one's line */
	char other_name[84]; /* and its name */
} csc_cin_children;

/* A <Children> element starts: forget any earlier one. */
void csc_cin_children_start(csc_cin_children *k);

/* An element directly under Children (is_child: it is <Child>). 1 when it
 * is held back (not a Child, and no Child met yet): the caller neither
 * warns about it nor reads it; 0 otherwise. */
int csc_cin_children_element(csc_cin_children *k, int is_child, const char *name, long line);

/* </Children>: 0, or -1 after printing "file:line: <Children> holds ...
 * and no <Child> ..." (the line of the first element held). */
int csc_cin_children_end(const csc_cin_children *k, const char *file);

#endif
