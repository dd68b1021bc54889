/*
 * v903_rules.c - the SSDA903 rule table: one entry per DfE code in
 * ref/ssda903-rules-2025-26.csv, grouped by theme.
 *
 * Most entries are a shared check (v903_checks.h) with its parameters; the
 * rest name a small function in v903_rules_<theme>.c (v903_rules.h). Rules
 * needing last year's return say V_NEEDS_PREVIOUS; rules needing postcode or
 * Ofsted provider reference data, which the pipeline does not hold, say
 * V_NEEDS_POSTCODES (V903_NOT_RUN.md lists them with the reason).
 */
/*
 * Adding an SSDA903 rule, every file to touch:
 *
 *  - ref/ssda903-rules-2025-26.csv (from ../shared/reference): its code,
 *    severity, message and fields; a code with no table row is listed as
 *    not run;
 *  - validate/v903_rules.c: one entry in v903_rules[] below, {code, needs,
 *    check, arg}; PREV(...) for a rule that needs last year's return;
 *  - validate/v903_checks.c (v903_checks.h): a shared parameterised check
 *    with an arg, when the rule is one of a family;
 *  - validate/v903_rules_<theme>.c (declared in validate/v903_rules.h): a
 *    small function otherwise;
 *  - validate/V903_NOT_RUN.md: when it needs data cscpipe does not hold;
 *  - tests/unit/test_v903_rules.c: a failing and a passing case.
 */
#include "v903_checks.h"
#include "v903_rules.h"

#define NOW V_NEEDS_NOTHING
#define CODE(c, t, col, codes, blank, ...) \
	{c, NOW, v903_ck_code, &(const v903_code_arg){t, col, codes, blank, {__VA_ARGS__}}}
#define DATE(c, t, col, blank) {c, NOW, v903_ck_date, &(const v903_date_arg){t, col, blank}}
#define ALL(c, t, xcol, xset, ...) \
	{c, NOW, v903_ck_all_or_none, &(const v903_cols_arg){t, {__VA_ARGS__, -1}, xcol, xset}}
#define INH(c, t) {c, NOW, v903_ck_in_header, &(const v903_tab_arg){t}}
#define UNQ(c, t) {c, NOW, v903_ck_unique, &(const v903_tab_arg){t}}
#define SAME(c, t, col, hcol) {c, NOW, v903_ck_same_as_header, &(const v903_same_arg){t, col, hcol}}
/* WHEN(code, table, reported column, {col, set, neg}, ...) */
#define WHEN(c, t, rep, ...) {c, NOW, v903_ck_when, &(const v903_when_arg){t, rep, {__VA_ARGS__}}}
#define SOME(c, t, term, set_any, any, need) \
	{c, NOW, v903_ck_some, &(const v903_some_arg){t, term, any, set_any, need}}
#define ORDER(c, t, early, late, mode, rep) \
	{c, NOW, v903_ck_order, &(const v903_order_arg){t, early, late, mode, rep}}
#define YEAR(c, t, col, before, after) \
	{c, NOW, v903_ck_in_year, &(const v903_year_arg){t, col, before, after}}
#define AGE(c, t, colc, setc, at, under, over, rep) \
	{c, NOW, v903_ck_age, &(const v903_age_arg){t, colc, setc, at, under, over, rep}}
#define FN(c, fn) {c, NOW, fn, 0}
#define PREV(c, fn) {c, V_NEEDS_PREVIOUS, fn, 0}
#define POST(c) {c, V_NEEDS_POSTCODES, v903_ck_not_run, \
	"needs postcode and Ofsted provider reference data, which is not supplied"}
/* Refers to a column the 2024 tables do not have (V903_NOT_RUN.md). */
#define NA(c) {c, NOW, v903_ck_not_run, \
	"refers to a UASC status column that the 2024 Header table does not have"}
/* The first episode this year against last year's open one, column col. */
#define OPEN_LAST(c, col) {c, V_NEEDS_PREVIOUS, v903_ck_open_last, &(const v903_tab_arg){col}}
#define COLS(...) {__VA_ARGS__}
#define BLANK "_"
#define NOT_BLANK "_", 1

#define TEMP_PLACE "T0 T1 T2 T3 T4"
/* SEX is M/F/U from 2024-25 and 1/2 before (101 checks which). */
#define MALE "M 1"
#define FEMALE "F 2"
#define ETHNIC_CODES \
	"WBRI WIRI WOTH WIRT WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR " \
	"BOTH CHNE OOTH REFU NOBT"
#define PLACE_CODES \
	"A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1"
#define REC_CODES \
	"X1 E11 E12 E2 E3 E4A E4B E13 E41 E45 E46 E47 E48 E5 E6 E7 E9 E14 E15 E16 E17 E8"
#define SDQ_SCORES \
	"0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 " \
	"29 30 31 32 33 34 35 36 37 38 39 40"
#define ACTIV_CODES "F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6"
#define ACCOM_CODES \
	"B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S1 S2 T1 T2 U1 U2 V1 V2 W1 W2 " \
	"X1 X2 Y1 Y2 Z1 Z2"
#define OC2_HEALTH O2_IMMUNISATIONS, O2_TEETH_CHECK, O2_HEALTH_ASSESSMENT, O2_SUBSTANCE_MISUSE
#define OC2_ITEMS O2_CONVICTED, O2_HEALTH_CHECK, OC2_HEALTH, O2_INT_RECEIVED, O2_INT_OFFERED

const v_rule v903_rules[] = {
	/* Integrity between tables ------------------------------------------ */
	FN("EPI", v903_r_epi),
	PREV("NoE", v903_r_noe),
	INH("INT01", V9_AD1), INH("INT02", V9_PLACED), INH("INT03", V9_EPISODES),
	INH("INT04", V9_MISSING), INH("INT05", V9_OC2), INH("INT06", V9_OC3),
	INH("INT07", V9_PREVPERM), INH("INT08", V9_REVIEWS), INH("INT09", V9_UASC),
	SAME("INT11", V9_AD1, AD_DOB, HD_DOB), SAME("INT12", V9_PLACED, PA_DOB, HD_DOB),
	SAME("INT13", V9_MISSING, MS_DOB, HD_DOB), SAME("INT14", V9_OC2, O2_DOB, HD_DOB),
	SAME("INT15", V9_OC3, O3_DOB, HD_DOB), SAME("INT16", V9_PREVPERM, PP_DOB, HD_DOB),
	SAME("INT17", V9_REVIEWS, RV_DOB, HD_DOB), SAME("INT18", V9_UASC, UA_DOB, HD_DOB),
	SAME("INT21", V9_UASC, UA_SEX, HD_SEX),
	UNQ("INT31", V9_AD1), UNQ("INT32", V9_HEADER), UNQ("INT33", V9_OC2),
	UNQ("INT34", V9_OC3), UNQ("INT35", V9_PREVPERM), UNQ("INT36", V9_UASC),

	/* Social worker episodes (SocialWorker table) ----------------------- */
	SOME("SW01aSTG1", V9_SW, {0}, NULL, {0}, COLS(SW_DECOM, SW_ID)),
	SOME("SW01bSTG1", V9_SW, COLS(SW_DEC, BLANK, 1), NULL, {0},
	     COLS(SW_DECOM, SW_ID, SW_REASON)),
	FN("SW02STG1", v903_r_sw02),
	DATE("SW04STG1", V9_SW, SW_DECOM, 1),
	DATE("SW05STG1", V9_SW, SW_DEC, 1),
	YEAR("SW06STG2", V9_SW, SW_DECOM, 0, 1),
	YEAR("SW07STG2", V9_SW, SW_DEC, 1, 1),
	FN("SW08STG2", v903_r_sw08),
	ORDER("SW09STG2", V9_SW, SW_DECOM, SW_DEC, V903_EQ, SW_DEC),
	FN("SW10STG2", v903_r_sw10),
	FN("SW11bSTG2", v903_r_sw11b),
	FN("SW12STG2", v903_r_sw12),
	CODE("SW13STG1", V9_SW, SW_REASON,
	     "MANAGE FCONTA LEFTRL ORGRST TSPROC ABSENC CHCHAN PCCHAN SWDIED OTHERS", 1),
	FN("SW15STG2", v903_r_sw15),
	PREV("SW16aSTG2", v903_r_sw16a),
	PREV("SW16bSTG2", v903_r_sw16b),
	PREV("SW16cSTG2", v903_r_sw16c),
	FN("SW17STG2", v903_r_sw17),

	/* Header -------------------------------------------------------------- */
	FN("101", v903_r_101),
	DATE("102", V9_HEADER, HD_DOB, 0),
	CODE("103", V9_HEADER, HD_ETHNIC, ETHNIC_CODES, 0),
	NA("105"),
	FN("168", v903_r_168),
	DATE("171", V9_HEADER, HD_MC_DOB, 1),
	WHEN("174", V9_HEADER, HD_MC_DOB, {HD_SEX, MALE, 0}, {HD_MC_DOB, NOT_BLANK}),
	FN("209", v903_r_209),
	FN("231", v903_r_231),
	WHEN("232", V9_HEADER, HD_SEX, {HD_SEX, "U", 0}),
	YEAR("301", V9_HEADER, HD_DOB, 0, 1),
	FN("351", v903_r_351),
	FN("444", v903_r_444),
	WHEN("611", V9_HEADER, HD_MC_DOB, {HD_MOTHER, "1", 0}, {HD_MC_DOB, BLANK, 0}),
	WHEN("612", V9_HEADER, HD_MOTHER, {HD_MOTHER, "0 _", 0}, {HD_MC_DOB, NOT_BLANK},
	     {HD_SEX, FEMALE, 0}),
	AGE("620", V9_HEADER, HD_MOTHER, "1", -2, 11, 0, HD_MOTHER),
	ORDER("621", V9_HEADER, HD_DOB, HD_MC_DOB, V903_LE, HD_MC_DOB),

	/* UASC ---------------------------------------------------------------- */
	DATE("104", V9_UASC, UA_DUC, 1),
	NA("303"),
	FN("304", v903_r_304),

	/* Episodes: codes, dates and single rows ------------------------------- */
	DATE("141", V9_EPISODES, EP_DECOM, 0),
	CODE("143", V9_EPISODES, EP_RNE, "S L P T B U", 0),
	CODE("144", V9_EPISODES, EP_LS, "C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3", 0),
	CODE("145", V9_EPISODES, EP_CIN, "N1 N2 N3 N4 N5 N6 N7 N8", 0),
	CODE("146", V9_EPISODES, EP_PLACE, PLACE_CODES, 0),
	DATE("147", V9_EPISODES, EP_DEC, 1),
	ALL("148", V9_EPISODES, 0, NULL, EP_DEC, EP_REC),
	CODE("149", V9_EPISODES, EP_REC, REC_CODES, 1),
	CODE("178", V9_EPISODES, EP_PROVIDER, "PR0 PR1 PR2 PR3 PR4 PR5", 1),
	FN("1008", v903_r_1008),
	CODE("1009", V9_EPISODES, EP_RPC,
	     "CARPL CLOSE ALLEG STAND APPRR CREQB CREQO CHILD LAREQ PLACE CUSTOD OTHER", 1),
	WHEN("213", V9_EPISODES, EP_PROVIDER, {EP_PLACE, TEMP_PLACE " Z1", 0},
	     {EP_PROVIDER, NOT_BLANK}),
	SOME("214", V9_EPISODES, COLS(EP_LS, "V3 V4", 0), NULL, COLS(EP_PL_POST, EP_URN), {0}),
	FN("217", v903_r_217),
	FN("218", v903_r_218),
	WHEN("222", V9_EPISODES, EP_URN, {EP_PLACE, "H5 P1 P2 P3 R1 R2 R5 T0 T1 T2 T3 T4 Z1", 0},
	     {EP_URN, "_ XXXXXXX", 1}),
	FN("225", v903_r_225),
	WHEN("226", V9_EPISODES, EP_RPC, {EP_PLACE, TEMP_PLACE, 0}, {EP_RPC, NOT_BLANK}),
	WHEN("233", V9_EPISODES, EP_RPC, {EP_DEC, BLANK, 0}, {EP_RPC, NOT_BLANK}),
	AGE("234", V9_EPISODES, EP_RPC, "CUSTOD", EP_DEC, 10, 0, EP_RPC),
	ORDER("302", V9_EPISODES, V903_HDOB, EP_DECOM, V903_LT, EP_DECOM),
	AGE("352", V9_EPISODES, EP_RNE, "S", EP_DECOM, 0, 18, EP_DECOM),
	FN("353", v903_r_353),
	YEAR("354", V9_EPISODES, EP_DECOM, 0, 1),
	ORDER("355", V9_EPISODES, EP_DECOM, EP_DEC, V903_EQ, EP_DEC),
	ORDER("356", V9_EPISODES, EP_DECOM, EP_DEC, V903_LT, EP_DECOM),
	AGE("358", V9_EPISODES, EP_LS, "J1 J2 J3", EP_DECOM, 10, 0, EP_LS),
	FN("359", v903_r_359),
	AGE("371", V9_EPISODES, EP_PLACE, "H5", EP_DECOM, 16, 0, EP_PLACE),
	AGE("372", V9_EPISODES, EP_PLACE, "R5", EP_DECOM, 10, 0, EP_PLACE),
	AGE("373", V9_EPISODES, EP_PLACE, "S1", EP_DECOM, 4, 0, EP_PLACE),
	AGE("374", V9_EPISODES, EP_PLACE, "P3", EP_DECOM, 14, 0, EP_PLACE),
	WHEN("378", V9_EPISODES, EP_LS, {EP_PLACE, "P1", 0}, {EP_LS, "V2", 0}),
	WHEN("382", V9_EPISODES, EP_PLACE, {EP_LS, "V3 V4", 0}, {EP_PLACE, TEMP_PLACE, 0}),
	WHEN("384", V9_EPISODES, EP_PLACE, {EP_LS, "V3 V4", 0}, {EP_PLACE, "U1 U4", 0}),
	YEAR("385", V9_EPISODES, EP_DEC, 0, 1),
	AGE("386", V9_EPISODES, EP_REC, "E11 E12", EP_DEC, 0, 18, EP_REC),
	AGE("387", V9_EPISODES, EP_REC, "E5 E6", EP_DEC, 14, 0, EP_REC),
	AGE("389", V9_EPISODES, EP_REC, "E7", EP_DEC, 16, 0, EP_REC),
	FN("392b", v903_r_392b),
	FN("392c", v903_r_392c),
	FN("392d", v903_r_392d),
	SOME("398", V9_EPISODES, COLS(EP_LS, "V3 V4", 0), NULL, COLS(EP_HOME_POST, EP_PL_POST), {0}),
	AGE("407", V9_EPISODES, EP_REC, "E45 E46 E47 E48", EP_DEC, 0, 18, EP_REC),
	FN("446", v903_r_446),
	AGE("460", V9_EPISODES, EP_REC, "E17", EP_DEC, 18, 0, EP_REC),
	WHEN("516", V9_EPISODES, EP_PLACE, {EP_REC, "E45 E46", 0},
	     {EP_PLACE, "U1 U2 U3 U4 U5 U6", 1}),
	WHEN("526", V9_EPISODES, EP_PROVIDER, {EP_PLACE, TEMP_PLACE " Z1 _", 1},
	     {EP_PROVIDER, BLANK, 0}),
	WHEN("527", V9_EPISODES, EP_PROVIDER, {EP_PROVIDER, "PR1", 0}, {EP_PLACE, "P1 R2 R5", 0}),
	WHEN("528", V9_EPISODES, EP_PROVIDER, {EP_PROVIDER, "PR2", 0}, {EP_PLACE, "P1 R2 R5", 0}),
	WHEN("529", V9_EPISODES, EP_PROVIDER, {EP_PROVIDER, "PR3", 0},
	     {EP_PLACE, "P1 A3 A4 A5 A6 K1 K2 U1 U2 U3 U4 U5 U6", 0}),
	WHEN("530", V9_EPISODES, EP_PROVIDER, {EP_PROVIDER, "PR4", 0}, {EP_PLACE, "P1", 0}),
	WHEN("531", V9_EPISODES, EP_PROVIDER, {EP_PROVIDER, "PR5", 0}, {EP_PLACE, "P1", 0}),
	WHEN("550", V9_EPISODES, EP_PROVIDER, {EP_PROVIDER, "PR0", 0}, {EP_PLACE, "P1", 1}),

	/* Episodes: the chain of a child's episodes ----------------------------- */
	FN("142", v903_r_142),
	FN("336", v903_r_336),
	FN("357", v903_r_357),
	FN("361", v903_r_361), FN("362", v903_r_362), FN("363", v903_r_363),
	FN("364", v903_r_364), FN("365", v903_r_365),
	FN("366", v903_r_366),
	FN("367", v903_r_367),
	FN("375", v903_r_375), FN("376", v903_r_376),
	FN("377", v903_r_377),
	FN("379", v903_r_379),
	FN("380", v903_r_380),
	FN("381", v903_r_381),
	FN("383", v903_r_383),
	FN("388", v903_r_388),
	FN("390", v903_r_390),
	FN("408", v903_r_408),
	FN("426", v903_r_426),
	FN("431", v903_r_431),
	FN("432", v903_r_432),
	FN("433", v903_r_433),
	FN("434", v903_r_434),
	FN("435", v903_r_435),
	FN("436", v903_r_436),
	FN("437", v903_r_437),
	FN("501", v903_r_501),
	FN("504", v903_r_504),
	FN("199", v903_r_199),

	/* Header and episodes together ----------------------------------------- */
	FN("165", v903_r_165),
	FN("210", v903_r_210),
	FN("393", v903_r_393),
	FN("399", v903_r_399),
	FN("442", v903_r_442),
	FN("607", v903_r_607),
	FN("625", v903_r_625),
	FN("628", v903_r_628),

	/* Reviews ------------------------------------------------------------- */
	DATE("166", V9_REVIEWS, RV_REVIEW, 0),
	CODE("167", V9_REVIEWS, RV_CODE, "PN0 PN1 PN2 PN3 PN4 PN5 PN6 PN7", 0),
	FN("440", v903_r_440),
	FN("441", v903_r_441),

	/* OC2 (looked after continuously for 12 months) ------------------------ */
	FN("157", v903_r_157),
	WHEN("158", V9_OC2, O2_INT_OFFERED, {O2_INT_RECEIVED, "1", 0}, {O2_INT_OFFERED, NOT_BLANK}),
	WHEN("159", V9_OC2, O2_INT_OFFERED, {O2_SUBSTANCE_MISUSE, "1", 0}, {O2_INT_RECEIVED, "0", 0},
	     {O2_INT_OFFERED, BLANK, 0}),
	CODE("180", V9_OC2, O2_SDQ_SCORE, SDQ_SCORES, 1),
	CODE("181", V9_OC2, O2_CONVICTED, "0 1", 1, O2_HEALTH_CHECK, OC2_HEALTH,
	     O2_INT_RECEIVED, O2_INT_OFFERED),
	SOME("182", V9_OC2, {0}, NULL, COLS(O2_CONVICTED, O2_HEALTH_CHECK, O2_INT_RECEIVED,
	     O2_INT_OFFERED), COLS(OC2_HEALTH)),
	FN("185", v903_r_185),
	FN("186", v903_r_186),
	FN("187", v903_r_187),
	FN("188", v903_r_188),
	FN("189", v903_r_189),
	FN("190", v903_r_190),
	FN("191", v903_r_191),
	WHEN("192", V9_OC2, O2_INT_RECEIVED, {O2_SUBSTANCE_MISUSE, "1", 0}, {O2_INT_RECEIVED, BLANK, 0}),
	SOME("193", V9_OC2, COLS(O2_SUBSTANCE_MISUSE, "0 _", 0), NULL,
	     COLS(O2_INT_RECEIVED, O2_INT_OFFERED), {0}),
	CODE("196", V9_OC2, O2_SDQ_REASON, "SDQ1 SDQ2 SDQ3 SDQ4 SDQ5", 1),
	FN("197B", v903_r_197b),
	WHEN("197a", V9_OC2, O2_SDQ_REASON, {O2_SDQ_SCORE, NOT_BLANK}, {O2_SDQ_REASON, NOT_BLANK}),
	FN("198", v903_r_198),
	FN("215", v903_r_215),
	AGE("542", V9_OC2, O2_CONVICTED, "0 1", -1, 10, 0, O2_CONVICTED),
	FN("543", v903_r_543),
	SOME("544", V9_OC2, {0}, NULL, COLS(O2_CONVICTED), COLS(OC2_HEALTH)),
	FN("545", v903_r_545),
	AGE("546", V9_OC2, O2_HEALTH_CHECK, "0 1", -1, 0, 5, O2_HEALTH_CHECK),
	SOME("547", V9_OC2, {0}, NULL, COLS(O2_HEALTH_CHECK), COLS(OC2_HEALTH)),

	/* OC3 (care leavers) ----------------------------------------------------- */
	CODE("131", V9_OC3, O3_IN_TOUCH, "YES NO DIED REFU NREQ RHOM", 0),
	CODE("132", V9_OC3, O3_ACTIV, ACTIV_CODES " 0", 1),
	CODE("133", V9_OC3, O3_ACCOM, ACCOM_CODES " 0", 1),
	FN("134", v903_r_134),
	ALL("153", V9_OC3, O3_IN_TOUCH, "DIED RHOM", O3_IN_TOUCH, O3_ACTIV, O3_ACCOM),
	/* "0" is the code for no activity or accommodation to report */
	SOME("344", V9_OC3, COLS(O3_IN_TOUCH, "DIED RHOM", 0), ACTIV_CODES " " ACCOM_CODES,
	     COLS(O3_ACTIV, O3_ACCOM), {0}),
	SOME("345", V9_OC3, COLS(O3_IN_TOUCH, "YES", 0), "0", COLS(O3_ACTIV, O3_ACCOM), {0}),
	FN("347", v903_r_347),
	PREV("348", v903_r_348),
	FN("391", v903_r_391),
	FN("1000", v903_r_1000),
	PREV("1001", v903_r_1001),
	PREV("1002", v903_r_1002),
	FN("1007", v903_r_1007),
	PREV("1010", v903_r_1010),
	FN("1011", v903_r_1011),
	FN("1012", v903_r_1012),
	FN("1014", v903_r_1014),
	FN("1016", v903_r_1016),
	FN("3001", v903_r_3001),

	/* Adoption: AD1 and PlacedAdoption -------------------------------------- */
	DATE("112", V9_AD1, AD_DATE_INT, 1),
	DATE("113", V9_AD1, AD_DATE_MATCH, 1),
	CODE("114", V9_AD1, AD_FOSTER_CARE, "0 1", 1),
	DATE("115", V9_PLACED, PA_DATE_PLACED, 1),
	DATE("116", V9_PLACED, PA_CEASED, 1),
	FN("117", v903_r_117),
	FN("118", v903_r_118),
	ALL("119", V9_PLACED, 0, NULL, PA_CEASED, PA_REASON),
	CODE("120", V9_PLACED, PA_REASON, "RD1 RD2 RD3 RD4", 1),
	ALL("151", V9_AD1, 0, NULL, AD_DATE_INT, AD_DATE_MATCH, AD_FOSTER_CARE, AD_NB_ADOPTR,
	    AD_SEX_ADOPTR, AD_LS_ADOPTR),
	CODE("175", V9_AD1, AD_NB_ADOPTR, "1 2", 1),
	CODE("176", V9_AD1, AD_SEX_ADOPTR, "M1 F1 MM FF MF", 1),
	CODE("177", V9_AD1, AD_LS_ADOPTR, "L0 L11 L12 L2 L3 L4", 1),
	ORDER("184", V9_PLACED, V903_HDOB, PA_DATE_PLACED, V903_LT, PA_DATE_PLACED),
	FN("331", v903_r_331),
	ORDER("333", V9_AD1, AD_DATE_INT, AD_DATE_MATCH, V903_LT, AD_DATE_INT),
	FN("334", v903_r_334),
	FN("335", v903_r_335),
	WHEN("511", V9_AD1, AD_SEX_ADOPTR, {AD_NB_ADOPTR, "2", 0}, {AD_SEX_ADOPTR, "MM FF MF _", 1}),
	WHEN("514", V9_AD1, AD_SEX_ADOPTR, {AD_LS_ADOPTR, "L0", 0}, {AD_SEX_ADOPTR, "MM FF MF", 0}),
	WHEN("517", V9_AD1, AD_SEX_ADOPTR, {AD_LS_ADOPTR, "L3", 0}, {AD_SEX_ADOPTR, "MF", 1}),
	WHEN("518", V9_AD1, AD_SEX_ADOPTR, {AD_LS_ADOPTR, "L4", 0}, {AD_SEX_ADOPTR, "MM FF", 1}),
	WHEN("519", V9_AD1, AD_SEX_ADOPTR, {AD_LS_ADOPTR, "L2", 0}, {AD_SEX_ADOPTR, "MM FF MF", 1}),
	WHEN("520", V9_AD1, AD_SEX_ADOPTR, {AD_LS_ADOPTR, "L11", 0}, {AD_SEX_ADOPTR, "MF", 1}),
	FN("521", v903_r_521),
	ORDER("522", V9_PLACED, PA_DATE_PLACED, PA_CEASED, V903_LT, PA_DATE_PLACED),
	FN("523", v903_r_523),
	WHEN("524", V9_AD1, AD_SEX_ADOPTR, {AD_LS_ADOPTR, "L12", 0}, {AD_SEX_ADOPTR, "MM FF", 1}),
	FN("525", v903_r_525),
	FN("551", v903_r_551),
	FN("552", v903_r_552),
	FN("553", v903_r_553),
	FN("554", v903_r_554),
	FN("557", v903_r_557),
	FN("558", v903_r_558),
	SOME("563", V9_PLACED, COLS(PA_DATE_PLACED, BLANK, 0), NULL, COLS(PA_CEASED, PA_REASON), {0}),
	FN("579", v903_r_579),
	FN("582", v903_r_582),
	FN("583", v903_r_583),
	FN("601", v903_r_601),
	FN("602", v903_r_602),
	FN("1003", v903_r_1003),

	/* PrevPerm ------------------------------------------------------------ */
	FN("630", v903_r_630),
	CODE("631", V9_PREVPERM, PP_PREV_PERM, "P1 P2 P3 P4 Z1", 0),
	FN("632", v903_r_632),
	FN("633", v903_r_633),
	FN("634", v903_r_634),
	SOME("635", V9_PREVPERM, COLS(PP_PREV_PERM, "Z1", 0), NULL, COLS(PP_LA_PERM, PP_DATE_PERM),
	     {0}),

	/* Missing ------------------------------------------------------------- */
	WHEN("564", V9_MISSING, MS_START, {MS_MISSING, NOT_BLANK}, {MS_START, BLANK, 0}),
	WHEN("565", V9_MISSING, MS_MISSING, {MS_START, NOT_BLANK}, {MS_MISSING, BLANK, 0}),
	WHEN("566", V9_MISSING, MS_MISSING, {MS_END, NOT_BLANK}, {MS_MISSING, BLANK, 0}),
	ORDER("567", V9_MISSING, MS_START, MS_END, V903_LT, MS_END),
	YEAR("570", V9_MISSING, MS_START, 0, 1),
	YEAR("571", V9_MISSING, MS_END, 1, 1),
	FN("574", v903_r_574),
	FN("575", v903_r_575),
	FN("577", v903_r_577),
	FN("578", v903_r_578),
	FN("580", v903_r_580),
	FN("581", v903_r_581),
	ORDER("586", V9_MISSING, V903_HDOB, MS_START, V903_LT, MS_START),
	DATE("1004", V9_MISSING, MS_START, 1),
	DATE("1005", V9_MISSING, MS_END, 1),
	CODE("1006", V9_MISSING, MS_MISSING, "M A", 1),

	/* Against last year's return ------------------------------------------ */
	PREV("202", v903_r_202), PREV("203", v903_r_203), PREV("204", v903_r_204),
	PREV("205A", v903_r_205a), PREV("205B", v903_r_205b), NA("205C"),
	PREV("205D", v903_r_205d),
	PREV("207", v903_r_207), PREV("208", v903_r_208),
	OPEN_LAST("502", EP_DECOM),
	OPEN_LAST("503A", EP_RNE), OPEN_LAST("503B", EP_LS), OPEN_LAST("503C", EP_CIN),
	OPEN_LAST("503D", EP_PLACE), OPEN_LAST("503E", EP_PROVIDER), OPEN_LAST("503F", EP_URN),
	PREV("559", v903_r_559), PREV("560", v903_r_560), PREV("561", v903_r_561),
	PREV("562", v903_r_562),
	PREV("576", v903_r_576),
	PREV("584", v903_r_584),
	PREV("624", v903_r_624),
	PREV("626", v903_r_626),

	/* Need postcode or Ofsted provider reference data ---------------------- */
	POST("164"), POST("169"), POST("179"), POST("219"), POST("221"), POST("224"),
	POST("227"), POST("228"), POST("229"), POST("392a"), POST("406"), POST("411"),
	POST("420"), POST("452"), POST("453"), POST("454"), POST("503G"), POST("503H"),
	POST("503J"), POST("1015"),
};

const int v903_nrules = sizeof v903_rules / sizeof v903_rules[0];
