/*
 * csc_xml.h - opening untrusted XML safely with libxml2's streaming reader.
 *
 * Every XML reader in cscpipe goes through here so that the same guarantees
 * hold everywhere: no network (XML_PARSE_NONET), no DTD loading, no entity
 * substitution (an entity reference stays an unexpanded node and is refused
 * by the caller), a document containing a DOCTYPE is refused outright, the
 * text of one node is bounded, and element depth is bounded. libxml2's own
 * error messages are captured and reported as "prog: file:line: message".
 */
#ifndef CSC_XML_H
#define CSC_XML_H

#include <libxml/xmlreader.h>

#include "csc_input.h"

#define CSC_XML_MAX_DEPTH 64
#define CSC_XML_MAX_TEXT (1u << 20) /* bytes of text in one element */

typedef struct csc_xml {
	xmlTextReaderPtr r;
	const char *name;  /* file name for messages */
	char err[512];     /* first libxml2 error, if any */
	long err_line;
	int failed;
	/* The node csc_xml_next just returned (callers need not ask libxml2
	 * again: xmlTextReaderNodeType walks ancestors for every text node). */
	int type;                /* XML_READER_TYPE_* */
	const xmlChar *value;    /* text, CDATA and whitespace nodes; else NULL */
	size_t value_len;
	const char *path;  /* file read (csc_xml_open), or NULL */
	csc_input in;      /* its stream (csc_xml_open) */
	const char *mem;   /* bytes read (csc_xml_open_mem), or NULL */
	int memlen;
	/* To tell a file cut short from other errors: libxml2 reports a
	 * truncated document as "Extra content at the end of the document" or
	 * "expected '>'" on a wrong line. */
	char root[64];     /* qualified name of the root element, "" before it */
	int root_seen, root_closed;
	int eof;           /* the whole input has been read */
	long lines;        /* line feeds read so far (csc_xml_open) */
	char tail[256];    /* the last bytes read (csc_xml_open) */
	size_t ntail;
} csc_xml;

/* Open path for streaming; 0, or -1 after printing why. */
int csc_xml_open(csc_xml *x, const char *path, const char *name);

/* Same over memory (tests and fuzzing). */
int csc_xml_open_mem(csc_xml *x, const char *data, int n, const char *name);

/* Advance to the next node: 1 = a node, 0 = end of document, -1 = error
 * (not well-formed, DOCTYPE or entity met, too deep), after printing
 * "file:line: reason". A document whose input ends before the root
 * element's end tag is reported as such ("the document ends at line N
 * before </Message>"), whatever libxml2 said. */
int csc_xml_next(csc_xml *x);

/* Line of the current node (of the parser when the node keeps none);
 * 0 when unknown. */
long csc_xml_line(csc_xml *x);

void csc_xml_close(csc_xml *x);

/* The line feeds among the n bytes at buf (csc_xml_open's line count, kept
 * for the message about a document cut short). Never fails. */
size_t csc_xml_count_lf(const char *buf, size_t n);

#endif
