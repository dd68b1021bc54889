/*
 * fuzz_earlyhelp.c - libFuzzer harness for csc-extract-earlyhelp: the
 * bytes are an early-help episodes list, read with the program's own
 * column table, code lists and checks (fuzz_list.h).
 */
int earlyhelp_main(int argc, char **argv);
#define main earlyhelp_main
#include "extract/earlyhelp_main.c"
#undef main

#include "fuzz_list.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_list_open("fuzz_earlyhelp", "early_help", "EarlyHelp", cols,
		       (int)(sizeof cols / sizeof cols[0]), check, dup_key, 2, E_CHILD);
	codes_builtin(&tier, "tier");
	codes_builtin(&closure, "closure");
	(void)help;
	return 0;
}
