/* csc_inputs.c - see csc_inputs.h. */
#include <string.h>

#include "csc_inputs.h"

#define PATH(member) offsetof(csc_conf, member)

const csc_input_def csc_inputs[CSC_NINPUTS] = {
	[CSC_IN_CIN] = {"cin", "cin_census", "extract-cin", "csc-extract-cin", "CIN census", 0, 1,
			PATH(cin_census)},
	[CSC_IN_903] = {"ssda903", "ssda903_dir", "extract-903", "csc-extract-903",
			"SSDA903 (children looked after)", 1, 1, PATH(ssda903_dir)},
	[CSC_IN_CONTACTS] = {"contacts", "contacts", "extract-contacts", "csc-extract-contacts",
			     "Contacts list", 0, 1, PATH(contacts)},
	[CSC_IN_EH] = {"early_help", "early_help", "extract-earlyhelp", "csc-extract-earlyhelp",
		       "Early help list", 0, 0, PATH(early_help)},
};

const char *csc_inputs_path(const csc_conf *c, int i)
{
	return *(char *const *)((const char *)c + csc_inputs[i].conf_off);
}

int csc_inputs_find(const char *name)
{
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (!strcmp(csc_inputs[i].name, name))
			return i;
	return -1;
}
