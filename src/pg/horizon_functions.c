/*
 * horizon_functions.c
 *	  The days a rule looks at: the requirement window and the evidence
 *	  horizon of a participation, and absolv_in_horizon, the evidence
 *	  predicate whose planner support turns it into index bounds.
 *
 * absolv_window and absolv_horizon come in two forms.  So do the bounds
 * of the horizon and absolv_in_horizon.  The exit-only form
 * serves rules with one window for every participation; the form with
 * entry date and measure picks the variant that applies.  A window or
 * horizon that cannot be computed from the data (unknown dates, arithmetic
 * leaving the date range) is NULL, never an error: a report over real
 * tables must not stop on one bad row.  The ranges are computed through
 * the call-site cache (call_site_cache.c).
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
PG_FUNCTION_INFO_V1(absolv_horizon_start_exit);
PG_FUNCTION_INFO_V1(absolv_horizon_start_case);
PG_FUNCTION_INFO_V1(absolv_horizon_end_exit);
PG_FUNCTION_INFO_V1(absolv_horizon_end_case);
PG_FUNCTION_INFO_V1(absolv_in_horizon_exit);
PG_FUNCTION_INFO_V1(absolv_in_horizon_case);

/*
 * The range of a rule for an exit date alone: arguments exit date and rule
 * at positions first and first + 1, both not NULL.  A window is defined
 * only for a rule whose variants share one; the horizon is the hull over
 * all variants, so it is always defined and is the safe prefilter of an
 * evidence join.
 */
static day_range
exit_range(FunctionCallInfo fcinfo, int first, evidence_range which)
{
	DateADT		exit = PG_GETARG_DATEADT(first);
	const absolv_rule *rule =
		absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(first + 1))->rule;
	day_range	r = {false, 0, 0};

	/* a property of the rule, not of the data: checked before the data */
	if (which == RANGE_WINDOW && absolv_window_depends_on_case(rule))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("rule \"%s\" has no single window", rule->name),
				errdetail("Its window depends on the measure or the duration of the participation."),
				errhint("Use absolv_window(entry_date, exit_date, measure, rule)."));

	if (DATE_NOT_FINITE(exit))
		return r;
	return absolv_cached_range(fcinfo->flinfo, rule, -1, which, exit);
}

/*
 * The range of the variant that applies to a participation: arguments
 * entry date, exit date, measure, rule from position first on.  Not
 * computed (ok false) when the rule or the exit date is NULL, when the
 * dates are infinite or the exit precedes the entry, and when the entry is
 * NULL but the choice of the variant needs the duration.  A NULL measure
 * is an unknown one.
 */
static day_range
case_range(FunctionCallInfo fcinfo, int first, evidence_range which)
{
	absolv_participation p;
	const absolv_rule *rule;
	int			index;
	day_range	r = {false, 0, 0};

	if (PG_ARGISNULL(first + 1) || PG_ARGISNULL(first + 3))
		return r;

	absolv_participation_from_args(fcinfo, first, first + 1, first + 2, &p);
	if (DATE_NOT_FINITE(p.exit) || (!p.entry_null && !absolv_dates_valid(&p)))
		return r;

	rule = absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(first + 3))->rule;
	index = absolv_select_variant(rule, !p.entry_null, p.entry, p.exit,
								  p.measure == ABSOLV_CODE_NULL ?
								  ABSOLV_CODE_UNKNOWN : p.measure);
	if (index < 0)
		return r;

	return absolv_cached_range(fcinfo->flinfo, rule, index, which, p.exit);
}

/* a range as the daterange '[from, to + 1)', or NULL */
static Datum
return_daterange(FunctionCallInfo fcinfo, day_range r)
{
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;

	if (!r.ok)
		PG_RETURN_NULL();

	typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);

	lower.val = DateADTGetDatum(r.from);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;

	upper.val = DateADTGetDatum(r.to + 1);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;

#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, r.from > r.to, NULL));
#else
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, r.from > r.to));
#endif
}

/* absolv_window(exit_date, rule): the requirement window */
Datum
absolv_window_exit(PG_FUNCTION_ARGS)
{
	return return_daterange(fcinfo, exit_range(fcinfo, 0, RANGE_WINDOW));
}

/* absolv_window(entry_date, exit_date, measure, rule): the variant's window */
Datum
absolv_window_case(PG_FUNCTION_ARGS)
{
	return return_daterange(fcinfo, case_range(fcinfo, 0, RANGE_WINDOW));
}

/* absolv_horizon(exit_date, rule): the hull of the horizons of all variants */
Datum
absolv_horizon_exit(PG_FUNCTION_ARGS)
{
	return return_daterange(fcinfo, exit_range(fcinfo, 0, RANGE_HORIZON));
}

/* absolv_horizon(entry_date, exit_date, measure, rule): the variant's horizon */
Datum
absolv_horizon_case(PG_FUNCTION_ARGS)
{
	return return_daterange(fcinfo, case_range(fcinfo, 0, RANGE_HORIZON));
}

/* the first (end false) or last (end true) day of a range, or NULL */
static Datum
return_bound(FunctionCallInfo fcinfo, day_range r, bool end)
{
	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(end ? r.to : r.from);
}

/* absolv_horizon_start(exit_date, rule): the first day of the horizon */
Datum
absolv_horizon_start_exit(PG_FUNCTION_ARGS)
{
	return return_bound(fcinfo, exit_range(fcinfo, 0, RANGE_HORIZON), false);
}

/* absolv_horizon_start(entry_date, exit_date, measure, rule) */
Datum
absolv_horizon_start_case(PG_FUNCTION_ARGS)
{
	return return_bound(fcinfo, case_range(fcinfo, 0, RANGE_HORIZON), false);
}

/* absolv_horizon_end(exit_date, rule): the last day of the horizon */
Datum
absolv_horizon_end_exit(PG_FUNCTION_ARGS)
{
	return return_bound(fcinfo, exit_range(fcinfo, 0, RANGE_HORIZON), true);
}

/* absolv_horizon_end(entry_date, exit_date, measure, rule) */
Datum
absolv_horizon_end_case(PG_FUNCTION_ARGS)
{
	return return_bound(fcinfo, case_range(fcinfo, 0, RANGE_HORIZON), true);
}

/*
 * absolv_in_horizon(at, exit_date, rule): is a day of evidence inside the
 * horizon?  Where an index on the day of evidence is used, its support
 * function (planner_support.c) gives the index bounds instead, and this
 * never runs.
 */
Datum
absolv_in_horizon_exit(PG_FUNCTION_ARGS)
{
	DateADT		at = PG_GETARG_DATEADT(0);
	day_range	r = exit_range(fcinfo, 1, RANGE_HORIZON);

	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(at >= r.from && at <= r.to);
}

/* absolv_in_horizon(at, entry_date, exit_date, measure, rule), not strict */
Datum
absolv_in_horizon_case(PG_FUNCTION_ARGS)
{
	DateADT		at;
	day_range	r;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	at = PG_GETARG_DATEADT(0);
	r = case_range(fcinfo, 1, RANGE_HORIZON);
	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(at >= r.from && at <= r.to);
}
