/*
 * window_functions.c
 *	  Dates of a rule: the requirement window and the evidence horizon of a
 *	  participation, working days and public holidays.
 *
 * absolv_window and absolv_horizon come in two forms.  So do the bounds
 * of the horizon and absolv_in_horizon, the evidence predicate whose
 * planner support turns it into index bounds.  The exit-only form
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
PG_FUNCTION_INFO_V1(absolv_horizon_start_exit);
PG_FUNCTION_INFO_V1(absolv_horizon_start_case);
PG_FUNCTION_INFO_V1(absolv_horizon_end_exit);
PG_FUNCTION_INFO_V1(absolv_horizon_end_case);
PG_FUNCTION_INFO_V1(absolv_in_horizon_exit);
PG_FUNCTION_INFO_V1(absolv_in_horizon_case);
PG_FUNCTION_INFO_V1(absolv_add_working_days_date);
PG_FUNCTION_INFO_V1(absolv_holiday);

/* which range of a variant a function looks at */
typedef enum evidence_range
{
	RANGE_WINDOW,				/* the requirement window */
	RANGE_HORIZON				/* every day of evidence the rule looks at */
} evidence_range;

/*
 * The closed range of days [from, to] a function computed.  ok is false
 * when it is NULL: the range could not be computed, or to + 1 is no date
 * (so that the daterange '[from, to + 1)' and the two bounds agree).
 */
typedef struct day_range
{
	bool		ok;
	absolv_day	from;
	absolv_day	to;
} day_range;

/*
 * A call site's cache of computed ranges.  In a hash join the evidence
 * prefilter is evaluated for every pair of participation and evidence row,
 * and the index bounds of absolv_in_horizon once or twice per
 * participation, but a range depends only on the rule, the variant and the
 * exit day, and the exits of a report fall on a few hundred to a few
 * thousand days: a direct-mapped cache on the exit day spares the date
 * arithmetic (working days, months) of most calls.  Consecutive exit days
 * of one variant take consecutive slots, and each variant starts its run
 * elsewhere, so the exits of about ten years share the cache without
 * evicting each other (128 kB per call site, allocated on the first call).
 */
#define RANGE_CACHE_SLOTS 4096	/* a power of two */
#define RANGE_SLOT_OF(exit, variant, which) \
	(((uint32) (exit) + (uint32) ((variant) + 1) * 1237u + (uint32) (which) * 613u) & \
	 (RANGE_CACHE_SLOTS - 1))

typedef struct range_cache_slot
{
	const absolv_rule *rule;	/* NULL: empty slot */
	int16		variant;		/* -1: the hull over all variants */
	int16		which;			/* evidence_range */
	absolv_day	exit;
	day_range	range;
} range_cache_slot;

/* the range of variant (or, for -1, of the whole rule) for an exit day */
static day_range
compute_range(const absolv_rule *rule, int variant, evidence_range which, absolv_day exit)
{
	day_range	r = {false, 0, 0};

	if (which == RANGE_WINDOW)
		r.ok = absolv_variant_window(&rule->variants[variant < 0 ? 0 : variant], exit,
									 &r.from, &r.to);
	else if (variant < 0)
		r.ok = absolv_rule_horizon(rule, exit, &r.from, &r.to);
	else
		r.ok = absolv_variant_horizon(&rule->variants[variant], exit, &r.from, &r.to);
	r.ok = r.ok && IS_VALID_DATE((int64) r.to + 1);
	return r;
}

/* compute_range through the call site's cache */
static day_range
cached_range(FunctionCallInfo fcinfo, const absolv_rule *rule, int variant,
			 evidence_range which, absolv_day exit)
{
	range_cache_slot *slots = absolv_call_site_extra(fcinfo->flinfo,
													 RANGE_CACHE_SLOTS * sizeof(range_cache_slot));
	range_cache_slot *slot = &slots[RANGE_SLOT_OF(exit, variant, which)];

	if (slot->rule != rule || slot->variant != variant || slot->which != (int16) which ||
		slot->exit != exit)
	{
		slot->range = compute_range(rule, variant, which, exit);
		slot->rule = rule;
		slot->variant = (int16) variant;
		slot->which = (int16) which;
		slot->exit = exit;
	}
	return slot->range;
}

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
	return cached_range(fcinfo, rule, -1, which, exit);
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

	return cached_range(fcinfo, rule, index, which, p.exit);
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

/* absolv_horizon_start(exit_date, rule): the first day of the horizon */
Datum
absolv_horizon_start_exit(PG_FUNCTION_ARGS)
{
	day_range	r = exit_range(fcinfo, 0, RANGE_HORIZON);

	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(r.from);
}

/* absolv_horizon_start(entry_date, exit_date, measure, rule) */
Datum
absolv_horizon_start_case(PG_FUNCTION_ARGS)
{
	day_range	r = case_range(fcinfo, 0, RANGE_HORIZON);

	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(r.from);
}

/* absolv_horizon_end(exit_date, rule): the last day of the horizon */
Datum
absolv_horizon_end_exit(PG_FUNCTION_ARGS)
{
	day_range	r = exit_range(fcinfo, 0, RANGE_HORIZON);

	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(r.to);
}

/* absolv_horizon_end(entry_date, exit_date, measure, rule) */
Datum
absolv_horizon_end_case(PG_FUNCTION_ARGS)
{
	day_range	r = case_range(fcinfo, 0, RANGE_HORIZON);

	if (!r.ok)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(r.to);
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
