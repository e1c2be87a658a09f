/*
 * codes.c
 *	  The code lists of absolv (docs/codes.md) and their lookups.
 *
 * Every list is a static table of canonical codes (indexed by the enum of
 * codes.h) plus a static table of aliases as written, each mapping to one
 * code.  A lookup builds the normalised key of the input once and compares
 * it with the key of every table entry; table keys are produced on the fly
 * by the same reader and the comparison stops at the first differing byte,
 * so a lookup costs about one or two byte comparisons per entry.
 *
 * Key normalisation (absolv_code_key):
 *	- surrounding white space (space, tab, CR, LF) is ignored;
 *	- ASCII letters are folded to upper case;
 *	- the UTF-8 letters ä Ä ö Ö ü Ü ß ẞ become AE OE UE SS, so that
 *	  "Maßnahme", "MASSNAHME" and "massnahme" are equal;
 *	- every run of '-', '_' and inner white space becomes one '_';
 *	- all other bytes are kept as they are (and so match nothing).
 *
 * Texts longer than CODE_MAX_LEN bytes are no code of any list and are
 * rejected without being scanned.  No allocation, no mutable state.
 */
#include <string.h>

#include "codes.h"

#define lengthof(array) (sizeof(array) / sizeof((array)[0]))

/* longest text (in bytes, untrimmed) a lookup considers at all */
#define CODE_MAX_LEN	100

/* a key is never longer than its text, so this holds every key of a lookup */
#define KEY_SIZE		(CODE_MAX_LEN + 1)

/* one alias as written in the table, and the code it stands for */
typedef struct code_alias
{
	const char *alias;
	int			code;
} code_alias;

/* one code list: canonical codes by enum value, then the aliases */
typedef struct code_list
{
	const char *const *codes;
	int			ncodes;
	const code_alias *aliases;
	int			naliases;
} code_list;

/* ---------------------------------------------------------------- tables */

static const char *const measure_codes[] = {
	"FBW",
	"FBW_UMSCHULUNG",
	"FBW_FORTBILDUNG",
	"MAT",
	"MAG",
	"MABE",
	"MPAV",
	"AGH",
	"BAE",
	"AZ",
	"EQ",
	"BVB",
	"REHA",
	"REHA_VL",
	"EVL",
	"TAAM",
	"BUKSELB",
	"ASA",
	"WBV",
	"EA",
	"DIAG",
	"IK",
	"BSK"
};

/*
 * Mixed-case spellings of the codes themselves (FbW, MAbE, BaE, BvB, TaAM,
 * BuKSelb) and separator variants ("FbW Umschulung", "SGB-II") need no
 * entry: matching ignores case and unifies separators.
 */
static const code_alias measure_aliases[] = {
	{"Förderung der beruflichen Weiterbildung", ABSOLV_MEASURE_FBW},
	{"berufliche Weiterbildung", ABSOLV_MEASURE_FBW},
	{"§81", ABSOLV_MEASURE_FBW},
	{"§ 81", ABSOLV_MEASURE_FBW},
	{"Umschulung", ABSOLV_MEASURE_FBW_UMSCHULUNG},
	{"Fortbildung", ABSOLV_MEASURE_FBW_FORTBILDUNG},
	{"Maßnahme bei einem Träger", ABSOLV_MEASURE_MAT},
	{"Maßnahme bei einem Arbeitgeber", ABSOLV_MEASURE_MAG},
	{"Maßnahme zur Aktivierung und beruflichen Eingliederung", ABSOLV_MEASURE_MABE},
	{"AGH-MAE", ABSOLV_MEASURE_AGH},
	{"Arbeitsgelegenheit", ABSOLV_MEASURE_AGH},
	{"Arbeitsgelegenheit mit Mehraufwandsentschädigung", ABSOLV_MEASURE_AGH},
	{"Berufsausbildung in außerbetrieblichen Einrichtungen", ABSOLV_MEASURE_BAE},
	{"Einstiegsqualifizierung", ABSOLV_MEASURE_EQ},
	{"berufsvorbereitende Bildungsmaßnahme", ABSOLV_MEASURE_BVB},
	{"Reha-AuW", ABSOLV_MEASURE_REHA},
	{"rehaspezifische Aus- und Weiterbildung", ABSOLV_MEASURE_REHA},
	{"Vorbereitungslehrgang", ABSOLV_MEASURE_REHA_VL},
	{"Reha-Vorbereitungslehrgang", ABSOLV_MEASURE_REHA_VL},
	{"Eingliederung von Langzeitarbeitslosen", ABSOLV_MEASURE_EVL},
	{"Teilhabe am Arbeitsmarkt", ABSOLV_MEASURE_TAAM},
	{"Assistierte Ausbildung", ABSOLV_MEASURE_ASA},
	{"Weiterbildungsvorbereitung", ABSOLV_MEASURE_WBV},
	{"Eignungsabklärung", ABSOLV_MEASURE_EA},
	{"Arbeitserprobung", ABSOLV_MEASURE_EA},
	{"DIA-AM", ABSOLV_MEASURE_DIAG},
	{"Diagnose der Arbeitsmarktfähigkeit", ABSOLV_MEASURE_DIAG},
	{"Integrationskurs", ABSOLV_MEASURE_IK},
	{"berufsbezogener Deutschkurs", ABSOLV_MEASURE_BSK},
	{"berufsbezogene Deutschsprachförderung", ABSOLV_MEASURE_BSK}
};

static const char *const outcome_codes[] = {
	"SUCCESS",
	"GOAL_EARLY",
	"PREMATURE"
};

static const code_alias outcome_aliases[] = {
	{"erfolgreich", ABSOLV_OUTCOME_SUCCESS},
	{"erfolgreich beendet", ABSOLV_OUTCOME_SUCCESS},
	{"regulär beendet", ABSOLV_OUTCOME_SUCCESS},
	{"Maßnahmeziel vorzeitig erreicht", ABSOLV_OUTCOME_GOAL_EARLY},
	{"Ziel vorzeitig erreicht", ABSOLV_OUTCOME_GOAL_EARLY},
	{"vorzeitig erreicht", ABSOLV_OUTCOME_GOAL_EARLY},
	{"Abbruch", ABSOLV_OUTCOME_PREMATURE},
	{"abgebrochen", ABSOLV_OUTCOME_PREMATURE},
	{"vorzeitig beendet", ABSOLV_OUTCOME_PREMATURE},
	{"vorzeitige Beendigung", ABSOLV_OUTCOME_PREMATURE}
};

static const char *const status_codes[] = {
	"ALO",
	"ASU",
	"RASU",
	"NAS"
};

static const code_alias status_aliases[] = {
	{"arbeitslos", ABSOLV_CUSTOMER_STATUS_ALO},
	{"arbeitsuchend", ABSOLV_CUSTOMER_STATUS_ASU},
	{"Rat- und Auskunftsuchender", ABSOLV_CUSTOMER_STATUS_RASU},
	{"ratsuchend", ABSOLV_CUSTOMER_STATUS_RASU},
	{"nicht arbeitsuchend", ABSOLV_CUSTOMER_STATUS_NAS}
};

static const char *const sphere_codes[] = {
	"SGB2",
	"SGB3"
};

/* "SGB II" also covers "SGB-II" and "SGB_II" ("SGB2" is the code itself) */
static const code_alias sphere_aliases[] = {
	{"SGB II", ABSOLV_SPHERE_SGB2},
	{"SGB 2", ABSOLV_SPHERE_SGB2},
	{"Rechtskreis SGB II", ABSOLV_SPHERE_SGB2},
	{"SGB III", ABSOLV_SPHERE_SGB3},
	{"SGB 3", ABSOLV_SPHERE_SGB3},
	{"Rechtskreis SGB III", ABSOLV_SPHERE_SGB3}
};

static const char *const cosach_codes[ABSOLV_COSACH_COUNT] = {
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
	"N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"
};

static const char *const goal_codes[] = {
	"INTEGRATION",
	"OTHER"
};

/*
 * "Integration" is the code itself; besides these, "1:" followed by any
 * label is INTEGRATION.
 */
static const code_alias goal_aliases[] = {
	{"1", ABSOLV_GOAL_INTEGRATION},
	{"1: Integration in Arbeit", ABSOLV_GOAL_INTEGRATION},
	{"Integration in Arbeit", ABSOLV_GOAL_INTEGRATION}
};

static const char *const kind_codes[] = {
	"EINV",
	"VV",
	"SI",
	"CONTACT",
	"MISSED",
	"EXCEPTION",
	"HIRING_COMMITMENT",
	"JOB_START"
};

static const code_alias kind_aliases[] = {
	{"EV", ABSOLV_KIND_EINV},
	{"Eingliederungsvereinbarung", ABSOLV_KIND_EINV},
	{"Kooperationsplan", ABSOLV_KIND_EINV},
	{"KP", ABSOLV_KIND_EINV},
	{"Vermittlungsvorschlag", ABSOLV_KIND_VV},
	{"Stelleninformation", ABSOLV_KIND_SI},
	{"Kontakt", ABSOLV_KIND_CONTACT},
	{"Beratungsgespräch", ABSOLV_KIND_CONTACT},
	{"Vermittlungsgespräch", ABSOLV_KIND_CONTACT},
	{"qualifizierter Kontakt", ABSOLV_KIND_CONTACT},
	{"persönlicher Kontakt", ABSOLV_KIND_CONTACT},
	{"Meldeversäumnis", ABSOLV_KIND_MISSED},
	{"MV", ABSOLV_KIND_MISSED},
	{"Ausnahme", ABSOLV_KIND_EXCEPTION},
	{"Aussetzung", ABSOLV_KIND_EXCEPTION},
	{"Einstellungszusage", ABSOLV_KIND_HIRING_COMMITMENT},
	{"Arbeitsaufnahme", ABSOLV_KIND_JOB_START},
	{"Beschäftigungsbeginn", ABSOLV_KIND_JOB_START}
};

/* the code tables must match the enums of codes.h (compile-time check) */
typedef char measure_codes_match_enum
			[lengthof(measure_codes) == ABSOLV_MEASURE_COUNT ? 1 : -1];
typedef char outcome_codes_match_enum
			[lengthof(outcome_codes) == ABSOLV_OUTCOME_COUNT ? 1 : -1];
typedef char status_codes_match_enum
			[lengthof(status_codes) == ABSOLV_CUSTOMER_STATUS_COUNT ? 1 : -1];
typedef char sphere_codes_match_enum
			[lengthof(sphere_codes) == ABSOLV_SPHERE_COUNT ? 1 : -1];
typedef char goal_codes_match_enum
			[lengthof(goal_codes) == ABSOLV_GOAL_COUNT ? 1 : -1];
typedef char kind_codes_match_enum
			[lengthof(kind_codes) == ABSOLV_KIND_COUNT ? 1 : -1];

#define CODE_LIST(codes, aliases) \
	{(codes), (int) lengthof(codes), (aliases), (int) lengthof(aliases)}

/* all lists that have an alias table, by absolv_code_list */
static const code_list code_lists[] = {
	[ABSOLV_LIST_MEASURE] = CODE_LIST(measure_codes, measure_aliases),
	[ABSOLV_LIST_OUTCOME] = CODE_LIST(outcome_codes, outcome_aliases),
	[ABSOLV_LIST_CUSTOMER_STATUS] = CODE_LIST(status_codes, status_aliases),
	[ABSOLV_LIST_LEGAL_SPHERE] = CODE_LIST(sphere_codes, sphere_aliases),
	[ABSOLV_LIST_GOAL] = CODE_LIST(goal_codes, goal_aliases),
	[ABSOLV_LIST_EVIDENCE_KIND] = CODE_LIST(kind_codes, kind_aliases)
};

/* ----------------------------------------------------------- normalising */

/* reads the normalised key of a text one byte at a time */
typedef struct key_reader
{
	const unsigned char *p;		/* next unread byte of the text */
	const unsigned char *end;	/* end of the trimmed text */
	int			pending;		/* second letter of an expansion, or -1 */
} key_reader;

/* white space that surrounds a code and is ignored */
static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* bytes of which every run inside a code reads as one '_' */
static bool
is_separator(unsigned char c)
{
	return c == '-' || c == '_' || is_space(c);
}

/* set up a reader on text[0..len), with surrounding white space trimmed */
static void
key_reader_init(key_reader *r, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *) text;
	const unsigned char *end = p;

	if (p != NULL)
		end = p + len;
	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	r->p = p;
	r->end = end;
	r->pending = -1;
}

/* the next byte of the key (0..255), or -1 at its end */
static int
key_reader_next(key_reader *r)
{
	unsigned char c;

	if (r->pending >= 0)
	{
		int			next = r->pending;

		r->pending = -1;
		return next;
	}
	if (r->p >= r->end)
		return -1;

	c = *r->p;
	if (is_separator(c))
	{
		while (r->p < r->end && is_separator(*r->p))
			r->p++;
		return '_';
	}
	if (c >= 'a' && c <= 'z')
	{
		r->p++;
		return c - 'a' + 'A';
	}
	if (c == 0xC3 && r->end - r->p >= 2)
	{
		int			first;
		int			second = 'E';

		switch (r->p[1])
		{
			case 0x84:			/* Ä */
			case 0xA4:			/* ä */
				first = 'A';
				break;
			case 0x96:			/* Ö */
			case 0xB6:			/* ö */
				first = 'O';
				break;
			case 0x9C:			/* Ü */
			case 0xBC:			/* ü */
				first = 'U';
				break;
			case 0x9F:			/* ß */
				first = 'S';
				second = 'S';
				break;
			default:
				first = -1;
				break;
		}
		if (first >= 0)
		{
			r->p += 2;
			r->pending = second;
			return first;
		}
	}
	if (c == 0xE1 && r->end - r->p >= 3 &&
		r->p[1] == 0xBA && r->p[2] == 0x9E)		/* ẞ, capital sharp s */
	{
		r->p += 3;
		r->pending = 'S';
		return 'S';
	}
	r->p++;
	return c;
}

/*
 * Normalised key of text[0..len) into out (outsize bytes with the NUL).
 * Returns false, with out set to "" if there is room for that, when the key
 * does not fit or the text holds a NUL byte (which a key cannot hold).
 */
bool
absolv_code_key(const char *text, size_t len, char *out, size_t outsize)
{
	key_reader r;
	size_t		n = 0;
	int			c;

	if (out == NULL || outsize == 0)
		return false;
	key_reader_init(&r, text, len);
	while ((c = key_reader_next(&r)) >= 0)
	{
		if (c == 0 || n + 1 >= outsize)
		{
			out[0] = '\0';
			return false;
		}
		out[n++] = (char) c;
	}
	out[n] = '\0';
	return true;
}

/* does the NUL-terminated key equal the key of the table entry written? */
static bool
key_matches(const char *key, const char *written)
{
	key_reader r;
	const unsigned char *k = (const unsigned char *) key;
	int			c;

	key_reader_init(&r, written, strlen(written));
	while ((c = key_reader_next(&r)) >= 0)
	{
		if (*k != (unsigned char) c)
			return false;
		k++;
	}
	return *k == '\0';
}

/* code of text in a list (canonical codes first, then aliases), or -1 */
static int
list_lookup(const code_list *list, const char *text, size_t len)
{
	char		key[KEY_SIZE];
	int			i;

	if (text == NULL || len == 0 || len > CODE_MAX_LEN)
		return ABSOLV_CODE_UNKNOWN;
	if (!absolv_code_key(text, len, key, sizeof(key)) || key[0] == '\0')
		return ABSOLV_CODE_UNKNOWN;
	for (i = 0; i < list->ncodes; i++)
		if (key_matches(key, list->codes[i]))
			return i;
	for (i = 0; i < list->naliases; i++)
		if (key_matches(key, list->aliases[i].alias))
			return list->aliases[i].code;
	return ABSOLV_CODE_UNKNOWN;
}

/*
 * First byte of a "X" or "X: label" text (white space trimmed, blanks
 * allowed before the colon), or -1 if the text is not of that form.
 */
static int
labelled_char(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *) text;
	const unsigned char *end;
	unsigned char first;

	if (text == NULL || len == 0 || len > CODE_MAX_LEN)
		return -1;
	end = p + len;
	while (p < end && is_space(*p))
		p++;
	if (p == end)
		return -1;
	first = *p++;
	while (p < end && is_space(*p))
		p++;
	if (p < end && *p != ':')
		return -1;
	return first;
}

/* --------------------------------------------------------------- lookups */

/* measure code of a text, or ABSOLV_CODE_UNKNOWN */
int
absolv_measure_lookup(const char *text, size_t len)
{
	return list_lookup(&code_lists[ABSOLV_LIST_MEASURE], text, len);
}

/* exit outcome code of a text, or ABSOLV_CODE_UNKNOWN */
int
absolv_outcome_lookup(const char *text, size_t len)
{
	return list_lookup(&code_lists[ABSOLV_LIST_OUTCOME], text, len);
}

/*
 * customer status code of a text, ABSOLV_CODE_NULL for "nicht gesetzt"
 * (the status is not set, as NULL), or ABSOLV_CODE_UNKNOWN
 */
int
absolv_customer_status_lookup(const char *text, size_t len)
{
	char		key[KEY_SIZE];

	if (text != NULL && len > 0 && len <= CODE_MAX_LEN &&
		absolv_code_key(text, len, key, sizeof(key)) &&
		key_matches(key, "nicht gesetzt"))
		return ABSOLV_CODE_NULL;
	return list_lookup(&code_lists[ABSOLV_LIST_CUSTOMER_STATUS], text, len);
}

/* legal sphere code of a text, or ABSOLV_CODE_UNKNOWN */
int
absolv_legal_sphere_lookup(const char *text, size_t len)
{
	return list_lookup(&code_lists[ABSOLV_LIST_LEGAL_SPHERE], text, len);
}

/* CoSach status: letter - 'A' of "b", "B" or "B: label", else unknown */
int
absolv_cosach_lookup(const char *text, size_t len)
{
	int			c = labelled_char(text, len);

	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	return ABSOLV_CODE_UNKNOWN;
}

/* BvB goal: INTEGRATION for its aliases and for "1: any label", else OTHER */
int
absolv_goal_lookup(const char *text, size_t len)
{
	int			code = list_lookup(&code_lists[ABSOLV_LIST_GOAL], text, len);

	if (code != ABSOLV_CODE_UNKNOWN)
		return code;
	if (labelled_char(text, len) == '1')
		return ABSOLV_GOAL_INTEGRATION;
	return ABSOLV_GOAL_OTHER;
}

/* evidence kind code of a text, or ABSOLV_CODE_UNKNOWN */
int
absolv_evidence_kind_lookup(const char *text, size_t len)
{
	return list_lookup(&code_lists[ABSOLV_LIST_EVIDENCE_KIND], text, len);
}

/* ----------------------------------------------------------- code names */

/* canonical code of a measure, or NULL if out of range */
const char *
absolv_measure_code(absolv_measure m)
{
	if ((int) m < 0 || (int) m >= ABSOLV_MEASURE_COUNT)
		return NULL;
	return measure_codes[m];
}

/* canonical code of an exit outcome, or NULL if out of range */
const char *
absolv_outcome_code(absolv_outcome o)
{
	if ((int) o < 0 || (int) o >= ABSOLV_OUTCOME_COUNT)
		return NULL;
	return outcome_codes[o];
}

/* canonical code of a customer status, or NULL if out of range */
const char *
absolv_customer_status_code(absolv_customer_status s)
{
	if ((int) s < 0 || (int) s >= ABSOLV_CUSTOMER_STATUS_COUNT)
		return NULL;
	return status_codes[s];
}

/* canonical code of a legal sphere, or NULL if out of range */
const char *
absolv_legal_sphere_code(absolv_legal_sphere s)
{
	if ((int) s < 0 || (int) s >= ABSOLV_SPHERE_COUNT)
		return NULL;
	return sphere_codes[s];
}

/* CoSach status letter "A".."Z" of an index 0..25, or NULL */
const char *
absolv_cosach_code(int letter_index)
{
	if (letter_index < 0 || letter_index >= ABSOLV_COSACH_COUNT)
		return NULL;
	return cosach_codes[letter_index];
}

/* canonical code of a BvB goal, or NULL if out of range */
const char *
absolv_goal_code(absolv_goal g)
{
	if ((int) g < 0 || (int) g >= ABSOLV_GOAL_COUNT)
		return NULL;
	return goal_codes[g];
}

/* canonical code of an evidence kind, or NULL if out of range */
const char *
absolv_evidence_kind_code(absolv_evidence_kind k)
{
	if ((int) k < 0 || (int) k >= ABSOLV_KIND_COUNT)
		return NULL;
	return kind_codes[k];
}

/* ------------------------------------------------------- accepted codes */

/* accepted exit outcomes, for error hints */
const char *
absolv_outcome_accepted(void)
{
	return "SUCCESS, GOAL_EARLY, PREMATURE";
}

/* accepted customer statuses, for error hints */
const char *
absolv_customer_status_accepted(void)
{
	return "ALO, ASU, RASU, NAS";
}

/* accepted legal spheres, for error hints */
const char *
absolv_legal_sphere_accepted(void)
{
	return "SGB2, SGB3";
}

/* accepted CoSach statuses, for error hints */
const char *
absolv_cosach_accepted(void)
{
	return "a single letter A-Z, for example B (bewilligt, teilnehmend)";
}

/* ------------------------------------------------------------- aliases */

/*
 * Row i of a list's accepted spellings: first the canonical codes (alias =
 * code), then the aliases as written.  False past the end or for a list
 * that does not exist.
 */
bool
absolv_code_alias(absolv_code_list list, int i,
				  const char **alias, const char **code)
{
	const code_list *l;
	const char *a;
	const char *c;

	if ((int) list < 0 || (size_t) list >= lengthof(code_lists) || i < 0)
		return false;
	l = &code_lists[list];
	if (i < l->ncodes)
		a = c = l->codes[i];
	else if (i - l->ncodes < l->naliases)
	{
		a = l->aliases[i - l->ncodes].alias;
		c = l->codes[l->aliases[i - l->ncodes].code];
	}
	else
		return false;
	if (alias != NULL)
		*alias = a;
	if (code != NULL)
		*code = c;
	return true;
}
