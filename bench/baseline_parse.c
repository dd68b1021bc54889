/*
 * baseline_parse.c - csc-bench-parse: the bare-parse baseline of `make bench`.
 *
 * usage: csc-bench-parse --xml FILE
 *        csc-bench-parse --csv FILE...
 *
 * Parses the files with the same libraries and options the extractors use
 * and does nothing else, so the extract throughput can be compared with
 * what the parser alone manages:
 *   --xml  libxml2's xmlTextReader with cscpipe's safe options (lib/csc_xml.c),
 *          reading every node's type and every text node's value;
 *   --csv  libcsv fed 256 KiB blocks with CSV_STRICT_FINI | CSV_REPALL_NL
 *          (lib/csc_csvr.c), counting fields and records.
 * Prints "records N bytes B" (XML records are elements). Exit 3 when a file
 * cannot be read or parsed.
 */
#include <csv.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAFE_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
		   XML_PARSE_BIG_LINES)

struct counts {
	long long records, fields, text;
};

static int parse_xml(const char *path, struct counts *c)
{
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, SAFE_OPTS);
	if (!r)
		return -1;
	int rc;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			c->records++;
		} else if (type == XML_READER_TYPE_TEXT) {
			const xmlChar *v = xmlTextReaderConstValue(r);
			c->text += v ? (long long)strlen((const char *)v) : 0;
		}
	}
	xmlFreeTextReader(r);
	return rc == 0 ? 0 : -1;
}

static void on_field(void *s, size_t n, void *data)
{
	(void)s;
	(void)n;
	((struct counts *)data)->fields++;
}

static void on_row(int ch, void *data)
{
	(void)ch;
	((struct counts *)data)->records++;
}

static int parse_csv(const char *path, struct counts *c)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
		fclose(f);
		return -1;
	}
	static char blk[1 << 18];
	size_t got;
	int rc = 0;
	while ((got = fread(blk, 1, sizeof blk, f)) > 0) {
		if (csv_parse(&p, blk, got, on_field, on_row, c) != got) {
			rc = -1;
			break;
		}
	}
	if (ferror(f))
		rc = -1;
	csv_fini(&p, on_field, on_row, c);
	csv_free(&p);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[1], "--xml") != 0 && strcmp(argv[1], "--csv") != 0)) {
		fprintf(stderr, "usage: csc-bench-parse --xml FILE | --csv FILE...\n");
		return 4;
	}
	int xml = strcmp(argv[1], "--xml") == 0;
	struct counts c = {0, 0, 0};
	long long bytes = 0;
	for (int i = 2; i < argc; i++) {
		if ((xml ? parse_xml(argv[i], &c) : parse_csv(argv[i], &c)) != 0) {
			fprintf(stderr, "csc-bench-parse: %s: cannot read or parse\n", argv[i]);
			return 3;
		}
		FILE *f = fopen(argv[i], "rb");
		if (f && fseek(f, 0, SEEK_END) == 0)
			bytes += ftell(f);
		if (f)
			fclose(f);
	}
	printf("records %lld bytes %lld\n", c.records, bytes);
	return 0;
}
