/*
 * window_functions.c
 *	  Dates of a rule: the requirement window and the evidence horizon of a
 *	  participation, working days and public holidays.
 *
 * absolv_window and absolv_horizon come in two forms.  The exit-only form
 * serves rules with one window for every participation; the form with
 * entry date and measure picks the variant that applies.  A window or
 * horizon that cannot be computed from the data (unknown dates, arithmetic
 * leaving the date range) is NULL, never an error: a report over real
 * tables must not stop on one bad row.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "absolv_pg.h"

PG_FUNCTION_INFO_V1(absolv_window_exit);
PG_FUNCTION_INFO_V1(absolv_window_case);
PG_FUNCTION_INFO_V1(absolv_horizon_exit);
PG_FUNCTION_INFO_V1(absolv_horizon_case);
PG_FUNCTION_INFO_V1(absolv_add_working_days_date);
PG_FUNCTION_INFO_V1(absolv_holiday);

/* which range of a variant a function returns */
typedef enum evidence_range
{
	RANGE_WINDOW,				/* the requirement window */
	RANGE_HORIZON				/* every day of evidence the rule looks at */
} evidence_range;

/*
 * Return the closed range [from, to] as the daterange '[from, to + 1)', or
 * NULL when ok is false (the range could not be computed) or when to + 1 is
 * no date.
 */
static Datum
return_daterange(FunctionCallInfo fcinfo, bool ok, absolv_day from,
				 absolv_day to)
{
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;

	if (!ok || !IS_VALID_DATE((int64) to + 1))
		PG_RETURN_NULL();

	typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);

	lower.val = DateADTGetDatum(from);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;

	upper.val = DateADTGetDatum(to + 1);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;

#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, from > to, NULL));
#else
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, from > to));
#endif
}

/*
 * The range of a rule for an exit date alone (arguments: exit date, rule;
 * strict).  A window is defined only for a rule whose variants share one;
 * the horizon is the hull over all variants, so it is always defined and
 * is the safe prefilter of an evidence join.
 */
static Datum
exit_range(FunctionCallInfo fcinfo, evidence_range which)
{
	DateADT		exit = PG_GETARG_DATEADT(0);
	const absolv_rule *rule =
		absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(1))->rule;
	absolv_day	from = 0;
	absolv_day	to = 0;
	bool		ok;

	/* a property of the rule, not of the data: checked before the data */
	if (which == RANGE_WINDOW && absolv_window_depends_on_case(rule))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("rule \"%s\" has no single window", rule->name),
				errdetail("Its window depends on the measure or the duration of the participation."),
				errhint("Use absolv_window(entry_date, exit_date, measure, rule)."));

	if (DATE_NOT_FINITE(exit))
		PG_RETURN_NULL();

	if (which == RANGE_WINDOW)
		ok = absolv_variant_window(&rule->variants[0], exit, &from, &to);
	else
		ok = absolv_rule_horizon(rule, exit, &from, &to);
	return return_daterange(fcinfo, ok, from, to);
}

/*
 * The range of the variant that applies to a participation (arguments:
 * entry date, exit date, measure, rule; not strict).  NULL when the rule or
 * the exit date is NULL, when the dates are infinite or the exit precedes
 * the entry, and when the entry is NULL but the choice of the variant
 * needs the duration.  A NULL measure is an unknown one.
 */
static Datum
case_range(FunctionCallInfo fcinfo, evidence_range which)
{
	absolv_participation p;
	const absolv_rule *rule;
	const absolv_variant *variant;
	int			index;
	absolv_day	from = 0;
	absolv_day	to = 0;
	bool		ok;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_NULL();

	absolv_participation_from_args(fcinfo, 0, 1, 2, &p);
	if (DATE_NOT_FINITE(p.exit) || (!p.entry_null && !absolv_dates_valid(&p)))
		PG_RETURN_NULL();

	rule = absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(3))->rule;
	index = absolv_select_variant(rule, !p.entry_null, p.entry, p.exit,
								  p.measure == ABSOLV_CODE_NULL ?
								  ABSOLV_CODE_UNKNOWN : p.measure);
	if (index < 0)
		PG_RETURN_NULL();

	variant = &rule->variants[index];
	if (which == RANGE_WINDOW)
		ok = absolv_variant_window(variant, p.exit, &from, &to);
	else
		ok = absolv_variant_horizon(variant, p.exit, &from, &to);
	return return_daterange(fcinfo, ok, from, to);
}

/* absolv_window(exit_date, rule): the requirement window */
Datum
absolv_window_exit(PG_FUNCTION_ARGS)
{
	return exit_range(fcinfo, RANGE_WINDOW);
}

/* absolv_window(entry_date, exit_date, measure, rule): the variant's window */
Datum
absolv_window_case(PG_FUNCTION_ARGS)
{
	return case_range(fcinfo, RANGE_WINDOW);
}

/* absolv_horizon(exit_date, rule): the hull of the horizons of all variants */
Datum
absolv_horizon_exit(PG_FUNCTION_ARGS)
{
	return exit_range(fcinfo, RANGE_HORIZON);
}

/* absolv_horizon(entry_date, exit_date, measure, rule): the variant's horizon */
Datum
absolv_horizon_case(PG_FUNCTION_ARGS)
{
	return case_range(fcinfo, RANGE_HORIZON);
}

/*
 * absolv_add_working_days(day, n, land): the n-th working day after day in
 * the Land (n = 0 gives day itself).  An infinite day stays as it is.  The
 * C name has a suffix: absolv_add_working_days is the core's function.
 */
Datum
absolv_add_working_days_date(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	absolv_land land = absolv_lookup_land(PG_GETARG_TEXT_PP(2));
	absolv_day	result;

	if (n < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("number of working days must not be negative: %d", n));

	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);

	if (!absolv_add_working_days(day, n, land, &result))
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range"));
	PG_RETURN_DATEADT(result);
}

/*
 * absolv_holiday(day, land): the German name of the public holiday on that
 * day in the Land, or NULL.
 */
Datum
absolv_holiday(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	absolv_land land = absolv_lookup_land(PG_GETARG_TEXT_PP(1));
	const char *name;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_NULL();

	name = absolv_holiday_name(day, land);
	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}
