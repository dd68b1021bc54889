/*
 * v903_rules.c - the SSDA903 rule table: one entry per DfE code of
 * ref/ssda903-rules-by-year.csv, grouped by theme, each in force in the
 * collection years the rule holds in that form.
 *
 * A year is the previous year plus its changes: a code list that changes
 * is data (ref/ssda903-codes-by-year.csv, named @LIST here, so the entry
 * does not change); a rule added in a year starts then (FROM), one deleted
 * ends the year before (UNTIL), and a rule whose logic changes gets a new
 * entry from that year while the old one ends (never a branch on the year
 * inside a check). Years are named by their 31 March: 2026 = 2025-26.
 *
 * Adding a collection year (README "Validating returns" has the whole
 * list): append its changes to ref/ssda903-rules-by-year.csv and
 * ref/ssda903-codes-by-year.csv; here, FROM(year, X_(...)) for each rule it
 * adds, UNTIL(year - 1, ...) on each it deletes, and for each rule whose
 * logic it changes a new FROM entry with the old one ended by UNTIL; move
 * the last year on in validate/v_year.c; then a failing and a passing case
 * of each in tests/unit/test_v903_rules.c (T_FAIL_IN / T_PASS_IN).
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
/* Each X_ is a rule; X is the entry of a rule in force in every year of the
 * table, FROM(year, X_(...)) from that year on, UNTIL(year, X_(...)) up to
 * that year. (X is spelt out rather than wrapping X_: an argument holding
 * COLS(...) must reach the body unsplit.) */
#define ALWAYS(...) {__VA_ARGS__, 0, 0}
#define FROM(y, ...) {__VA_ARGS__, y, 0}
#define UNTIL(y, ...) {__VA_ARGS__, 0, y}
#define CODE_(c, t, col, codes, blank, ...) \
	{c, NOW, v903_ck_code, &(const v903_code_arg){t, col, codes, blank, {__VA_ARGS__}}}
#define CODE(c, t, col, codes, blank, ...) \
	{{c, NOW, v903_ck_code, &(const v903_code_arg){t, col, codes, blank, {__VA_ARGS__}}}, 0, 0}
#define DATE_(c, t, col, blank) {c, NOW, v903_ck_date, &(const v903_date_arg){t, col, blank}}
#define DATE(c, t, col, blank) {DATE_(c, t, col, blank), 0, 0}
#define ALL(c, t, xcol, xset, ...) \
	{{c, NOW, v903_ck_all_or_none, &(const v903_cols_arg){t, {__VA_ARGS__, -1}, xcol, xset}}, 0, 0}
#define INH(c, t) {{c, NOW, v903_ck_in_header, &(const v903_tab_arg){t}}, 0, 0}
#define UNQ(c, t) {{c, NOW, v903_ck_unique, &(const v903_tab_arg){t}}, 0, 0}
#define SAME(c, t, col, hcol) \
	{{c, NOW, v903_ck_same_as_header, &(const v903_same_arg){t, col, hcol}}, 0, 0}
/* WHEN(code, table, reported column, {col, set, neg}, ...) */
#define WHEN_(c, t, rep, ...) {c, NOW, v903_ck_when, &(const v903_when_arg){t, rep, {__VA_ARGS__}}}
#define WHEN(c, t, rep, ...) \
	{{c, NOW, v903_ck_when, &(const v903_when_arg){t, rep, {__VA_ARGS__}}}, 0, 0}
#define SOME_(c, t, term, set_any, any, need) \
	{c, NOW, v903_ck_some, &(const v903_some_arg){t, term, any, set_any, need}}
#define SOME(c, t, term, set_any, any, need) \
	{{c, NOW, v903_ck_some, &(const v903_some_arg){t, term, any, set_any, need}}, 0, 0}
#define ORDER_(c, t, early, late, mode, rep) \
	{c, NOW, v903_ck_order, &(const v903_order_arg){t, early, late, mode, rep}}
#define ORDER(c, t, early, late, mode, rep) {ORDER_(c, t, early, late, mode, rep), 0, 0}
#define YEAR_(c, t, col, before, after) \
	{c, NOW, v903_ck_in_year, &(const v903_year_arg){t, col, before, after}}
#define YEAR(c, t, col, before, after) {YEAR_(c, t, col, before, after), 0, 0}
#define AGE_(c, t, colc, setc, at, under, over, rep) \
	{c, NOW, v903_ck_age, &(const v903_age_arg){t, colc, setc, at, under, over, rep}}
#define AGE(c, t, colc, setc, at, under, over, rep) \
	{AGE_(c, t, colc, setc, at, under, over, rep), 0, 0}
/* fn is v903_ck_starts_while_open or v903_ck_open_after_care */
#define SPAN_(c, fn, t, start, end) {c, NOW, fn, &(const v903_span_arg){t, start, end}}
#define SPAN(c, fn, t, start, end) {SPAN_(c, fn, t, start, end), 0, 0}
#define FN_(c, fn) {c, NOW, fn, 0}
#define FN(c, fn) {FN_(c, fn), 0, 0}
#define PREV_(c, fn) {c, V_NEEDS_PREVIOUS, fn, 0}
#define PREV(c, fn) {PREV_(c, fn), 0, 0}
#define POST_(c) {c, V_NEEDS_POSTCODES, v903_ck_not_run, \
	"needs postcode and Ofsted provider reference data, which is not supplied"}
#define POST(c) {POST_(c), 0, 0}
/* Refers to a column the 2024 tables do not have (V903_NOT_RUN.md). */
#define NA(c) {{c, NOW, v903_ck_not_run, \
	"refers to a UASC status column that the 2024 Header table does not have"}, 0, 0}
/* The first episode this year against last year's open one, column col;
 * pairs (a code list of LAST>THIS) are changes the year allows. */
#define OPEN_LAST(c, col, pairs) \
	{{c, V_NEEDS_PREVIOUS, v903_ck_open_last, &(const v903_open_arg){col, pairs}}, 0, 0}
#define COLS(...) {__VA_ARGS__}
#define BLANK "_"
#define NOT_BLANK "_", 1

/* The year's code lists (ref/ssda903-codes-by-year.csv). */
#define TEMP_PLACE "@rules 226/383: temporary PLACE codes"
#define MALE "@rule 174: SEX meaning male"
#define FEMALE "@rules 393/607/612: SEX meaning female"
#define SDQ_SCORES \
	"0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 " \
	"29 30 31 32 33 34 35 36 37 38 39 40"
/* Any activity or accommodation code but "0" (no activity or
 * accommodation to report): rule 344. */
#define ACTIV_CODES "F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6"
#define ACCOM_CODES \
	"B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S2 T1 T2 U1 U2 V1 V2 W1 W2 " \
	"X2 Y1 Y2 Z1 Z2"
#define OC2_HEALTH O2_IMMUNISATIONS, O2_TEETH_CHECK, O2_HEALTH_ASSESSMENT, O2_SUBSTANCE_MISUSE
#define OC2_ITEMS O2_CONVICTED, O2_HEALTH_CHECK, OC2_HEALTH, O2_INT_RECEIVED, O2_INT_OFFERED

const v_year_rule v903_rules[] = {
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
	FROM(2025, SOME_("SW01aSTG1", V9_SW, {0}, NULL, {0}, COLS(SW_DECOM, SW_ID))),
	FROM(2025, FN_("SW01bSTG1", v903_r_sw01b)),
	FN("SW02STG1", v903_r_sw02),
	DATE("SW04STG1", V9_SW, SW_DECOM, 1),
	DATE("SW05STG1", V9_SW, SW_DEC, 1),
	YEAR("SW06STG2", V9_SW, SW_DECOM, 0, 1),
	/* the earliest end: 1 April of the year (2023-24), of the year before
	 * it from 2024-25 */
	UNTIL(2024, YEAR_("SW07STG2", V9_SW, SW_DEC, 1, 1)),
	FROM(2025, YEAR_("SW07STG2", V9_SW, SW_DEC, V903_YEAR_BEFORE, 1)),
	FN("SW08STG2", v903_r_sw08),
	ORDER("SW09STG2", V9_SW, SW_DECOM, SW_DEC, V903_EQ, SW_DEC),
	UNTIL(2024, FN_("SW10STG2", v903_r_sw10)),
	FROM(2025, FN_("SW10STG2", v903_r_sw10_fconta)),
	FN("SW11bSTG2", v903_r_sw11b),
	FN("SW12STG2", v903_r_sw12),
	/* SW_REASON is the reason for the change that began an episode
	 * (v903_rules_sw.c): 2023-24 wants one on every episode; from 2024-25
	 * an episode begun before 1 April 2023 may have none */
	UNTIL(2024, CODE_("SW13STG1", V9_SW, SW_REASON, "@SWEpisodes.SW_REASON", 0)),
	FROM(2025, FN_("SW13STG1", v903_r_sw13)),
	FROM(2026, FN_("SW17STG2", v903_r_sw17)),
	/* 2023-24 only (deleted in 2024-25) */
	UNTIL(2024, FN_("SW01STG1", v903_r_sw01)),
	UNTIL(2024, FN_("SW03STG1", v903_r_sw03)),
	UNTIL(2024, {"SW11aSTG2", NOW, v903_ck_not_run,
		     "not implemented: it checks what SW11bSTG2 checks (a social worker episode "
		     "ended with none after it), which runs"}),
	UNTIL(2024, FN_("SW14STG2", v903_r_sw08)),

	/* Header -------------------------------------------------------------- */
	CODE("101", V9_HEADER, HD_SEX, "@Header.SEX", 0),
	DATE("102", V9_HEADER, HD_DOB, 0),
	CODE("103", V9_HEADER, HD_ETHNIC, "@Header.ETHNIC", 0),
	NA("105"),
	FN("168", v903_r_168),
	DATE("171", V9_HEADER, HD_MC_DOB, 1),
	WHEN("174", V9_HEADER, HD_MC_DOB, {HD_SEX, MALE, 0}, {HD_MC_DOB, NOT_BLANK}),
	FN("209", v903_r_209),
	FROM(2025, FN_("231", v903_r_231)),
	FROM(2025, WHEN_("232", V9_HEADER, HD_SEX, {HD_SEX, "@rule 232: SEX meaning unknown", 0})),
	YEAR("301", V9_HEADER, HD_DOB, 0, 1),
	FN("351", v903_r_351),
	FROM(2026, FN_("444", v903_r_444)),
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
	CODE("143", V9_EPISODES, EP_RNE, "@Episodes.RNE", 0),
	CODE("144", V9_EPISODES, EP_LS, "@Episodes.LS", 0),
	CODE("145", V9_EPISODES, EP_CIN, "@Episodes.CIN", 0),
	CODE("146", V9_EPISODES, EP_PLACE, "@Episodes.PLACE", 0),
	DATE("147", V9_EPISODES, EP_DEC, 1),
	ALL("148", V9_EPISODES, 0, NULL, EP_DEC, EP_REC),
	CODE("149", V9_EPISODES, EP_REC, "@Episodes.REC", 1),
	FN("178", v903_r_178),
	FN("1008", v903_r_1008),
	CODE("1009", V9_EPISODES, EP_RPC, "@Episodes.REASON_PLACE_CHANGE", 1),
	WHEN("213", V9_EPISODES, EP_PROVIDER,
	     {EP_PLACE, "@rule 213: PLACE where PLACE_PROVIDER must be blank", 0},
	     {EP_PROVIDER, NOT_BLANK}),
	SOME("214", V9_EPISODES, COLS(EP_LS, "V3 V4", 0), NULL, COLS(EP_PL_POST, EP_URN), {0}),
	FN("217", v903_r_217),
	FN("218", v903_r_218),
	WHEN("222", V9_EPISODES, EP_URN,
	     {EP_PLACE, "@rule 222: PLACE where URN must be blank or XXXXXXX", 0},
	     {EP_URN, "_ XXXXXXX", 1}),
	/* 2023-24 only (deleted in 2024-25) */
	UNTIL(2024, FN_("217t", v903_r_217t)),
	UNTIL(2024, FN_("230", v903_r_230)),
	UNTIL(2024, AGE_("370", V9_EPISODES, EP_PLACE, "@rule 370: PLACE with minimum age at DECOM",
			 EP_DECOM, 16, 0, EP_PLACE)),
	UNTIL(2024, FN_("445", v903_r_445)),
	UNTIL(2024, WHEN_("451", V9_EPISODES, EP_LS, {EP_LS, "D1", 0}, {EP_DEC, BLANK, 0},
			  {EP_REC, BLANK, 0})),
	UNTIL(2024, FN_("555", v903_r_555)),
	UNTIL(2024, FN_("556", v903_r_556)),
	FN("225", v903_r_225),
	WHEN("226", V9_EPISODES, EP_RPC, {EP_PLACE, TEMP_PLACE, 0}, {EP_RPC, NOT_BLANK}),
	FROM(2026, WHEN_("233", V9_EPISODES, EP_RPC, {EP_DEC, BLANK, 0}, {EP_RPC, NOT_BLANK})),
	FROM(2026, AGE_("234", V9_EPISODES, EP_RPC, "@rule 234: REASON_PLACE_CHANGE meaning custody",
			EP_DEC, 10, 0, EP_RPC)),
	ORDER("302", V9_EPISODES, V903_HDOB, EP_DECOM, V903_LT, EP_DECOM),
	AGE("352", V9_EPISODES, EP_RNE, "S", EP_DECOM, 0, 18, EP_DECOM),
	FN("353", v903_r_353),
	YEAR("354", V9_EPISODES, EP_DECOM, 0, 1),
	ORDER("355", V9_EPISODES, EP_DECOM, EP_DEC, V903_EQ, EP_DEC),
	ORDER("356", V9_EPISODES, EP_DECOM, EP_DEC, V903_LT, EP_DECOM),
	AGE("358", V9_EPISODES, EP_LS, "J1 J2 J3", EP_DECOM, 10, 0, EP_LS),
	FN("359", v903_r_359),
	AGE("371", V9_EPISODES, EP_PLACE, "@rule 371: PLACE with minimum age 16 at DECOM", EP_DECOM,
	    16, 0, EP_PLACE),
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
	WHEN("526", V9_EPISODES, EP_PROVIDER, {EP_PLACE, "@rule 526: PLACE not needing PLACE_PROVIDER _", 1},
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
	/* from 2025-26 the return must also be to the same placement postcode */
	UNTIL(2025, FN_("383", v903_r_383)),
	FROM(2026, FN_("383", v903_r_383_postcode)),
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
	CODE("167", V9_REVIEWS, RV_CODE, "@Reviews.REVIEW_CODE", 0),
	FN("440", v903_r_440),
	FN("441", v903_r_441),

	/* OC2 (looked after continuously for 12 months) ------------------------ */
	FN("157", v903_r_157),
	WHEN("158", V9_OC2, O2_INT_OFFERED, {O2_INT_RECEIVED, "1", 0}, {O2_INT_OFFERED, NOT_BLANK}),
	WHEN("159", V9_OC2, O2_INT_OFFERED, {O2_SUBSTANCE_MISUSE, "1", 0}, {O2_INT_RECEIVED, "0", 0},
	     {O2_INT_OFFERED, BLANK, 0}),
	CODE("180", V9_OC2, O2_SDQ_SCORE, SDQ_SCORES, 1),
	CODE("181", V9_OC2, O2_CONVICTED, "@OC2.CONVICTED", 1, O2_HEALTH_CHECK, OC2_HEALTH,
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
	CODE("196", V9_OC2, O2_SDQ_REASON, "@OC2.SDQ_REASON", 1),
	FN("197B", v903_r_197b),
	WHEN("197a", V9_OC2, O2_SDQ_REASON, {O2_SDQ_SCORE, NOT_BLANK}, {O2_SDQ_REASON, NOT_BLANK}),
	FN("198", v903_r_198),
	FN("215", v903_r_215),
	AGE("542", V9_OC2, O2_CONVICTED, "0 1", -1, 10, 0, O2_CONVICTED),
	FN("543", v903_r_543),
	SOME("544", V9_OC2, {0}, NULL, COLS(O2_CONVICTED), COLS(OC2_HEALTH)),
	FN("545", v903_r_545),
	FN("546", v903_r_546),
	SOME("547", V9_OC2, {0}, NULL, COLS(O2_HEALTH_CHECK), COLS(OC2_HEALTH)),

	/* OC3 (care leavers) ----------------------------------------------------- */
	CODE("131", V9_OC3, O3_IN_TOUCH, "@OC3.IN_TOUCH", 0),
	CODE("132", V9_OC3, O3_ACTIV, "@OC3.ACTIV", 1),
	CODE("133", V9_OC3, O3_ACCOM, "@OC3.ACCOM", 1),
	FN("134", v903_r_134),
	ALL("153", V9_OC3, O3_IN_TOUCH, "DIED RHOM", O3_IN_TOUCH, O3_ACTIV, O3_ACCOM),
	/* "0" is the code for no activity or accommodation to report */
	SOME("344", V9_OC3, COLS(O3_IN_TOUCH, "DIED RHOM", 0), ACTIV_CODES " " ACCOM_CODES,
	     COLS(O3_ACTIV, O3_ACCOM), {0}),
	SOME("345", V9_OC3, COLS(O3_IN_TOUCH, "YES", 0), "0", COLS(O3_ACTIV, O3_ACCOM), {0}),
	FN("347", v903_r_347),
	FROM(2026, PREV_("348", v903_r_348)),
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
	CODE("114", V9_AD1, AD_FOSTER_CARE, "@AD1.FOSTER_CARE", 1),
	DATE("115", V9_PLACED, PA_DATE_PLACED, 1),
	DATE("116", V9_PLACED, PA_CEASED, 1),
	FN("117", v903_r_117),
	FN("118", v903_r_118),
	ALL("119", V9_PLACED, 0, NULL, PA_CEASED, PA_REASON),
	CODE("120", V9_PLACED, PA_REASON, "@PlacedAdoption.REASON_PLACED_CEASED", 1),
	ALL("151", V9_AD1, 0, NULL, AD_DATE_INT, AD_DATE_MATCH, AD_FOSTER_CARE, AD_NB_ADOPTR,
	    AD_SEX_ADOPTR, AD_LS_ADOPTR),
	CODE("175", V9_AD1, AD_NB_ADOPTR, "@AD1.NB_ADOPTR", 1),
	CODE("176", V9_AD1, AD_SEX_ADOPTR, "@AD1.SEX_ADOPTR", 1),
	CODE("177", V9_AD1, AD_LS_ADOPTR, "@AD1.LS_ADOPTR", 1),
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
	CODE("631", V9_PREVPERM, PP_PREV_PERM, "@PrevPerm.PREV_PERM", 0),
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
	SPAN("574", v903_ck_starts_while_open, V9_MISSING, MS_START, MS_END),
	FN("575", v903_r_575),
	SPAN("577", v903_ck_open_after_care, V9_MISSING, MS_START, MS_END),
	FN("578", v903_r_578),
	FN("580", v903_r_580),
	FN("581", v903_r_581),
	ORDER("586", V9_MISSING, V903_HDOB, MS_START, V903_LT, MS_START),
	DATE("1004", V9_MISSING, MS_START, 1),
	DATE("1005", V9_MISSING, MS_END, 1),
	CODE("1006", V9_MISSING, MS_MISSING, "@Missing.MISSING", 1),

	/* DoLo (deprivation of liberty orders), from 2026-27 ------------------- */
	FROM(2027, DATE_("700", V9_DOLO, DL_START, 0)),
	FROM(2027, DATE_("701", V9_DOLO, DL_END, 1)),
	FROM(2027, ORDER_("702", V9_DOLO, DL_START, DL_END, V903_LT, DL_END)),
	FROM(2027, YEAR_("703", V9_DOLO, DL_START, 0, 1)),
	FROM(2027, YEAR_("704", V9_DOLO, DL_END, 1, 1)),
	FROM(2027, SPAN_("705", v903_ck_starts_while_open, V9_DOLO, DL_START, DL_END)),
	FROM(2027, PREV_("706", v903_r_706)),
	FROM(2027, SPAN_("707", v903_ck_open_after_care, V9_DOLO, DL_START, DL_END)),
	FROM(2027, ORDER_("708", V9_DOLO, DL_DOB, DL_START, V903_LE, DL_START)),
	FROM(2027, FN_("709", v903_r_709)),
	FROM(2027, FN_("710", v903_r_710)),

	/* Against last year's return ------------------------------------------ */
	PREV("202", v903_r_202), PREV("203", v903_r_203), PREV("204", v903_r_204),
	PREV("205A", v903_r_205a), PREV("205B", v903_r_205b), NA("205C"),
	PREV("205D", v903_r_205d),
	PREV("207", v903_r_207), PREV("208", v903_r_208),
	OPEN_LAST("502", EP_DECOM, NULL),
	OPEN_LAST("503A", EP_RNE, NULL), OPEN_LAST("503B", EP_LS, NULL),
	OPEN_LAST("503C", EP_CIN, NULL),
	OPEN_LAST("503D", EP_PLACE, "@rule 503D: PLACE change allowed across years (last year>this year)"),
	OPEN_LAST("503E", EP_PROVIDER, NULL), OPEN_LAST("503F", EP_URN, NULL),
	PREV("559", v903_r_559), PREV("560", v903_r_560), PREV("561", v903_r_561),
	PREV("562", v903_r_562),
	PREV("576", v903_r_576),
	PREV("584", v903_r_584),
	PREV("624", v903_r_624),
	PREV("626", v903_r_626),

	/* Need postcode or Ofsted provider reference data ---------------------- */
	POST("164"), POST("169"), POST("179"), POST("219"), POST("221"), POST("224"),
	POST("227"), POST("228"), POST("229"), POST("392a"), POST("406"), POST("411"),
	POST("420"), POST("452"), POST("453"), FROM(2026, POST_("454")), POST("503G"), POST("503H"),
	POST("503J"), POST("1015"),
};

const int v903_nrules = sizeof v903_rules / sizeof v903_rules[0];
