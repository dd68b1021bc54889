/*
 * cin_schema.h - the CIN census elements the extractor knows, as one table.
 *
 * Each element of INPUTS.md section 1 is one cin_node: where it sits (its
 * parent node), whether it opens a record (Child, CINdetails, Assessments,
 * CINPlanDates, Section47, ChildProtectionPlans, CPPreviewDate) or holds a
 * value (a slot of the record it sits in), the value's type, and whether the
 * XSD makes it mandatory (minOccurs="1"). The reader walks this table; it
 * holds no per-element code. The staging column of each value is the
 * element's in lib/csc_cin_elems.c (cin_emit.c matches them by name).
 */
#ifndef CIN_SCHEMA_H
#define CIN_SCHEMA_H

/* Record kinds, in the order of their staging tables. */
enum cin_kind {
	CIN_HEADER,     /* Message/Header: checked and warned about, not staged */
	CIN_CHILD,
	CIN_EPISODE,    /* CINdetails */
	CIN_ASSESS,     /* Assessments */
	CIN_PLAN,       /* CINPlanDates */
	CIN_S47,        /* Section47 */
	CIN_CPP,        /* ChildProtectionPlans */
	CIN_REVIEW,     /* Reviews/CPPreviewDate */
	CIN_PREPROC,    /* PreProceedingsandFGDM (2026-27 on) */
	CIN_NKINDS
};

/* Value types of leaf elements. */
enum cin_vtype {
	CIN_V_NONE,     /* a group element (no text) */
	CIN_V_ID,       /* LAchildID: non-empty text, at most CIN_ID_MAX bytes */
	CIN_V_TEXT,     /* free text (header only), at most CIN_TEXT_MAX bytes */
	CIN_V_DATE,     /* xs:date, YYYY-MM-DD and a real day */
	CIN_V_DATETIME, /* xs:dateTime (header only): a real date then T */
	CIN_V_CODE,     /* an xs:enumeration of the element's type in the XSD */
	CIN_V_BOOL,     /* yesnotype: staged as 1 / 0 */
	CIN_V_COUNT,    /* NumberOfPreviousCPP: integer >= 0 */
	CIN_V_UPN,      /* [A-Za-z]\d{12} or [A-Za-z]\d{11}[A-Za-z] */
	CIN_V_GENDER,   /* GenderCurrent 1/2/0/9, staged as M/F/U */
	CIN_V_SEX,      /* Sex M/F/U */
	CIN_V_DIGITS,   /* header LEA (3 digits), SerialNo (3+), Year (4) */
	CIN_V_SHORT,    /* text of no published list: at most CIN_SHORT_MAX bytes,
			   staged whole (PreProceedingsandFGDM flags, outcome) */
};

#define CIN_ID_MAX 20      /* DfE rule 1570: LA Child ID at most 20 characters */
#define CIN_TEXT_MAX 100   /* header free text */
#define CIN_SHORT_MAX 20   /* CIN_V_SHORT text */
#define CIN_MAX_SLOTS 10   /* value slots in one record */
#define CIN_VAL_MAX 24     /* longest staged scalar (LAchildID) + NUL */
#define CIN_MULTI_MAX 256  /* joined Disability / AssessmentFactors codes */

typedef struct cin_node {
	const char *name;        /* local element name */
	signed char parent;      /* node index; -1 for the root */
	signed char opens;       /* enum cin_kind opened here, or -1 */
	signed char slot;        /* value slot in the current record, or -1 */
	unsigned char type;      /* enum cin_vtype */
	unsigned char mandatory; /* minOccurs >= 1 within its record */
	unsigned char multi;     /* repeated codes joined with ';' */
	const char *needs;       /* child element that must occur at least once
				    inside this one (XSD minOccurs=1), or NULL */
} cin_node;

extern const cin_node cin_nodes[];
extern const int cin_nnodes;

/* The node index of Message (the only allowed root), of Children and of
 * Child (checked against the table by cin_reader_init). */
#define CIN_NODE_ROOT 0
#define CIN_NODE_CHILDREN 4
#define CIN_NODE_CHILD 5
/* Slot of GenderCurrent / Sex in a Child record. */
#define CIN_SLOT_SEX 6

/* Name of a record kind for recon ("Child", "CINdetails", ...). */
extern const char *const cin_kind_table[CIN_NKINDS];

/* Short name used in record ids: "", "", "", "assessment", "plan", "s47",
 * "cpp", "review", "preproc". */
extern const char *const cin_kind_short[CIN_NKINDS];

/* The record kind a node belongs to (the nearest ancestor opening one,
 * the node itself when it opens one); -1 above Child/Header. */
int cin_node_kind(int node);

/* Name shown for a missing mandatory slot: the element, or for the sex slot
 * "GenderCurrent (or Sex)". */
const char *cin_slot_name(int kind, int slot);

/* Node index of the element name within parent, -1 if none. */
int cin_node_find(int parent, const char *name);

#endif
