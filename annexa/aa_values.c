/*
 * aa_values.c - Annex A forms of CIN and SSDA903 codes (ANNEX-A.md, Lists 6 to 8).
 */
#include <string.h>

#include "aa_values.h"

const aa_value aa_need[] = {
	{"N1", "N1 - Abuse or neglect"}, {"N2", "N2 - Child's disability"},
	{"N3", "N3 - Parental disability or illness"}, {"N4", "N4 - Family in acute stress"},
	{"N5", "N5 - Family dysfunction"}, {"N6", "N6 - Socially unacceptable behaviour"},
	{"N7", "N7 - Low income"}, {"N8", "N8 - Absent parenting"},
	{"N9", "N9 - Cases other than children in need"}, {"N0", "N0 - Not stated"},
	{NULL, NULL},
};

const aa_value aa_closure[] = {
	{"RC1", "RC1 - Adopted"}, {"RC2", "RC2 - Died"}, {"RC3", "RC3 - Child arrangements order"},
	{"RC4", "RC4 - Special guardianship order"},
	{"RC5", "RC5 - Transferred to services of another local authority"},
	{"RC6", "RC6 - Transferred to adult social care services"},
	{"RC7", "RC7 - Services ceased for any other reason, including child no longer in need"},
	{"RC8", "RC8 - Case closed after assessment, no further action"},
	{"RC9", "RC9 - Case closed after assessment, referred to early help"},
	{NULL, NULL},
};

const aa_value aa_abuse[] = {
	{"NEG", "a) Neglect"}, {"PHY", "b) Physical abuse"}, {"SAB", "c) Sexual abuse"},
	{"EMO", "d) Emotional abuse"}, {"MUL", "e) Multiple/not recommended"},
	{NULL, NULL},
};

/* List 8 (ANNEX-A.md): legal status, reason ceased, placement type and
 * provider. */
const aa_value aa_legal[] = {
	{"C1", "C1: ICO"},
	{"C2", "C2: FCO"},
	{"D1", "D1: Freeing order"},
	{"E1", "E1: Placement order"},
	{"V2", "V2: Single period under S20"},
	{"V3", "V3: Short term breaks, episodes recorded"},
	{"V4", "V4: Short term breaks, agreements recorded"},
	{"L1", "L1: Police protection LA accommodation"},
	{"L2", "L2: EPO"},
	{"L3", "L3: Child assessment order LA accommodation"},
	{"J1", "J1: Remanded to LA or youth detention"},
	{"J2", "J2: LA accommodation under PACE"},
	{"J3", "J3: Youth rehabilitation order"},
	{NULL, NULL},
};

const aa_value aa_reason_ceased[] = {
	{"E11", "a) E11: Adopted - application unopposed"},
	{"E12", "b) E12: Adopted - consent dispensed"},
	{"E2", "c) E2: Died"},
	{"E3", "d) E3: Care taken by another LA"},
	{"E4A", "e) E4A: Returned home to live with parents or relatives - part of planning"},
	{"E4B", "f) E4B: Returned home to live with parents or relatives - not part of planning"},
	{"E13", "g) E13: Parents, relatives or other with no parental responsibility"},
	{"E41", "h) E41: Residence order granted"},
	{"E45", "i) E45: Special Guardianship Orders - former carer relative/friend"},
	{"E46", "j) E46: Special Guardianship Orders - former carer other"},
	{"E47", "k) E47: Special Guardianship Orders - relative/friend"},
	{"E48", "l) E48: Special Guardianship Orders - other"},
	{"E5", "m) E5: Moved into independent living - supported"},
	{"E6", "n) E6: Moved into independent living - no support"},
	{"E7", "o) E7: Transferred to residential care funded by adult social services"},
	{"E9", "p) E9: Sentenced to custody"},
	{"E14", "q) E14: Accommodation on remand ended"},
	{"E15", "r) E15: Age assessment determined child was 18 or over"},
	{"E16", "s) E16: Child moved abroad"},
	{"E8", "t) E8: Care ceased for any other reason"},
	{"X1", "u) X1: CodeError"},
	{"E17", "v) E17: Aged 18+ and remained with current carers"},
	{NULL, NULL},
};

const aa_value aa_place[] = {
	{"U1", "a) U1: Foster placement - relatives - long term"},
	{"U2", "b) U2: Foster placement - relative - FFA"},
	{"U3", "c) U3: Foster placement - relative - not FFA"},
	{"U4", "d) U4: Foster placement - long term"},
	{"U5", "e) U5: Foster placement - FFA"},
	{"U6", "f) U6: Foster placement - not FFA"},
	{"A3", "g) A3: Placed for adoption - consent - current foster"},
	{"A4", "h) A4: Placed for adoption - consent - not foster"},
	{"A5", "i) A5: Placed for adoption - order - foster"},
	{"A6", "j) A6: Placed for adoption - order - not foster"},
	{"P1", "k) P1: Placed with parents"},
	{"P2", "l) P2: Independent living"},
	{"P3", "m) P3: Residential employment"},
	{"H5", "n) H5: Residential accommodation"},
	{"K1", "o) K1: Secure Children's Homes"},
	{"K2", "p) K2: Children's Homes"},
	{"R1", "q) R1: Residential Care Home"},
	{"R2", "r) R2: NHS/Health Trust"},
	{"R3", "s) R3: Family Centre or Mother and Baby Unit"},
	{"R5", "t) R5: Young Offender Institution"},
	{"S1", "u) S1: Residential school"},
	{"Z1", "v) Z1: Other placements"},
	{"T0", "w) T0: Temporary placement"},
	{"T1", "x) T1: Temporary placement - hospital"},
	{"T2", "y) T2: Temporary placement - holiday"},
	{"T3", "z) T3: Temporary placement - carer holiday"},
	{"T4", "zz) T4: Temporary placement - seven days or less"},
	/* no Annex A letter (ANNEX-A.md 3.7): written plain, a known gap of
	 * Ofsted's list rather than a fault of the data */
	{"K3", "K3"}, {"Z11", "Z11"}, {"Z12", "Z12"}, {"Z13", "Z13"}, {"Z14", "Z14"},
	{NULL, NULL},
};

const aa_value aa_provider[] = {
	{"PR0", "a) PR0: Parents/Parental responsibility"},
	{"PR1", "b) PR1: Own provision"},
	{"PR2", "c) PR2: Other LA provision"},
	{"PR3", "d) PR3: Other public provision"},
	{"PR4", "e) PR4: Private provision"},
	{"PR5", "f) PR5: Voluntary/third sector"},
	{NULL, NULL},
};

const aa_value aa_in_touch[] = {
	{"YES", "a) Yes"}, {"NO", "b) No"}, {"DIED", "c) Died"}, {"REFU", "d) Refu"},
	{"NREQ", "e) NREQ"}, {"RHOM", "f) Rhom"}, {NULL, NULL},
};

/* ACCOM's letter; its digit is the suitability */
const aa_value aa_accom[] = {
	{"B", "B: Parents/relatives"},
	{"C", "C: Community home/residential care"},
	{"D", "D: Semi-independent, transitional accommodation and self-contained accommodation"},
	{"E", "E: Supported lodgings"},
	{"G", "G: Abroad"},
	{"H", "H: Deported"},
	{"K", "K: Ordinary lodgings, without formal support"},
	{"R", "R: Residence not known"},
	{"S", "S: No fixed abode/homeless"},
	{"T", "T: Foyers and similar supported accommodation"},
	{"U", "U: Independent living"},
	{"V", "V: Emergency accommodation"},
	{"W", "W: Bed and breakfast"},
	{"X", "X: In custody"},
	{"Y", "Y: Other accommodation"},
	{"Z", "Z: With former foster carers"},
	{NULL, NULL},
};

const aa_value aa_suitability[] = {{"1", "a) Suitable"}, {"2", "b) Unsuitable"}, {NULL, NULL}};

const aa_value aa_activity[] = {
	{"F1", "F1: Full time in higher education"},
	{"P1", "P1: Part time in higher education"},
	{"F2", "F2: Full time in education other than higher"},
	{"P2", "P2: Part time in education other than higher"},
	{"F3", "F3: Full time in training or employment"}, /* read only: older years */
	{"P3", "P3: Part time in training or employment"},
	{"F4", "F4: Young person engaged full time in an apprenticeship"},
	{"P4", "P4: Young person engaged part time in an apprenticeship"},
	{"F5", "F5: Young person engaged full time in training or employment (not apprenticeship)"},
	{"P5", "P5: Young person engaged part time in training or employment (not apprenticeship)"},
	{"G4", "G4: Not in education, employment or training - illness or disability"},
	{"G5", "G5: Not in education, employment or training - other"},
	{"G6", "G6: Not in education, employment or training - pregnancy or parenting"},
	{NULL, NULL},
};

const aa_value aa_placed_ceased[] = {
	{"RD1", "RD1 - The child\xE2\x80\x99s needs changed subsequent to the decision"},
	{"RD2", "RD2 - The Court did not make a placement order"},
	{"RD3", "RD3 - Prospective adopters could not be found"},
	{"RD4", "RD4 - Any other reason"},
	{NULL, NULL},
};

const char *aa_value_out(const aa_value *t, const char *code)
{
	if (!code || !*code)
		return NULL;
	for (; t->code; t++)
		if (!strcmp(t->code, code))
			return t->out;
	return code;
}
