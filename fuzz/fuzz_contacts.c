/*
 * fuzz_contacts.c - libFuzzer harness for csc-extract-contacts: the bytes
 * are an Annex A contacts list, read with the program's own column table,
 * code lists (reference XSD and YAML) and checks (fuzz_list.h).
 */
int contacts_main(int argc, char **argv);
#define main contacts_main
#include "extract/contacts_main.c"
#undef main

#include "fuzz_list.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_list_open("fuzz_contacts", "contacts", "Contacts", cols,
		       (int)(sizeof cols / sizeof cols[0]), check, dup_key, 1, C_CHILD);
	list_cli cli = {0};
	cli.ref = (char *)CSC_DATADIR "/ref";
	if (load_codes(&cli) != 0)
		abort();
	(void)help;
	(void)free_codes;
	return 0;
}
