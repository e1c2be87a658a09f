/*
 * code_args.c
 *	  Text arguments -> codes of the core, and the participation of a
 *	  call's entry date, exit date and measure arguments.  Each function is
 *	  named after the code it gives, with the suffix _arg
 *	  (absolv_measure_arg); the core's lookups of raw bytes have the suffix
 *	  _lookup (absolv_measure_lookup).
 *
 * docs/codes.md: an unknown outcome, customer status, legal sphere or
 * CoSach status is an error that names the value and the accepted codes, so
 * that a mapping mistake cannot silently change a quota.  Every such
 * argument is checked, whether or not the rule filters on it.  An unknown
 * measure, goal or evidence kind is data the rules do not cover, never an
 * error.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/date.h"

#include "absolv_pg.h"

/* a lookup function of codes.h or calendar.h */
typedef int (*code_lookup) (const char *text, size_t len);

/*
 * A per-backend cache of looked-up code texts.  Reports look up the codes
 * of every row (the evidence kind in the aggregates, measure, outcome and
 * statuses in absolv_in_scope), and a table holds few distinct spellings.
 * Every lookup is a fixed function of the text, so the cache never goes
 * stale.  It is direct-mapped on a hash of the list and the bytes; a text
 * longer than a slot's key is looked up every time.
 */
#define LOOKUP_CACHE_SLOTS	256
#define LOOKUP_CACHE_KEY	30

typedef struct lookup_cache_slot
{
	code_lookup lookup;			/* NULL: empty slot */
	int			code;
	uint8		len;
	char		bytes[LOOKUP_CACHE_KEY];
} lookup_cache_slot;

static lookup_cache_slot lookup_cache[LOOKUP_CACHE_SLOTS];

/* look a non-NULL text argument up */
static int
lookup_text(const text *code, code_lookup lookup)
{
	const char *bytes = VARDATA_ANY(code);
	int			len = VARSIZE_ANY_EXHDR(code);
	lookup_cache_slot *slot;
	uint32		hash = (uint32) len ^ (uint32) (uintptr_t) lookup;

	if (len == 0 || len > LOOKUP_CACHE_KEY)
		return lookup(bytes, len);
	for (int i = 0; i < len; i++)
		hash = hash * 31 + (unsigned char) bytes[i];
	slot = &lookup_cache[hash % LOOKUP_CACHE_SLOTS];
	if (slot->lookup != lookup || slot->len != len || memcmp(slot->bytes, bytes, len) != 0)
	{
		slot->code = lookup(bytes, len);
		slot->lookup = lookup;
		slot->len = (uint8) len;
		memcpy(slot->bytes, bytes, len);
	}
	return slot->code;
}

/*
 * Look up a code that must be known: an unknown one is an error naming the
 * value and the accepted codes.  list names the code list in the message
 * ("outcome"); null_meaning completes the hint for NULL.
 */
static int
lookup_known(const text *code, code_lookup lookup, const char *list,
			 const char *accepted, const char *null_meaning)
{
	int			result = lookup_text(code, lookup);

	if (result == ABSOLV_CODE_UNKNOWN)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown %s code \"%s\"", list,
					   absolv_clip_for_message(VARDATA_ANY(code),
											   VARSIZE_ANY_EXHDR(code))),
				errhint("Accepted codes: %s, or NULL%s. German aliases are listed in docs/codes.md.",
						accepted, null_meaning));
	return result;
}

/* the outcome of a participation; NULL counts as SUCCESS */
int
absolv_outcome_arg(const text *code)
{
	if (code == NULL)
		return ABSOLV_OUTCOME_SUCCESS;
	return lookup_known(code, absolv_outcome_lookup, "outcome",
						absolv_outcome_accepted(), "; NULL counts as SUCCESS");
}

/* the customer status (ALO, ASU, ...), or ABSOLV_CODE_NULL */
int
absolv_customer_status_arg(const text *code)
{
	if (code == NULL)
		return ABSOLV_CODE_NULL;
	return lookup_known(code, absolv_customer_status_lookup, "customer status",
						absolv_customer_status_accepted(), " (also written \"nicht gesetzt\")");
}

/* the legal sphere (SGB2, SGB3), or ABSOLV_CODE_NULL */
int
absolv_legal_sphere_arg(const text *code)
{
	if (code == NULL)
		return ABSOLV_CODE_NULL;
	return lookup_known(code, absolv_legal_sphere_lookup, "legal sphere",
						absolv_legal_sphere_accepted(), "");
}

/* the CoSach status letter index, or ABSOLV_CODE_NULL */
int
absolv_cosach_status_arg(const text *code)
{
	if (code == NULL)
		return ABSOLV_CODE_NULL;
	return lookup_known(code, absolv_cosach_lookup, "CoSach status",
						absolv_cosach_accepted(), "");
}

/* the goal of a BvB, or ABSOLV_CODE_NULL; any unknown goal is OTHER */
int
absolv_goal_arg(const text *code)
{
	if (code == NULL)
		return ABSOLV_CODE_NULL;
	return lookup_text(code, absolv_goal_lookup);
}

/* the measure, ABSOLV_CODE_UNKNOWN (in no rule's scope) or ABSOLV_CODE_NULL */
int
absolv_measure_arg(const text *code)
{
	if (code == NULL)
		return ABSOLV_CODE_NULL;
	return lookup_text(code, absolv_measure_lookup);
}

/* the evidence kind, or ABSOLV_CODE_UNKNOWN for a kind no rule uses */
int
absolv_evidence_kind_arg(const text *code)
{
	return lookup_text(code, absolv_evidence_kind_lookup);
}

/*
 * A calendar (a Land or a regional calendar) by its code, German name or
 * alias; unknown: error listing the codes
 */
absolv_land
absolv_land_arg(const text *code)
{
	int			land = lookup_text(code, absolv_land_lookup);

	if (land < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown calendar code \"%s\"",
					   absolv_clip_for_message(VARDATA_ANY(code),
											   VARSIZE_ANY_EXHDR(code))),
				errhint("Accepted codes: %s, or the German name of the Land.",
						absolv_land_accepted()));
	return (absolv_land) land;
}

/*
 * The participation given by the entry date, exit date and measure
 * arguments of fcinfo, any of them NULL; the attributes that are not
 * arguments are NULL (not checked) and the outcome is SUCCESS.
 */
void
absolv_participation_from_args(FunctionCallInfo fcinfo, int entry_arg,
							   int exit_arg, int measure_arg,
							   absolv_participation *p)
{
	p->entry_null = PG_ARGISNULL(entry_arg);
	p->entry = p->entry_null ? 0 : PG_GETARG_DATEADT(entry_arg);
	p->exit_null = PG_ARGISNULL(exit_arg);
	p->exit = p->exit_null ? 0 : PG_GETARG_DATEADT(exit_arg);
	p->measure = absolv_measure_arg(ABSOLV_GETARG_TEXT_OR_NULL(measure_arg));
	p->outcome = ABSOLV_OUTCOME_SUCCESS;
	p->customer_status = ABSOLV_CODE_NULL;
	p->legal_sphere = ABSOLV_CODE_NULL;
	p->cosach_status = ABSOLV_CODE_NULL;
	p->goal = ABSOLV_CODE_NULL;
}
