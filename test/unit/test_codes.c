/*
 * test_codes.c
 *	  Unit tests of the code lists (src/core/codes.c): normalisation, every
 *	  lookup, code names, accepted-code hints and the alias tables.
 */
#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "unit.h"

/* lookup of a NUL-terminated string */
#define LK(fn, s) fn((s), strlen(s))

/* one list with an alias table, as the table test sees it */
typedef struct list_case
{
	absolv_code_list list;
	const char *name;
	int			(*lookup) (const char *, size_t);
	const char *(*code) (int);
	int			ncodes;
} list_case;

/* int-indexed wrappers of the enum-typed code name functions */
static const char *
measure_code(int i)
{
	return absolv_measure_code((absolv_measure) i);
}

static const char *
outcome_code(int i)
{
	return absolv_outcome_code((absolv_outcome) i);
}

static const char *
status_code(int i)
{
	return absolv_customer_status_code((absolv_customer_status) i);
}

static const char *
sphere_code(int i)
{
	return absolv_legal_sphere_code((absolv_legal_sphere) i);
}

static const char *
goal_code(int i)
{
	return absolv_goal_code((absolv_goal) i);
}

static const char *
kind_code(int i)
{
	return absolv_evidence_kind_code((absolv_evidence_kind) i);
}

static const list_case lists[] = {
	{ABSOLV_LIST_MEASURE, "measure", absolv_measure_lookup, measure_code,
	ABSOLV_MEASURE_COUNT},
	{ABSOLV_LIST_OUTCOME, "outcome", absolv_outcome_lookup, outcome_code,
	ABSOLV_OUTCOME_COUNT},
	{ABSOLV_LIST_CUSTOMER_STATUS, "customer status",
		absolv_customer_status_lookup, status_code, ABSOLV_CUSTOMER_STATUS_COUNT},
	{ABSOLV_LIST_LEGAL_SPHERE, "legal sphere", absolv_legal_sphere_lookup,
	sphere_code, ABSOLV_SPHERE_COUNT},
	{ABSOLV_LIST_GOAL, "goal", absolv_goal_lookup, goal_code,
	ABSOLV_GOAL_COUNT},
	{ABSOLV_LIST_EVIDENCE_KIND, "evidence kind", absolv_evidence_kind_lookup,
	kind_code, ABSOLV_KIND_COUNT}
};

/* does the key of text[0..len) with a 128-byte buffer equal want? */
static bool
key_is(const char *text, size_t len, const char *want)
{
	char		out[128];

	return absolv_code_key(text, len, out, sizeof(out)) &&
		strcmp(out, want) == 0;
}

/* normalisation, including too-small buffers */
static void
test_key(void)
{
	char		out[16];
	char		nul_inside[3] = {'A', '\0', 'B'};

	CHECK(key_is("  agh - mae \r\n", 14, "AGH_MAE"), "key: trim, fold, separator run");
	CHECK(key_is("Agh_Mae", 7, "AGH_MAE"), "key: underscore kept as one separator");
	CHECK(key_is("a-_ \t-b", 7, "A_B"), "key: mixed separator run is one '_'");
	CHECK(key_is("-a-", 3, "_A_"), "key: outer '-' is no white space, kept as '_'");
	CHECK(key_is("Maßnahme", strlen("Maßnahme"), "MASSNAHME"), "key: ß -> SS");
	CHECK(key_is("MASSNAHME", 9, "MASSNAHME") &&
		  key_is("massnahme", 9, "MASSNAHME") &&
		  key_is("Massnahme", 9, "MASSNAHME"), "key: Massnahme case variants");
	CHECK(key_is("Thüringen", strlen("Thüringen"), "THUERINGEN") &&
		  key_is("THÜRINGEN", strlen("THÜRINGEN"), "THUERINGEN") &&
		  key_is("Thueringen", 10, "THUERINGEN"), "key: Thüringen = Thueringen");
	CHECK(key_is("ÄÖÜäöüß", strlen("ÄÖÜäöüß"), "AEOEUEAEOEUESS"), "key: all umlauts");
	CHECK(key_is("ẞ", strlen("ẞ"), "SS"), "key: capital sharp s -> SS");
	CHECK(key_is("café", strlen("café"), "CAF\xC3\xA9"), "key: other UTF-8 kept as is");
	CHECK(key_is("a\xC3", 2, "A\xC3"), "key: truncated UTF-8 at end kept as is");
	CHECK(key_is("§ 81", strlen("§ 81"), "\xC2\xA7_81"), "key: § kept as is");
	CHECK(key_is("", 0, ""), "key: empty text is empty key");
	CHECK(key_is(" \t\r\n ", 5, ""), "key: all white space is empty key");
	CHECK(key_is(NULL, 0, ""), "key: NULL text of length 0");
	CHECK(key_is("AGHxyz", 3, "AGH"), "key: only len bytes are read");

	CHECK(absolv_code_key("AGH", 3, out, 4) && strcmp(out, "AGH") == 0,
		  "key: exact fit");
	memcpy(out, "zzzz", 5);
	CHECK(!absolv_code_key("AGH", 3, out, 3) && out[0] == '\0',
		  "key: one byte short fails with empty out");
	memcpy(out, "zzzz", 5);
	CHECK(!absolv_code_key("AGH", 3, out, 0) && out[0] == 'z',
		  "key: outsize 0 fails and writes nothing");
	CHECK(!absolv_code_key("ß", strlen("ß"), out, 2), "key: expansion SS does not fit 2");
	CHECK(absolv_code_key("ß", strlen("ß"), out, 3) && strcmp(out, "SS") == 0,
		  "key: expansion SS fits 3");
	CHECK(!absolv_code_key("a b c", 5, out, 5), "key: A_B_C needs 6 bytes");
	CHECK(absolv_code_key("  a   b  ", 9, out, 4) && strcmp(out, "A_B") == 0,
		  "key: trimmed and collapsed before the size check");
	CHECK(absolv_code_key("", 0, out, 1) && out[0] == '\0', "key: empty key fits 1");
	CHECK(!absolv_code_key("A", 1, NULL, 8), "key: NULL out fails");
	CHECK(!absolv_code_key(nul_inside, 3, out, sizeof(out)), "key: NUL byte inside fails");
}

/* measures: case, white space, separator and umlaut variants */
static void
test_measure(void)
{
	char		buf[3] = {'M', 'A', 'T'};	/* not NUL-terminated */
	char		longtext[160];

	CHECK_INT(LK(absolv_measure_lookup, "  fbw_umschulung "), ABSOLV_MEASURE_FBW_UMSCHULUNG, "measure: '  fbw_umschulung '");
	CHECK_INT(LK(absolv_measure_lookup, "Umschulung"), ABSOLV_MEASURE_FBW_UMSCHULUNG, "measure: Umschulung");
	CHECK_INT(LK(absolv_measure_lookup, "UMSCHULUNG"), ABSOLV_MEASURE_FBW_UMSCHULUNG, "measure: UMSCHULUNG");
	CHECK_INT(LK(absolv_measure_lookup, "FbW Umschulung"), ABSOLV_MEASURE_FBW_UMSCHULUNG, "measure: FbW Umschulung");
	CHECK_INT(LK(absolv_measure_lookup, "fbw-fortbildung"), ABSOLV_MEASURE_FBW_FORTBILDUNG, "measure: fbw-fortbildung");
	CHECK_INT(LK(absolv_measure_lookup, "agh-mae"), ABSOLV_MEASURE_AGH, "measure: agh-mae");
	CHECK_INT(LK(absolv_measure_lookup, "AGH MAE"), ABSOLV_MEASURE_AGH, "measure: AGH MAE");
	CHECK_INT(LK(absolv_measure_lookup, "Agh_Mae"), ABSOLV_MEASURE_AGH, "measure: Agh_Mae");
	CHECK_INT(LK(absolv_measure_lookup, "AGH - MAE"), ABSOLV_MEASURE_AGH, "measure: AGH - MAE");
	CHECK_INT(LK(absolv_measure_lookup, "agh"), ABSOLV_MEASURE_AGH, "measure: agh");
	CHECK_INT(LK(absolv_measure_lookup, "Arbeitsgelegenheit mit Mehraufwandsentschaedigung"), ABSOLV_MEASURE_AGH, "measure: ae spelling of ä");
	CHECK_INT(LK(absolv_measure_lookup, "FbW"), ABSOLV_MEASURE_FBW, "measure: FbW");
	CHECK_INT(LK(absolv_measure_lookup, "§81"), ABSOLV_MEASURE_FBW, "measure: §81");
	CHECK_INT(LK(absolv_measure_lookup, "§ 81"), ABSOLV_MEASURE_FBW, "measure: § 81");
	CHECK_INT(LK(absolv_measure_lookup, "Maßnahme bei einem Träger"), ABSOLV_MEASURE_MAT, "measure: Maßnahme bei einem Träger");
	CHECK_INT(LK(absolv_measure_lookup, "MASSNAHME BEI EINEM TRAEGER"), ABSOLV_MEASURE_MAT, "measure: MASSNAHME BEI EINEM TRAEGER");
	CHECK_INT(LK(absolv_measure_lookup, "massnahme bei einem träger"), ABSOLV_MEASURE_MAT, "measure: massnahme bei einem träger");
	CHECK_INT(LK(absolv_measure_lookup, "MAßNAHME BEI EINEM ARBEITGEBER"), ABSOLV_MEASURE_MAG, "measure: MAßNAHME ... ARBEITGEBER");
	CHECK_INT(LK(absolv_measure_lookup, "MAbE"), ABSOLV_MEASURE_MABE, "measure: MAbE");
	CHECK_INT(LK(absolv_measure_lookup, "BaE"), ABSOLV_MEASURE_BAE, "measure: BaE");
	CHECK_INT(LK(absolv_measure_lookup, "BvB"), ABSOLV_MEASURE_BVB, "measure: BvB");
	CHECK_INT(LK(absolv_measure_lookup, "TaAM"), ABSOLV_MEASURE_TAAM, "measure: TaAM");
	CHECK_INT(LK(absolv_measure_lookup, "BuKSelb"), ABSOLV_MEASURE_BUKSELB, "measure: BuKSelb");
	CHECK_INT(LK(absolv_measure_lookup, "reha auw"), ABSOLV_MEASURE_REHA, "measure: reha auw");
	CHECK_INT(LK(absolv_measure_lookup, "Rehaspezifische Aus- und Weiterbildung"), ABSOLV_MEASURE_REHA, "measure: 'Aus- und' separator run");
	CHECK_INT(LK(absolv_measure_lookup, "reha_vl"), ABSOLV_MEASURE_REHA_VL, "measure: reha_vl");
	CHECK_INT(LK(absolv_measure_lookup, "dia-am"), ABSOLV_MEASURE_DIAG, "measure: dia-am");
	CHECK_INT(LK(absolv_measure_lookup, "Eignungsabklärung"), ABSOLV_MEASURE_EA, "measure: Eignungsabklärung");
	CHECK_INT(LK(absolv_measure_lookup, "BERUFSBEZOGENE DEUTSCHSPRACHFOERDERUNG"), ABSOLV_MEASURE_BSK, "measure: BSK alias upper case");
	CHECK_INT(absolv_measure_lookup(buf, 3), ABSOLV_MEASURE_MAT, "measure: text without NUL");
	CHECK_INT(absolv_measure_lookup("MATX", 3), ABSOLV_MEASURE_MAT, "measure: only len bytes are read");

	CHECK_INT(LK(absolv_measure_lookup, "XYZ"), ABSOLV_CODE_UNKNOWN, "measure: XYZ unknown");
	CHECK_INT(LK(absolv_measure_lookup, "FBW2"), ABSOLV_CODE_UNKNOWN, "measure: FBW2 unknown");
	CHECK_INT(LK(absolv_measure_lookup, "AGH-E"), ABSOLV_CODE_UNKNOWN, "measure: AGH-E unknown");
	CHECK_INT(LK(absolv_measure_lookup, "AGH-"), ABSOLV_CODE_UNKNOWN, "measure: trailing '-' unknown");
	CHECK_INT(LK(absolv_measure_lookup, "FB W"), ABSOLV_CODE_UNKNOWN, "measure: separator inside a code is not ignored");
	CHECK_INT(LK(absolv_measure_lookup, "Umschulung\xC2\xA0"), ABSOLV_CODE_UNKNOWN, "measure: no-break space is no white space");
	CHECK_INT(LK(absolv_measure_lookup, ""), ABSOLV_CODE_UNKNOWN, "measure: empty unknown");
	CHECK_INT(LK(absolv_measure_lookup, " \t\r\n"), ABSOLV_CODE_UNKNOWN, "measure: all white space unknown");
	CHECK_INT(absolv_measure_lookup(NULL, 0), ABSOLV_CODE_UNKNOWN, "measure: NULL unknown");

	memset(longtext, 'A', sizeof(longtext));
	CHECK_INT(absolv_measure_lookup(longtext, 101), ABSOLV_CODE_UNKNOWN, "measure: 101 bytes unknown");
	memset(longtext, ' ', sizeof(longtext));
	memcpy(longtext, "FBW", 3);
	CHECK_INT(absolv_measure_lookup(longtext, 100), ABSOLV_MEASURE_FBW, "measure: FBW padded to 100 bytes");
	CHECK_INT(absolv_measure_lookup(longtext, 101), ABSOLV_CODE_UNKNOWN, "measure: FBW padded to 101 bytes is too long");
	CHECK_INT(absolv_measure_lookup(longtext, sizeof(longtext)), ABSOLV_CODE_UNKNOWN, "measure: 160 bytes unknown");
}

/* exit outcomes */
static void
test_outcome(void)
{
	CHECK_INT(LK(absolv_outcome_lookup, "Maßnahmeziel vorzeitig erreicht"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: Maßnahmeziel vorzeitig erreicht");
	CHECK_INT(LK(absolv_outcome_lookup, "MASSNAHMEZIEL VORZEITIG ERREICHT"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: MASSNAHMEZIEL VORZEITIG ERREICHT");
	CHECK_INT(LK(absolv_outcome_lookup, "massnahmeziel vorzeitig erreicht"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: massnahmeziel vorzeitig erreicht");
	CHECK_INT(LK(absolv_outcome_lookup, " Maßnahmeziel  vorzeitig\terreicht\n"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: inner white space runs");
	CHECK_INT(LK(absolv_outcome_lookup, "goal_early"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: goal_early");
	CHECK_INT(LK(absolv_outcome_lookup, "Goal Early"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: Goal Early");
	CHECK_INT(LK(absolv_outcome_lookup, "success"), ABSOLV_OUTCOME_SUCCESS, "outcome: success");
	CHECK_INT(LK(absolv_outcome_lookup, "erfolgreich beendet"), ABSOLV_OUTCOME_SUCCESS, "outcome: erfolgreich beendet");
	CHECK_INT(LK(absolv_outcome_lookup, "REGULAER BEENDET"), ABSOLV_OUTCOME_SUCCESS, "outcome: REGULAER BEENDET");
	CHECK_INT(LK(absolv_outcome_lookup, "Abbruch"), ABSOLV_OUTCOME_PREMATURE, "outcome: Abbruch");
	CHECK_INT(LK(absolv_outcome_lookup, "vorzeitig beendet"), ABSOLV_OUTCOME_PREMATURE, "outcome: vorzeitig beendet");
	CHECK_INT(LK(absolv_outcome_lookup, "vorzeitige Beendigung"), ABSOLV_OUTCOME_PREMATURE, "outcome: vorzeitige Beendigung");
	CHECK_INT(LK(absolv_outcome_lookup, "vorzeitig erreicht"), ABSOLV_OUTCOME_GOAL_EARLY, "outcome: vorzeitig erreicht");
	CHECK_INT(LK(absolv_outcome_lookup, "beendet"), ABSOLV_CODE_UNKNOWN, "outcome: beendet unknown");
	CHECK_INT(LK(absolv_outcome_lookup, "SUCCESSFUL"), ABSOLV_CODE_UNKNOWN, "outcome: SUCCESSFUL unknown");
	CHECK_INT(LK(absolv_outcome_lookup, ""), ABSOLV_CODE_UNKNOWN, "outcome: empty unknown");
}

/* customer status and legal sphere */
static void
test_status_sphere(void)
{
	CHECK_INT(LK(absolv_customer_status_lookup, "alo"), ABSOLV_CUSTOMER_STATUS_ALO, "status: alo");
	CHECK_INT(LK(absolv_customer_status_lookup, "Arbeitslos"), ABSOLV_CUSTOMER_STATUS_ALO, "status: Arbeitslos");
	CHECK_INT(LK(absolv_customer_status_lookup, "arbeitsuchend"), ABSOLV_CUSTOMER_STATUS_ASU, "status: arbeitsuchend");
	CHECK_INT(LK(absolv_customer_status_lookup, "Rat- und Auskunftsuchender"), ABSOLV_CUSTOMER_STATUS_RASU, "status: Rat- und Auskunftsuchender");
	CHECK_INT(LK(absolv_customer_status_lookup, "rat und auskunftsuchender"), ABSOLV_CUSTOMER_STATUS_RASU, "status: rat und auskunftsuchender");
	CHECK_INT(LK(absolv_customer_status_lookup, "RASU"), ABSOLV_CUSTOMER_STATUS_RASU, "status: RASU");
	CHECK_INT(LK(absolv_customer_status_lookup, "nicht arbeitsuchend"), ABSOLV_CUSTOMER_STATUS_NAS, "status: nicht arbeitsuchend");
	CHECK_INT(LK(absolv_customer_status_lookup, "ALG"), ABSOLV_CODE_UNKNOWN, "status: ALG unknown");
	CHECK_INT(LK(absolv_customer_status_lookup, "nicht"), ABSOLV_CODE_UNKNOWN, "status: nicht unknown");

	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB2"), ABSOLV_SPHERE_SGB2, "sphere: SGB2");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "sgb2"), ABSOLV_SPHERE_SGB2, "sphere: sgb2");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB II"), ABSOLV_SPHERE_SGB2, "sphere: SGB II");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB-II"), ABSOLV_SPHERE_SGB2, "sphere: SGB-II");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "sgb_ii"), ABSOLV_SPHERE_SGB2, "sphere: sgb_ii");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "Rechtskreis SGB II"), ABSOLV_SPHERE_SGB2, "sphere: Rechtskreis SGB II");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB 2"), ABSOLV_SPHERE_SGB2, "sphere: SGB 2");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB III"), ABSOLV_SPHERE_SGB3, "sphere: SGB III");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB-III"), ABSOLV_SPHERE_SGB3, "sphere: SGB-III");
	CHECK_INT(LK(absolv_legal_sphere_lookup, " sgb3 "), ABSOLV_SPHERE_SGB3, "sphere: ' sgb3 '");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB IV"), ABSOLV_CODE_UNKNOWN, "sphere: SGB IV unknown");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB"), ABSOLV_CODE_UNKNOWN, "sphere: SGB unknown");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "SGB IIII"), ABSOLV_CODE_UNKNOWN, "sphere: SGB IIII unknown");
}

/* CoSach status letters */
static void
test_cosach(void)
{
	char		longtext[120];
	int			i;
	int			bad = 0;

	CHECK_INT(LK(absolv_cosach_lookup, "b"), 1, "cosach: b");
	CHECK_INT(LK(absolv_cosach_lookup, "B"), 1, "cosach: B");
	CHECK_INT(LK(absolv_cosach_lookup, "  B \r\n"), 1, "cosach: B in white space");
	CHECK_INT(LK(absolv_cosach_lookup, "B: bewilligt, teilnehmend"), 1, "cosach: B: bewilligt, teilnehmend");
	CHECK_INT(LK(absolv_cosach_lookup, "b :x"), 1, "cosach: blank before colon");
	CHECK_INT(LK(absolv_cosach_lookup, "B:"), 1, "cosach: empty label");
	CHECK_INT(LK(absolv_cosach_lookup, "A"), 0, "cosach: A");
	CHECK_INT(LK(absolv_cosach_lookup, "z"), 25, "cosach: z");
	CHECK_INT(LK(absolv_cosach_lookup, "BB"), ABSOLV_CODE_UNKNOWN, "cosach: BB unknown");
	CHECK_INT(LK(absolv_cosach_lookup, "B bewilligt"), ABSOLV_CODE_UNKNOWN, "cosach: label without colon unknown");
	CHECK_INT(LK(absolv_cosach_lookup, "1"), ABSOLV_CODE_UNKNOWN, "cosach: 1 unknown");
	CHECK_INT(LK(absolv_cosach_lookup, "1: x"), ABSOLV_CODE_UNKNOWN, "cosach: 1: x unknown");
	CHECK_INT(LK(absolv_cosach_lookup, ":"), ABSOLV_CODE_UNKNOWN, "cosach: ':' unknown");
	CHECK_INT(LK(absolv_cosach_lookup, "Ä"), ABSOLV_CODE_UNKNOWN, "cosach: Ä unknown");
	CHECK_INT(LK(absolv_cosach_lookup, "@"), ABSOLV_CODE_UNKNOWN, "cosach: '@' (before A) unknown");
	CHECK_INT(LK(absolv_cosach_lookup, "["), ABSOLV_CODE_UNKNOWN, "cosach: '[' (after Z) unknown");
	CHECK_INT(LK(absolv_cosach_lookup, ""), ABSOLV_CODE_UNKNOWN, "cosach: empty unknown");
	CHECK_INT(LK(absolv_cosach_lookup, " \t "), ABSOLV_CODE_UNKNOWN, "cosach: white space unknown");
	CHECK_INT(absolv_cosach_lookup(NULL, 0), ABSOLV_CODE_UNKNOWN, "cosach: NULL unknown");
	CHECK_INT(absolv_cosach_lookup("BB", 1), 1, "cosach: only len bytes are read");

	memset(longtext, 'x', sizeof(longtext));
	memcpy(longtext, "B: ", 3);
	CHECK_INT(absolv_cosach_lookup(longtext, 100), 1, "cosach: 100 bytes with label");
	CHECK_INT(absolv_cosach_lookup(longtext, 101), ABSOLV_CODE_UNKNOWN, "cosach: 101 bytes unknown");

	for (i = 0; i < ABSOLV_COSACH_COUNT; i++)
	{
		const char *c = absolv_cosach_code(i);

		if (c == NULL || strlen(c) != 1 || c[0] != 'A' + i ||
			absolv_cosach_lookup(c, 1) != i)
			bad++;
	}
	CHECK_INT(bad, 0, "cosach: A..Z round trip");
	CHECK(strcmp(absolv_cosach_code(1), "B") == 0, "cosach: code 1 is B");
	CHECK(absolv_cosach_code(26) == NULL, "cosach: code 26 is NULL");
	CHECK(absolv_cosach_code(-1) == NULL, "cosach: code -1 is NULL");
	CHECK(strcmp(absolv_cosach_accepted(),
				 "a single letter A-Z, for example B (bewilligt, teilnehmend)") == 0,
		  "cosach: accepted hint");
}

/* BvB goal: never unknown */
static void
test_goal(void)
{
	char		longtext[120];

	CHECK_INT(LK(absolv_goal_lookup, "1: Integration in Arbeit"), ABSOLV_GOAL_INTEGRATION, "goal: 1: Integration in Arbeit");
	CHECK_INT(LK(absolv_goal_lookup, "1"), ABSOLV_GOAL_INTEGRATION, "goal: 1");
	CHECK_INT(LK(absolv_goal_lookup, " integration in arbeit "), ABSOLV_GOAL_INTEGRATION, "goal: integration in arbeit");
	CHECK_INT(LK(absolv_goal_lookup, "Integration"), ABSOLV_GOAL_INTEGRATION, "goal: Integration");
	CHECK_INT(LK(absolv_goal_lookup, "INTEGRATION"), ABSOLV_GOAL_INTEGRATION, "goal: INTEGRATION");
	CHECK_INT(LK(absolv_goal_lookup, "1:Integration in Arbeit"), ABSOLV_GOAL_INTEGRATION, "goal: 1:Integration in Arbeit (number decides)");
	CHECK_INT(LK(absolv_goal_lookup, "1 : Integration in Arbeit"), ABSOLV_GOAL_INTEGRATION, "goal: 1 : Integration in Arbeit");
	CHECK_INT(LK(absolv_goal_lookup, "2"), ABSOLV_GOAL_OTHER, "goal: 2 is OTHER");
	CHECK_INT(LK(absolv_goal_lookup, "2: Integration in Ausbildung"), ABSOLV_GOAL_OTHER, "goal: 2: ... is OTHER");
	CHECK_INT(LK(absolv_goal_lookup, "10"), ABSOLV_GOAL_OTHER, "goal: 10 is OTHER");
	CHECK_INT(LK(absolv_goal_lookup, "11: x"), ABSOLV_GOAL_OTHER, "goal: 11: x is OTHER");
	CHECK_INT(LK(absolv_goal_lookup, "Integration in Ausbildung"), ABSOLV_GOAL_OTHER, "goal: Integration in Ausbildung is OTHER");
	CHECK_INT(LK(absolv_goal_lookup, "OTHER"), ABSOLV_GOAL_OTHER, "goal: OTHER");
	CHECK_INT(LK(absolv_goal_lookup, ""), ABSOLV_GOAL_OTHER, "goal: empty is OTHER");
	CHECK_INT(LK(absolv_goal_lookup, "   "), ABSOLV_GOAL_OTHER, "goal: white space is OTHER");
	CHECK_INT(absolv_goal_lookup(NULL, 0), ABSOLV_GOAL_OTHER, "goal: NULL is OTHER");
	memset(longtext, ' ', sizeof(longtext));
	longtext[0] = '1';
	CHECK_INT(absolv_goal_lookup(longtext, 101), ABSOLV_GOAL_OTHER, "goal: 101 bytes is OTHER");
	CHECK(strcmp(absolv_goal_code(ABSOLV_GOAL_INTEGRATION), "INTEGRATION") == 0 &&
		  strcmp(absolv_goal_code(ABSOLV_GOAL_OTHER), "OTHER") == 0, "goal: code names");
}

/* evidence kinds */
static void
test_kind(void)
{
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Kooperationsplan"), ABSOLV_KIND_EINV, "kind: Kooperationsplan");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Eingliederungsvereinbarung"), ABSOLV_KIND_EINV, "kind: Eingliederungsvereinbarung");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "EinV"), ABSOLV_KIND_EINV, "kind: EinV");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "ev"), ABSOLV_KIND_EINV, "kind: ev");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Vermittlungsvorschlag"), ABSOLV_KIND_VV, "kind: Vermittlungsvorschlag");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "si"), ABSOLV_KIND_SI, "kind: si");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Meldeversäumnis"), ABSOLV_KIND_MISSED, "kind: Meldeversäumnis");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "MELDEVERSAEUMNIS"), ABSOLV_KIND_MISSED, "kind: MELDEVERSAEUMNIS");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "MELDEVERSÄUMNIS"), ABSOLV_KIND_MISSED, "kind: MELDEVERSÄUMNIS");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "persönlicher Kontakt"), ABSOLV_KIND_CONTACT, "kind: persönlicher Kontakt");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Beratungsgespraech"), ABSOLV_KIND_CONTACT, "kind: Beratungsgespraech");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Aussetzung"), ABSOLV_KIND_EXCEPTION, "kind: Aussetzung");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Einstellungszusage"), ABSOLV_KIND_HIRING_COMMITMENT, "kind: Einstellungszusage");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "hiring commitment"), ABSOLV_KIND_HIRING_COMMITMENT, "kind: hiring commitment");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "JOB_START"), ABSOLV_KIND_JOB_START, "kind: JOB_START");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "job start"), ABSOLV_KIND_JOB_START, "kind: job start");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Arbeitsaufnahme"), ABSOLV_KIND_JOB_START, "kind: Arbeitsaufnahme");
	CHECK_INT(LK(absolv_evidence_kind_lookup, " BESCHÄFTIGUNGSBEGINN "), ABSOLV_KIND_JOB_START, "kind: Beschäftigungsbeginn, folded");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Beschaeftigungsbeginn"), ABSOLV_KIND_JOB_START, "kind: Beschaeftigungsbeginn");
	CHECK_INT(LK(absolv_customer_status_lookup, "nicht gesetzt"), ABSOLV_CODE_NULL, "status: nicht gesetzt is not set");
	CHECK_INT(LK(absolv_customer_status_lookup, " Nicht-Gesetzt "), ABSOLV_CODE_NULL, "status: Nicht-Gesetzt, folded");
	CHECK_INT(LK(absolv_customer_status_lookup, "nicht"), ABSOLV_CODE_UNKNOWN, "status: nicht alone is unknown");
	CHECK_INT(LK(absolv_legal_sphere_lookup, "nicht gesetzt"), ABSOLV_CODE_UNKNOWN, "sphere: nicht gesetzt is no legal sphere");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "note"), ABSOLV_CODE_UNKNOWN, "kind: note unknown");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Kontakt x"), ABSOLV_CODE_UNKNOWN, "kind: Kontakt x unknown");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "EVL"), ABSOLV_CODE_UNKNOWN, "kind: EVL (a measure) unknown");
	CHECK_INT(LK(absolv_evidence_kind_lookup, "Kontak"), ABSOLV_CODE_UNKNOWN, "kind: prefix of an alias unknown");
}

/* code names out of range and the accepted-code hints */
static void
test_names(void)
{
	CHECK(strcmp(absolv_measure_code(ABSOLV_MEASURE_FBW_UMSCHULUNG), "FBW_UMSCHULUNG") == 0, "names: FBW_UMSCHULUNG");
	CHECK(strcmp(absolv_measure_code(ABSOLV_MEASURE_BSK), "BSK") == 0, "names: last measure BSK");
	CHECK(strcmp(absolv_outcome_code(ABSOLV_OUTCOME_SUCCESS), "SUCCESS") == 0, "names: SUCCESS");
	CHECK(strcmp(absolv_customer_status_code(ABSOLV_CUSTOMER_STATUS_NAS), "NAS") == 0, "names: NAS");
	CHECK(strcmp(absolv_legal_sphere_code(ABSOLV_SPHERE_SGB3), "SGB3") == 0, "names: SGB3");
	CHECK(strcmp(absolv_evidence_kind_code(ABSOLV_KIND_HIRING_COMMITMENT), "HIRING_COMMITMENT") == 0, "names: HIRING_COMMITMENT");
	CHECK(strcmp(absolv_evidence_kind_code(ABSOLV_KIND_JOB_START), "JOB_START") == 0, "names: JOB_START");
	CHECK(absolv_measure_code(ABSOLV_MEASURE_COUNT) == NULL &&
		  absolv_measure_code((absolv_measure) -1) == NULL &&
		  absolv_outcome_code(ABSOLV_OUTCOME_COUNT) == NULL &&
		  absolv_customer_status_code(ABSOLV_CUSTOMER_STATUS_COUNT) == NULL &&
		  absolv_legal_sphere_code(ABSOLV_SPHERE_COUNT) == NULL &&
		  absolv_goal_code(ABSOLV_GOAL_COUNT) == NULL &&
		  absolv_evidence_kind_code(ABSOLV_KIND_COUNT) == NULL,
		  "names: out of range is NULL");
	CHECK(strcmp(absolv_outcome_accepted(), "SUCCESS, GOAL_EARLY, PREMATURE") == 0, "accepted: outcome");
	CHECK(strcmp(absolv_customer_status_accepted(), "ALO, ASU, RASU, NAS") == 0, "accepted: customer status");
	CHECK(strcmp(absolv_legal_sphere_accepted(), "SGB2, SGB3") == 0, "accepted: legal sphere");
}

/* "A, B, C" of the canonical codes of a list */
static void
join_codes(const list_case *lc, char *out, size_t outsize)
{
	int			i;

	out[0] = '\0';
	for (i = 0; i < lc->ncodes; i++)
	{
		if (i > 0)
			strncat(out, ", ", outsize - strlen(out) - 1);
		strncat(out, lc->code(i), outsize - strlen(out) - 1);
	}
}

/* the accepted hints list exactly the canonical codes, in enum order */
static void
test_accepted_match_codes(void)
{
	char		buf[256];

	join_codes(&lists[1], buf, sizeof(buf));
	CHECK(strcmp(buf, absolv_outcome_accepted()) == 0, "accepted: outcome = codes");
	join_codes(&lists[2], buf, sizeof(buf));
	CHECK(strcmp(buf, absolv_customer_status_accepted()) == 0, "accepted: customer status = codes");
	join_codes(&lists[3], buf, sizeof(buf));
	CHECK(strcmp(buf, absolv_legal_sphere_accepted()) == 0, "accepted: legal sphere = codes");
}

/* index of a canonical code name in a list, or -1 */
static int
code_index(const list_case *lc, const char *code)
{
	int			i;

	for (i = 0; i < lc->ncodes; i++)
		if (lc->code(i) != NULL && strcmp(lc->code(i), code) == 0)
			return i;
	return -1;
}

/*
 * For every list: every canonical code looks itself up and is listed; every
 * alias is short enough, maps to a canonical code and looks up to it; no two
 * spellings have one key but different codes (conflict) or the same code
 * (redundant entry).
 */
static void
test_alias_tables(void)
{
	size_t		l;

	for (l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
	{
		const list_case *lc = &lists[l];
		const char *alias;
		const char *code;
		const char *alias2;
		const char *code2;
		int			i;
		int			j;
		int			rows = 0;
		int			self = 0;
		int			listed = 0;
		int			bad_rows = 0;
		int			conflicts = 0;
		int			redundant = 0;

		for (i = 0; i < lc->ncodes; i++)
		{
			const char *c = lc->code(i);

			if (c != NULL && lc->lookup(c, strlen(c)) == i)
				self++;
			else
				printf("#   %s: code %d does not look itself up\n", lc->name, i);
		}
		CHECK_INT(self, lc->ncodes, "%s: every canonical code looks itself up", lc->name);

		for (i = 0; absolv_code_alias(lc->list, i, &alias, &code); i++)
		{
			int			c;

			rows++;
			if (alias == NULL || code == NULL)
			{
				bad_rows++;
				continue;
			}
			c = code_index(lc, code);
			if (strcmp(alias, code) == 0 && c == i)
				listed++;
			if (c < 0 || strlen(alias) > 100 ||
				lc->lookup(alias, strlen(alias)) != c)
			{
				printf("#   %s: alias \"%s\" -> %s does not look up\n",
					   lc->name, alias, code);
				bad_rows++;
			}
		}
		CHECK(rows > lc->ncodes, "%s: %d accepted spellings", lc->name, rows);
		CHECK_INT(listed, lc->ncodes, "%s: canonical codes come first in the alias table", lc->name);
		CHECK_INT(bad_rows, 0, "%s: every alias maps to a code and looks up to it", lc->name);

		for (i = 0; absolv_code_alias(lc->list, i, &alias, &code); i++)
		{
			char		k1[128];
			char		k2[128];

			if (!absolv_code_key(alias, strlen(alias), k1, sizeof(k1)))
			{
				conflicts++;
				continue;
			}
			for (j = i + 1; absolv_code_alias(lc->list, j, &alias2, &code2); j++)
			{
				if (!absolv_code_key(alias2, strlen(alias2), k2, sizeof(k2)) ||
					strcmp(k1, k2) != 0)
					continue;
				if (strcmp(code, code2) != 0)
				{
					printf("#   %s: \"%s\" -> %s collides with \"%s\" -> %s\n",
						   lc->name, alias, code, alias2, code2);
					conflicts++;
				}
				else
				{
					printf("#   %s: \"%s\" and \"%s\" are the same spelling\n",
						   lc->name, alias, alias2);
					redundant++;
				}
			}
		}
		CHECK_INT(conflicts, 0, "%s: no two aliases map to different codes", lc->name);
		CHECK_INT(redundant, 0, "%s: no redundant alias", lc->name);
	}

	CHECK(!absolv_code_alias((absolv_code_list) 99, 0, NULL, NULL), "alias: unknown list");
	CHECK(!absolv_code_alias(ABSOLV_LIST_MEASURE, -1, NULL, NULL), "alias: negative index");
	CHECK(absolv_code_alias(ABSOLV_LIST_GOAL, 0, NULL, NULL), "alias: NULL outputs allowed");
}

int
main(void)
{
	test_key();
	test_measure();
	test_outcome();
	test_status_sphere();
	test_cosach();
	test_goal();
	test_kind();
	test_names();
	test_accepted_match_codes();
	test_alias_tables();
	return unit_done();
}
