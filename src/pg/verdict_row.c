/*
 * verdict_row.c
 *	  The absolv_verdict_result of a case as of a day: its status (see
 *	  docs/rule-language.md), the rule's name, variant and fingerprint, the
 *	  window, the last day to act, the days left, the parts of the
 *	  requirement that are missing and the days of the evidence that
 *	  satisfied it.  absolv_verdict and absolv_partial_verdict return it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "case_state.h"

/* columns of absolv_verdict_result */
enum
{
	VERDICT_STATUS,
	VERDICT_RULE_NAME,
	VERDICT_VARIANT,
	VERDICT_RULE_FINGERPRINT,
	VERDICT_WINDOW_FROM,
	VERDICT_WINDOW_TO,
	VERDICT_LAST_DAY,
	VERDICT_DAYS_LEFT,
	VERDICT_MISSING,
	VERDICT_EVIDENCE_DATES,
	VERDICT_COLUMNS
};

/* the canonical text of part `part` of a variant's requirement */
static Datum
part_text(const absolv_variant *variant, int part)
{
	char		buf[256];
	size_t		len = absolv_part_print(variant, part, buf, sizeof(buf));
	char	   *longer;

	if (len < sizeof(buf))
		return PointerGetDatum(cstring_to_text_with_len(buf, len));
	longer = palloc(len + 1);
	absolv_part_print(variant, part, longer, len + 1);
	return PointerGetDatum(cstring_to_text_with_len(longer, len));
}

/* the parts of the requirement that do not hold, as text[] */
static Datum
missing_parts(const absolv_variant *variant, const absolv_verdict *verdict)
{
	Datum		parts[ABSOLV_MAX_NODES];
	int			n = 0;

	StaticAssertStmt(ABSOLV_MAX_NODES <= 32,
					 "a requirement has at most 32 parts, one bit of missing each");
	for (int i = 0; i < verdict->nparts; i++)
		if (verdict->missing & (1u << i))
			parts[n++] = part_text(variant, i);
	return PointerGetDatum(construct_array(parts, n, TEXTOID, -1, false,
										   TYPALIGN_INT));
}

/* the days of the evidence that satisfied the requirement, as date[] */
static Datum
evidence_dates(const absolv_verdict *verdict)
{
	Datum		days[ABSOLV_MAX_EVIDENCE_DATES];

	for (int i = 0; i < verdict->nevidence; i++)
		days[i] = DateADTGetDatum(verdict->evidence[i]);
	return PointerGetDatum(construct_array(days, verdict->nevidence, DATEOID,
										   sizeof(DateADT), true, TYPALIGN_INT));
}

/*
 * The absolv_verdict_result of case c under cached rule as of a day (see
 * sql/absolv.sql for the meaning of each column).
 */
Datum
absolv_verdict_row(FunctionCallInfo fcinfo, const absolv_cached_rule *cached,
				   const absolv_case *c, absolv_day as_of)
{
	const absolv_rule *rule = cached->rule;
	const absolv_variant *variant = &rule->variants[c->variant];
	absolv_verdict verdict;
	TupleDesc	tupdesc;
	Datum		values[VERDICT_COLUMNS];
	bool		nulls[VERDICT_COLUMNS];
	bool		unfulfilled;
	text	   *name;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type of absolv_verdict_finalfn must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	absolv_case_verdict(c, as_of, &verdict);
	unfulfilled = verdict.status == ABSOLV_STATUS_PENDING ||
		verdict.status == ABSOLV_STATUS_MISSED;
	memset(nulls, true, sizeof(nulls));

	values[VERDICT_STATUS] = CStringGetTextDatum(absolv_status_name(verdict.status));
	nulls[VERDICT_STATUS] = false;
	name = absolv_field_text(rule->name, sizeof(rule->name));
	values[VERDICT_RULE_NAME] = PointerGetDatum(name);
	nulls[VERDICT_RULE_NAME] = name == NULL;
	if (rule->has_variants && !c->invalid)
	{
		name = absolv_field_text(variant->name, sizeof(variant->name));
		values[VERDICT_VARIANT] = PointerGetDatum(name);
		nulls[VERDICT_VARIANT] = name == NULL;
	}
	values[VERDICT_RULE_FINGERPRINT] =
		PointerGetDatum(absolv_fingerprint_text(cached->text, cached->len));
	nulls[VERDICT_RULE_FINGERPRINT] = false;
	if (verdict.status != ABSOLV_STATUS_INVALID)
	{
		values[VERDICT_WINDOW_FROM] = DateADTGetDatum(verdict.window_from);
		values[VERDICT_WINDOW_TO] = DateADTGetDatum(verdict.window_to);
		nulls[VERDICT_WINDOW_FROM] = nulls[VERDICT_WINDOW_TO] = false;
	}
	if (unfulfilled && verdict.has_last_day)
	{
		values[VERDICT_LAST_DAY] = DateADTGetDatum(verdict.last_day);
		nulls[VERDICT_LAST_DAY] = false;
	}
	if (verdict.status == ABSOLV_STATUS_PENDING && !DATE_NOT_FINITE(as_of))
	{
		values[VERDICT_DAYS_LEFT] = Int32GetDatum(verdict.last_day - as_of);
		nulls[VERDICT_DAYS_LEFT] = false;
	}
	if (unfulfilled && verdict.missing != 0)
	{
		values[VERDICT_MISSING] = missing_parts(variant, &verdict);
		nulls[VERDICT_MISSING] = false;
	}
	if (verdict.nevidence > 0)
	{
		values[VERDICT_EVIDENCE_DATES] = evidence_dates(&verdict);
		nulls[VERDICT_EVIDENCE_DATES] = false;
	}

	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}
